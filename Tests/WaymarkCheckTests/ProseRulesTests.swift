import Foundation
import Testing
import WaymarkCheck
import WaymarkContent
import WaymarkCore
import WaymarkSite

/// The plain-English rules on small sites written to a temporary folder and checked as
/// `waymark check` does.
@Suite struct ProseRulesTests {
    /// 45 words, 2 sentences, 80 syllables (counted by hand; the counter agrees): Flesch–Kincaid
    /// grade 0.39 × 22.5 + 11.8 × 80/45 − 15.59 = 14.2, reading age about 19.
    static let hardText = """
    If you are concerned that a person may be a victim of modern slavery, you should contact the national helpline, which is confidential and available at any time.
    Trained advisers will listen carefully, explain the options that are available, and arrange appropriate support where necessary.
    """

    /// 36 words of one- and two-syllable words in short sentences: reading age about 5.
    static let easyText = """
    If you think someone is in danger, call the police. You do not need to be sure.
    Tell someone what you have seen. The experts will decide what to do next.
    Do not put yourself at risk. Stay safe and ask for help.
    """

    // MARK: reading-age

    @Test func readingAgeWarnsOnAHardContactsPage() throws {
        let site = try ProseSite(pages: ["report.md": page("Report a concern", layout: "contacts", body: Self.hardText)])
        defer { site.cleanUp() }
        let report = site.check()
        let problem = try #require(report.problems.first { $0.rule == "reading-age" })
        #expect(problem.severity == .warning)
        #expect(problem.location.line == 2)
        #expect(problem.location.file.hasSuffix("report.md"))
        #expect(problem.summary == "this page has a reading age of about 19 (Flesch–Kincaid grade 14.2); aim for 9 or under for pages the public acts on")
        #expect(problem.help == "its longest sentence is on line 6 (28 words); shorter sentences and everyday words bring the age down")
        let summary = try #require(report.pages.first { $0.file.hasSuffix("report.md") })
        #expect(summary.readingAgeChecked)
        #expect(summary.readingAge.result?.words == 45)
        #expect(summary.readingAge.result?.sentences == 2)
    }

    @Test func readingAgeIsQuietOnAnEasyContactsPage() throws {
        let site = try ProseSite(pages: ["report.md": page("Report a concern", layout: "contacts", body: Self.easyText)])
        defer { site.cleanUp() }
        let report = site.check()
        #expect(!report.problems.contains { $0.rule == "reading-age" })
        let age = try #require(report.pages.first { $0.file.hasSuffix("report.md") }?.readingAge.result?.age)
        #expect(age < 7)
    }

    @Test func readingAgeLeavesOrdinaryPagesAloneButScoresThem() throws {
        let site = try ProseSite(pages: ["about.md": page("About us", body: Self.hardText)])
        defer { site.cleanUp() }
        let report = site.check()
        #expect(!report.problems.contains { $0.rule == "reading-age" })
        let summary = try #require(report.pages.first { $0.file.hasSuffix("about.md") })
        #expect(!summary.readingAgeChecked)
        #expect(summary.readingAge.result != nil)
    }

    @Test func reportPageTranslationsAndHelpPagesArePagesThePublicActsOn() throws {
        let site = try ProseSite(pages: [
            "tell-us.md": page("Tell us", body: Self.hardText),
            "tell-us.ro.md": page("Spuneți-ne", body: "Sunați la poliție dacă cineva este în pericol."),
            "get-help.md": page("Get help", body: Self.hardText),
            "report-online.md": page("Report online", body: Self.hardText),
            "about.md": page("About", body: Self.hardText),
        ], config: "report_page: tell-us.md\n")
        defer { site.cleanUp() }
        let report = site.check()
        let checked = Set(report.pages.filter(\.readingAgeChecked).map { ($0.file as NSString).lastPathComponent })
        #expect(checked == ["tell-us.md", "tell-us.ro.md", "get-help.md", "report-online.md"])
        #expect(report.problems.filter { $0.rule == "reading-age" }.count == 3)
    }

