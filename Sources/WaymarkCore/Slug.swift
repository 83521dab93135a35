/// Turns text into a URL- and id-friendly word: lowercased, letters and digits of any script
/// kept, everything else collapsed into single hyphens (`Who we are?` → `who-we-are`).
public enum Slug {
    /// The slug of `text`, or `fallback` when nothing is left.
    public static func make(_ text: String, fallback: String) -> String {
        asciiSlug(text, fallback: fallback) ?? characterSlug(text, fallback: fallback)
    }

    /// ``make(_:fallback:)`` of ASCII text, by bytes (nil for any other text): there every
    /// character is one byte, only letters and digits are kept, and nothing is a mark. Headings
    /// and tags are mostly ASCII, and reading them as Characters cost more than the rest of
    /// giving a page's headings their ids.
    static func asciiSlug(_ text: String, fallback: String) -> String? {
        var text = text
        return text.withUTF8 { bytes -> String? in
            var out: [UInt8] = []
            out.reserveCapacity(bytes.count)
            var pendingHyphen = false
            for byte in bytes {
                guard byte < 0x80 else { return nil }
                let lower = byte.asciiLowercased
                if (lower >= 0x61 && lower <= 0x7A) || (lower >= 0x30 && lower <= 0x39) {
                    if pendingHyphen, !out.isEmpty { out.append(0x2D) }
                    pendingHyphen = false
                    out.append(lower)
                } else {
                    pendingHyphen = true
                }
            }
            return out.isEmpty ? fallback : String(decoding: out, as: UTF8.self)
        }
    }

    /// ``make(_:fallback:)`` character by character, for any text.
    static func characterSlug(_ text: String, fallback: String) -> String {
        var out = ""
        var pendingHyphen = false
        for character in text.lowercased() {
            if character.isLetter || character.isNumber {
                if pendingHyphen, !out.isEmpty { out.append("-") }
                pendingHyphen = false
                out.append(character)
            } else if !character.isMark {
                pendingHyphen = true
            }
        }
        return out.isEmpty ? fallback : out
    }
}

extension Character {
    /// Combining marks (as in decomposed Vietnamese) stay with their letter.
    fileprivate var isMark: Bool {
        unicodeScalars.allSatisfy { $0.properties.generalCategory == .nonspacingMark || $0.properties.generalCategory == .spacingMark }
    }
}
