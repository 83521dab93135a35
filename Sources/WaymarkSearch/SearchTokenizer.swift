import Foundation
import WaymarkCore

/// A word of a page or a query, as the search index stores it.
public struct SearchToken: Sendable, Hashable {
    /// Lowercased, as written: ranks exact forms higher ("łańcuch").
    public var exact: String
    /// Lowercased with diacritics and letter variants folded away: what matching uses
    /// ("lancuch"), so a reader typing without Polish or Vietnamese accents still finds the page.
    public var folded: String
    /// Position among the text's tokens, for phrases and excerpts.
    public var position: Int
}

/// Splits text into search tokens for any of the site's languages.
///
/// Words are runs of letters and digits. Scripts written without spaces between words (Chinese,
/// Japanese, Thai, Lao, Khmer, Myanmar) have no word boundaries to find without a dictionary, so
/// each run of them becomes overlapping two-character tokens — the usual approach for static
/// search, which matches any query of two characters or more.
public enum SearchTokenizer {
    /// The tokens of `text`, in order.
    public static func tokens(_ text: String) -> [SearchToken] {
        var result: [SearchToken] = []
        var word = String.UnicodeScalarView()
        var unspaced: [Unicode.Scalar] = []

        func flushWord() {
            guard !word.isEmpty else { return }
            let exact = String(word).lowercased()
            result.append(SearchToken(exact: exact, folded: fold(exact), position: result.count))
            word.removeAll()
        }
        func flushUnspaced() {
            guard !unspaced.isEmpty else { return }
            if unspaced.count == 1 {
                let text = String(String.UnicodeScalarView(unspaced))
                result.append(SearchToken(exact: text, folded: text, position: result.count))
            } else {
                for index in 0..<(unspaced.count - 1) {
                    let pair = String(String.UnicodeScalarView(unspaced[index...(index + 1)]))
                    result.append(SearchToken(exact: pair, folded: pair, position: result.count))
                }
            }
            unspaced.removeAll()
        }

        for scalar in text.unicodeScalars {
            if isUnspacedScript(scalar) {
                flushWord()
                unspaced.append(scalar)
            } else if isWordPart(scalar) {
                flushUnspaced()
                word.append(scalar)
            } else if (scalar == "'" || scalar == "\u{2019}"), !word.isEmpty {
                // "don't", "l'équipe": the apostrophe joins; the folded form drops it.
                word.append(scalar)
            } else {
                flushWord()
                flushUnspaced()
            }
        }
        flushWord()
        flushUnspaced()
        return result.map { token in
            var token = token
            token.exact = trimApostrophes(token.exact)
            token.folded = trimApostrophes(token.folded).replacingOccurrences(of: "'", with: "")
                .replacingOccurrences(of: "\u{2019}", with: "")
            return token
        }.filter { !$0.exact.isEmpty }
    }

    /// Lowercase text with accents and letter variants removed: `Łańcuch` → `lancuch`,
    /// `Việt` → `viet`, `ș` and `ş` → `s`, Arabic vowel marks and letter forms unified.
    public static func fold(_ text: String) -> String {
        var out = String.UnicodeScalarView()
        for scalar in text.lowercased().decomposedStringWithCanonicalMapping.unicodeScalars {
            switch scalar.properties.generalCategory {
            case .nonspacingMark, .enclosingMark, .spacingMark:
                continue
            default:
                break
            }
            if let replacement = letterFolds[scalar] {
                out.append(contentsOf: replacement.unicodeScalars)
            } else if scalar == "\u{0640}" {
                continue  // Arabic tatweel: stretching, not a letter
            } else {
                out.append(scalar)
            }
        }
        return String(out)
    }

    /// Letters that do not decompose into a base letter and a mark.
    static let letterFolds: [Unicode.Scalar: String] = [
        "ł": "l", "đ": "d", "ð": "d", "ø": "o", "ß": "ss", "æ": "ae", "œ": "oe", "ı": "i", "þ": "th", "ħ": "h",
        // Arabic: hamza forms of alef to alef, alef maqsura to ya, ta marbuta to ha.
        "\u{0623}": "\u{0627}", "\u{0625}": "\u{0627}", "\u{0622}": "\u{0627}", "\u{0671}": "\u{0627}",
        "\u{0649}": "\u{064A}", "\u{0629}": "\u{0647}",
    ]

    static func isWordPart(_ scalar: Unicode.Scalar) -> Bool {
        let properties = scalar.properties
        return properties.isAlphabetic || properties.numericType != nil
            || properties.generalCategory == .nonspacingMark || properties.generalCategory == .spacingMark
    }

    /// Han, Hiragana, Katakana, Thai, Lao, Khmer and Myanmar.
    static func isUnspacedScript(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x3040...0x30FF, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xF900...0xFAFF, 0x20000...0x2FA1F,  // kana, Han
             0x0E00...0x0E7F, 0x0E80...0x0EFF, 0x1780...0x17FF, 0x1000...0x109F:  // Thai, Lao, Khmer, Myanmar
            return true
        default:
            return false
        }
    }

    private static func trimApostrophes(_ text: String) -> String {
        var view = Substring(text)
        while view.last == "'" || view.last == "\u{2019}" { view = view.dropLast() }
        return String(view)
    }
}
