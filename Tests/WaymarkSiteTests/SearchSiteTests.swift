import Foundation
import Testing
import WaymarkSite

/// Search in a built site with the default theme: every language gets an index, a search page and
/// an A–Z list; pages' headers send queries to their language's search page; `search: false`
/// leaves all of it out.
@Suite struct SearchSiteTests {
    static let site: [String: String] = [
        "site.yaml": """
            title: T
            base_url: https://example.org/
            default_language: en
            languages:
              - {code: en, name: English, direction: ltr}
              - {code: pl, name: Polski, direction: ltr}
            """,
        "index.md": "---\ntitle: Home\n---\nWelcome.\n",
        "report.md": "---\ntitle: Report a concern\n---\nCall the helpline.\n\n## Online\n\nUse the form.\n",
        "about/index.md": "---\ntitle: About us\n---\nWho we are.\n",
        "index.pl.md": "---\ntitle: Strona główna\n---\nWitamy.\n",
        "report.pl.md": "---\ntitle: Zgłoś problem\n---\nZadzwoń na infolinię.\n",
    ]

    static func build(extraSettings: String = "") throws -> (TempDir, [String: Data]) {
        let temp = try TempDir()
        var files = Dictionary(uniqueKeysWithValues: site.map { ("content/" + $0.key, $0.value) })
        files["content/site.yaml"]! += "\n" + extraSettings
        try temp.write(files)
        let options = BuildOptions(sourceDirectory: temp.path + "/content", themeDirectory: Repo.root + "/theme", outputDirectory: temp.path + "/out")
        _ = try SiteBuilder(options: options).build().get()
        return (temp, readTree(temp.path + "/out"))
    }

    @Test func everyLanguageHasAnIndexASearchPageAndAnAToZ() throws {
        let (temp, tree) = try SearchSiteTests.build()
        defer { temp.cleanUp() }
        for (language, pages) in [("en", 3), ("pl", 2)] {
            let meta = try #require(try JSONSerialization.jsonObject(with: tree["search-index/\(language)/meta.json"] ?? Data()) as? [String: Any])
            #expect(meta["n"] as? Int == pages)
            let fragments = try #require(meta["f"] as? String)
            #expect(tree.keys.filter { $0.hasPrefix("search-index/\(language)/f.\(fragments)/") }.count == pages)
            #expect(!tree.keys.contains { $0.hasPrefix("search-index/\(language)/f/") }, "the pending fragment folder is renamed")
        }
        #expect(text(tree, "search/index.html").contains("id=\"waymark-search\""))
        #expect(text(tree, "pl/search/index.html").contains("<html lang=\"pl\""))
        let azPage = text(tree, "a-z/index.html")
        let azEnglish = String(azPage[try #require(azPage.range(of: "class=\"az-list\"")).lowerBound...])
        let order = ["About us", "Home", "Report a concern"].map { azEnglish.range(of: ">\($0)<")?.lowerBound }
        #expect(order.allSatisfy { $0 != nil } && order == order.sorted { $0! < $1! }, "A–Z order")
        #expect(!azEnglish.contains("Zgłoś"))
        #expect(text(tree, "pl/a-z/index.html").contains(">Zgłoś problem<"))
        // The header form on each page sends the query to its own language's search page.
        #expect(text(tree, "report/index.html").contains("<form class=\"site-search\" role=\"search\" action=\"../search/\""))
        #expect(text(tree, "pl/report/index.html").contains("<form class=\"site-search\" role=\"search\" action=\"../search/\""))
        #expect(!text(tree, "search/index.html").contains("class=\"site-search\""), "the search page has its own form")
        // The section of the report page is found by its heading.
        let enMeta = try JSONSerialization.jsonObject(with: tree["search-index/en/meta.json"]!) as! [String: Any]
        let report = tree.first { $0.key.hasPrefix("search-index/en/f.\(enMeta["f"]!)/") && text(tree, $0.key).contains("/report/") }
        #expect(report.map { text(tree, $0.key) } == #"{"u":"/report/","t":"Report a concern","s":[["","","Call the helpline."],["online","Online","Use the form."]]}"#)
    }

    @Test func searchFalseLeavesItOut() throws {
        let (temp, tree) = try SearchSiteTests.build(extraSettings: "search: false\n")
        defer { temp.cleanUp() }
        #expect(!tree.keys.contains { $0.hasPrefix("search-index/") || $0.hasPrefix("search/") || $0.hasPrefix("a-z/") })
        #expect(!text(tree, "report/index.html").contains("site-search"))
        #expect(tree["report/index.html"] != nil)
    }
}
