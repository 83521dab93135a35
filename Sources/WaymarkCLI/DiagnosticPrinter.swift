import Foundation
import WaymarkCore

/// Prints diagnostics the way compilers do, with the offending line quoted, so both people and
/// editors can follow them.
struct DiagnosticPrinter {
    var write: (String) -> Void
    /// Each source file is read once however many diagnostics point into it, so thousands of
    /// messages print in linear time.
    private let lines = SourceLineCache()

    init(write: @escaping (String) -> Void) { self.write = write }

    /// Prints `diagnostics` (already sorted), long runs of one kind of problem summarised.
    func print(all diagnostics: [Diagnostic]) {
        RepeatSummary.summarise(diagnostics).forEach(print)
    }

    func print(_ diagnostic: Diagnostic) {
        write(diagnostic.headline)
        if let line = diagnostic.location.line, let text = quote(diagnostic, line: line) {
            write("    \(line) | \(text)")
        }
        if let help = diagnostic.help { write("    help: \(help)") }
    }

    private func quote(_ diagnostic: Diagnostic, line: Int) -> String? {
        switch diagnostic.quote {
        case .none: return nil
        case .text(let text): return DiagnosticPrinter.shortened(text)
        case .sourceLine: return lines.line(line, of: diagnostic.location.file).flatMap(DiagnosticPrinter.shortened)
        }
    }

    static func shortened(_ text: Substring) -> String? { shortened(String(text)) }

    static func shortened(_ text: String) -> String? {
        let line = text.trimmingCharacters(in: .whitespacesAndNewlines)
        return line.isEmpty ? nil : String(line.prefix(160))
    }
}

/// The lines of the files diagnostics point into, read on first use.
final class SourceLineCache {
    private var files: [String: [Substring]?] = [:]

    /// Line `number` (from 1) of `file`, or nil when the file is unreadable or shorter.
    func line(_ number: Int, of file: String) -> Substring? {
        guard let lines = files[file] ?? load(file) else { return nil }
        guard number >= 1, number <= lines.count else { return nil }
        return lines[number - 1]
    }

    private func load(_ file: String) -> [Substring]? {
        let lines = SourceLineCache.read(file)
        files[file] = .some(lines)
        return lines
    }

    private static func read(_ file: String) -> [Substring]? {
        guard let data = FileManager.default.contents(atPath: file), var text = String(validating: data, as: UTF8.self) else { return nil }
        if text.hasPrefix("\u{FEFF}") { text.removeFirst() }
        // Line ends as editors save them: CRLF, LF or a lone CR each end one line.
        var lines: [Substring] = []
        var start = text.startIndex
        var index = start
        while index < text.endIndex {
            let character = text[index]
            if character == "\n" || character == "\r" || character == "\r\n" {
                lines.append(text[start..<index])
                start = text.index(after: index)
            }
            index = text.index(after: index)
        }
        lines.append(text[start...])
        return lines
    }
}

/// `1 error`, `3 warnings`.
func counted(_ count: Int, _ noun: String) -> String {
    "\(count) \(noun)\(count == 1 ? "" : "s")"
}
