import Foundation
import Testing

/// Each mistake a comms officer can make gives `path:line: error: …`, exit status 1, and leaves
/// the previously published site exactly as it was.
@Suite struct BadInputTests {
    static let goodSite: [String: String] = [
        "content/site.yaml": "title: T\nbase_url: https://example.org/\ndefault_language: en\nlanguages: [{code: en, name: English}]\n",
        "content/index.md": "---\ntitle: Home\n---\nSee [the report page](report.md).\n",
        "content/report.md": "---\ntitle: Report\n---\nCall 999.\n",
        "content/_data/contacts.yaml": "- id: helpline\n  label: Helpline\n  number: 08000 121 700\n  group: advice\n",
    ]

    typealias Case = Mistake

    static let cases: [Case] = [
        Case("malformed YAML", "content/report.md", "---\ntitle: Report\nsummary: [oops\n---\nText\n",
             "content/report.md:4: error: the settings could not be read"),
        Case("missing title", "content/report.md", "---\nsummary: Who to call\n---\nText\n",
             "content/report.md:1: error: 'title' is missing"),
        Case("unknown front matter key", "content/report.md", "---\ntitle: Report\ntitel: Oops\n---\nText\n",
             "content/report.md:3: error: front matter field 'titel' is not known\n    3 | titel: Oops\n    help: did you mean 'title'?"),
        Case("broken internal link", "content/report.md", "---\ntitle: Report\n---\nIntro.\n\nSee [signs](spot-the-sings.md).\n",
             "content/report.md:6: error: the link 'spot-the-sings.md' points to 'spot-the-sings.md', which does not exist"),
        Case("not UTF-8", "content/report.md", Data([0x2D, 0x2D, 0x2D, 0x0A, 0x74, 0x69, 0x74, 0x6C, 0x65, 0x3A, 0x20, 0x43, 0x61, 0x66, 0xE9, 0x0A, 0x2D, 0x2D, 0x2D, 0x0A]),
             "content/report.md:2: error: this file is not saved as UTF-8 text"),
        Case("unknown layout", "content/report.md", "---\ntitle: Report\nlayout: flyerr\n---\nText\n",
             "content/report.md:3: error: the layout 'flyerr' does not exist in the theme"),
        Case("unknown site setting", "content/site.yaml", "title: T\nbase_url: https://example.org/\ndefault_language: en\nlanguages: [{code: en, name: English}]\nlanguage: en\n",
             "content/site.yaml:5: error: setting 'language' is not known"),
        Case("unknown contact", "content/report.md", "---\ntitle: Report\n---\nCall the Helpline on {{contact helpine}}.\n",
             "content/report.md:4: error: there is no contact with the id 'helpine' in content/_data/contacts.yaml\n    4 | Call the Helpline on {{contact helpine}}.\n    help: did you mean 'helpline'?"),
        Case("not a UK number", "content/_data/contacts.yaml", "- id: helpline\n  label: Helpline\n  number: 0800 121 70\n  group: advice\n",
             "content/_data/contacts.yaml:3: error: '0800 121 70' is not a UK phone number"),
        Case("help block names a missing contact", "content/site.yaml", "title: T\nbase_url: https://example.org/\ndefault_language: en\nlanguages: [{code: en, name: English}]\nhelp_contacts: [helpline, emergency]\n",
             "content/site.yaml:5: error: 'help_contacts' names 'emergency', which is not a contact in _data/contacts.yaml"),
        Case("missing download", "content/report.md", "---\ntitle: Report\ndownloads:\n  - {file: files/flyer.pdf, language: pl, title: flyer}\n---\nText\n",
             "content/report.md:4: error: the download 'files/flyer.pdf' is not a file in the content folder"),
        Case("partner with a bad email", "content/_data/partners.csv", "name,type,areas,email\nHull City Council,local-authority,all,info@\n",
             "content/_data/partners.csv:2: error: column 'email': 'info@' is not an email address"),
        Case("partner row with a missing cell", "content/_data/partners.csv", "name,type,areas,email\n\"Hull, City Council\",local-authority,all\n",
             "content/_data/partners.csv:2: error: this row has 3 cells, but the header names 4 columns"),
        Case("menu to a missing page", "content/site.yaml", "title: T\nbase_url: https://example.org/\ndefault_language: en\nlanguages: [{code: en, name: English}]\nmenu:\n  - label: Signs\n    page: signs.md\n",
             "content/site.yaml:7: error: the menu entry 'Signs' points to 'signs.md', which is not a page"),
        Case("a page where the search page goes", "content/search.md", "---\ntitle: Search\n---\nFind things.\n",
             "content/search.md:1: error: this page's address /search/ is where Waymark puts the search page\n    1 | ---\n    help: give the page another 'slug:', or turn search off with 'search: false' in site.yaml"),
        Case("search setting that is not true or false", "content/site.yaml", "title: T\nbase_url: https://example.org/\ndefault_language: en\nlanguages: [{code: en, name: English}]\nsearch: sometimes\n",
             "content/site.yaml:5: error: 'search' should be true or false, not 'sometimes'"),
    ]

