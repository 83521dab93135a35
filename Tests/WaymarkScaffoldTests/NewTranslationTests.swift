import Foundation
import Testing
import WaymarkContent
import WaymarkCore
@testable import WaymarkScaffold
import WaymarkSite

@Suite struct NewTranslationTests {
    @Test("a translation copies the page, records translated_from, and the build counts it as unchecked")
    func translationOfUpdatedPage() throws {
        let temp = try NewTemp()
        defer { temp.cleanUp() }
        #expect(try makeSite(in: temp, ["--languages", "en,pl"]).status == 0)
        let site = temp.path + "/site"
        let source = try #require(temp.read("site/content/report.md"))
        try temp.write("site/content/report.md", source.replacingOccurrences(of: "weight: 10\n", with: "weight: 10\nupdated: 2025-11-03\naliases: [/reporting/]\n"))
        let before = try build(site + "/content", output: site + "/output").get()
        let made = try waymark(["new", "translation", "report", "--lang", "pl", "--today", testDay], in: site)
        #expect(made.status == 0, "\(made.stderr)")
        #expect(made.stdout.hasPrefix("Made content/report.pl.md, a copy of content/report.md to translate into Polski."))
        let text = try #require(temp.read("site/content/report.pl.md"))
        #expect(text.contains("\ntranslated_from: 2025-11-03\n---\n"))
        #expect(text.contains("# Not checked yet: a copy of report.md to translate into Polski."))
        #expect(text.contains("qualified translator"))
        let fields = text.split(separator: "\n").filter { !$0.hasPrefix("#") }
        #expect(!fields.contains { $0.hasPrefix("reviewed_by:") })
        #expect(!fields.contains { $0.hasPrefix("updated:") }, "the translation has no 'updated' of its own yet")
        #expect(!fields.contains { $0.hasPrefix("aliases:") }, "two pages cannot share an old address")
        #expect(text.contains("layout: contacts\n") && text.contains("owner: Partnership coordinator\n"))
        #expect(try FrontMatterParser.split(text, file: "pl").get().body == FrontMatterParser.split(source, file: "en").get().body)
        let after = try build(site + "/content", output: site + "/output").get()
        #expect(after.warnings.isEmpty, "\(after.warnings.map(\Diagnostic.summary))")
        #expect(after.unreviewedTranslations == before.unreviewedTranslations + 1)
        let page = try #require(temp.read("site/output/pl/report/index.html"))
        #expect(page.contains("notice-unreviewed"))
    }

    @Test("translated_from falls back to the page's date, then today", arguments: [
        ("---\ntitle: News\ndate: 2025-04-01\n---\n\nText.\n", "2025-04-01"),
        ("---\ntitle: About\n---\n\nText.\n", testDay),
    ])
    func translatedFromFallsBack(page: String, expected: String) throws {
        let draft = try TranslationDraft.text(from: page, sourceFile: "content/a.md", language: SiteLanguage(tag: LanguageTag("ar")!, name: "العربية", direction: .rtl),
                                              sourceName: "a.md", today: CalendarDate(testDay)!).get()
        #expect(draft.contains("\ntranslated_from: \(expected)\n---\n\nText.\n"))
    }

    @Test("only fields the translation may share are copied, with their lines")
    func droppedFields() {
        let kept = TranslationDraft.keptLines(of: "title: X\nupdated: 2025-01-01\naliases:\n  - /a/\n  - /b/\ntags: [x]\nreviewed_by: Someone\n# a note\nowner: Team\n")
        #expect(kept == ["title: X", "tags: [x]", "# a note", "owner: Team"])
    }

    @Test("refused: a language the site does not have, the default language, a translation of a translation", arguments: [
        (["report.md", "--lang", "fr"], "'fr' is not one of the site's languages; choose one of pl"),
        (["report.md", "--lang", "en"], "the pages are written in English, the site's default language; choose one of pl"),
        (["report.pl.md", "--lang", "pl"], "'report.pl.md' is itself a translation (.pl.md): name the page in English instead"),
    ])
    func refusedLanguages(arguments: [String], message: String) throws {
        let temp = try NewTemp()
        defer { temp.cleanUp() }
        #expect(try makeSite(in: temp, ["--languages", "en,pl"]).status == 0)
        let before = temp.tree()
        let run = try waymark(["new", "translation"] + arguments, in: temp.path + "/site")
        #expect(run.status == 2)
        #expect(run.stderr.contains(message), "\(run.stderr)")
        #expect(temp.tree() == before)
    }

    @Test("a page that does not exist cannot be translated (exit 1)")
    func missingSource() throws {
        let temp = try NewTemp()
        defer { temp.cleanUp() }
        #expect(try makeSite(in: temp, ["--languages", "en,pl"]).status == 0)
        let run = try waymark(["new", "translation", "nothing-here", "--lang", "pl"], in: temp.path + "/site")
        #expect(run.status == 1)
        #expect(run.stderr == "content/nothing-here.md: error: there is no page here to translate\n")
    }
}
