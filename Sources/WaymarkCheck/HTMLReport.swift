import WaymarkContent
import WaymarkCore

/// `--report FILE`: one self-contained, accessible HTML page for comms officers — the counts,
/// what falls due for review, every problem by page and by owner, each page's reading age (as
/// a chart and a table) and the translations to look at.
///
/// The page asks for nothing from anywhere (styles are inline, the chart is inline SVG, there
/// is no script), so it can be opened from a CI artifact or an email attachment. It is written
/// in English; page titles keep their own language. Every value is escaped, and the output
/// depends only on the report (dates come from `report.today`), so it is the same every run.
public enum HTMLReport {
    public static func render(_ report: CheckReport) -> String {
        let context = Context(report)
        let heading = "Content check" + (report.siteTitle.isEmpty ? "" : ": " + report.siteTitle)
        var html = [
            "<!DOCTYPE html>",
            "<html lang=\"en\">",
            "<head>",
            "<meta charset=\"utf-8\">",
            "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">",
            "<title>\(esc(heading)) — \(report.today.iso)</title>",
            "<style>\n\(style)</style>",
            "</head>",
            "<body>",
            "<main>",
            "<h1>\(esc(heading))</h1>",
            "<p class=\"lead\">Checked on \(longDate(report.today)): \(counted(report.pages.count, "page")). "
                + "Review dates are counted from that day.</p>",
        ]
        html += contents(context)
        html += summarySection(context)
        html += reviewsSection(context)
        html += problemsByPageSection(context)
        html += problemsByOwnerSection(context)
        html += readingAgeSection(context)
        html += translationsSection(context)
        html += flyersSection(context)
        html += rulesSection(context)
        html += ["</main>", "</body>", "</html>"]
        return html.joined(separator: "\n") + "\n"
    }

    /// The report with the lookups the sections share.
    struct Context {
        let report: CheckReport
        let pageByFile: [String: PageSummary]
        /// Pages and contacts falling due, by the place their review date is written.
        let reviewByLocation: [SourceLocation: ReviewItem]

        init(_ report: CheckReport) {
            self.report = report
            pageByFile = Dictionary(report.pages.map { ($0.file, $0) }, uniquingKeysWith: { first, _ in first })
            reviewByLocation = Dictionary(report.reviews.map { ($0.location, $0) }, uniquingKeysWith: { first, _ in first })
        }

        /// Who looks after the thing a problem is in: the contact's owner for a contact, else
        /// the page's `owner:`; nil when none is named.
        func owner(of problem: Diagnostic) -> String? {
            if let contact = contact(at: problem.location) { return contact.owner }
            return pageByFile[problem.location.file]?.owner
        }

        /// The contact whose review date is written here, if any.
        func contact(at location: SourceLocation) -> ReviewItem? {
            reviewByLocation[location].flatMap { $0.kind == .contact ? $0 : nil }
        }

        /// The page a problem is on, or the contact it is about, as HTML; empty for other files.
        func subject(of problem: Diagnostic) -> String {
            if let page = pageByFile[problem.location.file] { return HTMLReport.pageTitle(page) }
            return contact(at: problem.location).map { "Contact " + HTMLReport.esc($0.name) } ?? ""
        }
    }

    /// The sections, as links, since the report can be long.
    static func contents(_ context: Context) -> [String] {
        let sections = [("summary", "Summary"), ("reviews", "Due for review"), ("by-page", "Problems, page by page"),
                        ("by-owner", "Problems by owner"), ("reading-age", "Reading age"),
                        ("translations", "Translations to look at")]
            + (context.report.printedFlyers.isEmpty ? [] : [("flyers", "Printed flyers")]) + [("rules", "Checks and exceptions")]
        return ["<nav aria-label=\"Sections of this report\">", "<ul>"]
            + sections.map { "<li><a href=\"#\($0.0)\">\($0.1)</a></li>" }
            + ["</ul>", "</nav>"]
    }

    // MARK: - Building blocks

    static func esc(_ text: String) -> String { HTMLEscape.escape(text) }

    /// A section with its `h2`, labelled by it for assistive technology.
    static func section(_ id: String, _ title: String, _ body: [String]) -> [String] {
        ["<section aria-labelledby=\"\(id)\">", "<h2 id=\"\(id)\">\(esc(title))</h2>"] + body + ["</section>"]
    }

    /// A data table: a caption, column headers, and each row's first cell as its header.
    /// Cells are HTML, escaped by the caller. A caption that would only repeat the heading just
    /// above is there for screen readers but not shown (`showCaption: false`).
    static func table(caption: String, columns: [String], rows: [[String]], showCaption: Bool = true) -> [String] {
        var out = ["<div class=\"table-wrap\">", "<table>",
                   "<caption\(showCaption ? "" : " class=\"visually-hidden\"")>\(esc(caption))</caption>",
                   "<thead><tr>" + columns.map { "<th scope=\"col\">\(esc($0))</th>" }.joined() + "</tr></thead>", "<tbody>"]
        for row in rows {
            let cells = row.enumerated().map { index, cell in
                index == 0 ? "<th scope=\"row\">\(cell)</th>" : "<td>\(cell)</td>"
            }
            out.append("<tr>" + cells.joined() + "</tr>")
        }
        return out + ["</tbody>", "</table>", "</div>"]
    }

    /// The level in words (never colour alone), styled by level.
    static func levelBadge(_ severity: Diagnostic.Severity) -> String {
        switch severity {
        case .error: "<span class=\"badge badge-error\">Error</span>"
        case .warning: "<span class=\"badge badge-warning\">Warning</span>"
        }
    }

    /// A page's title in the page's own language, so screen readers pronounce it rightly.
    static func pageTitle(_ page: PageSummary) -> String {
        page.language == "en" ? esc(page.title) : "<span lang=\"\(esc(page.language))\" dir=\"auto\">\(esc(page.title))</span>"
    }

    static func code(_ text: String) -> String { "<code>\(esc(text))</code>" }

    /// `5 March 2024`.
    static func longDate(_ date: CalendarDate) -> String {
        let months = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
                      "October", "November", "December"]
        return "\(date.day) \(months[max(0, min(11, date.month - 1))]) \(date.year)"
    }

    /// A group name for things without an owner.
    static let noOwner = "No owner named"

    /// Items grouped by owner: named owners in order of name, then those with none.
    static func groupedByOwner<Item>(_ items: [Item], owner: (Item) -> String?) -> [(owner: String?, items: [Item])] {
        let groups = Dictionary(grouping: items.indices) { owner(items[$0]) }
        return groups.keys.sorted { lhs, rhs in
            switch (lhs, rhs) {
            case let (lhs?, rhs?): lhs < rhs
            case (_?, nil): true
            default: false
            }
        }.map { key in (key, groups[key, default: []].sorted().map { items[$0] }) }
    }
}
