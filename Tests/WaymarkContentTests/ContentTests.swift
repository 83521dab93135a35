import Foundation
import Testing
import WaymarkContent
import WaymarkCore

private func frontMatter(_ text: String) -> (FrontMatter?, [String]) {
    var diagnostics = Diagnostics()
    switch FrontMatterParser.split(text, file: "content/x.md") {
    case .failure(let diagnostic):
        return (nil, [diagnostic.headline])
    case .success(let split):
        let matter = FrontMatterParser.parse(split, file: "content/x.md", diagnostics: &diagnostics)
        return (matter, diagnostics.sorted.map(\.headline))
    }
}

@Suite struct FrontMatterTests {
    @Test func readsEveryField() throws {
        let (matter, problems) = frontMatter("""
        ---
        title: "Report a concern: who to call"
        summary: Who to call, and when.
        date: 2024-03-05
        updated: 2024-06-01T10:00:00Z
        weight: 10
        layout: page
        slug: report-it
        aliases: [/reporting/, old-report]
        tags: Labour exploitation
        draft: false
        ---
        Body
        """)
        #expect(problems.isEmpty)
        let value = try #require(matter)
        #expect(value.title == "Report a concern: who to call")
        #expect(value.date == CalendarDate(year: 2024, month: 3, day: 5))
        #expect(value.updated?.iso == "2024-06-01")
        #expect(value.weight == 10)
        #expect(value.slug == "report-it")
        #expect(value.aliases == ["/reporting/", "old-report"])
        #expect(value.tags == ["Labour exploitation"])
        #expect(value.draft == false)
        #expect(value.locations["slug"]?.line == 8)
    }

    @Test func bodyStartsAfterTheClosingFence() throws {
        let split = try FrontMatterParser.split("---\ntitle: A\nsummary: B\n---\nFirst line\n", file: "f.md").get()
        #expect(split.body == "First line\n")
        #expect(split.bodyFirstLine == 5)
    }

    /// The fences as the split has always read them: `...` closes, an empty body is fine, blank
    /// YAML lines count, and CR LF is one character (loaded files never have it), not a line end.
    @Test(arguments: [
        ("---\n---", "", "", 3), ("---\n---\n", "", "", 3), ("---\ntitle: A\n...\nBody", "title: A\n", "Body", 4),
        ("---\n\ntitle: A\n\n---\nB\n", "\ntitle: A\n\n", "B\n", 6), ("---\ntitle: ---\n---\n-- -\n", "title: ---\n", "-- -\n", 4),
    ])
    func splitsAtTheFences(text: String, frontMatter: String, body: String, bodyLine: Int) throws {
        let split = try FrontMatterParser.split(text, file: "f.md").get()
        #expect(split.frontMatter == frontMatter)
        #expect(split.body == body)
        #expect(split.bodyFirstLine == bodyLine)
    }

    @Test(arguments: ["", "---", "---\n", "----\ntitle: A\n---\n", "---\r\ntitle: A\r\n---\r\n", "---\ntitle: A\n ---\n"])
    func refusesTextWithoutBothFences(text: String) {
        #expect(throws: Diagnostic.self) { try FrontMatterParser.split(text, file: "f.md").get() }
    }

    @Test func unknownFieldNamesItsLineAndSuggests() {
        let (matter, problems) = frontMatter("---\ntitle: A\ntitel: B\n---\n")
        #expect(matter == nil)
        #expect(problems == ["content/x.md:3: error: front matter field 'titel' is not known"])
    }

    @Test func missingTitle() {
        #expect(frontMatter("---\nsummary: B\n---\n").1 == ["content/x.md:1: error: 'title' is missing"])
    }

    @Test func wrongTypesAreExplained() {
        let problems = frontMatter("---\ntitle: A\ndate: 5 March\nweight: first\ndraft: maybe\nslug: two words\n---\n").1
        #expect(problems == [
            "content/x.md:3: error: 'date' should be a date written like 2024-03-05, not '5 March'",
            "content/x.md:4: error: 'weight' should be a whole number, not 'first'",
            "content/x.md:5: error: 'draft' should be true or false, not 'maybe'",
            "content/x.md:6: error: 'slug' should be one word or words-joined-by-hyphens, not 'two words'",
        ])
    }

    @Test func malformedYAMLGivesItsLine() {
        let problems = frontMatter("---\ntitle: A\nsummary: [unclosed\n---\n").1
        #expect(problems.count == 1)
        #expect(problems[0].hasPrefix("content/x.md:"))
        #expect(problems[0].contains("error: the settings could not be read"))
    }

    @Test func missingOrUnclosedFrontMatter() {
        #expect(frontMatter("# Title\n").1 == ["content/x.md:1: error: the page does not start with front matter"])
        #expect(frontMatter("---\ntitle: A\n").1 == ["content/x.md:1: error: the front matter is not closed"])
    }

    @Test func impossibleDatesAreRejected() {
        #expect(CalendarDate("2024-02-29") != nil)
        #expect(CalendarDate("2023-02-29") == nil)
        #expect(CalendarDate("2024-13-01") == nil)
    }
}

