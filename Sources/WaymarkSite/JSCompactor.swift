import Foundation

/// Makes a theme's JavaScript smaller to download without changing what it does: lines that are
/// only a comment, blank lines and indentation are dropped. The default theme's scripts explain
/// themselves at length for theme authors; a visitor on a phone need not download that (it is a
/// third of the search script, gzipped).
///
/// It works line by line and never looks inside a line of code, so it cannot break a string or a
/// regular expression: a comment after code on the same line stays. A script with a backtick or a
/// line ending in a backslash outside comments (text that may run over several lines, where
/// indentation counts) is published as written, and so is any `.min.js` file. Comments opened
/// with `/*!` (licences, by convention) are kept.
enum JSCompactor {
    /// `source` compacted, or unchanged when it cannot be done safely.
    static func compact(_ source: String) -> String {
        var out: [String] = []
        var inComment = false, keepComment = false
        for line in source.split(separator: "\n", omittingEmptySubsequences: false) {
            let trimmed = line.trimmingCharacters(in: blanks)
            if !inComment && trimmed.hasPrefix("/*") {
                inComment = true
                keepComment = trimmed.hasPrefix("/*!")
            }
            if inComment {
                if keepComment { out.append(trimmed) }
                // A comment opened on this line closes after its own "/*", not on the "*" of it.
                let body = trimmed.hasPrefix("/*") ? trimmed.dropFirst(2) : Substring(trimmed)
                guard let end = body.range(of: "*/") else { continue }
                inComment = false
                guard body[end.upperBound...].allSatisfy({ $0 == " " || $0 == "\t" }) else { return source }
                continue
            }
            if trimmed.isEmpty || trimmed.hasPrefix("//") { continue }
            if trimmed.contains("`") || trimmed.hasSuffix("\\") { return source }
            out.append(trimmed)
        }
        if inComment { return source }
        return out.joined(separator: "\n") + (out.isEmpty ? "" : "\n")
    }

    /// What is dropped from both ends of a line: indentation, and a Windows line ending's `\r`.
    private static let blanks = CharacterSet(charactersIn: " \t\r")

    /// Whether the file at `path` (under `assets/`) is compacted when published.
    static func applies(to path: String) -> Bool { path.hasSuffix(".js") && !path.hasSuffix(".min.js") }
}
