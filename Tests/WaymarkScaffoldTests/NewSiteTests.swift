import Foundation
import Testing
import WaymarkCheck
import WaymarkContent
import WaymarkCore
import WaymarkData
@testable import WaymarkScaffold
import WaymarkSite

@Suite struct NewSiteTests {
    static let languageSets = ["en", "en,pl,ar", "en,ar,lt,pl,ro,sq,vi"]

    @Test("a new site builds with no errors or warnings, and waymark check finds nothing", arguments: languageSets)
    func newSiteBuildsAndChecksClean(languages: String) throws {
        let temp = try NewTemp()
        defer { temp.cleanUp() }
        let made = try makeSite(in: temp, ["--title", "Test Partnership", "--base-url", "https://www.example.org", "--languages", languages])
        #expect(made.status == 0, "\(made.stderr)")
        #expect(made.stderr.isEmpty)
        let content = temp.path + "/site/content"
        let report = try build(content, output: temp.path + "/site/output").get()
        #expect(report.warnings.isEmpty, "\(report.warnings.map(\Diagnostic.summary))")
        let codes = languages.split(separator: ",").map(String.init)
        #expect(report.pagesPerLanguage.map(\.language) == codes)
        // Each other language has its own home page (the language menu's link), not yet checked.
        #expect(report.unreviewedTranslations == codes.count - 1)
        let checked = check(content)
        #expect(checked.problems.isEmpty, "\(checked.problems.map { "\($0.location.file):\($0.location.line ?? 0): \($0.summary)" })")
        #expect(checked.pages.count == 15 + codes.count - 1)
    }

    @Test("the pages the public reads have a reading age of 9 or under, and carry an owner and a review date")
    func publicPagesAreEasyToReadAndReviewed() throws {
        let temp = try NewTemp()
        defer { temp.cleanUp() }
        #expect(try makeSite(in: temp).status == 0)
        let pages = check(temp.path + "/site/content").pages
        let publicPages = ["index.md", "report.md", "spot-the-signs.md", "flyers/general-public.md", "staying-safe-online.md",
                           "about/index.md", "about/partners.md", "privacy.md", "news/\(testDay)-our-new-website.md", "strategy/index.md"]
        for file in publicPages {
            let page = try #require(pages.first { $0.file == "site/content/\(file)" || $0.file.hasSuffix("/content/\(file)") }, "\(file)")
            let age = try #require(page.readingAge.result?.age, "\(file) has a reading age")
            #expect(age.rounded() <= 9, "\(file): reading age \(age)")
        }
        for file in ["report.md", "spot-the-signs.md", "flyers/general-public.md", "pathways/adults.md", "staying-safe-online.md"] {
            let page = try #require(pages.first { $0.file.hasSuffix("/content/\(file)") })
            #expect(page.owner == "Partnership coordinator", "\(file)")
            #expect(page.reviewBy == CalendarDate(testDay)!.adding(months: 6), "\(file)")
        }
        let layouts = Dictionary(pages.map { (String($0.file.split(separator: "/content/").last ?? ""), $0.layout) }, uniquingKeysWith: { a, _ in a })
        #expect(layouts["report.md"] == "contacts")
        #expect(layouts["spot-the-signs.md"] == "checklist")
        #expect(layouts["pathways/adults.md"] == "pathway")
        #expect(layouts["flyers/general-public.md"] == "flyer")
        #expect(layouts["strategy/index.md"] == "strategy")
        #expect(layouts["about/partners.md"] == "directory")
        #expect(layouts["index.md"] == "home")
        #expect(layouts["news/index.md"] == "section")
    }