@Suite struct SiteConfigTests {
    static let valid = """
    title: Test partnership
    base_url: https://example.org/partnership
    default_language: en
    languages:
      - {code: en, name: English, direction: ltr}
      - {code: ar, name: العربية, direction: rtl}
    menu:
      - label: Report
        page: report.md
      - label: GOV.UK
        url: https://www.gov.uk/
    """

    @Test func readsAValidFile() throws {
        let config = try SiteConfigLoader.parse(SiteConfigTests.valid, displayPath: "content/site.yaml").get()
        #expect(config.baseURL == "https://example.org/partnership/")
        #expect(config.basePath == "/partnership/")
        #expect(config.absoluteURL(URLPath("/report/")) == "https://example.org/partnership/report/")
        #expect(config.languages.map(\.tag.code) == ["en", "ar"])
        #expect(config.languages[1].direction == .rtl)
        #expect(config.menu.map(\.target) == [.page("report.md"), .url("https://www.gov.uk/")])
        #expect(config.menu[0].location.line == 9)
        #expect(config.tocMinHeadings == 3)
    }

    private func problems(_ text: String) -> [String] {
        guard case .failure(let failure) = SiteConfigLoader.parse(text, displayPath: "content/site.yaml") else { return [] }
        return failure.diagnostics.sorted.map(\.headline)
    }

    @Test func unknownKeysAndWrongValuesAreErrors() {
        #expect(problems("title: T\nbase_url: https://e.org/\ndefault_language: en\nlanguages: [{code: en, name: English}]\ntheme_colour: red\n") == ["content/site.yaml:5: error: setting 'theme_colour' is not known"])
        #expect(problems("title: T\nbase_url: example.org\ndefault_language: en\nlanguages: [{code: en, name: English}]\n") == ["content/site.yaml:2: error: the base URL 'example.org' is not a web address"])
        #expect(problems("title: T\nbase_url: https://e.org/\nlanguages:\n  - {code: pl, name: Polski, direction: sideways}\ndefault_language: pl\n")
            == ["content/site.yaml:4: error: 'direction' should be ltr or rtl, not 'sideways'"])
        #expect(problems("title: T\nbase_url: https://e.org/\ndefault_language: en\nlanguages: [{code: en, name: English}]\nmenu:\n  - label: Both\n    page: a.md\n    url: https://x.org/\n")
            == ["content/site.yaml:6: error: menu entry 'Both' needs exactly one of 'page:' (a file in content/) or 'url:' (a web address)"])
        #expect(problems("base_url: https://e.org/\ndefault_language: en\nlanguages: [{code: en, name: English}]\n") == ["content/site.yaml:1: error: 'title' is missing"])
        #expect(problems("title: T\nbase_url: https://e.org/\ndefault_language: en\nlanguages: [{code: en, name: English}]\ntoc_min_headings: many\n") == ["content/site.yaml:5: error: 'toc_min_headings' should be a whole number, not 'many'"])
    }

    @Test func searchSynonymsArePerLanguage() throws {
        let text = SiteConfigTests.valid + "\nsearch:\n  synonyms:\n    en:\n      - [NRM, National Referral Mechanism]\n      - [MSEH, helpline]\n    ar: [[شرطة, الشرطة البريطانية]]\n"
        let config = try SiteConfigLoader.parse(text, displayPath: "content/site.yaml").get()
        #expect(config.search)
        #expect(config.searchSynonyms[LanguageTag("en")!] == [["NRM", "National Referral Mechanism"], ["MSEH", "helpline"]])
        #expect(config.searchSynonyms[LanguageTag("ar")!]?.first?.count == 2)
        let off = try SiteConfigLoader.parse(SiteConfigTests.valid + "\nsearch: false\n", displayPath: "content/site.yaml").get()
        #expect(!off.search && off.searchSynonyms.isEmpty)
    }

    @Test func wrongSynonymsNameTheirLine() {
        let head = "title: T\nbase_url: https://e.org/\ndefault_language: en\nlanguages: [{code: en, name: English}, {code: pl, name: Polski}]\nsearch:\n"
        #expect(problems(head + "  synonyms:\n    de: [[a, b]]\n") == ["content/site.yaml:7: error: the synonyms are for 'de', which is not one of the site's languages"])
        #expect(problems(head + "  synonyms:\n    en:\n      - [NRM]\n") == ["content/site.yaml:8: error: a group of synonyms for 'en' needs at least two different words or phrases, has 'NRM'"])
        #expect(problems(head + "  synonyms:\n    en:\n      - NRM\n") == ["content/site.yaml:8: error: each group of synonyms for 'en' should be a list of words or phrases that mean the same, like [[NRM, National Referral Mechanism], [MSEH, helpline]]"])
        #expect(problems(head + "  synonyms:\n    pl: [[NRM, \"&\"]]\n") == ["content/site.yaml:7: error: a synonym for 'pl' has no letters or digits to search for"])
        #expect(problems(head + "  synonym: {}\n") == ["content/site.yaml:6: error: search setting 'synonym' is not known"])
        #expect(problems(head + "  synonyms: [NRM]\n") == ["content/site.yaml:6: error: 'synonyms' should list groups of words per language, like 'en: [[NRM, National Referral Mechanism]]'"])
    }
}

