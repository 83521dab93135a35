import WaymarkCore

/// `--format gitlab`: a GitLab Code Quality report, so problems show in the merge request.
///
/// The report is a JSON array of the fields GitLab reads (docs.gitlab.com, "Code Quality",
/// "Implement a custom tool"): `description`, `check_name`, `fingerprint`, `severity`
/// (`info`, `minor`, `major`, `critical` or `blocker`), `location.path` and
/// `location.lines.begin`. GitLab ignores anything else, so nothing else is written.
public enum GitLabFormat {
    public static func render(_ report: CheckReport) -> String {
        var seen: [String: Int] = [:]
        let issues = report.problems.map { problem in
            var id = fingerprint(of: problem)
            // Identical problems at one place are one problem to GitLab; a count keeps the rare
            // pair that differ only in what the hash leaves out apart, the same way every run.
            let repeats = seen[id, default: 0]
            seen[id] = repeats + 1
            if repeats > 0 { id += "-\(repeats + 1)" }
            return issue(problem, fingerprint: id)
        }
        return JSONValue.array(issues).document
    }

    /// What GitLab shows for a problem: its severity from the level, build problems (which no
    /// setting can turn down) one step higher.
    static func severity(of problem: Diagnostic) -> String {
        switch problem.severity {
        case .warning: "minor"
        case .error: problem.rule == nil ? "critical" : "major"
        }
    }

    /// Stable between runs and different for every problem: the hash of what tells problems
    /// apart (rule, place, words), so GitLab can tell new problems from fixed ones. The help is
    /// left out: it may name today's date ("add 'checked: 2025-03-01'").
    static func fingerprint(of problem: Diagnostic) -> String {
        let parts = [problem.rule ?? "build", problem.location.file, problem.location.line.map(String.init) ?? "",
                     problem.location.column.map(String.init) ?? "", problem.summary]
        // A separator that cannot occur in any part, so ("ab", "c") and ("a", "bc") differ.
        return ContentHash.hex(Array(parts.joined(separator: "\u{0}").utf8), length: 16)
    }

    /// One issue, with only the fields GitLab reads.
    static func issue(_ problem: Diagnostic, fingerprint: String) -> JSONValue {
        // GitLab wants a path relative to the repository without a leading `./`, and a line:
        // a problem with the whole file is put on its first.
        var path = problem.location.file
        while path.hasPrefix("./") { path.removeFirst(2) }
        return .object([
            "description": .string(problem.summary + (problem.help.map { " (help: \($0))" } ?? "")),
            "check_name": .string(problem.rule ?? "build"),
            "fingerprint": .string(fingerprint),
            "severity": .string(severity(of: problem)),
            "location": .object(["path": .string(path), "lines": .object(["begin": .int(problem.location.line ?? 1)])]),
        ])
    }
}