    @Test("site.yaml holds the answers; `cd DIR && waymark build` finds the content")
    func settingsAndLayout() throws {
        let temp = try NewTemp()
        defer { temp.cleanUp() }
        let made = try makeSite(in: temp, ["--title", "Humber: a test", "--base-url", "http://localhost:8080/x", "--languages", "pl,en,ar"])
        #expect(made.status == 0, "\(made.stderr)")
        let text = try #require(temp.read("site/content/site.yaml"))
        let config = try SiteConfigLoader.parse(text, displayPath: "site.yaml").get()
        #expect(config.title == "Humber: a test")
        #expect(config.baseURL == "http://localhost:8080/x/")
        #expect(config.defaultLanguage.tag.code == "en")
        #expect(config.languages.map(\.tag.code) == ["en", "pl", "ar"])
        #expect(config.languages.map(\.direction) == [.ltr, .ltr, .rtl])
        #expect(config.languages.map(\.name) == ["English", "Polski", "العربية"])
        #expect(temp.read("site/.gitignore")?.contains("/output/") == true)
        #expect(temp.read("site/content/index.pl.md")?.contains("translated_from: \(testDay)") == true)
        // Run where the site is, with no options and no theme folder: the defaults find content/ and the built-in theme.
        let built = try waymark(["build", "--quiet"], in: temp.path + "/site")
        #expect(built.status == 0, "\(built.stderr)")
        #expect(built.stderr.isEmpty, "\(built.stderr)")
        #expect(FileManager.default.fileExists(atPath: temp.path + "/site/output/pl/index.html"))
    }

    @Test("contacts.yaml has the national numbers, each checked today with an owner")
    func nationalContacts() throws {
        let temp = try NewTemp()
        defer { temp.cleanUp() }
        #expect(try makeSite(in: temp, ["--languages", "en,vi"]).status == 0)
        let content = temp.path + "/site/content"
        let report = try build(content, output: temp.path + "/out").get()
        #expect(report.warnings.isEmpty)
        let text = try #require(temp.read("site/content/_data/contacts.yaml"))
        let contacts = try ContactsLoader.parse(text, displayPath: "contacts.yaml").get()
        let numbers = Dictionary(uniqueKeysWithValues: contacts.map { ($0.id, $0.number.display) })
        #expect(numbers == ["emergency": "999", "police": "101", "helpline": "08000 121 700", "crimestoppers": "0800 555 111"])
        for contact in contacts {
            #expect(contact.checked == CalendarDate(testDay), "\(contact.id)")
            #expect(contact.owner == "Partnership coordinator", "\(contact.id)")
            #expect(contact.text(in: LanguageTag("vi")!).isTranslated, "\(contact.id) in Vietnamese")
        }
        #expect(contacts.filter(\.emergency).map(\.id) == ["emergency"])
        #expect(contacts.map(\.group) == [.emergency, .advice, .advice, .anonymous])
    }

    @Test("partners.csv has the directory's header row and one example partner")
    func partnerSpreadsheet() throws {
        let temp = try NewTemp()
        defer { temp.cleanUp() }
        #expect(try makeSite(in: temp).status == 0)
        let csv = try #require(temp.read("site/content/_data/partners.csv"))
        let lines = csv.split(separator: "\n")
        #expect(lines.count == 2)
        #expect(lines.first.map(String.init) == PartnerColumn.allCases.map(\.rawValue).joined(separator: ","))
        let directory = try PartnerDirectoryLoader.parse(csv, file: "partners.csv", areas: ["Area one", "Area two"]).get()
        #expect(directory.partners.map(\.name) == ["Example Council"])
        #expect(directory.partners.first?.coversAllAreas == true)
    }

    @Test("the languages offered are the ones the default theme has words for")
    func languagesMatchTheTheme() throws {
        let files = try FileManager.default.contentsOfDirectory(atPath: NewRepo.theme + "/i18n").filter { $0.hasSuffix(".yaml") }
        #expect(Set(files.map { String($0.dropLast(5)) }) == Set(StarterLanguage.all.map(\.code)))
        #expect(StarterLanguage.all.first == StarterLanguage.english)
    }

    @Test("without a terminal or options, the site gets the defaults and says so")
    func defaultsWithoutTerminal() throws {
        let temp = try NewTemp()
        defer { temp.cleanUp() }
        let made = try waymark(["new", "site", "site"], in: temp.path)
        #expect(made.status == 0)
        #expect(made.stdout.hasPrefix("Not given, so the defaults are used: --title, --base-url, --languages. Change them in site/content/site.yaml.\n"))
        let partly = try waymark(["new", "site", "other", "--title", "Given"], in: temp.path)
        #expect(partly.stdout.hasPrefix("Not given, so the defaults are used: --base-url, --languages. Change them in other/content/site.yaml.\n"))
        #expect(made.stdout.contains("  site/content/report.md\n"))
        let today = CalendarDate.today().iso
        #expect(temp.read("site/content/_data/contacts.yaml")?.contains("checked: \(today)") == true)
        #expect(temp.read("site/content/site.yaml")?.contains("title: Anti-Slavery Partnership\n") == true)
    }
}
