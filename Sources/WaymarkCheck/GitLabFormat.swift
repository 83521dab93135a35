import Foundation
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
            var issue = Issue(problem)
            // Identical problems at one place are one problem to GitLab; a count keeps the rare
            // pair that differ only in what the hash leaves out apart, the same way every run.
            let repeats = seen[issue.fingerprint, default: 0]
            seen[issue.fingerprint] = repeats + 1
            if repeats > 0 { issue.fingerprint += "-\(repeats + 1)" }
            return issue
        }
        return encode(issues, fallback: "[]")
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
    /// apart (rule, place, words), so GitLab can tell new problems from fixed ones.
    static func fingerprint(of problem: Diagnostic) -> String {
        let parts = [problem.rule ?? "build", problem.location.file, problem.location.line.map(String.init) ?? "",
                     problem.location.column.map(String.init) ?? "", problem.summary, problem.help ?? ""]
        // A separator that cannot occur in any part, so ("ab", "c") and ("a", "bc") differ.
        return ContentHash.hex(Array(parts.joined(separator: "\u{0}").utf8), length: 16)
    }

    struct Issue: Encodable {
        struct Lines: Encodable { var begin: Int }
        struct Location: Encodable {
            var path: String
            var lines: Lines
        }

        var description: String
        var checkName: String
        var fingerprint: String
        var severity: String
        var location: Location

        enum CodingKeys: String, CodingKey {
            case description, fingerprint, severity, location
            case checkName = "check_name"
        }

        init(_ problem: Diagnostic) {
            description = problem.summary + (problem.help.map { " (help: \($0))" } ?? "")
            checkName = problem.rule ?? "build"
            fingerprint = GitLabFormat.fingerprint(of: problem)
            severity = GitLabFormat.severity(of: problem)
            // GitLab wants a path relative to the repository without a leading `./`, and a line:
            // a problem with the whole file is put on its first.
            var path = problem.location.file
            while path.hasPrefix("./") { path.removeFirst(2) }
            location = Location(path: path, lines: Lines(begin: problem.location.line ?? 1))
        }
    }

    /// Sorted keys, pretty-printed, a final newline: the same value always gives the same bytes.
    static func encode<Value: Encodable>(_ value: Value, fallback: String) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        // Only a number JSON cannot hold (NaN, infinity) could fail, and none is written.
        let data = (try? encoder.encode(value)) ?? Data(fallback.utf8)
        return String(decoding: data, as: UTF8.self) + "\n"
    }
}