    @Test func aRomanianPageIsUnscoredNotGivenAnEnglishNumber() throws {
        let romanian = String(repeating: "Dacă credeți că cineva este în pericol, sunați la poliție. Nu trebuie să fiți siguri. ", count: 4)
        let site = try ProseSite(pages: [
            "report.md": page("Report a concern", layout: "contacts", body: Self.hardText),
            "report.ro.md": page("Semnalați o situație", layout: "contacts", body: romanian),
        ])
        defer { site.cleanUp() }
        let report = site.check()
        let summary = try #require(report.pages.first { $0.file.hasSuffix("report.ro.md") })
        #expect(summary.readingAge == .unscored(reason: "Waymark has no checked reading-age formula for Romanian"))
        #expect(summary.readingAgeChecked)
        #expect(!report.problems.contains { $0.rule == "reading-age" && $0.location.file.hasSuffix("report.ro.md") })
    }

    @Test func readingAgeOptionAboveRaisesTheBar() throws {
        let site = try ProseSite(pages: ["report.md": page("Report", layout: "contacts", body: Self.hardText)],
                                 config: "checks:\n  reading-age: {above: 25}\n")
        defer { site.cleanUp() }
        #expect(!site.check().problems.contains { $0.rule == "reading-age" })

        let lower = try ProseSite(pages: ["report.md": page("Report", layout: "contacts", body: Self.easyText)],
                                  config: "checks:\n  reading-age: {above: 4}\n")
        defer { lower.cleanUp() }
        let problem = try #require(lower.check().problems.first { $0.rule == "reading-age" })
        #expect(problem.summary.hasSuffix("aim for 4 or under for pages the public acts on"))
    }

    @Test func readingAgeOptionsLayoutsAndPagesChooseThePages() throws {
        let site = try ProseSite(pages: [
            "flyer.md": page("Flyer", layout: "flyer", body: Self.hardText),
            "list.md": page("Signs", layout: "checklist", body: Self.hardText),
            "staying-safe-online.md": page("Staying safe online", body: Self.hardText),
        ], config: "checks:\n  reading-age: {layouts: [flyer], pages: [staying-safe-online.md]}\n")
        defer { site.cleanUp() }
        let report = site.check()
        let warned = Set(report.problems.filter { $0.rule == "reading-age" }.map { ($0.location.file as NSString).lastPathComponent })
        #expect(warned == ["flyer.md", "staying-safe-online.md"])
    }

    // MARK: long-sentence

    @Test func longSentenceWarnsOverTwentyFiveWords() throws {
        let long = "If you think that someone you know is being forced to work for little or no pay, or is not allowed to leave, you should tell the police today."
        let site = try ProseSite(pages: ["page.md": page("Page", body: "Short one.\n\n" + long)])
        defer { site.cleanUp() }
        let problems = site.check().problems.filter { $0.rule == "long-sentence" }
        #expect(problems.count == 1)
        let problem = try #require(problems.first)
        #expect(problem.severity == .warning)
        #expect(problem.location.line == 7)
        #expect(problem.summary == "this sentence has 29 words (“If you think that someone you …”); aim for 25 or fewer")
        #expect(problem.help == "split it into shorter sentences, one point in each")
    }

    @Test func longSentenceIsQuietAtTwentyFiveWordsAndInTableCells() throws {
        let twentyFive = "If you think that someone you know is being forced to work for little pay, or is not allowed to leave, tell the police today."
        let cell = Array(repeating: "Hull", count: 30).joined(separator: ", ")
        let site = try ProseSite(pages: ["page.md": page("Page", body: twentyFive + "\n\n| Places |\n|---|\n| \(cell) |\n")])
        defer { site.cleanUp() }
        #expect(!site.check().problems.contains { $0.rule == "long-sentence" })
    }

    @Test func longSentenceUsesForty_ForVietnameseAndTheWordsOption() throws {
        let thirty = Array(repeating: "gọi", count: 30).joined(separator: " ") + "."
        let site = try ProseSite(pages: ["page.vi.md": page("Trang", body: thirty), "page.md": page("Page", body: "Call now.")])
        defer { site.cleanUp() }
        #expect(!site.check().problems.contains { $0.rule == "long-sentence" })

        let fortyOne = Array(repeating: "gọi", count: 41).joined(separator: " ") + "."
        let longer = try ProseSite(pages: ["page.vi.md": page("Trang", body: fortyOne), "page.md": page("Page", body: "Call now.")])
        defer { longer.cleanUp() }
        let vietnamese = try #require(longer.check().problems.first { $0.rule == "long-sentence" })
        #expect(vietnamese.summary == "this sentence has 41 words (“gọi gọi gọi gọi gọi gọi …”); aim for 40 or fewer")

        let strict = try ProseSite(pages: ["page.md": page("Page", body: "Call the police now if you are worried.")],
                                   config: "checks:\n  long-sentence: {words: 5}\n")
        defer { strict.cleanUp() }
        let problem = try #require(strict.check().problems.first { $0.rule == "long-sentence" })
        #expect(problem.summary == "this sentence has 8 words (“Call the police now if you …”); aim for 5 or fewer")
    }

