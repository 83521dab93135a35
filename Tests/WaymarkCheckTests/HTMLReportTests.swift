import Foundation
import Testing
@testable import WaymarkCheck
import WaymarkCore

@Suite("HTML report")
struct HTMLReportTests {
    let html = HTMLReport.render(FormatSamples.report())

    /// The text of the section with this id, up to the next one.
    func section(_ id: String) throws -> Substring {
        let start = try #require(html.range(of: "<section aria-labelledby=\"\(id)\">"))
        let end = try #require(html.range(of: "</section>", range: start.upperBound..<html.endIndex))
        return html[start.lowerBound..<end.upperBound]
    }

    /// Every `<tag` and `</tag>` in order, with `/>` and void elements left out.
    static func tags(_ html: String) -> [(name: String, closing: Bool)] {
        let void: Set<String> = ["meta", "br", "rect", "line", "!doctype"]
        let pattern = try! NSRegularExpression(pattern: "<(/?)([!a-zA-Z0-9]+)[^>]*?(/?)>")
        return pattern.matches(in: html, range: NSRange(html.startIndex..., in: html)).compactMap { match in
            let part = { (index: Int) in String(html[Range(match.range(at: index), in: html)!]) }
            let name = part(2).lowercased()
            if void.contains(name) || part(3) == "/" { return nil }
            return (name, part(1) == "/")
        }
    }

    @Test func everyTagIsClosedInOrderWithOneMainAndOneH1() {
        var stack: [String] = []
        var mismatches: [String] = []
        for tag in Self.tags(html) {
            if tag.closing {
                if stack.last == tag.name { stack.removeLast() } else { mismatches.append("</\(tag.name)> after <\(stack.last ?? "")>") }
            } else {
                stack.append(tag.name)
            }
        }
        #expect(mismatches.isEmpty)
        #expect(stack.isEmpty)
        #expect(html.components(separatedBy: "<main>").count == 2 && html.components(separatedBy: "</main>").count == 2)
        #expect(html.components(separatedBy: "<h1>").count == 2)
        #expect(html.hasPrefix("<!DOCTYPE html>\n<html lang=\"en\">\n"))
    }

