import Foundation
import WaymarkCore

/// One diagnostic laid out as the terminal prints it, ready for the overlay.
public struct FormattedDiagnostic: Sendable, Equatable {
    public var severity: Diagnostic.Severity
    /// `file:line: error: …`, then `    12 | source line` and `    help: …` where there are any.
    public var lines: [String]

    public init(severity: Diagnostic.Severity, lines: [String]) {
        self.severity = severity
        self.lines = lines
    }

    /// Lays out `sorted` with ``DiagnosticFormatter``, long runs summarised as on the terminal.
    public static func format(_ sorted: [Diagnostic]) -> [FormattedDiagnostic] {
        let formatter = DiagnosticFormatter()
        return RepeatSummary.summarise(sorted).map {
            FormattedDiagnostic(severity: $0.severity, lines: formatter.lines(for: $0))
        }
    }
}
