import Foundation
import Testing
import WaymarkCheck
import WaymarkContent
import WaymarkCore
@testable import WaymarkScaffold
import WaymarkSite

@Suite struct NewPageTests {
    @Test("each kind of page has the right front matter, builds, and passes waymark check", arguments: PageKind.allCases)
    func pageKindBuilds(kind: PageKind) throws {
        let temp = try NewTemp()
        defer { temp.cleanUp() }
        #expect(try makeSite(in: temp).status == 0)
        let site = temp.path + "/site"
        let made = try waymark(["new", kind.rawValue, "extra/spot-the-signs-at-work", "--today", testDay], in: site)
        #expect(made.status == 0, "\(made.stderr)")
        #expect(made.stdout.hasPrefix("Made content/extra/spot-the-signs-at-work.md"))
        let text = try #require(temp.read("site/content/extra/spot-the-signs-at-work.md"))
        var diagnostics = Diagnostics()
        let split = try FrontMatterParser.split(text, file: "page.md").get()
        let matter = try #require(FrontMatterParser.parse(split, file: "page.md", diagnostics: &diagnostics))
        #expect(diagnostics.all.isEmpty)
        #expect(matter.title == "Spot the signs at work")
        #expect(matter.layout == (kind == .page ? nil : kind.rawValue))
        #expect(matter.summary?.isEmpty == false)
        if kind == .page {
            #expect(matter.reviewBy == nil && matter.owner == nil)
        } else {
            #expect(matter.reviewBy == CalendarDate(testDay)!.adding(months: 6))
            #expect(matter.owner == "Partnership coordinator")
        }
        let report = try build(site + "/content", output: site + "/output").get()
        #expect(report.warnings.isEmpty, "\(report.warnings.map(\Diagnostic.summary))")
        let checked = check(site + "/content")
        #expect(checked.problems.isEmpty, "\(checked.problems.map(\Diagnostic.summary))")
    }

    @Test("titles and dates come from the file name")
    func titlesFromNames() throws {
        #expect(try PagePath("spot-the-signs").path == "spot-the-signs.md")
        #expect(try PagePath("./pathways/children.md").title == "Children")
        #expect(try PagePath("pathways/index.md").title == "Pathways")
        #expect(try PagePath("news/2026-03-01-open_day").title == "Open day")
        #expect(try PagePath("news/2026-03-01-open_day").date == CalendarDate("2026-03-01"))
        #expect(try PagePath("county-lines.md").date == nil)
        for bad in ["", "/etc/passwd", "../outside", "a//b", "_data/x", ".hidden/x", "pathways/.md"] {
            #expect(throws: SettingProblem.self, "\(bad)") { try PagePath(bad) }
        }
    }

    @Test("a news item named by its date gets that date")
    func datedNewsItem() throws {
        let temp = try NewTemp()
        defer { temp.cleanUp() }
        #expect(try makeSite(in: temp).status == 0)
        #expect(try waymark(["new", "page", "news/2026-02-01-training-day"], in: temp.path + "/site").status == 0)
        let text = try #require(temp.read("site/content/news/2026-02-01-training-day.md"))
        #expect(text.hasPrefix("---\ntitle: Training day\nsummary: One sentence that says what this page is about.\ndate: 2026-02-01\n---\n"))
    }
}