    // MARK: long-paragraph

    @Test func longParagraphWarnsOverFiveSentences() throws {
        let six = "Call us. Text us. Email us. Visit us. Write to us. Ask a friend."
        let site = try ProseSite(pages: ["page.md": page("Page", body: six)])
        defer { site.cleanUp() }
        let problem = try #require(site.check().problems.first { $0.rule == "long-paragraph" })
        #expect(problem.severity == .warning)
        #expect(problem.location.line == 5)
        #expect(problem.summary == "this paragraph has 6 sentences; aim for 5 sentences at most")
        #expect(problem.help == "break it into shorter paragraphs with one idea each, or make a series of points into a list")
    }

    @Test func longParagraphWarnsOverAHundredWordsAndNotAtFive() throws {
        let long = Array(repeating: "word", count: 101).joined(separator: " ") + "."
        let site = try ProseSite(pages: [
            "page.md": page("Page", body: long),
            "five.md": page("Five", body: "Call us. Text us. Email us. Visit us. Write to us."),
        ])
        defer { site.cleanUp() }
        let problems = site.check().problems.filter { $0.rule == "long-paragraph" }
        #expect(problems.count == 1)
        #expect(problems.first?.location.file.hasSuffix("page.md") == true)
        #expect(problems.first?.summary == "this paragraph has 101 words; aim for 100 words at most")
    }

    // MARK: capitals

    @Test func capitalsWarnsOnThreeWordsInCapitals() throws {
        let site = try ProseSite(pages: ["page.md": page("Page", body: "If you are worried,\nDO NOT CONFRONT THEM. Call the police.")])
        defer { site.cleanUp() }
        let problem = try #require(site.check().problems.first { $0.rule == "capitals" })
        #expect(problem.severity == .warning)
        #expect(problem.location.line == 6)
        #expect(problem.summary == "“DO NOT CONFRONT THEM” is written in capitals, which is harder to read and can read as shouting")
        #expect(problem.help == "write it in sentence case, keeping capitals for acronyms such as NHS; if it must stand out, make it bold (**like this**)")
    }

    @Test func capitalsLeavesAcronymsAndNumbersAlone() throws {
        let body = "The NRM, MSEH, NHS and GLAA can help. Call 999 or the NHS on 111. ## is not a heading here. THE END"
        let site = try ProseSite(pages: ["page.md": page("Page", body: body)])
        defer { site.cleanUp() }
        #expect(!site.check().problems.contains { $0.rule == "capitals" })
    }

    // MARK: a site to check

    private func page(_ title: String, layout: String? = nil, body: String) -> String {
        "---\ntitle: \(title)\n" + (layout.map { "layout: \($0)\n" } ?? "") + "---\n\n" + body + "\n"
    }
}

/// A site written to a temporary folder: `site.yaml` (English, Romanian, Vietnamese and Polish)
/// and the given pages, checked with the repository's theme.
struct ProseSite {
    static let repositoryRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().path

    let root: String

    init(pages: [String: String], config: String = "") throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("waymark-prose-\(UUID().uuidString)").path
        let siteYAML = """
        title: Test partnership
        base_url: https://example.org/
        default_language: en
        languages:
          - {code: en, name: English, direction: ltr}
          - {code: ro, name: Română, direction: ltr}
          - {code: vi, name: Tiếng Việt, direction: ltr}
          - {code: pl, name: Polski, direction: ltr}

        """ + config
        for (path, text) in pages.merging(["site.yaml": siteYAML], uniquingKeysWith: { first, _ in first }) {
            let full = root + "/" + path
            try FileManager.default.createDirectory(atPath: (full as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            try Data(text.utf8).write(to: URL(fileURLWithPath: full))
        }
    }

    func check() -> CheckReport {
        let build = BuildOptions(sourceDirectory: root, themeDirectory: Self.repositoryRoot + "/theme", outputDirectory: root + "-output")
        return ContentChecker(options: CheckOptions(build: build, today: CalendarDate("2026-12-02")!)).run()
    }

    func cleanUp() { try? FileManager.default.removeItem(atPath: root) }
}
