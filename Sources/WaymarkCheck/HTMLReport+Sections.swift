import WaymarkContent
import WaymarkCore

extension HTMLReport {
    static func summarySection(_ context: Context) -> [String] {
        let report = context.report
        let overdue = report.reviews.count { $0.isOverdue }
        let counts = [
            counted(report.errorCount, "error"),
            counted(report.warningCount, "warning"),
            "\(counted(report.reviews.count, "review")) due (\(overdue) overdue)",
            "\(report.pagesOverReadingAge.count) of \(counted(report.pages.count, "page")) over their reading age",
        ]
        var body = ["<ul class=\"counts\">"] + counts.map { "<li>\(esc($0))</li>" } + ["</ul>"]
        let verdict = report.errorCount > 0
            ? "Something is at error level: the site would not pass the check until it is fixed."
            : report.problems.isEmpty ? "No problems found." : "Nothing here stops the site being published."
        body.append("<p>\(esc(verdict))</p>")
        if report.strict { body.append("<p>This check was run with <code>--strict</code>, so warnings count as errors.</p>") }
        return section("summary", "Summary", body)
    }

    /// What falls due for review, grouped by owner, overdue first in each group.
    static func reviewsSection(_ context: Context) -> [String] {
        let report = context.report
        let intro = "<p>Pages past their <code>review_by:</code> date and contact numbers not re-checked recently, "
            + "with those falling due in the next \(counted(report.dueWindowDays, "day")).</p>"
        guard !report.reviews.isEmpty else {
            return section("reviews", "Due for review", [intro, "<p>Nothing falls due for review.</p>"])
        }
        var body = [intro]
        for group in groupedByOwner(report.reviews, owner: \.owner) {
            let owner = group.owner ?? noOwner
            body.append("<h3>\(esc(owner))</h3>")
            let rows = group.items.sorted(by: reviewOrder).map { item in
                ["\(item.kind == .page ? "Page" : "Contact") \(reviewName(item, context))",
                 item.isOverdue ? "<span class=\"badge badge-error\">Overdue</span>" : "<span class=\"badge badge-soon\">Due soon</span>",
                 code(item.location.prefix), "<time datetime=\"\(item.due.iso)\">\(esc(longDate(item.due)))</time>"]
            }
            body += table(caption: "Due for review: \(owner)", columns: ["What", "State", "Where", "Due"], rows: rows, showCaption: false)
        }
        return section("reviews", "Due for review", body)
    }

    private static func reviewName(_ item: ReviewItem, _ context: Context) -> String {
        if item.kind == .page, let page = context.pageByFile[item.location.file] { return pageTitle(page) }
        return esc(item.name)
    }

    /// Every problem, under the page (or other file) it is in.
    static func problemsByPageSection(_ context: Context) -> [String] {
        let problems = context.report.problems
        guard !problems.isEmpty else { return section("by-page", "Problems, page by page", ["<p>No problems found.</p>"]) }
        var body: [String] = []
        for (file, items) in groupedByFile(problems) {
            let page = context.pageByFile[file]
            body.append("<h3>" + (page.map { pageTitle($0) + " " } ?? "") + code(file) + "</h3>")
            if let page { body.append("<p>Owner: \(esc(page.owner ?? noOwner)). Address on the site: \(code(page.url))</p>") }
            let rows = items.map { problem in
                [problem.location.line.map(String.init) ?? "whole file", levelBadge(problem.severity),
                 problem.rule.map(code) ?? "build", multiline(problem.summary), problem.help.map(multiline) ?? ""]
            }
            body += table(caption: "Problems in \(page?.title ?? file)", columns: ["Line", "Level", "Check", "Problem", "What to do"],
                          rows: rows, showCaption: false)
        }
        return section("by-page", "Problems, page by page", body)
    }

