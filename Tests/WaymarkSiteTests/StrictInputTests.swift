import Foundation
import Testing

/// Settings are strict and explained, content mistakes do not pass silently, and messages scale
/// and keep the spreadsheet's private values out of logs. Each case builds the good site, breaks
/// one file, and expects the message, exit status 1 and the previous output untouched.
@Suite struct StrictInputTests {
    static let partnersHeader = "name,type,areas,phone,description,contact_name,contact_phone,contact_email\n"
    static let privateRow = "Hull Aid,charity,all,01632 960001,Helps people,Alex Example,01632 960999,alex.private@hull.example.org\n"

    static let cases: [BadInputTests.Case] = [
        .init("duplicate front matter key", "content/report.md", "---\ntitle: Report\nsummary: Who to call\ntitle: Report again\n---\nText\n",
              "content/report.md:4: error: 'title' is given twice; the first is on line 2\n    4 | title: Report again\n    help: keep one of the two lines and delete the other"),
        .init("duplicate site setting", "content/site.yaml", "title: T\nbase_url: https://example.org/\ndefault_language: en\nlanguages: [{code: en, name: English}]\ntitle: U\n",
              "content/site.yaml:5: error: 'title' is given twice; the first is on line 1"),
        .init("duplicate contact field in a list entry", "content/_data/contacts.yaml",
              "- id: helpline\n  label: Helpline\n  number: 08000 121 700\n  group: advice\n  label: Modern Slavery Helpline\n",
              "content/_data/contacts.yaml:5: error: 'label' is given twice; the first is on line 2"),
        .init("duplicate key in a flow mapping", "content/site.yaml",
              "title: T\nbase_url: https://example.org/\ndefault_language: en\nlanguages:\n  - {code: en, name: English,\n     code: pl}\n",
              "content/site.yaml:6: error: 'code' is given twice; the first is on line 5"),
        .init("draft written as quoted yes", "content/report.md", "---\ntitle: Report\ndraft: \"yes\"\n---\nText\n",
              "content/report.md:3: error: 'draft' should be true or false, not '\"yes\"'\n    3 | draft: \"yes\"\n    help: write 'draft: true' or 'draft: false'"),
        .init("draft written as quoted true", "content/report.md", "---\ntitle: Report\ndraft: 'true'\n---\nText\n",
              "content/report.md:3: error: 'draft' should be true or false, not '\"true\"'\n    3 | draft: 'true'\n    help: remove the quotes: write 'draft: true'"),
        .init("emergency written as yes", "content/_data/contacts.yaml", "- id: helpline\n  label: Helpline\n  number: 08000 121 700\n  group: advice\n  emergency: yes\n",
              "content/_data/contacts.yaml:5: error: 'emergency' should be true or false, not 'yes'"),
        .init("search written as 1", "content/site.yaml", "title: T\nbase_url: https://example.org/\ndefault_language: en\nlanguages: [{code: en, name: English}]\nsearch: 1\n",
              "content/site.yaml:5: error: 'search' should be true or false, not '1'"),
        .init("default language missing", "content/site.yaml", "title: T\nbase_url: https://example.org/\nlanguages: [{code: en, name: English}]\n",
              "content/site.yaml:1: error: 'default_language' is missing\n    1 | title: T\n    help: add a line such as 'default_language: en'"),
        .init("default language not among the languages", "content/site.yaml",
              "title: T\nbase_url: https://example.org/\ndefault_language: eng\nlanguages: [{code: en, name: English}, {code: pl, name: Polski}]\n",
              "content/site.yaml:3: error: the default language 'eng' is not in the 'languages' list\n    3 | default_language: eng\n    help: did you mean 'en'?"),
        .init("languages missing", "content/site.yaml", "title: T\nbase_url: https://example.org/\ndefault_language: en\n",
              "content/site.yaml:1: error: 'languages' is missing"),
        .init("language entry missing its name", "content/site.yaml",
              "title: T\nbase_url: https://example.org/\ndefault_language: en\nlanguages:\n  - code: en\n    name: English\n  - code: pl\n    direction: ltr\n",
              "content/site.yaml:7: error: 'name' is missing"),
        .init("menu entry missing its label", "content/site.yaml",
              "title: T\nbase_url: https://example.org/\ndefault_language: en\nlanguages: [{code: en, name: English}]\nmenu:\n  - label: Report\n    page: report.md\n  - page: index.md\n",
              "content/site.yaml:8: error: 'label' is missing\n    8 | - page: index.md\n    help: add a line such as 'label: …'"),
        .init("misspelt contact field", "content/_data/contacts.yaml", "- id: helpline\n  label: Helpline\n  numbr: 08000 121 700\n  group: advice\n",
              "content/_data/contacts.yaml:3: error: contact field 'numbr' is not known\n    3 | numbr: 08000 121 700\n    help: did you mean 'number'?"),
        .init("misspelt site setting", "content/site.yaml", "title: T\nbase_url: https://example.org/\ndefault_language: en\nlanguages: [{code: en, name: English}]\nhelp_contact: [helpline]\n",
              "content/site.yaml:5: error: setting 'help_contact' is not known\n    5 | help_contact: [helpline]\n    help: did you mean 'help_contacts'?"),
        .init("unclosed contact directive", "content/report.md", "---\ntitle: Report\n---\nIntro.\n\nCall {{contact helpline now.\n",
              "content/report.md:6: error: the directive '{{contact helpline now.' is not closed with '}}' on the same line"),
        .init("contact directive without an id", "content/report.md", "---\ntitle: Report\n---\nCall {{contact}}.\n",
              "content/report.md:4: error: the directive '{{contact}}' needs one word after 'contact', such as the id of a contact"),
        .init("contact name copied into a public column", "content/_data/partners.csv",
              partnersHeader + privateRow + "Hull Help,charity,all,,Ask for Alex Example,,,\n",
              "content/_data/partners.csv:3: error: column 'description': contains the contact name from line 2's 'contact_name' column, which is for professionals only and must not be published\n    3 | Hull Help,charity,all,,(private),,,"),
        .init("direct number copied into a public column", "content/_data/partners.csv",
              partnersHeader + "Hull Aid,charity,all,01632 960999,Helps people,Alex Example,01632 960999,\n",
              "content/_data/partners.csv:2: error: column 'phone': contains the direct phone number from this row's 'contact_phone' column"),
        .init("private email typed into a page", "content/report.md",
              "---\ntitle: Report\n---\nIntro.\n\nWrite to Alex.Private@hull.example.org.\n",
              "content/report.md:6: error: this line contains the contact email from line 2's 'contact_email' column in _data/partners.csv, which is for professionals only and must not be published\n    help: take it out of the page"),
    ]

