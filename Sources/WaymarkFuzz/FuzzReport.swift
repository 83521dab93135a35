import Foundation

/// The results of a run and the figures for BENCHMARKS.md.
public struct FuzzReport: Sendable {
    public var seed: UInt64
    /// Sorted by case number.
    public var results: [FuzzCaseResult]
    /// Wall time of the whole run, including the good builds.
    public var seconds: Double

    public var failures: [FuzzCaseResult] { results.filter { $0.outcome.isFailure } }

    public func count(_ outcome: Outcome) -> Int { results.filter { $0.outcome == outcome }.count }

    /// A table of outcomes and timing.
    public var summary: String {
        var lines = ["seed \(seed), \(results.count) builds in \(String(format: "%.1f", seconds)) s, "
            + String(format: "%.1f", Double(results.count) / max(seconds, 0.001)) + " builds/s", ""]
        lines.append("outcome           builds")
        for outcome in Outcome.allCases {
            let mark = outcome.isFailure && count(outcome) > 0 ? "  ← failure" : ""
            lines.append(outcome.rawValue.padding(toLength: 16, withPad: " ", startingAt: 0) + String(format: "%7d", count(outcome)) + mark)
        }
        if let slowest = results.max(by: { $0.seconds < $1.seconds }) {
            lines.append("")
            lines.append("slowest build: case \(slowest.number), " + String(format: "%.2f s", slowest.seconds))
        }
        return lines.joined(separator: "\n")
    }

    /// Every failure with its case number, mutations, reason and the first lines of stderr.
    public var failureDetails: String {
        failures.map { failure in
            let stderr = failure.stderr.split(separator: "\n").prefix(6).map { "      " + $0.prefix(200) }.joined(separator: "\n")
            return "case \(failure.number): \(failure.outcome.rawValue) — \(failure.reason)\n"
                + failure.mutations.map { "    " + $0 }.joined(separator: "\n") + (stderr.isEmpty ? "" : "\n    stderr:\n" + stderr)
        }.joined(separator: "\n")
    }
}
