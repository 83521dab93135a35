import Foundation
import WaymarkCore

extension GitHubFormat {
    /// GitHub refuses a step summary over 1 MiB; the table stops short of it with a count.
    static let stepSummaryLimit = 1_000_000

    /// Appends every problem as Markdown to `$GITHUB_STEP_SUMMARY` when it is set: GitHub shows
    /// only ten annotations of each level per step, the summary shows them all. A summary that
    /// cannot be written is reported on standard error and does not change the check's result.
    public static func writeStepSummary(_ report: CheckReport) {
        do {
            try writeStepSummary(report, environment: ProcessInfo.processInfo.environment)
        } catch {
            FileHandle.standardError.write(Data("warning: the GitHub step summary could not be written: \(error.localizedDescription)\n".utf8))
        }
    }

    /// The same, reading the file's path from `environment`; does nothing when it names none.
    public static func writeStepSummary(_ report: CheckReport, environment: [String: String]) throws {
        guard let path = environment["GITHUB_STEP_SUMMARY"], !path.isEmpty else { return }
        let url = URL(fileURLWithPath: path)
        if !FileManager.default.fileExists(atPath: path) {
            _ = FileManager.default.createFile(atPath: path, contents: nil)
        }
        let handle = try FileHandle(forWritingTo: url)
        defer { try? handle.close() }
        try handle.seekToEnd()
        try handle.write(contentsOf: Data(stepSummary(report).utf8))
    }

    /// The whole report as GitHub-flavoured Markdown: counts, every problem, what falls due for
    /// review and the pages over their reading age.
    static func stepSummary(_ report: CheckReport) -> String {
        var out = ["## Waymark check" + (report.siteTitle.isEmpty ? "" : ": " + markdownText(report.siteTitle)), ""]
        out.append(markdownText(TextFormat.summary(report)) + " Review dates are counted from \(report.today.iso).")
        out.append("")
        let rest = reviewsTable(report) + readingAgeTable(report)
        let used = (out + rest).reduce(0) { $0 + $1.utf8.count + 1 }
        out += problemsTable(report, budget: stepSummaryLimit - used)
        out += rest
        return out.joined(separator: "\n") + "\n"
    }

    /// Every problem, or as many as fit in `budget` bytes and a line saying how many more.
    private static func problemsTable(_ report: CheckReport, budget: Int) -> [String] {
        guard !report.problems.isEmpty else { return [] }
        var out = ["### Problems", "", "| Level | Where | Check | Problem | What to do |", "| --- | --- | --- | --- | --- |"]
        // Room is kept for the closing line that counts what did not fit.
        var size = out.reduce(0) { $0 + $1.utf8.count + 1 } + 200
        for (index, problem) in report.problems.enumerated() {
            let row = tableRow([problem.severity.rawValue, problem.location.prefix, problem.rule ?? "build",
                                problem.summary, problem.help ?? ""])
            size += row.utf8.count + 1
            if size > budget {
                out += ["", "…and \(counted(report.problems.count - index, "more problem")), too many for this summary: "
                        + "run `waymark check --report report.html` to see them all."]
                break
            }
            out.append(row)
        }
        return out + [""]
    }

    private static func reviewsTable(_ report: CheckReport) -> [String] {
        guard !report.reviews.isEmpty else { return [] }
        var out = ["### Due for review (overdue, or within \(report.dueWindowDays) days)", "",
                   "| State | Where | What | Due | Owner |", "| --- | --- | --- | --- | --- |"]
        for item in report.reviews.sorted(by: reviewOrder) {
            out.append(tableRow([item.isOverdue ? "overdue" : "due soon", item.location.prefix,
                                 "\(item.kind.rawValue) '\(item.name)'", item.due.iso, item.owner ?? "no owner named"]))
        }
        return out + [""]
    }

    private static func readingAgeTable(_ report: CheckReport) -> [String] {
        let over = report.pagesOverReadingAge
        guard !over.isEmpty else { return [] }
        var out = ["### Pages over their reading age (\(ReadingAgeText.years(report.readingAgeThreshold)))", "",
                   "| Page | Title | Reading age | Formula |", "| --- | --- | --- | --- |"]
        for (page, result) in over {
            out.append(tableRow([page.file, page.title, ReadingAgeText.years(result.age), result.formula]))
        }
        return out + [""]
    }

    private static func tableRow(_ cells: [String]) -> String {
        "| " + cells.map(markdownText).joined(separator: " | ") + " |"
    }

    /// Text that Markdown shows as written: characters HTML would read are escaped, Markdown's
    /// own punctuation is backslashed, and a line break stays inside its table cell.
    static func markdownText(_ text: String) -> String {
        // Most text has none of these: hand it back as it is.
        guard text.utf8.contains(where: { markdownSpecial.contains($0) }) else { return text }
        var out = ""
        for character in text {
            switch character {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\n", "\r\n", "\r": out += "<br>"
            case "\\", "`", "*", "_", "[", "]", "|", "~", "#", "!": out += "\\" + String(character)
            default: out.append(character)
            }
        }
        return out
    }

    private static let markdownSpecial = Set("&<>\n\r\\`*_[]|~#!".utf8)
}

/// Overdue first, then by date, then by where.
func reviewOrder(_ lhs: ReviewItem, _ rhs: ReviewItem) -> Bool {
    if lhs.isOverdue != rhs.isOverdue { return lhs.isOverdue }
    if lhs.due != rhs.due { return lhs.due < rhs.due }
    return lhs.location < rhs.location
}

extension CheckReport {
    /// The pages the reading-age rule applies to whose reading age is over the threshold, in
    /// source order.
    var pagesOverReadingAge: [(page: PageSummary, result: ReadingAgeResult)] {
        pages.compactMap { page in
            guard page.readingAgeChecked, let result = page.readingAge.result, result.age > readingAgeThreshold else { return nil }
            return (page, result)
        }
    }
}

/// How reading ages are written in the summary and the report.
enum ReadingAgeText {
    /// `11.5 years`, `9 years`.
    static func years(_ age: Double) -> String { "\(number(age)) years" }

    /// One decimal place, without a trailing `.0`.
    static func number(_ value: Double) -> String {
        let tenths = (value * 10).rounded()
        let whole = Int(tenths / 10)
        let fraction = Int(abs(tenths).truncatingRemainder(dividingBy: 10))
        let sign = tenths < 0 && whole == 0 ? "-" : ""
        return fraction == 0 ? "\(sign)\(whole)" : "\(sign)\(whole).\(fraction)"
    }
}