    @Test(arguments: cases)
    func mistakeIsReportedAndOutputKept(_ mistake: Case) throws {
        let temp = try TempDir()
        defer { temp.cleanUp() }
        try expectRejected(mistake, goodSite: BadInputTests.goodSite, in: temp)
    }

    @Test func misprintedHelplineNumberIsAWarning() throws {
        let temp = try TempDir()
        defer { temp.cleanUp() }
        try temp.write(BadInputTests.goodSite.merging(["content/report.md": "---\ntitle: Report\n---\nIntro.\n\nCall the Helpline on 0800 121 700.\n"]) { _, new in new })
        let result = try runWaymark(["build", "--theme", Repo.root + "/theme"], in: temp.path)
        #expect(result.status == 0)
        let expected = """
        content/report.md:6: warning: the phone number '0800 121 700' is not one of the site's contacts
            6 | Call the Helpline on 0800 121 700.
            help: did you mean 08000 121 700 (Helpline)? Insert it with {{contact helpline}} so it cannot be mistyped
        """
        #expect(result.stderr.contains(expected), "stderr was:\n\(result.stderr)")
    }

    @Test func usageErrorsExitWithTwo() throws {
        let temp = try TempDir()
        defer { temp.cleanUp() }
        let result = try runWaymark(["build", "--no-such-option"], in: temp.path)
        #expect(result.status == 2)
        #expect(result.stderr.contains("Unknown option '--no-such-option'"))
        #expect(try runWaymark(["frobnicate"], in: temp.path).status == 2)
        #expect(try runWaymark(["build", "--help"], in: temp.path).status == 0)
    }

    @Test func refusesToReplaceAFolderThatIsNotASite() throws {
        let temp = try TempDir()
        defer { temp.cleanUp() }
        try temp.write(BadInputTests.goodSite.merging(["output/notes.txt": "precious"]) { a, _ in a })
        let result = try runWaymark(["build", "--theme", Repo.root + "/theme"], in: temp.path)
        #expect(result.status == 1)
        #expect(result.stderr.contains("does not look like a built site"))
        #expect(FileManager.default.contents(atPath: temp.path + "/output/notes.txt") == Data("precious".utf8))
    }

    @Test func successPrintsASummary() throws {
        let temp = try TempDir()
        defer { temp.cleanUp() }
        try temp.write(BadInputTests.goodSite)
        let result = try runWaymark(["build", "--theme", Repo.root + "/theme", "--base-url", "https://partners.example/"], in: temp.path)
        #expect(result.status == 0)
        #expect(result.stdout.hasPrefix("Built 2 pages (en 2), "))
        #expect(result.stdout.contains(" written to output/ in "))
        let home = String(decoding: FileManager.default.contents(atPath: temp.path + "/output/index.html") ?? Data(), as: UTF8.self)
        #expect(home.contains("https://partners.example/"))
    }
}

/// The example site in `content/` builds with the default theme with only its one deliberate
/// warning, and two builds are byte-identical.
@Suite struct ExampleSiteTests {
    @Test func buildsCleanlyAndDeterministically() throws {
        let temp = try TempDir()
        defer { temp.cleanUp() }
        var trees: [[String: Data]] = []
        for run in ["a", "b"] {
            let result = try runWaymark(["build", "--source", Repo.root + "/content", "--theme", Repo.root + "/theme", "--output", "\(temp.path)/\(run)"], in: temp.path)
            #expect(result.status == 0, "\(result.stderr)")
            // The one warning is the deliberately out-of-date Romanian translation the example shows.
            let warnings = result.stderr.split(separator: "\n").filter { $0.contains(": warning: ") || $0.contains(": error: ") }
            #expect(warnings.count == 1 && warnings[0].contains("content/spot-the-signs.ro.md:"), "unexpected warnings:\n\(result.stderr)")
            trees.append(readTree("\(temp.path)/\(run)"))
        }
        #expect(trees[0].count > 20)
        #expect(trees[0] == trees[1], "two builds of the same input differ")
    }
}