@Suite struct ContentLoaderTests {
    /// Writes `files` into a fresh folder and loads it.
    static func load(_ files: [String: Data], drafts: Bool = false) throws -> Result<LoadedContent, BuildFailure> {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("waymark-content-\(UUID().uuidString)").path
        for (path, data) in files {
            let full = root + "/" + path
            try FileManager.default.createDirectory(atPath: (full as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            try data.write(to: URL(fileURLWithPath: full))
        }
        defer { try? FileManager.default.removeItem(atPath: root) }
        let config = try SiteConfigLoader.parse("""
        title: T
        base_url: https://e.org/
        default_language: en
        languages:
          - {code: en, name: English}
          - {code: pl, name: Polski}
        """, displayPath: "content/site.yaml").get()
        return ContentLoader(contentDirectory: root, displayRoot: "content", config: config, includeDrafts: drafts).load()
    }

    static func page(_ title: String, extra: String = "") -> Data {
        Data("---\ntitle: \(title)\n\(extra)---\nText\n".utf8)
    }

    @Test func decidesURLsLanguagesAndKinds() throws {
        let content = try ContentLoaderTests.load([
            "index.md": ContentLoaderTests.page("Home"),
            "index.pl.md": ContentLoaderTests.page("Strona główna"),
            "report.md": ContentLoaderTests.page("Report"),
            "report.pl.md": ContentLoaderTests.page("Zgłoś", extra: "slug: zglos\n"),
            "pathways/index.md": ContentLoaderTests.page("Pathways"),
            "pathways/Adult Pathway.md": ContentLoaderTests.page("Adults"),
            "files/flyer.pdf": Data("%PDF".utf8),
            "_data/contacts.yaml": Data("x: 1".utf8),
            ".hidden.md": Data("junk".utf8),
            "draft.md": ContentLoaderTests.page("Draft", extra: "draft: true\n"),
        ]).get()
        let byPath = Dictionary(uniqueKeysWithValues: content.pages.map { ($0.sourcePath, $0) })
        #expect(byPath.count == 6)
        #expect(byPath["index.md"]?.url.value == "/")
        #expect(byPath["index.md"]?.kind == .home)
        #expect(byPath["index.pl.md"]?.url.value == "/pl/")
        #expect(byPath["report.pl.md"]?.url.value == "/pl/zglos/")
        #expect(byPath["report.pl.md"]?.translationKey == "report")
        #expect(byPath["report.pl.md"]?.language.tag.code == "pl")
        #expect(byPath["pathways/index.md"]?.kind == .section)
        #expect(byPath["pathways/Adult Pathway.md"]?.url.value == "/pathways/adult-pathway/")
        #expect(content.staticFiles.map(\.sourcePath) == ["files/flyer.pdf"])
        #expect(content.draftPaths == ["draft.md"])
        let withDrafts = try ContentLoaderTests.load(["draft.md": ContentLoaderTests.page("Draft", extra: "draft: true\n")], drafts: true).get()
        // The draft, and a home page Waymark writes because the content has none.
        #expect(withDrafts.pages.map(\.sourcePath).sorted() == ["draft.md", "index.md"])
        #expect(withDrafts.pages.first { $0.sourcePath == "index.md" }?.isGenerated == true)
    }

    private func problems(_ files: [String: Data]) throws -> [String] {
        guard case .failure(let failure) = try ContentLoaderTests.load(files) else { return [] }
        return failure.diagnostics.sorted.map(\.headline)
    }

    @Test func fileThatIsNotUTF8NamesItsLine() throws {
        var bytes = Data("---\ntitle: Caf".utf8)
        bytes.append(0xE9)  // Latin-1 é
        bytes.append(contentsOf: Array("\n---\n".utf8))
        #expect(try problems(["cafe.md": bytes]) == ["content/cafe.md:2: error: this file is not saved as UTF-8 text: the character after 'title: Caf' is not UTF-8 (it looks like 'é' saved in the older Windows-1252 encoding)"])
    }

    @Test func clashingAddressesAndUnknownLanguageSuffixes() throws {
        #expect(try problems([
            "a.md": ContentLoaderTests.page("A"),
            "b.md": ContentLoaderTests.page("B", extra: "slug: a\n"),
        ]) == ["content/b.md:3: error: this page would be published at /a/, which is already the address of content/a.md"])
        #expect(try problems(["flyer.fr.md": ContentLoaderTests.page("Flyer")])
            == ["content/flyer.fr.md:1: error: the file name ends in '.fr.md', but 'fr' is not one of the site's languages"])
    }
}
