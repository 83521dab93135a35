import Foundation
import Testing
@testable import WaymarkCheck
import WaymarkContent
import WaymarkCore
import WaymarkSite

@Suite("GitHub format")
struct GitHubFormatTests {
    @Test func everyProblemIsOneWorkflowCommandThatReadsBack() throws {
        let report = FormatSamples.report()
        let lines = GitHubFormat.render(report).split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let commands = lines.compactMap(ParsedCommand.init)
        let problems = commands.filter { $0.name != "notice" }
        #expect(problems.count == report.problems.count)
        for (command, problem) in zip(problems, report.problems) {
            #expect(command.name == problem.severity.rawValue)
            #expect(command.properties["file"] == problem.location.file)
            #expect(command.properties["line"] == problem.location.line.map(String.init))
            #expect(command.properties["col"] == problem.location.column.map(String.init))
            #expect(command.properties["title"] == (problem.rule.map { "Waymark: \($0)" } ?? "Waymark"))
            #expect(command.message == problem.summary + (problem.help.map { "\nhelp: \($0)" } ?? ""))
        }
        #expect(lines.last == "", "the output ends with a newline")
        #expect(lines[lines.count - 2] == TextFormat.summary(report))
    }

    @Test func escapesMessagesAndPropertiesAsGitHubReadsThem() throws {
        let line = try #require(GitHubFormat.render(FormatSamples.report()).split(separator: "\n").first { $0.contains("a%2Cb%3Ac.md") })
        // The raw line has no newline, and no bare `,` or `:` inside a property.
        #expect(line.hasPrefix("::warning file=content/news/a%2Cb%3Ac.md,line=7,col=3,title=Waymark%3A link-text::"))
        #expect(line.contains("says nothing%0Asecond line%0Ahelp: write where"))
        #expect(line.contains("100%25"))
        let command = try #require(ParsedCommand(String(line)))
        #expect(command.properties["file"] == FormatSamples.trickyFile)
        #expect(command.properties["title"] == "Waymark: link-text")
        #expect(command.message == FormatSamples.tricky + "\nhelp: write where the link goes, e.g. <Report it> & more")
    }

    @Test func buildProblemsAreTitledWaymarkAndAFileWithoutALineHasNoLine() throws {
        let commands = GitHubFormat.render(FormatSamples.report()).split(separator: "\n").compactMap { ParsedCommand(String($0)) }
        let build = try #require(commands.first { $0.properties["file"] == "content/site.yaml" })
        #expect(build == ParsedCommand("::error file=content/site.yaml,title=Waymark::the site has no title"))
        #expect(build.properties["line"] == nil && build.properties["col"] == nil)
    }

    @Test func reviewsDueSoonAreNoticesAndOverdueOnesAreNot() {
        let notices = GitHubFormat.render(FormatSamples.report()).split(separator: "\n").compactMap { ParsedCommand(String($0)) }
            .filter { $0.name == "notice" }
        #expect(notices.map { $0.properties["line"] } == ["4", "9"])
        #expect(notices[0].message == "contact 'Helpline' falls due for review on 2025-03-20 (owner Lee Chan)")
        #expect(notices[1].message == "contact 'Police' falls due for review on 2025-03-10 (no owner named)")
    }

    @Test func aCleanSiteGivesOnlyTheSummaryLine() {
        #expect(GitHubFormat.render(FormatSamples.empty) == "Checked 0 pages: no problems found.\n")
    }

