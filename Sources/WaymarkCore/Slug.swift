/// Turns text into a URL- and id-friendly word: lowercased, letters and digits of any script
/// kept, everything else collapsed into single hyphens (`Who we are?` → `who-we-are`).
public enum Slug {
    /// The slug of `text`, or `fallback` when nothing is left.
    public static func make(_ text: String, fallback: String) -> String {
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
