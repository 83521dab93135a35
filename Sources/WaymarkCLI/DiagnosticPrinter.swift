import Foundation
import WaymarkCore

/// Prints diagnostics the way compilers do, with the offending line quoted, so both people and
/// editors can follow them.
struct DiagnosticPrinter {
    var write: (String) -> Void

    func print(_ diagnostic: Diagnostic) {
        write(diagnostic.headline)
        if let line = diagnostic.location.line, let text = sourceLine(diagnostic.location.file, line) {
            write("    \(line) | \(text)")
        }
        if let help = diagnostic.help { write("    help: \(help)") }
    }

    private func sourceLine(_ file: String, _ number: Int) -> String? {
        guard let data = FileManager.default.contents(atPath: file), let text = String(validating: data, as: UTF8.self) else { return nil }
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        guard number >= 1, number <= lines.count else { return nil }
        let line = lines[number - 1].trimmingCharacters(in: .whitespacesAndNewlines)
        return line.isEmpty ? nil : String(line.prefix(160))
    }
}

/// `1 error`, `3 warnings`.
func counted(_ count: Int, _ noun: String) -> String {
    "\(count) \(noun)\(count == 1 ? "" : "s")"
}
