import Foundation
import WaymarkContent
import WaymarkCore

/// The start of a translation: a copy of the source page, to be translated and checked by a
/// qualified translator, that records which version of the source it was made from.
public enum TranslationDraft {
    /// Fields of the source page a translation must not copy: its own dates and checks are not
    /// the source's, and two pages cannot share an old address.
    static let droppedFields: Set<String> = ["updated", "translated_from", "reviewed_by", "reviewed_on", "aliases"]

    /// The translation's text, from the source page's `text` (as read, with LF line endings);
    /// the build's messages when its front matter cannot be read.
    public static func text(from text: String, sourceFile: String, language: SiteLanguage, sourceName: String,
                            today: CalendarDate) -> Result<String, BuildFailure> {
        let split: SplitSource
        switch FrontMatterParser.split(text, file: sourceFile) {
        case .success(let parts): split = parts
        case .failure(let diagnostic): return .failure(BuildFailure(Diagnostics([diagnostic])))
        }
        var diagnostics = Diagnostics()
        guard let matter = FrontMatterParser.parse(split, file: sourceFile, diagnostics: &diagnostics), !diagnostics.hasErrors else {
            return .failure(BuildFailure(diagnostics))
        }
        let from = matter.updated ?? matter.date ?? today
        let reminder = [
            "# Not checked yet: a copy of \(sourceName) to translate into \(language.name).",
            "# Translate every line, then have a qualified translator check it. When they have, add",
            "# 'reviewed_by:' with their name and 'reviewed_on:' with the date. Until then the page says",
            "# that it has not been checked. 'translated_from' is the date of the \(sourceName) it was made from.",
        ]
        let fields = keptLines(of: split.frontMatter)
        let lines = ["---"] + reminder + fields + ["translated_from: \(from.iso)", "---"]
        return .success(lines.joined(separator: "\n") + "\n" + split.body)
    }

    /// The front matter's lines without the dropped fields (a field's lines are its key's line
    /// and the indented or list lines under it).
    static func keptLines(of frontMatter: String) -> [String] {
        var kept: [String] = []
        var dropping = false
        for line in frontMatter.split(separator: "\n", omittingEmptySubsequences: false) {
            if let key = topLevelKey(line) {
                dropping = droppedFields.contains(key)
            } else if !line.hasPrefix(" ") && !line.hasPrefix("-") && !line.hasPrefix("\t") {
                dropping = false  // a comment or blank line at the left edge ends a field
            }
            if !dropping { kept.append(String(line)) }
        }
        while kept.last?.trimmingCharacters(in: .whitespaces).isEmpty == true { kept.removeLast() }
        return kept
    }

    /// `title` for `title: Report a concern`; nil for indented, list, comment and blank lines.
    static func topLevelKey(_ line: Substring) -> String? {
        guard let first = line.first, first.isLetter || first == "_" || first == "\"" || first == "'" else { return nil }
        guard let colon = line.firstIndex(of: ":") else { return nil }
        let key = line[..<colon].trimmingCharacters(in: .whitespaces)
        return key.trimmingCharacters(in: CharacterSet(charactersIn: "\"'"))
    }
}
