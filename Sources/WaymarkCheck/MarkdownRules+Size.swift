import Foundation
import WaymarkCore

/// Reading and writing file sizes in link text: "4 KB", "1,2 MB", "٤ كيلوبايت".
enum SizeText {
    /// A word or a number in a link text.
    struct Token: Equatable {
        /// A word in lower case.
        var word: String?
        var number: String?
        /// The token as written.
        var text: String
    }

    /// A size as a link text gives it.
    struct Size: Equatable {
        var bytes: Double
        /// `1,2 MB`, as written.
        var text: String
    }

    /// Words (lower case, letters then letters or digits: `mp3`) and numbers (digits with `.`
    /// or `,` inside: `1,2`); everything else separates them.
    static func tokens(_ text: String) -> [Token] {
        var tokens: [Token] = []
        var current = "", written = ""
        var isNumber = false
        func finish() {
            if !current.isEmpty { tokens.append(isNumber ? Token(number: current, text: written) : Token(word: current.lowercased(), text: written)) }
            current = ""
            written = ""
        }
        let originals = Array(text)
        let characters = originals.map(asciiDigit)
        for (index, character) in characters.enumerated() {
            if character.isLetter {
                if isNumber { finish() }
                if current.isEmpty { isNumber = false }
            } else if character.isASCII && character.isNumber {
                if current.isEmpty { isNumber = true }
            } else if !(isNumber && ".,".contains(character) && index + 1 < characters.count
                        && characters[index + 1].isASCII && characters[index + 1].isNumber) {
                finish()
                continue
            }
            current.append(character)
            written.append(originals[index])
        }
        finish()
        return tokens
    }

    /// Arabic-Indic digits as ASCII, and the Arabic decimal separator as a comma.
    private static func asciiDigit(_ character: Character) -> Character {
        guard let scalar = character.unicodeScalars.first, character.unicodeScalars.count == 1 else { return character }
        switch scalar.value {
        case 0x0660...0x0669: return Character(Unicode.Scalar(scalar.value - 0x0660 + 0x30)!)
        case 0x06F0...0x06F9: return Character(Unicode.Scalar(scalar.value - 0x06F0 + 0x30)!)
        case 0x066B: return ","
        default: return character
        }
    }

    /// Bytes per unit word, lower case.
    static let units: [String: Double] = [
        "byte": 1, "bytes": 1, "kb": 1024, "kib": 1024, "mb": 1024 * 1024, "mib": 1024 * 1024,
        "gb": 1024 * 1024 * 1024, "gib": 1024 * 1024 * 1024,
        "بايت": 1, "كيلوبايت": 1024, "ميغابايت": 1024 * 1024, "ميجابايت": 1024 * 1024,
        "غيغابايت": 1024 * 1024 * 1024, "جيجابايت": 1024 * 1024 * 1024,
    ]

    /// The first "number unit" in `tokens`.
    static func firstSize(in tokens: [Token], language: LanguageTag) -> Size? {
        for (number, unit) in zip(tokens, tokens.dropFirst()) {
            guard let digits = number.number, let word = unit.word, let bytes = units[word],
                  let value = value(of: digits, language: language) else { continue }
            return Size(bytes: value * bytes, text: "\(number.text) \(unit.text)")
        }
        return nil
    }

    /// `1,2` is 1.2, except in English where `1,234` is a thousand and more.
    static func value(of digits: String, language: LanguageTag) -> Double? {
        if let comma = digits.firstIndex(of: ","), !digits.contains(".") {
            let after = digits[digits.index(after: comma)...]
            let thousands = language.primary == "en" && after.count == 3 && !after.contains(",")
            return Double(digits.replacingOccurrences(of: ",", with: thousands ? "" : "."))
        }
        return Double(digits.replacingOccurrences(of: ",", with: ""))
    }

    /// Languages that write a decimal comma.
    private static let decimalComma: Set<String> = ["pl", "ro", "sq", "vi", "lt"]

    /// `4 KB`, `1.2 MB`, `15 MB` (`1,2 MB` in languages with a decimal comma): as the theme
    /// writes sizes in download lists (WaymarkSite's `FileSize`), so the two agree, kilobytes
    /// rounded up and at least 1.
    static func format(_ bytes: Int, language: LanguageTag) -> String {
        let kilobytes = Double(bytes) / 1024
        if kilobytes < 1024 { return "\(max(1, Int(kilobytes.rounded(.up)))) KB" }
        let tenths = Int((kilobytes / 1024 * 10).rounded())
        guard tenths % 10 != 0 else { return "\(tenths / 10) MB" }
        return "\(tenths / 10)\(decimalComma.contains(language.primary) ? "," : ".")\(tenths % 10) MB"
    }
}
