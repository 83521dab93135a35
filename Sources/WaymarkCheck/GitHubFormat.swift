import WaymarkCore

/// `--format github`: one GitHub Actions workflow command per problem, so each shows as an
/// annotation on the pull request's changed line, then the plain count.
///
/// `::error file=content/x.md,line=12,col=3,title=Waymark: link-text::message%0Ahelp: …`.
/// The paths are the report's, relative to where `waymark check` runs, which in a workflow is
/// the repository's root.
public enum GitHubFormat {
    public static func render(_ report: CheckReport) -> String {
        var lines = report.problems.map(command)
        lines += report.reviews.filter { !$0.isOverdue }.map(notice)
        lines.append(TextFormat.summary(report))
        return lines.joined(separator: "\n") + "\n"
    }

    /// The workflow command for one problem.
    static func command(_ problem: Diagnostic) -> String {
        let title = problem.rule.map { "Waymark: \($0)" } ?? "Waymark"
        let message = problem.summary + (problem.help.map { "\nhelp: \($0)" } ?? "")
        return workflowCommand(problem.severity.rawValue, at: problem.location, title: title, message: message)
    }

    /// Reviews falling due soon are not problems yet (overdue ones are, through `review-due` and
    /// `contact-checked`), so they are notices: seen on the run, never failing it.
    static func notice(_ item: ReviewItem) -> String {
        let owner = item.owner.map { "owner \($0)" } ?? "no owner named"
        let message = "\(item.kind.rawValue) '\(item.name)' falls due for review on \(item.due.iso) (\(owner))"
        return workflowCommand("notice", at: item.location, title: "Waymark: due for review", message: message)
    }

    static func workflowCommand(_ name: String, at location: SourceLocation, title: String, message: String) -> String {
        var properties = ["file=" + escapeProperty(location.file)]
        if let line = location.line {
            properties.append("line=\(line)")
            if let column = location.column { properties.append("col=\(column)") }
        }
        properties.append("title=" + escapeProperty(title))
        return "::\(name) \(properties.joined(separator: ","))::\(escapeData(message))"
    }

    /// GitHub's escaping for a command's message (as `@actions/core` does it): otherwise a
    /// newline would end the command and a `%` would be read as an escape.
    static func escapeData(_ text: String) -> String { escape(text, isProperty: false) }

    /// A property value is escaped further, since `,` separates properties and `:` ends them.
    static func escapeProperty(_ text: String) -> String { escape(text, isProperty: true) }

    private static func escape(_ text: String, isProperty: Bool) -> String {
        var out = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "%": out += "%25"
            case "\r": out += "%0D"
            case "\n": out += "%0A"
            case ":" where isProperty: out += "%3A"
            case "," where isProperty: out += "%2C"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}
