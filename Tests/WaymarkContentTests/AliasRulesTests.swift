import Testing
import WaymarkContent
import WaymarkCore

@Suite struct AliasRulesTests {
    @Test(arguments: ["/old-page/", "old-page", "/news/2019/report.html", "reporting", "/pl/stara-strona/", "/.well-known/x/"])
    func acceptsSitePaths(_ alias: String) {
        #expect(AliasRules.problem(alias) == nil)
    }

    @Test func refusesOtherSites() {
        #expect(AliasRules.problem("//evil.example/x") == "points to another website")
        #expect(AliasRules.problem("https://evil.example/") == "points to another website")
        #expect(AliasRules.problem("HTTP://evil.example/") == "points to another website")
        #expect(AliasRules.problem("javascript:alert(1)") == "is a 'javascript:' link, not an address on this site")
        #expect(AliasRules.problem("data:text/html,x") == "is a 'data:' link, not an address on this site")
        #expect(AliasRules.problem("mailto:a@example.org") == "is a 'mailto:' link, not an address on this site")
    }

    @Test func refusesPartsBrowsersReadDifferently() {
        #expect(AliasRules.problem("\\\\evil.example\\x") == "contains a backslash; use '/' between folders")
        #expect(AliasRules.problem("/old\u{0}page") == "contains an invisible control character")
        #expect(AliasRules.problem("/\told") == "contains an invisible control character")
        #expect(AliasRules.problem("/old?q=1") == "contains '?' or '#'; an alias is a page's address without a query or a #section")
        #expect(AliasRules.problem("/old#part") == "contains '?' or '#'; an alias is a page's address without a query or a #section")
        #expect(AliasRules.problem("../../etc/x") == "has '..' as a folder name; write the address in full from the site's root")
        #expect(AliasRules.problem("/a/./b/") == "has '.' as a folder name; write the address in full from the site's root")
        #expect(AliasRules.problem("/a//b/") == "has two '/' together")
        #expect(AliasRules.problem("") == "is empty")
        #expect(AliasRules.problem("/") == "is the address of the home page")
        #expect(AliasRules.problem("/con/")?.hasPrefix("'con' is a name Windows keeps for a device") == true)
        #expect(AliasRules.problem("/" + String(repeating: "a", count: 256))?.contains("is 256 bytes long") == true)
    }

    @Test func frontMatterReportsEachBadAliasAtItsLine() {
        let text = "---\ntitle: T\naliases:\n  - /fine/\n  - //evil.example/\n  - ../up\n---\n"
        guard case .success(let split) = FrontMatterParser.split(text, file: "content/x.md") else { Issue.record("split failed"); return }
        var diagnostics = Diagnostics()
        #expect(FrontMatterParser.parse(split, file: "content/x.md", diagnostics: &diagnostics) == nil)
        #expect(diagnostics.sorted.map(\.headline) == [
            "content/x.md:5: error: the alias '//evil.example/' points to another website",
            "content/x.md:6: error: the alias '../up' has '..' as a folder name; write the address in full from the site's root",
        ])
    }

    @Test func frontMatterChecksTheSlugAsAName() {
        for (slug, expected) in [("LPT1", "content/x.md:3: error: this 'slug' cannot be published: 'LPT1' is a name Windows keeps for a device (CON, PRN, AUX, NUL, COM1 to COM9 and LPT1 to LPT9), so the site could not be copied to Windows"),
                                 ("\"a\\0b\"", "content/x.md:3: error: this 'slug' cannot be published: 'a\u{FFFD}b' contains an invisible control character")] {
            guard case .success(let split) = FrontMatterParser.split("---\ntitle: T\nslug: \(slug)\n---\n", file: "content/x.md") else { Issue.record("split failed"); return }
            var diagnostics = Diagnostics()
            #expect(FrontMatterParser.parse(split, file: "content/x.md", diagnostics: &diagnostics) == nil)
            #expect(diagnostics.sorted.map(\.headline) == [expected])
        }
    }
}