    @Test func stepSummaryIsAppendedWithEveryProblemReviewAndPageOverItsReadingAge() throws {
        let temp = try FormatTempDir()
        defer { temp.cleanUp() }
        let path = temp.path + "/summary.md"
        try Data("earlier step\n".utf8).write(to: URL(fileURLWithPath: path))
        let report = FormatSamples.report()
        #expect(report.errorCount > 10 && report.warningCount > 10)
        try GitHubFormat.writeStepSummary(report, environment: ["GITHUB_STEP_SUMMARY": path])
        let summary = try String(contentsOfFile: path, encoding: .utf8)
        #expect(summary.hasPrefix("earlier step\n## Waymark check: Humber &amp; District Partnership\n"), "appended, not replaced")
        for index in 1...12 {
            #expect(summary.contains("| error | content/report.md:\(index) | link-text | error number \(index) | fix number \(index) |"))
            #expect(summary.contains("| warning | content/pl/report.pl.md:\(index) | long-sentence | warning number \(index) | look at number \(index) |"))
        }
        // Markdown and HTML in messages are shown as written, and the newline stays in its cell.
        #expect(summary.contains("| warning | content/news/a,b:c.md:7 | link-text | the link text 'click here, now: 100%' says nothing<br>second line | write where the link goes, e.g. &lt;Report it&gt; &amp; more |"))
        #expect(summary.contains("| error | content/site.yaml | build | the site has no title |  |"))
        #expect(summary.contains("| overdue | content/report.md:3 | page 'Report &lt;modern&gt; slavery' | 2025-02-01 | Sam Jones |"))
        #expect(summary.contains("| due soon | content/\\_data/contacts.yaml:9 | contact 'Police' | 2025-03-10 | no owner named |"))
        #expect(summary.contains("### Pages over their reading age (9 years)"))
        #expect(summary.contains("| content/report.md | Report &lt;modern&gt; slavery | 12.3 years | Flesch–Kincaid grade level |"))
        #expect(!summary.contains("News &amp; views |"), "a page under its reading age is not listed")
    }

    @Test func aHugeListStopsShortOfGitHubsLimitAndSaysHowManyMore() {
        var report = FormatSamples.report()
        let long = String(repeating: "a sentence that goes on ", count: 8)
        report.problems = (1...20_000).map { (index: Int) -> Diagnostic in
            .warning(SourceLocation(file: "content/big.md", line: index), long + String(index)).rule("long-sentence")
        }
        let summary = GitHubFormat.stepSummary(report)
        #expect(summary.utf8.count <= GitHubFormat.stepSummaryLimit)
        let shown = summary.components(separatedBy: "| warning | content/big.md:").count - 1
        #expect(shown > 1_000 && shown < 20_000)
        #expect(summary.contains("…and \(20_000 - shown) more problems, too many for this summary"))
        #expect(summary.contains("### Due for review"), "the reviews are kept")
    }

    @Test func noStepSummaryWithoutTheVariable() throws {
        try GitHubFormat.writeStepSummary(FormatSamples.report(), environment: [:])
        try GitHubFormat.writeStepSummary(FormatSamples.report(), environment: ["GITHUB_STEP_SUMMARY": ""])
    }

    @Test func stepSummaryCreatesTheFileWhenItIsMissing() throws {
        let temp = try FormatTempDir()
        defer { temp.cleanUp() }
        try GitHubFormat.writeStepSummary(FormatSamples.empty, environment: ["GITHUB_STEP_SUMMARY": temp.path + "/new.md"])
        #expect(try String(contentsOfFile: temp.path + "/new.md", encoding: .utf8)
                == "## Waymark check\n\nChecked 0 pages: no problems found. Review dates are counted from 2025-03-01.\n\n")
    }
}

@Suite("GitLab format")
struct GitLabFormatTests {
    static let severities: Set<String> = ["info", "minor", "major", "critical", "blocker"]

    func issues(_ report: CheckReport) throws -> [[String: Any]] {
        let json = try JSONSerialization.jsonObject(with: Data(GitLabFormat.render(report).utf8))
        return try #require(json as? [[String: Any]])
    }

    @Test func everyIssueHasGitLabsFieldsWithTheRightTypes() throws {
        let report = FormatSamples.report()
        let issues = try issues(report)
        #expect(issues.count == report.problems.count)
        for (issue, problem) in zip(issues, report.problems) {
            #expect(Set(issue.keys) == ["description", "check_name", "fingerprint", "severity", "location"])
            #expect(issue["description"] as? String == problem.summary + (problem.help.map { " (help: \($0))" } ?? ""))
            #expect(issue["check_name"] as? String == problem.rule ?? "build")
            let fingerprint = try #require(issue["fingerprint"] as? String)
            #expect(fingerprint.count == 16 && fingerprint.allSatisfy(\.isHexDigit))
            #expect(Self.severities.contains(try #require(issue["severity"] as? String)))
            let location = try #require(issue["location"] as? [String: Any])
            #expect(location["path"] as? String == problem.location.file)
            let lines = try #require(location["lines"] as? [String: Any])
            let begin = try #require(lines["begin"] as? Int)
            #expect(begin == problem.location.line ?? 1)
        }
        let fingerprints = issues.compactMap { $0["fingerprint"] as? String }
        #expect(Set(fingerprints).count == fingerprints.count, "every problem has its own fingerprint")
    }

