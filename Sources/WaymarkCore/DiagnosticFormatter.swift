import Foundation

/// Lays out diagnostics the way compilers do — the headline, the offending line quoted, the help —
/// so the terminal, CI logs and the preview's in-browser overlay all show the same text.
public final class DiagnosticFormatter {
    /// Each source file is read once however many diagnostics point into it, so thousands of
    /// messages are laid out in linear time.
    private let lines = SourceLineCache()

    public init() {}

    /// The lines of every diagnostic in `sorted`, long runs of one kind of problem summarised.
    public func lines(forAll sorted: [Diagnostic]) -> [[String]] {
        RepeatSummary.summarise(sorted).map(lines(for:))
    }

    /// `file:line: error: …`, then `    12 | the source line` and `    help: …` where there are any.
    public func lines(for diagnostic: Diagnostic) -> [String] {
        var out = [diagnostic.headline]
        if let line = diagnostic.location.line, let text = quote(diagnostic, line: line) {
            out.append("    \(line) | \(text)")
        }
        if let help = diagnostic.help { out.append("    help: \(help)") }
        return out
    }

    /// What is shown of the source: the file's line, a given text, or nothing.
    public func quote(_ diagnostic: Diagnostic, line: Int) -> String? {
        switch diagnostic.quote {
        case .none: return nil
        case .text(let text): return DiagnosticFormatter.shortened(text)
        case .sourceLine: return lines.line(line, of: diagnostic.location.file).flatMap { DiagnosticFormatter.shortened(String($0)) }
        }
    }

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

    /// Decoded as the build read it (BOM dropped, CRLF and CR made LF), so line numbers agree.
    /// The printer reads the file by its display path, which is relative to where waymark runs.
    private static func read(_ file: String) -> [Substring]? {
        guard let data = FileManager.default.contents(atPath: file),
              case .success(let text) = TextDecoding.decode([UInt8](data)) else { return nil }
        return text.split(separator: "\n", omittingEmptySubsequences: false)
    }
}
