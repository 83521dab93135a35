import Foundation
import Testing
import WaymarkContent
import WaymarkCore
import WaymarkMarkdown
import WaymarkSite
@testable import WaymarkCheck

/// The routes every test server answers.
private let routes: LinkTestServer.Routes = { method, path, earlier in
    switch path {
    case "/ok", "/new", "/home": return .status(200)
    case "/gone404": return .status(404)
    case "/gone410": return .status(410)
    case "/flaky": return .status(earlier == 0 ? 500 : 200)
    case "/failing": return .status(500)
    case "/slow": return LinkAnswer(status: 200, delay: 5)
    case "/old": return .redirect(301, to: "/new")
    case "/old308": return .redirect(308, to: "/new")
    case "/old-then-login": return .redirect(301, to: "/login")
    case "/login": return .redirect(302, to: "/home")
    case "/see-other": return .redirect(303, to: "/home")
    case "/temporary": return .redirect(307, to: "/home")
    case "/moved-away": return .redirect(301, to: "/gone404")
    case "/loop-a": return .redirect(301, to: "/loop-b")
    case "/loop-b": return .redirect(302, to: "/loop-a")
    case "/no-head": return .status(method == "HEAD" ? 405 : 200)
    case "/no-head-501": return .status(method == "HEAD" ? 501 : 200)
    case "/busy": return .status(429)
    case let hop where hop.hasPrefix("/hop/"):
        let number = Int(hop.dropFirst(5)) ?? 0
        return .redirect(302, to: "/hop/\(number + 1)")
    case let wait where wait.hasPrefix("/wait/"): return LinkAnswer(status: 200, delay: 0.3)
    default: return .status(404)
    }
}

@Suite("External links")
struct ExternalLinkTests {
    // MARK: Finding links