    /// Every problem again, under whoever looks after it.
    static func problemsByOwnerSection(_ context: Context) -> [String] {
        let problems = context.report.problems
        let intro = "<p>The owner is the page's <code>owner:</code>, or the contact's for a contact number.</p>"
        guard !problems.isEmpty else { return section("by-owner", "Problems by owner", [intro, "<p>No problems found.</p>"]) }
        var body = [intro]
        for group in groupedByOwner(problems, owner: context.owner) {
            let owner = group.owner ?? noOwner
            body.append("<h3>\(esc(owner)) (\(counted(group.items.count, "problem")))</h3>")
            let rows = group.items.map { problem in
                [code(problem.location.prefix), context.subject(of: problem),
                 levelBadge(problem.severity), problem.rule.map(code) ?? "build", multiline(problem.summary)]
            }
            body += table(caption: "Problems for \(owner)", columns: ["Where", "Page or contact", "Level", "Check", "Problem"],
                          rows: rows, showCaption: false)
        }
        return section("by-owner", "Problems by owner", body)
    }

    /// Translations a reader cannot fully trust yet.
    static func translationsSection(_ context: Context) -> [String] {
        let rows: [[String]] = context.report.pages.compactMap { page in
            let state: String
            switch page.translation {
            case .original, .checked: return nil
            case .unchecked: state = "Not yet checked by a qualified translator."
            case .stale(let source, let unchecked):
                state = "Out of date: made from an older version of \(source)." + (unchecked ? " Not yet checked by a qualified translator." : "")
            }
            return [pageTitle(page) + " " + code(page.file), esc(page.language), esc(state)]
        }
        guard !rows.isEmpty else {
            return section("translations", "Translations to look at", ["<p>Every translation is checked and up to date.</p>"])
        }
        let intro = "<p>Ask a qualified translator to check these, or to bring them up to date with the page they were made from.</p>"
        return section("translations", "Translations to look at",
                       [intro] + table(caption: "Translations that are out of date or not checked", columns: ["Page", "Language", "State"], rows: rows))
    }

    /// With `--print`: the sheets each flyer printed on.
    static func flyersSection(_ context: Context) -> [String] {
        guard !context.report.printedFlyers.isEmpty else { return [] }
        let rows = context.report.printedFlyers.map { flyer in
            [code(flyer.file), esc(flyer.language),
             flyer.pages.map { esc(counted($0, "page")) + ($0 > 1 ? " <strong>(too long)</strong>" : "") } ?? "<strong>Not printed</strong>"]
        }
        return section("flyers", "Printed flyers",
                       ["<p>Each flyer printed to PDF as a reader's printer would print it; a flyer should fit on one A4 page.</p>"]
                       + table(caption: "Pages each flyer prints on", columns: ["Flyer", "Language", "Printed on"], rows: rows))
    }

    /// Each check's level, and the pages that make an exception to one.
    static func rulesSection(_ context: Context) -> [String] {
        let levelNames: [RuleLevel: String] = [.error: "Error", .warning: "Warning", .off: "Off"]
        let rows = context.report.rules.map { rule in
            [code(rule.info.id), esc(rule.info.title), esc(levelNames[rule.level] ?? rule.level.rawValue)]
        }
        var body = ["<p>The level each check has on this site (set under <code>checks:</code> in <code>site.yaml</code>).</p>"]
        body += table(caption: "Checks and their levels", columns: ["Check", "What it looks for", "Level"], rows: rows)
        let exceptions = context.report.pages.filter { !$0.exceptions.isEmpty }.map { page in
            [pageTitle(page) + " " + code(page.file), page.exceptions.map(code).joined(separator: ", "),
             page.exceptionReason.map(esc) ?? "<strong>No reason given</strong>"]
        }
        if exceptions.isEmpty {
            body.append("<p>No page makes an exception to the checks.</p>")
        } else {
            body += table(caption: "Pages that make an exception", columns: ["Page", "Checks changed", "Because"], rows: exceptions)
        }
        return section("rules", "Checks and exceptions", body)
    }

    /// Problems by file, files in the order the report sorts them.
    static func groupedByFile(_ problems: [Diagnostic]) -> [(file: String, items: [Diagnostic])] {
        var order: [String] = []
        var byFile: [String: [Diagnostic]] = [:]
        for problem in problems {
            if byFile[problem.location.file] == nil { order.append(problem.location.file) }
            byFile[problem.location.file, default: []].append(problem)
        }
        return order.map { ($0, byFile[$0, default: []]) }
    }

    /// Escaped text whose line breaks stay line breaks.
    static func multiline(_ text: String) -> String {
        text.split(separator: "\n", omittingEmptySubsequences: false).map { esc(String($0)) }.joined(separator: "<br>")
    }
}