    @Test func headingsGoDownOneLevelAtATime() {
        let levels = Self.tags(html).filter { !$0.closing && $0.name.count == 2 && $0.name.hasPrefix("h") }.compactMap { Int($0.name.dropFirst()) }
        #expect(levels.first == 1)
        for (previous, next) in zip(levels, levels.dropFirst()) { #expect(next <= previous + 1, "h\(previous) then h\(next)") }
    }

    @Test func everyTableHasACaptionAndScopedHeaders() {
        let tables = html.components(separatedBy: "<table").dropFirst()
        #expect(tables.count >= 8)
        for table in tables {
            #expect(table.hasPrefix(">\n<caption>") || table.hasPrefix(">\n<caption class=\"visually-hidden\">"))
            #expect(table.contains("<th scope=\"col\">"))
            #expect(!table.contains("<th>"), "every header says what it heads")
        }
    }

    @Test func asksForNothingFromAnywhere() {
        let references = try! NSRegularExpression(pattern: "\\b(?:src|href|xlink:href|action|srcset)\\s*=\\s*\"([^\"]*)\"")
        let values = references.matches(in: html, range: NSRange(html.startIndex..., in: html))
            .map { String(html[Range($0.range(at: 1), in: html)!]) }
        #expect(!values.isEmpty)
        #expect(values.allSatisfy { $0.hasPrefix("#") }, "only links within the page: \(values.filter { !$0.hasPrefix("#") })")
        for forbidden in ["<script", "<link", "<img", "<iframe", "url(", "@import", "http://", "https://"] {
            #expect(!html.contains(forbidden), "\(forbidden)")
        }
    }

    @Test func headingCountsAndDateComeFromTheReport() throws {
        #expect(html.contains("<title>Content check: Humber &amp; District Partnership — 2025-03-01</title>"))
        #expect(html.contains("<h1>Content check: Humber &amp; District Partnership</h1>"))
        #expect(html.contains("Checked on 1 March 2025: 4 pages."))
        let summary = try section("summary")
        for count in ["13 errors", "14 warnings", "3 reviews due (1 overdue)", "1 of 4 pages over their reading age"] {
            #expect(summary.contains("<li>\(count)</li>"))
        }
        #expect(summary.contains("the site would not pass"))
        #expect(HTMLReport.render(FormatSamples.report()) == html, "the same report gives the same page")
    }

    @Test func everyProblemIsListedUnderItsPageEscaped() throws {
        let byPage = try section("by-page")
        for problem in FormatSamples.problems {
            #expect(byPage.contains(HTMLReport.esc(problem.summary).replacingOccurrences(of: "\n", with: "<br>")))
            if let help = problem.help { #expect(byPage.contains(HTMLReport.esc(help))) }
        }
        #expect(byPage.contains("<h3>Report &lt;modern&gt; slavery <code>content/report.md</code></h3>"))
        #expect(byPage.contains("<h3><span lang=\"pl\" dir=\"auto\">Zgłoś współczesne niewolnictwo</span> <code>content/pl/report.pl.md</code></h3>"))
        #expect(byPage.contains("<h3><code>content/site.yaml</code></h3>"), "a file that is not a page is named by its path")
        #expect(byPage.contains("<tr><th scope=\"row\">whole file</th><td><span class=\"badge badge-error\">Error</span></td><td>build</td><td>the site has no title</td><td></td></tr>"))
        #expect(byPage.contains("<td><span class=\"badge badge-warning\">Warning</span></td>"), "levels are words, not only colour")
        #expect(!html.contains("<modern>") && !html.contains("<Report it>"), "nothing from the content is read as HTML")
    }

    @Test func problemsAreGroupedByOwnerWithTheUnownedLast() throws {
        let byOwner = try section("by-owner")
        let headings = byOwner.components(separatedBy: "<h3>").dropFirst().map { $0.prefix { $0 != "<" } }
        #expect(headings == ["Ana Pop (1 problem)", "Lee Chan (1 problem)", "Sam Jones (12 problems)", "No owner named (13 problems)"])
        // The contact's problem is its owner's, found through the review of the same line.
        let lee = try #require(byOwner.range(of: "<h3>Lee Chan"))
        #expect(byOwner[lee.upperBound...].prefix(900).contains("<th scope=\"row\"><code>content/_data/contacts.yaml:4</code></th><td>Contact Helpline</td>"))
        #expect(byOwner.contains("<caption class=\"visually-hidden\">Problems for Lee Chan</caption>"), "the caption repeats the heading, for screen readers only")
    }

    @Test func reviewsAreGroupedByOwnerOverdueFirst() throws {
        let reviews = try section("reviews")
        let headings = reviews.components(separatedBy: "<h3>").dropFirst().map { $0.prefix { $0 != "<" } }
        #expect(headings == ["Lee Chan", "Sam Jones", "No owner named"])
        #expect(reviews.contains("<tr><th scope=\"row\">Page Report &lt;modern&gt; slavery</th><td><span class=\"badge badge-error\">Overdue</span></td><td><code>content/report.md:3</code></td><td><time datetime=\"2025-02-01\">1 February 2025</time></td></tr>"))
        #expect(reviews.contains("<span class=\"badge badge-soon\">Due soon</span>"))
    }

    @Test func readingAgesAreInTheTableAndTheChartWithATextAlternative() throws {
        let section = try section("reading-age")
        #expect(section.contains("12.3 years <strong>(over 9 years)</strong><br><span class=\"detail\">Flesch–Kincaid grade level 7.3; 340 words in 20 sentences</span>"))
        #expect(section.contains("<td>8 years<br>"), "a page under the threshold is not marked")
        #expect(section.contains("Not scored: no published formula for Polish"))
        #expect(section.contains("<td>Yes</td>") && section.contains("<td>No</td>"))
        #expect(section.contains("<svg role=\"img\" aria-labelledby=\"chart-title chart-desc\""))
        #expect(section.contains("<title id=\"chart-title\">Reading age of each scored page</title>"))
        #expect(section.contains("<desc id=\"chart-desc\">Bar chart of the reading age of 2 scored pages, in years. A dashed line marks 9 years; 1 of the pages the check applies to are over it."))
        #expect(section.components(separatedBy: "<rect class=\"bar").count == 3, "a bar for each scored page only")
        #expect(section.components(separatedBy: "<rect class=\"bar bar-over\"").count == 2)
        #expect(section.contains("<line class=\"threshold\""))
        #expect(section.contains(">12.3 over</text>"), "the bar over the line says so in words")
    }

    @Test func theThresholdLineFollowsTheSitesSetting() throws {
        var report = FormatSamples.report()
        report.readingAgeThreshold = 13
        let page = HTMLReport.render(report)
        #expect(page.contains(">13 years</text>"))
        #expect(!page.contains("(over 13 years)"), "no page is over 13")
        #expect(!page.contains("<rect class=\"bar bar-over\""))
    }

    @Test func staleAndUncheckedTranslationsAreListed() throws {
        let section = try section("translations")
        #expect(section.contains("Out of date: made from an older version of content/report.md. Not yet checked by a qualified translator."))
        #expect(section.contains("<span lang=\"ro\" dir=\"auto\">Raportați</span> <code>content/ro/report.ro.md</code></th><td>ro</td><td>Not yet checked by a qualified translator.</td>"))
        #expect(!section.contains("content/report.md</code>"), "an original page is not a translation to look at")
    }

    @Test func checksAndExceptionsAreListed() throws {
        let section = try section("rules")
        #expect(section.contains("<tr><th scope=\"row\"><code>capitals</code></th><td>text in capitals</td><td>Off</td></tr>"))
        #expect(section.contains("<td><code>capitals</code></td><td>the acronym NRM</td>"))
    }

    @Test func anEmptyReportSaysThereIsNothingToDo() {
        let page = HTMLReport.render(FormatSamples.empty)
        #expect(page.contains("<h1>Content check</h1>"))
        #expect(page.contains("<p>No problems found.</p>"))
        #expect(page.contains("<p>Nothing falls due for review.</p>"))
        #expect(page.contains("No page has a reading age yet, so there is no chart."))
        #expect(!page.contains("<svg"))
        #expect(page.contains("Every translation is checked and up to date."))
    }
}