    @Test func severityFollowsTheLevelAndBuildErrorsRankHigher() throws {
        let issues = try issues(FormatSamples.report())
        func severity(_ path: String, _ line: Int?) -> String? {
            issues.first { issue in
                let location = issue["location"] as? [String: Any]
                return location?["path"] as? String == path && (location?["lines"] as? [String: Any])?["begin"] as? Int == line ?? 1
            }?["severity"] as? String
        }
        #expect(severity("content/report.md", 1) == "major")
        #expect(severity("content/pl/report.pl.md", 1) == "minor")
        #expect(severity("content/site.yaml", nil) == "critical")
        #expect(GitLabFormat.severity(of: .warning(SourceLocation(file: "x"), "w")) == "minor")
    }

    @Test func fingerprintsAreStableAndIdenticalProblemsStayApart() throws {
        let report = FormatSamples.report()
        #expect(GitLabFormat.render(report) == GitLabFormat.render(report))
        let problem = Diagnostic.error(SourceLocation(file: "content/a.md", line: 2), "broken").rule("link-text")
        #expect(GitLabFormat.fingerprint(of: problem) == GitLabFormat.fingerprint(of: problem))
        #expect(GitLabFormat.fingerprint(of: problem) != GitLabFormat.fingerprint(of: problem.withSeverity(.warning).rule("other")))
        var tomorrow = problem
        tomorrow.help = "add 'checked: 2025-03-02'"
        #expect(GitLabFormat.fingerprint(of: tomorrow) == GitLabFormat.fingerprint(of: problem), "help that names today is left out")
        // Two problems the hash cannot tell apart (only the quote differs) still get two fingerprints.
        var twin = report
        twin.problems = [problem, problem.quoting(.none)]
        let fingerprints = try issues(twin).compactMap { $0["fingerprint"] as? String }
        #expect(fingerprints.count == 2 && fingerprints[1] == fingerprints[0] + "-2")
    }

    @Test func aLeadingDotSlashIsDroppedFromPaths() throws {
        var report = FormatSamples.empty
        report.problems = [.warning(SourceLocation(file: "./content/a.md", line: 3), "w")]
        let location = try #require(try issues(report).first?["location"] as? [String: Any])
        #expect(location["path"] as? String == "content/a.md")
    }

    @Test func aCleanSiteIsAnEmptyArray() throws {
        #expect(try issues(FormatSamples.empty).isEmpty)
        #expect(!GitLabFormat.render(FormatSamples.empty).hasPrefix("\u{FEFF}"), "GitLab refuses a byte order mark")
    }
}

