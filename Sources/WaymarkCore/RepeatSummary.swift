/// Shortens a long list of diagnostics for people: of each ``Diagnostic/RepeatGroup`` only the
/// first few are kept, followed by one line that counts the rest ("and 1,497 more rows with the
/// same problem in column 'phone'"). Diagnostics outside any group pass through unchanged.
public enum RepeatSummary {
    /// `sorted` with each group cut to its first `keep` diagnostics plus a count of the others.
    /// Linear in the number of diagnostics.
    public static func summarise(_ sorted: [Diagnostic], keep: Int = 3) -> [Diagnostic] {
        var sizes: [GroupID: Int] = [:]
        for diagnostic in sorted {
            if let id = GroupID(diagnostic) { sizes[id, default: 0] += 1 }
        }
        var seen: [GroupID: Int] = [:]
        var result: [Diagnostic] = []
        for diagnostic in sorted {
            guard let id = GroupID(diagnostic), let size = sizes[id], size > keep + 1 else {
                result.append(diagnostic)
                continue
            }
            let position = seen[id, default: 0]
            seen[id] = position + 1
            if position < keep {
                result.append(diagnostic)
            } else if position == keep {
                result.append(countLine(after: diagnostic, more: size - keep))
            }
        }
        return result
    }

    private static func countLine(after first: Diagnostic, more: Int) -> Diagnostic {
        var line = Diagnostic(first.severity, first.location, "and \(grouped(more)) more \(first.repeatGroup?.noun ?? "problems like it")")
        line.quote = .none
        return line
    }

    /// `1497` → `1,497`.
    public static func grouped(_ number: Int) -> String {
        let digits = String(number)
        var out = ""
        for (index, digit) in digits.enumerated() {
            if index > 0 && (digits.count - index) % 3 == 0 { out.append(",") }
            out.append(digit)
        }
        return out
    }

    private struct GroupID: Hashable {
        var file: String
        var key: String
        var severity: Diagnostic.Severity

        init?(_ diagnostic: Diagnostic) {
            guard let group = diagnostic.repeatGroup else { return nil }
            file = diagnostic.location.file
            key = group.key
            severity = diagnostic.severity
        }
    }
}