    /// The good site of ``BadInputTests``, with a partner whose contact columns are filled in.
    static var goodSite: [String: String] {
        BadInputTests.goodSite.merging(["content/_data/partners.csv": partnersHeader + privateRow]) { _, new in new }
    }

    @Test(arguments: cases)
    func mistakeIsReportedAndOutputKept(_ mistake: BadInputTests.Case) throws {
        let temp = try TempDir()
        defer { temp.cleanUp() }
        let printed = try expectRejected(mistake, goodSite: StrictInputTests.goodSite, in: temp)
        for secret in ["Alex Example", "960999", "alex.private", "Alex.Private"] {
            #expect(!printed.contains(secret), "a private value reached the log:\n\(printed)")
        }
    }

    @Test func yesNoOnOffAndNumbersAreNeverBooleans() throws {
        for written in ["yes", "no", "on", "off", "1", "0", "y", "\"false\""] {
            let temp = try TempDir()
            defer { temp.cleanUp() }
            try temp.write(StrictInputTests.goodSite.merging(["content/report.md": "---\ntitle: Report\ndraft: \(written)\n---\nText\n"]) { _, new in new })
            let result = try runWaymark(["build", "--theme", Repo.root + "/theme"], in: temp.path)
            #expect(result.status == 1 && result.stderr.contains("content/report.md:3: error: 'draft' should be true or false"), "draft: \(written)\n\(result.stderr)")
        }
    }

    @Test func thousandsOfRowErrorsAreSummarisedWithoutPrivateValues() throws {
        let temp = try TempDir()
        defer { temp.cleanUp() }
        // Excel stores 01632 960001 as the number 1632960001 unless the column is text.
        let rows = (0..<3_000).map { "Partner \($0),charity,all,\(1_632_960_000 + $0),Helps,Sam Private\($0) Person,,sam\($0)@private.example.org\n" }
        try temp.write(BadInputTests.goodSite.merging(["content/_data/partners.csv": StrictInputTests.partnersHeader + rows.joined()]) { _, new in new })
        let result = try runWaymark(["build", "--theme", Repo.root + "/theme"], in: temp.path)
        #expect(result.status == 1)
        let headlines = result.stderr.split(separator: "\n").filter { $0.contains(": error: ") }
        #expect(headlines.count == 4, "\(headlines.prefix(8))")
        #expect(headlines.first == "content/_data/partners.csv:2: error: column 'phone': '1632960000' is not a UK phone number")
        #expect(headlines.last == "content/_data/partners.csv:5: error: and 2,997 more rows with the same problem in column 'phone'")
        #expect(result.stderr.contains("help: it looks like the spreadsheet dropped the leading 0"))
        #expect(result.stderr.contains("    2 | Partner 0,charity,all,1632960000,Helps,(private),,(private)"))
        #expect(!result.stderr.contains("Private") && !result.stderr.contains("private.example"))
        #expect(result.stderr.hasSuffix("3000 errors — nothing was published; output is unchanged.\n"))
    }

    @Test func translationWithoutItsDefaultLanguagePageIsReported() throws {
        let temp = try TempDir()
        defer { temp.cleanUp() }
        var site = BadInputTests.goodSite
        site["content/site.yaml"] = "title: T\nbase_url: https://example.org/\ndefault_language: en\nlanguages: [{code: en, name: English}, {code: pl, name: Polski}]\n"
        site["content/signs.pl.md"] = "---\ntitle: Sygnały\n---\nTekst.\n"
        try temp.write(site)
        let result = try runWaymark(["build", "--theme", Repo.root + "/theme"], in: temp.path)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.contains("content/signs.pl.md:1: warning: this translation has no English page: there is no signs.md (or page with 'translation_key: signs') for it to translate"))
        #expect(result.stderr.contains("it is published on its own at /pl/signs/"))
        #expect(FileManager.default.fileExists(atPath: temp.path + "/output/pl/signs/index.html"))
    }
}