@Suite("JSON format")
struct JSONFormatTests {
    func document(_ report: CheckReport) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(JSONFormat.render(report).utf8)) as? [String: Any])
    }

    @Test func topLevelFieldsAndSummary() throws {
        let json = try document(FormatSamples.report(strict: true))
        #expect(Set(json.keys) == ["version", "today", "strict", "summary", "problems", "pages", "reviews", "flyers", "rules"])
        #expect(json["version"] as? Int == 1)
        #expect(json["today"] as? String == "2025-03-01")
        #expect(json["strict"] as? Bool == true)
        let summary = try #require(json["summary"] as? [String: Any])
        #expect(summary["errors"] as? Int == 13 && summary["warnings"] as? Int == 14 && summary["pages"] as? Int == 4)
        let rules = try #require(json["rules"] as? [[String: Any]])
        #expect(rules.map { $0["id"] as? String } == ["link-text", "long-sentence", "capitals"])
        #expect(rules.map { $0["level"] as? String } == ["error", "warning", "off"])
        #expect(rules[0]["title"] as? String == "link text that makes sense on its own")
    }

    @Test func problemsHaveEveryKeyWithNullForWhatIsUnknown() throws {
        let problems = try #require(try document(FormatSamples.report())["problems"] as? [[String: Any]])
        #expect(problems.count == FormatSamples.problems.count)
        for problem in problems {
            #expect(Set(problem.keys) == ["severity", "rule", "file", "line", "column", "message", "help"])
        }
        let build = try #require(problems.first { $0["file"] as? String == "content/site.yaml" })
        #expect(build["severity"] as? String == "error")
        #expect(build["rule"] is NSNull && build["line"] is NSNull && build["column"] is NSNull && build["help"] is NSNull)
        #expect(build["message"] as? String == "the site has no title")
        let tricky = try #require(problems.first { $0["file"] as? String == FormatSamples.trickyFile })
        #expect(tricky["rule"] as? String == "link-text")
        #expect(tricky["line"] as? Int == 7 && tricky["column"] as? Int == 3)
        #expect(tricky["message"] as? String == FormatSamples.tricky)
        #expect(tricky["help"] as? String == "write where the link goes, e.g. <Report it> & more")
    }

    @Test func pagesCarryReadingAgeTranslationAndExceptions() throws {
        let pages = try #require(try document(FormatSamples.report())["pages"] as? [[String: Any]])
        #expect(pages.count == 4)
        let keys: Set<String> = ["file", "url", "title", "language", "layout", "owner", "review_by", "reading_age", "reading_age_note",
                                 "reading_age_checked", "translation", "translation_source", "exceptions", "exception_reason"]
        for page in pages { #expect(Set(page.keys) == keys) }

        let english = pages[0]
        #expect(english["file"] as? String == "content/report.md" && english["url"] as? String == "/report/")
        #expect(english["title"] as? String == "Report <modern> slavery" && english["language"] as? String == "en")
        #expect(english["layout"] as? String == "page" && english["owner"] as? String == "Sam Jones")
        #expect(english["review_by"] as? String == "2025-02-01")
        let age = try #require(english["reading_age"] as? [String: Any])
        #expect(age["formula"] as? String == "Flesch–Kincaid grade level")
        #expect(age["score"] as? Double == 7.25 && age["age"] as? Double == 12.25)
        #expect(age["words"] as? Int == 340 && age["sentences"] as? Int == 20)
        #expect(english["reading_age_note"] is NSNull && english["reading_age_checked"] as? Bool == true)
        #expect(english["translation"] as? String == "original" && english["translation_source"] is NSNull)
        #expect(english["exceptions"] as? [String] == ["capitals"] && english["exception_reason"] as? String == "the acronym NRM")

        let polish = pages[1]
        #expect(polish["owner"] is NSNull && polish["review_by"] is NSNull)
        #expect(polish["reading_age"] is NSNull && polish["reading_age_note"] as? String == "no published formula for Polish")
        #expect(polish["reading_age_checked"] as? Bool == false)
        #expect(polish["translation"] as? String == "stale" && polish["translation_source"] as? String == "content/report.md")
        #expect(polish["exceptions"] as? [String] == [] && polish["exception_reason"] is NSNull)
        #expect(pages[3]["translation"] as? String == "unchecked")
    }

    @Test func reviewsListKindPlaceOwnerAndDate() throws {
        let reviews = try #require(try document(FormatSamples.report())["reviews"] as? [[String: Any]])
        #expect(reviews.count == 3)
        for review in reviews { #expect(Set(review.keys) == ["kind", "name", "file", "line", "owner", "due", "overdue"]) }
        #expect(reviews[0]["kind"] as? String == "page" && reviews[0]["name"] as? String == "Report <modern> slavery")
        #expect(reviews[0]["file"] as? String == "content/report.md" && reviews[0]["line"] as? Int == 3)
        #expect(reviews[0]["owner"] as? String == "Sam Jones" && reviews[0]["due"] as? String == "2025-02-01")
        #expect(reviews[0]["overdue"] as? Bool == true)
        #expect(reviews[2]["kind"] as? String == "contact" && reviews[2]["owner"] is NSNull && reviews[2]["overdue"] as? Bool == false)
    }

    @Test func outputIsSortedPrettyAndTheSameEveryTime() {
        let report = FormatSamples.report()
        let first = JSONFormat.render(report)
        #expect(first == JSONFormat.render(report))
        #expect(first.hasSuffix("}\n"))
        #expect(first.split(separator: "\n").count > 100, "pretty-printed, one value a line")
        // Keys in order: "pages" comes before "problems", "reviews", "rules", "strict", "summary".
        let order = ["\"pages\"", "\"problems\"", "\"reviews\"", "\"rules\"", "\"strict\"", "\"summary\"", "\"today\"", "\"version\""]
            .compactMap { first.range(of: "\n  \($0)")?.lowerBound }
        #expect(order.count == 8 && order == order.sorted())
    }

    @Test func aReadingAgeThatIsNotANumberIsANoteNotABrokenFile() throws {
        var report = FormatSamples.empty
        var page = FormatSamples.pages[0]
        page.readingAge = .scored(ReadingAgeResult(formula: "F", score: .nan, age: .infinity, words: 0, sentences: 0))
        report.pages = [page]
        let pages = try #require(try document(report)["pages"] as? [[String: Any]])
        #expect(pages[0]["reading_age"] is NSNull)
        #expect(pages[0]["reading_age_note"] as? String == "the reading age could not be worked out")
    }

    @Test func aRealSiteCheckedThroughTheChecker() throws {
        let temp = try FormatTempDir()
        defer { temp.cleanUp() }
        try temp.write([
            "content/site.yaml": "title: Test\nbase_url: https://example.org/\ndefault_language: en\nlanguages:\n  - code: en\n    name: English\n    direction: ltr\n",
            "content/index.md": "---\ntitle: Home\n---\n\nSee [the signs](missing-page.md).\n",
        ])
        var options = CheckOptions(build: BuildOptions(sourceDirectory: temp.path + "/content", themeDirectory: FormatTempDir.theme),
                                   today: FormatSamples.today)
        options.strict = false
        let report = ContentChecker(options: options).run()
        let first = JSONFormat.render(report)
        #expect(first == JSONFormat.render(ContentChecker(options: options).run()), "the same site gives the same bytes")
        let json = try document(report)
        let pages = try #require(json["pages"] as? [[String: Any]])
        #expect(pages.map { $0["title"] as? String } == ["Home"])
        let problems = try #require(json["problems"] as? [[String: Any]])
        let broken = try #require(problems.first { ($0["message"] as? String)?.contains("missing-page.md") == true })
        #expect(broken["severity"] as? String == "error" && broken["rule"] is NSNull && broken["line"] as? Int == 5)
        #expect((broken["file"] as? String)?.hasSuffix("content/index.md") == true)
    }
}

@Suite("JSON writer")
struct JSONWriterTests {
    @Test func escapesStringsAsJSONRequires() throws {
        let text = "quote \" backslash \\ newline \n tab \t bell \u{7} line \u{2028} Zgłoś العربية"
        let written = JSONValue.array([.string(text)]).document
        #expect(written == "[\n  \"quote \\\" backslash \\\\ newline \\n tab \\t bell \\u0007 line \\u2028 Zgłoś العربية\"\n]\n")
        let parsed = try JSONSerialization.jsonObject(with: Data(written.utf8)) as? [String]
        #expect(parsed == [text])
    }

    @Test func layoutIsSortedIndentedAndCompactWhenEmpty() {
        let value = JSONValue.object(["b": .array([]), "a": .object([:]), "c": .array([.int(1), .double(2.5), .bool(false), .null]),
                                      "d": .double(.nan)])
        #expect(value.document == "{\n  \"a\": {},\n  \"b\": [],\n  \"c\": [\n    1,\n    2.5,\n    false,\n    null\n  ],\n  \"d\": null\n}\n")
    }
}

@Suite struct PrintedFlyerFormatTests {
    @Test func everyFormatForPeopleListsThePrintedFlyers() throws {
        var report = FormatSamples.report()
        report.printedFlyers = [
            FlyerPageCount(file: "content/flyers/a.md", language: "en", url: "/flyers/a/", pages: 1, paper: "A4", outcome: .printed),
            FlyerPageCount(file: "content/flyers/a.ar.md", language: "ar", url: "/ar/flyers/a/", pages: 2, paper: "A4", outcome: .printed),
        ]
        let text = TextFormat.render(report)
        #expect(text.contains("Flyers printed to PDF:\n  content/flyers/a.md: 1 A4 page\n  content/flyers/a.ar.md: 2 A4 pages\n"))
        let json = try #require(try JSONSerialization.jsonObject(with: Data(JSONFormat.render(report).utf8)) as? [String: Any])
        let flyers = try #require(json["flyers"] as? [[String: Any]])
        #expect(flyers.map { $0["pages"] as? Int } == [1, 2])
        let html = HTMLReport.render(report)
        #expect(html.contains("<h2 id=\"flyers\">Printed flyers</h2>"))
        #expect(html.contains("2 pages <strong>(too long)</strong>"))
        #expect(!HTMLReport.render(FormatSamples.report()).contains("id=\"flyers\""))
    }
}