    @Test("finds inline links, autolinks and images with http(s) addresses, at their lines")
    func findsLinksOnPage() {
        let markdown = """
        # Help [agency](https://agency.example/help)

        See <https://autolink.example/a> and [local](other.md) or [mail](mailto:a@b.example).

        ![Logo](http://images.example/logo.png)

        - item with [a protocol-relative link](//cdn.example/x)

        | Col |
        | --- |
        | [in a table](https://table.example/) |

            [code](https://not-a-link.example/)
        """
        let document = MarkdownParser.parse(markdown, firstLine: 5)
        let found = ExternalLinkFinder.links(in: document, file: "content/help.md")
        #expect(found.map(\.url) == ["https://agency.example/help", "https://autolink.example/a", "http://images.example/logo.png",
                                     "//cdn.example/x", "https://table.example/"])
        #expect(found.map(\.location.line) == [5, 7, 9, 11, 15])
        #expect(found.allSatisfy { $0.location.file == "content/help.md" })
    }

    @Test("finds menu entries with url: targets in site.yaml, not page: targets")
    func findsMenuLinks() throws {
        let yaml = """
        title: Test
        base_url: https://partnership.example/
        default_language: en
        languages:
          - {code: en, name: English, direction: ltr}
        menu:
          - label: About
            page: about.md
          - label: Council
            url: https://council.example/
        footer_menu:
          - label: Privacy
            url: http://privacy.example/policy
          - label: Email
            url: mailto:team@partnership.example
        """
        let config = try SiteConfigLoader.parse(yaml, displayPath: "content/site.yaml").get()
        let found = ExternalLinkFinder.menuLinks(in: config)
        #expect(found == [ExternalLink(url: "https://council.example/", location: SourceLocation(file: "content/site.yaml", line: 10)),
                          ExternalLink(url: "http://privacy.example/policy", location: SourceLocation(file: "content/site.yaml", line: 13))])
    }

    @Test("the address asked for drops the #fragment and opens //host links over https")
    func requestAddresses() {
        #expect(ExternalLinkRules.requestAddress("https://a.example/page#part") == "https://a.example/page")
        #expect(ExternalLinkRules.requestAddress("//cdn.example/x") == "https://cdn.example/x")
        #expect(ExternalLinkRules.requestURL("https://a.example/a page")?.absoluteString == "https://a.example/a%20page")
        #expect(ExternalLinkRules.requestURL("https:///nohost") == nil)
    }

    // MARK: Dead links

    @Test("a 404 and a 410 are dead, reported at every place they are written")
    func deadStatuses() async throws {
        try await withLinkServer(routes) { server in
            let missing = server.base + "/gone404"
            let removed = server.base + "/gone410"
            let found = try await checkLinks([pageLink(missing, "content/b.md", line: 4), pageLink(missing + "#part", "content/a.md", line: 9),
                                              pageLink(removed, "content/a.md", line: 2)], quickLinkOptions())
            #expect(found.map(\.location.prefix) == ["content/a.md:2", "content/a.md:9", "content/b.md:4"])
            #expect(found.allSatisfy { $0.rule == "external-dead" && $0.severity == .warning })
            #expect(found[0].summary == "the link to \(removed) is broken: the site says the page has been removed for good (410 gone)")
            #expect(found[1].summary == "the link to \(missing)#part is broken: the site says the page no longer exists (404 not found)")
            #expect(found[2].summary == "the link to \(missing) is broken: the site says the page no longer exists (404 not found)")
            #expect(found[0].help == "find where the page moved and update the link, or remove it")
            // One address, one check: the fragment is not sent, and 404 is not retried.
            #expect(server.log.count("/gone404") == 1)
            #expect(server.log.count("/gone410") == 1)
        }
    }

    @Test("a 500 that passes on the next try is not reported")
    func retryPasses() async throws {
        try await withLinkServer(routes) { server in
            let found = try await checkLinks([pageLink(server.base + "/flaky")], quickLinkOptions())
            #expect(found.isEmpty)
            #expect(server.log.count("/flaky") == 2)
        }
    }

    @Test("a site failing every time is dead after the retries")
    func alwaysFailing() async throws {
        try await withLinkServer(routes) { server in
            let url = server.base + "/failing"
            let found = try await checkLinks([pageLink(url)], quickLinkOptions(retries: 2))
            #expect(found.map(\.rule) == ["external-dead"])
            #expect(found.first?.summary == "the link to \(url) did not work: the site was failing (error 500), each of the 3 times it was tried")
            #expect(server.log.count("/failing") == 3)
        }
    }

    @Test("a site too slow to answer is dead after the retries")
    func timeout() async throws {
        try await withLinkServer(routes) { server in
            let url = server.base + "/slow"
            let started = Date()
            var options = quickLinkOptions(retries: 1)
            options.timeout = 0.5
            let found = try await checkLinks([pageLink(url)], options)
            #expect(found.map(\.rule) == ["external-dead"])
            #expect(found.first?.summary == "the link to \(url) did not work: the site did not answer within 0.5 seconds, each of the 2 times it was tried")
            // Well short of two 5-second answers: the checker gave up on each in time.
            #expect(Date().timeIntervalSince(started) < 4.5)
        }
    }

    @Test("a refused connection and a failed secure connection are dead")
    func connectionFailures() async throws {
        let port = try unusedLoopbackPort()
        try await withLinkServer(routes) { server in
            let refused = "http://127.0.0.1:\(port)/page"
            let insecure = "https://127.0.0.1:\(server.port)/ok"
            let found = try await checkLinks([pageLink(refused, line: 1), pageLink(insecure, line: 2)], quickLinkOptions(retries: 1))
            #expect(found.map(\.rule) == ["external-dead", "external-dead"])
            #expect(found.first?.summary == "the link to \(refused) did not work: 127.0.0.1 refused the connection, each of the 2 times it was tried")
            #expect(found.last?.summary == "the link to \(insecure) did not work: the site's secure connection failed (its certificate could not be trusted)")
        }
    }

    @Test("an address whose site cannot be found is dead")
    func noSuchSite() async throws {
        // `.invalid` is reserved: it never names a site (RFC 6761).
        let url = "https://no-such-partner.invalid/help"
        let found = try await checkLinks([pageLink(url)], quickLinkOptions())
        #expect(found.map(\.rule) == ["external-dead"])
        #expect(found.first?.summary == "the link to \(url) is broken: there is no website at no-such-partner.invalid (the address could not be found)")
    }

    @Test("when no site at all can be reached, one warning says the computer seems offline instead of every link being dead")
    func offline() async throws {
        let links = [pageLink("https://first-partner.invalid/a", "content/b.md", line: 2), pageLink("https://second-partner.invalid/", "content/a.md", line: 7)]
        let found = try await checkLinks(links, quickLinkOptions())
        #expect(found.count == 1)
        #expect(found.first?.location.prefix == "content/a.md:7")
        #expect(found.first?.summary == "no other site could be reached, so 2 links to other sites could not be checked (this is the first): the computer seems to be offline")
        #expect(found.first?.severity == .warning)
        #expect(found.first?.rule == nil)
    }

    @Test("an address with no site in it is dead without asking anyone")
    func invalidAddress() async throws {
        let found = try await checkLinks([pageLink("https:///guidance")], quickLinkOptions())
        #expect(found.map(\.summary) == ["the link to https:///guidance is not a web address that can be opened"])
        #expect(found.first?.rule == "external-dead")
    }

    @Test("URLSession's errors are told apart as the messages need")
    func failureKinds() {
        #expect(LinkProbe.failure(URLError(.cannotFindHost)) == .noSuchHost)
        #expect(LinkProbe.failure(URLError(.dnsLookupFailed)) == .noSuchHost)
        #expect(LinkProbe.failure(URLError(.cannotConnectToHost)) == .refused)
        #expect(LinkProbe.failure(URLError(.timedOut)) == .timedOut)
        #expect(LinkProbe.failure(URLError(.serverCertificateHasBadDate)) == .insecure)
        #expect(LinkProbe.failure(URLError(.networkConnectionLost)) == .broken)
        #expect(LinkFailure.noSuchHost.mayPass == false)
        #expect(LinkFailure.status(503).mayPass && LinkFailure.timedOut.mayPass && !LinkFailure.status(404).mayPass)
    }

    @Test("a redirect loop and a chain of too many redirects are dead")
    func badRedirects() async throws {
        try await withLinkServer(routes) { server in
            let loop = server.base + "/loop-a"
            let chain = server.base + "/hop/1"
            let found = try await checkLinks([pageLink(loop, line: 1), pageLink(chain, line: 2)], quickLinkOptions())
            #expect(found.map(\.rule) == ["external-dead", "external-dead"])
            #expect(found.first?.summary == "the link to \(loop) is broken: it sends readers round in a loop of redirects and never reaches a page")
            #expect(found.last?.summary == "the link to \(chain) is broken: it redirects more than 5 times without reaching a page")
            #expect(server.log.count("/hop/6") == 1)
            #expect(server.log.count("/hop/7") == 0)
        }
    }

    @Test("a permanent redirect to a missing page is dead, naming where it leads")
    func movedToMissing() async throws {
        try await withLinkServer(routes) { server in
            let url = server.base + "/moved-away"
            let found = try await checkLinks([pageLink(url)], quickLinkOptions())
            #expect(found.map(\.rule) == ["external-dead"])
            #expect(found.first?.summary == "the link to \(url) is broken: the site says the page no longer exists (404 not found) (it leads to \(server.base)/gone404)")
        }
    }

    // MARK: Working links

    @Test("a page that answers 200, or reaches one through temporary redirects, is not reported")
    func aliveLinks() async throws {
        try await withLinkServer(routes) { server in
            let urls = ["/ok", "/login", "/see-other", "/temporary", "/busy"].map { pageLink(server.base + $0) }
            let found = try await checkLinks(urls, quickLinkOptions())
            #expect(found.isEmpty)
            #expect(server.log.count("/home") == 3)
        }
    }

    @Test("a server that refuses HEAD is asked again with GET")
    func headRefused() async throws {
        try await withLinkServer(routes) { server in
            let found = try await checkLinks([pageLink(server.base + "/no-head"), pageLink(server.base + "/no-head-501")], quickLinkOptions())
            #expect(found.isEmpty)
            #expect(server.log.count("/no-head", method: "HEAD") == 1)
            #expect(server.log.count("/no-head", method: "GET") == 1)
            #expect(server.log.count("/no-head-501", method: "GET") == 1)
        }
    }

    @Test("requests carry the checker's User-Agent and never a cookie or a Referer")
    func politeRequests() async throws {
        try await withLinkServer(routes) { server in
            var options = quickLinkOptions()
            options.contact = "https://partnership.example/"
            _ = try await checkLinks([pageLink(server.base + "/old"), pageLink(server.base + "/no-head")], options)
            let headers = server.log.headersSeen
            #expect(headers.count == 4)
            #expect(headers.allSatisfy { $0["user-agent"] == "Waymark link checker (+https://partnership.example/)" })
            #expect(headers.allSatisfy { $0["cookie"] == nil && $0["referer"] == nil })
        }
    }

    // MARK: Redirects

    @Test("a permanent redirect (301 or 308) is reported with the new address")
    func permanentRedirect() async throws {
        try await withLinkServer(routes) { server in
            let old = server.base + "/old"
            let old308 = server.base + "/old308"
            let found = try await checkLinks([pageLink(old, "content/a.md", line: 3), pageLink(old, "content/b.md", line: 8),
                                              pageLink(old308, "content/c.md", line: 1), pageLink(old + "#step-2", "content/d.md", line: 5)], quickLinkOptions())
            #expect(found.map(\.location.prefix) == ["content/a.md:3", "content/b.md:8", "content/c.md:1", "content/d.md:5"])
            #expect(found.allSatisfy { $0.rule == "external-redirect" && $0.severity == .warning })
            #expect(found[0].summary == "the link to \(old) has moved for good to \(server.base)/new")
            #expect(found[0].help == "change the link to \(server.base)/new so readers go straight there")
            #expect(found[2].summary == "the link to \(old308) has moved for good to \(server.base)/new")
            // The part of the page the link opened at is kept in the new address.
            #expect(found[3].summary == "the link to \(old)#step-2 has moved for good to \(server.base)/new#step-2")
            #expect(server.log.count("/old") == 1)
        }
    }

    @Test("a permanent redirect into a login's temporary redirect suggests the address before the temporary one")
    func permanentThenTemporary() async throws {
        try await withLinkServer(routes) { server in
            let found = try await checkLinks([pageLink(server.base + "/old-then-login")], quickLinkOptions())
            #expect(found.map(\.summary) == ["the link to \(server.base)/old-then-login has moved for good to \(server.base)/login"])
        }
    }

    @Test("http moving to the same page on https asks for the https address")
    func httpsUpgrade() {
        let words = ExternalLinkMessages.moved("http://council.example/help?x=1", to: "https://council.example/help?x=1")
        #expect(words.summary == "http://council.example/help?x=1 now opens its secure address: use the https address https://council.example/help?x=1")
        #expect(words.help == "change the link to start with https:// so readers go straight to the secure page")
        #expect(!ExternalLinkMessages.isHTTPSUpgrade(from: "http://council.example/help", to: "https://council.example/new"))
        #expect(!ExternalLinkMessages.isHTTPSUpgrade(from: "http://council.example/", to: "https://www.council.example/"))
    }

    // MARK: Cache

    @Test("results are kept in the cache file and good ones are not asked again")
    func cacheReuse() async throws {
        let folder = try LinkScratchFolder()
        defer { folder.remove() }
        let cache = folder.path + "/links.json"
        try await withLinkServer(routes) { server in
            let links = [pageLink(server.base + "/ok"), pageLink(server.base + "/old"), pageLink(server.base + "/gone404")]
            let first = try await checkLinks(links, quickLinkOptions(cache: cache))
            #expect(first.map(\.rule) == ["external-dead", "external-redirect"])
            let text = try String(contentsOfFile: cache, encoding: .utf8)
            let entries = try JSONDecoder().decode([String: LinkCache.Entry].self, from: Data(text.utf8))
            #expect(entries.keys.sorted() == [server.base + "/gone404", server.base + "/ok", server.base + "/old"])
            #expect(entries[server.base + "/ok"]?.result == "ok")
            #expect(entries[server.base + "/old"]?.movedTo == server.base + "/new")
            #expect(entries[server.base + "/gone404"]?.reason == "status 404")
            #expect(text.range(of: "\"checked\" : \"\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ\"", options: .regularExpression) != nil)
            let keys = text.components(separatedBy: "\n").filter { $0.hasPrefix("  \"") }
            #expect(keys == keys.sorted())

            let before = server.log.total
            let second = try await checkLinks(links, quickLinkOptions(cache: cache))
            #expect(second == first)
            // Only the dead link is asked again.
            #expect(server.log.total == before + 1)
            #expect(server.log.count("/gone404") == 2)
        }
    }

    @Test("cached results older than cacheHours are checked again")
    func cacheExpires() async throws {
        let folder = try LinkScratchFolder()
        defer { folder.remove() }
        let cache = folder.path + "/links.json"
        try await withLinkServer(routes) { server in
            let url = server.base + "/ok"
            let old = LinkCache.text(Date().addingTimeInterval(-25 * 3600))
            try folder.write("links.json", #"{"\#(url)": {"result": "ok", "status": 200, "checked": "\#(old)", "final": "\#(url)"}}"#)
            _ = try await checkLinks([pageLink(url)], quickLinkOptions(cache: cache))
            #expect(server.log.count("/ok") == 1)
            let fresh = try JSONDecoder().decode([String: LinkCache.Entry].self, from: Data(contentsOf: URL(fileURLWithPath: cache)))
            #expect(fresh[url]?.checked != old)
        }
    }

    @Test("a corrupt cache file is ignored with a warning and written afresh")
    func corruptCache() async throws {
        let folder = try LinkScratchFolder()
        defer { folder.remove() }
        let cache = folder.path + "/links.json"
        try folder.write("links.json", "{ not json")
        try await withLinkServer(routes) { server in
            let found = try await checkLinks([pageLink(server.base + "/ok")], quickLinkOptions(cache: cache))
            #expect(found.map(\.summary) == ["the saved link results could not be read, so every link is checked again"])
            #expect(found.first?.severity == .warning)
            #expect(found.first?.location == SourceLocation(file: cache))
            #expect(found.first?.rule == nil)
            #expect(server.log.count("/ok") == 1)
            let entries = try JSONDecoder().decode([String: LinkCache.Entry].self, from: Data(contentsOf: URL(fileURLWithPath: cache)))
            #expect(entries.count == 1)
        }
    }

    // MARK: Concurrency

    @Test("no more requests are in flight than the concurrency allows")
    func boundedConcurrency() async throws {
        try await withLinkServer(routes) { server in
            let links = (1...8).map { pageLink(server.base + "/wait/\($0)", line: $0) }
            // A generous timeout: on a busy machine a 0.3 s answer must not time out and be retried.
            var options = quickLinkOptions(concurrency: 3)
            options.timeout = 10
            let found = try await checkLinks(links, options)
            #expect(found.isEmpty)
            #expect(server.log.total == 8)
            #expect(server.log.maxInFlight == 3)
        }
    }

    // MARK: The whole check

    @Test("waymark check with external links on reports them at their page lines; without it nothing is asked")
    func throughContentChecker() async throws {
        let folder = try LinkScratchFolder()
        defer { folder.remove() }
        try await withLinkServer(routes) { server in
            try folder.write("content/site.yaml", """
            title: Test
            base_url: https://partnership.example/
            default_language: en
            languages:
              - {code: en, name: English, direction: ltr}
            menu:
              - label: Old partner
                url: \(server.base)/old
            """)
            try folder.write("content/index.md", "---\ntitle: Home\n---\n\nRead [the missing guidance](\(server.base)/gone404).\n")
            try folder.write("content/about.md", "---\ntitle: About\n---\n\nSee [our partner](\(server.base)/ok) and\n[the guidance](\(server.base)/gone404).\n")
            let theme = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
                .appendingPathComponent("theme").path
            let build = BuildOptions(sourceDirectory: folder.path + "/content", themeDirectory: theme, outputDirectory: folder.path + "/output")
            let without = try await offThreadForLinks { ContentChecker(options: CheckOptions(build: build)).run() }
            #expect(server.log.total == 0)
            #expect(!without.problems.contains { $0.rule?.hasPrefix("external-") == true })

            var checking = CheckOptions(build: build)
            checking.external = quickLinkOptions(cache: folder.path + "/.waymark-links.json")
            let options = checking
            let report = try await offThreadForLinks { ContentChecker(options: options).run() }
            let external = report.problems.filter { $0.rule?.hasPrefix("external-") == true }
            #expect(external.map { "\($0.location.prefix) \($0.rule ?? "")" } == [
                "\(folder.path)/content/about.md:6 external-dead",
                "\(folder.path)/content/index.md:5 external-dead",
                "\(folder.path)/content/site.yaml:8 external-redirect",
            ], "\(external.map(\.headline))")
            #expect(server.log.count("/gone404") == 1)
            #expect(FileManager.default.fileExists(atPath: folder.path + "/.waymark-links.json"))
        }
    }
}
