import WaymarkCore
import Yams

/// Turns Yams' "duplicated key" failure into an error at the second key's line.
///
/// Yams refuses a mapping with a key written twice, but names only the first occurrence; the
/// mistake a person makes is the second one (usually pasted), so that is the line to point at.
enum DuplicateKeys {
    static func diagnostic(keys: [String], firstMark: Mark, in text: String, reader: YAMLReader) -> Diagnostic {
        let key = keys.first ?? ""
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        let second = secondLine(of: key, firstLine: firstMark.line, column: firstMark.column, lines: lines)
        let firstFileLine = firstMark.line + reader.lineOffset
        let others = keys.dropFirst().map { "'\($0)'" }
        let also = others.isEmpty ? "" : " (and so is \(others.joined(separator: ", ")))"
        return .error(
            SourceLocation(file: reader.file, line: (second ?? firstMark.line) + reader.lineOffset),
            "'\(key)' is given twice\(also); the first is on line \(firstFileLine)",
            help: "keep one of the two lines and delete the other")
    }

    /// The line (from 1) of the next `key:` in the same mapping as the one at `firstLine`,
    /// `column`: a block mapping's keys line up under the first; a flow mapping's follow on.
    static func secondLine(of key: String, firstLine: Int, column: Int, lines: [Substring]) -> Int? {
        guard firstLine >= 1, firstLine <= lines.count else { return nil }
        let indent = column - 1
        var number = firstLine + 1
        while number <= lines.count {
            let line = lines[number - 1]
            let scalars = Array(line.unicodeScalars)
            let leading = scalars.prefix { $0 == " " }.count
            let isBlank = leading == scalars.count || scalars[leading] == "#"
            if !isBlank {
                if leading < indent { break }
                if leading == indent && startsWithKey(key, scalars[leading...]) { return number }
            }
            number += 1
        }
        return flowLine(of: key, firstLine: firstLine, column: column, lines: lines)
    }

    /// In `{a: 1, a: 2}` (on one line or several) the next `key:` after the first.
    private static func flowLine(of key: String, firstLine: Int, column: Int, lines: [Substring]) -> Int? {
        for number in firstLine...lines.count {
            var scalars = Array(lines[number - 1].unicodeScalars)
            if number == firstLine { scalars = Array(scalars.dropFirst(min(scalars.count, column - 1 + key.unicodeScalars.count))) }
            for index in scalars.indices where index == 0 || " {,\t".unicodeScalars.contains(scalars[index - 1]) {
                if startsWithKey(key, scalars[index...]) { return number }
            }
        }
        return nil
    }

    /// `key:`, `"key":` or `'key':` at the start of `text`.
    private static func startsWithKey(_ key: String, _ text: ArraySlice<Unicode.Scalar>) -> Bool {
        for quote in ["", "\"", "'"] {
            let written = Array((quote + key + quote).unicodeScalars)
            guard text.count > written.count, Array(text.prefix(written.count)) == written else { continue }
            let rest = text.dropFirst(written.count).drop { $0 == " " }
            if rest.first == ":" { return true }
        }
        return false
    }
}
