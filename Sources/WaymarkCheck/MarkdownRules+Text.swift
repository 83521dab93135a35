import Foundation
import WaymarkCore

/// Comparing short texts the way a reader hears them: case, punctuation, symbols and spacing
/// do not count, and spellings that look the same are made the same.
enum PhraseKey {
    /// `"Read more »"` → `read more`; `"Citeşte mai mult…"` → `citește mai mult`.
    static func of(_ text: String) -> String {
        var out = String.UnicodeScalarView()
        var pendingSpace = false
        for scalar in text.precomposedStringWithCanonicalMapping.lowercased().unicodeScalars {
            if let replaced = sameLetter[scalar] {
                appendKept(replaced, to: &out, pendingSpace: &pendingSpace)
            } else if isArabicMark(scalar) {
                continue
            } else if scalar.properties.isAlphabetic || scalar.properties.numericType != nil || isMark(scalar) {
                appendKept(scalar, to: &out, pendingSpace: &pendingSpace)
            } else {
                pendingSpace = !out.isEmpty
            }
        }
        return String(out)
    }

    private static func appendKept(_ scalar: Unicode.Scalar, to out: inout String.UnicodeScalarView, pendingSpace: inout Bool) {
        if pendingSpace { out.append(" ") }
        pendingSpace = false
        out.append(scalar)
    }

    /// Romanian is often typed with cedilla letters instead of comma-below ones, and Arabic alef
    /// with or without hamza; readers see no difference.
    private static let sameLetter: [Unicode.Scalar: Unicode.Scalar] = [
        "\u{015F}": "\u{0219}", "\u{0163}": "\u{021B}",
        "\u{0623}": "\u{0627}", "\u{0625}": "\u{0627}", "\u{0622}": "\u{0627}",
    ]

    /// Arabic vowel marks and the stretching tatweel, which are optional in writing.
    private static func isArabicMark(_ scalar: Unicode.Scalar) -> Bool {
        (0x064B...0x065F).contains(scalar.value) || scalar.value == 0x0670 || scalar.value == 0x0640
    }

    private static func isMark(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .spacingMark, .enclosingMark: return true
        default: return false
        }
    }
}

/// Words and phrases listed per language, matched in the page's language and in English
/// (translated pages often keep English link text and alt text).
struct LocalPhrases: Sendable {
    private let keys: [String: Set<String>]

    /// `phrases` by primary language subtag (`pl`), written as a reader would.
    init(_ phrases: [String: [String]]) {
        keys = phrases.mapValues { Set($0.map(PhraseKey.of)) }
    }

    /// Whether `text`, as a whole, is one of the phrases of `language` or of English.
    func matches(_ text: String, language: LanguageTag) -> Bool {
        let key = PhraseKey.of(text)
        return keys["en"]?.contains(key) == true || keys[language.primary]?.contains(key) == true
    }
}

extension LanguageTag {
    /// `pl` for `pl-PL`: the word lists are by language, not region.
    var primary: String { String(code.lowercased().prefix { $0 != "-" }) }
}
