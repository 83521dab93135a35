import Foundation
import WaymarkCore

/// How `waymark check` prints what it found.
public enum CheckFormat: String, Sendable, CaseIterable {
    /// For people: each problem as the build prints it, then what falls due for review.
    case text
    /// GitHub Actions workflow commands, so problems show on the pull request's changed lines.
    case github
    /// A GitLab Code Quality report (JSON).
    case gitlab
    /// Waymark's own JSON, documented in docs/CHECK-FORMATS.md.
    case json

    /// The report in this format, as printed to standard output.
    public func render(_ report: CheckReport) -> String {
        switch self {
        case .text: TextFormat.render(report)
        case .github: GitHubFormat.render(report)
        case .gitlab: GitLabFormat.render(report)
        case .json: JSONFormat.render(report)
        }
    }
}

/// The terminal's format: the build's layout for each problem (headline, quoted line, help),
/// then the reviews falling due and a one-line count.
public enum TextFormat {
    public static func render(_ report: CheckReport) -> String {
        var out = Array(DiagnosticFormatter().lines(forAll: report.problems).joined())
        if !report.reviews.isEmpty {
            out.append("")
            out.append("Due for review (overdue, or within \(report.dueWindowDays) days of \(report.today.iso)):")
            for item in report.reviews {
                let state = item.isOverdue ? "overdue since" : "due"
                out.append("  \(item.location.prefix): \(item.kind.rawValue) '\(item.name)' \(state) \(item.due.iso)"
                           + (item.owner.map { ", owner \($0)" } ?? ", no owner named"))
            }
        }
        if !report.printedFlyers.isEmpty {
            out.append("")
            out.append("Flyers printed to PDF:")
            for flyer in report.printedFlyers {
                out.append("  \(flyer.file): " + (flyer.pages.map { counted($0, (flyer.paper.map { $0 + " " } ?? "") + "page") } ?? "not printed"))
            }
        }
        out.append(summary(report))
        return out.joined(separator: "\n") + "\n"
    }

    static func summary(_ report: CheckReport) -> String {
        let pages = counted(report.pages.count, "page")
        guard !report.problems.isEmpty else { return "Checked \(pages): no problems found." }
        let verdict = report.errorCount > 0 ? "the site would not pass" : "nothing blocks publishing"
        return "Checked \(pages): \(counted(report.errorCount, "error")), \(counted(report.warningCount, "warning"))"
            + (report.strict ? " (--strict: warnings count as errors)" : "") + " — \(verdict)."
    }
}
