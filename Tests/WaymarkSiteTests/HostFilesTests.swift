import Foundation
import Testing
@testable import WaymarkSite
import WaymarkContent
import WaymarkCore

/// The files a build writes for the host: `_headers`, `_redirects` and
/// `/.well-known/security.txt` (docs/PUBLISHING.md).
@Suite struct HostFilesTests {
    /// The pages' own `<meta>` policy is what the header sends, plus what only a header can say.
    @Test func headersPolicyIsThePagesPolicyWithFrameAncestors() throws {
        let tree = try ExampleSite.tree()
        let policy = try #require(everyPathHeaders(tree).first { $0.name == "Content-Security-Policy" }?.value)
        let pages = tree.keys.filter { $0.hasSuffix(".html") }.sorted()
        var checked = 0
        for page in pages {
            guard let meta = metaPolicy(text(tree, page)) else { continue }  // redirect pages carry none
            #expect(policy == meta + "; frame-ancestors 'none'", "\(page)")
            checked += 1
        }
        #expect(checked > 40, "only \(checked) pages had a <meta> policy")
        #expect(metaPolicy(text(tree, "index.html")) == PageRenderer.contentSecurityPolicy)
    }

    @Test func everyResponseGetsTheSecurityHeaders() throws {
        let headers = Dictionary(uniqueKeysWithValues: everyPathHeaders(try ExampleSite.tree()).map { ($0.name, $0.value) })
        #expect(headers["Referrer-Policy"] == "no-referrer")
        #expect(headers["X-Content-Type-Options"] == "nosniff")
        #expect(headers["X-Frame-Options"] == "DENY")
        #expect(headers["Strict-Transport-Security"] == "max-age=31536000; includeSubDomains")
        #expect(headers["Cross-Origin-Opener-Policy"] == "same-origin")
        #expect(headers["Cross-Origin-Resource-Policy"] == "same-origin")
        #expect(headers["Cross-Origin-Embedder-Policy"] == "require-corp")
        #expect(headers["X-XSS-Protection"] == "0")
        #expect(headers["Cache-Control"] == nil, "caching is set per path, never for every path")
        let permissions = try #require(headers["Permissions-Policy"]).components(separatedBy: ", ")
        for feature in ["camera", "microphone", "geolocation", "payment", "usb", "browsing-topics", "display-capture"] {
            #expect(permissions.contains(feature + "=()"), "\(feature) is not denied")
        }
        #expect(permissions.allSatisfy { $0.range(of: "^[a-z-]+=\\(\\)$", options: .regularExpression) != nil }, "\(permissions)")
        #expect(Set(permissions).count == permissions.count)
    }

    /// Every published file gets each header from one rule at most (Cloudflare joins a header
    /// two matching rules give), a year's caching exactly when its name holds its hash, and the
    /// search index's entry point is always checked again.
    @Test func hashedFilesAreCachedForAYearAndNothingElseIs() throws {
        let tree = try ExampleSite.tree()
        let rules = parseHeadersFile(text(tree, "_headers"))
        #expect(rules.first?.path == "/*")
        var forever = 0
        for path in tree.keys.sorted() {
            let url = "/" + (path.hasSuffix("index.html") ? String(path.dropLast("index.html".count)) : path)
            let matching = rules.filter { $0.matches(url) }
            #expect(matching.contains { $0.path == "/*" }, "\(url)")
            let names = matching.flatMap { $0.headers.map { $0.name.lowercased() } }
            #expect(Set(names).count == names.count, "\(url) gets a header from two rules: \(matching.map(\.path))")
            let cache = matching.compactMap { $0.value("Cache-Control") }.first
            let hashed = isHashed(path, contents: tree[path]!)
            #expect((cache == HostHeaders.cacheForever) == hashed, "\(url): \(cache ?? "no Cache-Control")")
            if path.hasSuffix("/meta.json") { #expect(cache == "no-cache", "\(url)") }
            if path.hasSuffix(".html") { #expect(cache == nil, "\(url)") }
            if hashed { forever += 1 }
        }
        #expect(forever > 20, "only \(forever) files are cached for a year")
        #expect(rules.contains { $0.path.hasPrefix("/assets/css/site.") && $0.value("Cache-Control") == HostHeaders.cacheForever })
    }

    /// A theme asset's name holds the hash of its contents; a search shard's folder the hash of
    /// the shards.
    private func isHashed(_ path: String, contents: Data) -> Bool {
        if path.hasPrefix("assets/") {
            let name = (path as NSString).lastPathComponent.split(separator: ".")
            return name.count >= 3 && String(name[name.count - 2]) == ContentHash.hex(contents)
        }
        return path.range(of: "^search-index/[^/]+/[tf]\\.[0-9a-f]{8}/", options: .regularExpression) != nil
    }

    /// Past 50 theme files, one `/assets/*` rule keeps the file under Cloudflare's 100 rules.
    @Test func manyThemeFilesShareOneRule() throws {
        let temp = try TempDir()
        defer { temp.cleanUp() }
        try FileManager.default.copyItem(atPath: Repo.testTheme, toPath: temp.path + "/theme")
        try temp.write(Dictionary(uniqueKeysWithValues: (1...HostHeaders.maxAssetRules).map { ("theme/assets/icons/\($0).svg", "<svg id=\"i\($0)\"/>") }))
        let options = BuildOptions(sourceDirectory: Repo.fixtures + "/basic/content", themeDirectory: temp.path + "/theme", outputDirectory: temp.path + "/out")
        _ = try SiteBuilder(options: options).build().get()
        let rules = parseHeadersFile(try String(contentsOfFile: temp.path + "/out/_headers", encoding: .utf8))
        #expect(rules.filter { $0.path.hasPrefix("/assets/") }.map(\.path) == ["/assets/*"])
        #expect(rules.first { $0.path == "/assets/*" }?.value("Cache-Control") == HostHeaders.cacheForever)
    }

    @Test func securityTxtFollowsRFC9116() throws {
        let tree = try ExampleSite.tree()
        let lines = text(tree, ".well-known/security.txt").split(separator: "\n").map(String.init)
        #expect(lines == [
            "# How to report a security problem with https://example.org/ (RFC 9116).",
            "Contact: mailto:security@example.org",
            "Expires: 2027-11-30T23:59:59Z",
            "Preferred-Languages: en",
            "Canonical: https://example.org/.well-known/security.txt",
        ])
    }

    @Test func noSecurityTxtWithoutAContact() throws {
        let (temp, tree, _) = try buildFixture("basic")
        defer { temp.cleanUp() }
        #expect(!tree.keys.contains { $0.hasPrefix(".well-known") })
        #expect(tree["_headers"] != nil)
    }

    @Test func securityTxtListsEveryContactAndThePolicy() throws {
        let yaml = """
        title: T
        base_url: https://example.org/partnership/
        default_language: en
        languages: [{code: en, name: English}]
        security_contact: [mailto:security@example.org, https://example.org/report-a-vulnerability]
        security_expires: 2027-03-01
        security_policy: https://example.org/security-policy
        """
        let config = try SiteConfigLoader.parse(yaml, displayPath: "site.yaml").get()
        let file = try #require(SecurityTxt.file(config: config))
        #expect(file.path == ".well-known/security.txt")
        #expect(String(decoding: file.contents, as: UTF8.self) == """
        # How to report a security problem with https://example.org/partnership/ (RFC 9116).
        Contact: mailto:security@example.org
        Contact: https://example.org/report-a-vulnerability
        Expires: 2027-03-01T23:59:59Z
        Policy: https://example.org/security-policy
        Preferred-Languages: en
        Canonical: https://example.org/partnership/.well-known/security.txt

        """)
    }

    struct SettingMistake: CustomTestStringConvertible, Sendable {
        var lines: String
        var line: Int
        var message: String
        var help: String
        var testDescription: String { lines }
    }

    static let settingMistakes: [SettingMistake] = [
        SettingMistake(lines: "security_contact: security@example.org\nsecurity_expires: 2027-01-01", line: 5,
                       message: "'security@example.org' in 'security_contact' needs 'mailto:' in front of the email address",
                       help: "write 'security_contact: mailto:security@example.org'"),
        SettingMistake(lines: "security_contact: http://example.org/security\nsecurity_expires: 2027-01-01", line: 5,
                       message: "'http://example.org/security' in 'security_contact' starts with http://, but security.txt contacts must be secure web addresses",
                       help: "write it with https:// instead of http://"),
        SettingMistake(lines: "security_contact: 'mailto:sec urity@example.org'\nsecurity_expires: 2027-01-01", line: 5,
                       message: "'mailto:sec urity@example.org' in 'security_contact' is not an email address", help: SecuritySettings.contactHelp),
        SettingMistake(lines: "security_contact: 01234 567890\nsecurity_expires: 2027-01-01", line: 5,
                       message: "'01234 567890' in 'security_contact' is neither a mailto: email address nor an https:// web address",
                       help: SecuritySettings.contactHelp),
        SettingMistake(lines: "security_contact: mailto:security@example.org", line: 5,
                       message: "'security_contact' is set but 'security_expires' is missing",
                       help: "add 'security_expires: YYYY-MM-DD', a date less than a year away by which you will check the contact again; security.txt must say when it stops being valid"),
        SettingMistake(lines: "security_contact: mailto:security@example.org\nsecurity_expires: next year", line: 6,
                       message: "'security_expires' should be a date written like 2024-03-05, not 'next year'", help: ""),
        SettingMistake(lines: "security_expires: 2027-01-01", line: 5,
                       message: "'security_expires' is set but 'security_contact' is not, so no security.txt is written",
                       help: "add 'security_contact: mailto:…' with the address security problems should go to, or remove 'security_expires'"),
        SettingMistake(lines: "security_contact: mailto:security@example.org\nsecurity_expires: 2027-01-01\nsecurity_policy: our-policy.md", line: 7,
                       message: "'security_policy' should be a web address starting with https://, not 'our-policy.md'",
                       help: "give the address of the page that says how your partnership handles security reports"),
    ]

    @Test(arguments: settingMistakes)
    func securitySettingMistakeIsAnErrorAtItsLine(_ mistake: SettingMistake) throws {
        let yaml = "title: T\nbase_url: https://example.org/\ndefault_language: en\nlanguages: [{code: en, name: English}]\n" + mistake.lines + "\n"
        guard case .failure(let failure) = SiteConfigLoader.parse(yaml, displayPath: "content/site.yaml") else {
            Issue.record("the settings were accepted")
            return
        }
        let problems = failure.diagnostics.all
        #expect(problems.count == 1, "\(problems)")
        let problem = try #require(problems.first)
        #expect(problem.severity == .error)
        #expect(problem.location.line == mistake.line)
        #expect(problem.summary == mistake.message)
        #expect((problem.help ?? "") == mistake.help)
    }

    /// A permanent redirect per alias, from the address relative to the published folder to
    /// the page's address with the base path (`/base/`), as its links have it; the HTML redirect
    /// pages stay for hosts that read no `_redirects`.
    @Test func redirectsFileHasALinePerAlias() throws {
        let (temp, tree, _) = try buildFixture("basic")
        defer { temp.cleanUp() }
        let rules = text(tree, "_redirects").split(separator: "\n").filter { !$0.hasPrefix("#") }
        #expect(rules == ["/old/report.html /base/report/ 301", "/reporting/ /base/report/ 301"])
        #expect(text(tree, "reporting/index.html").contains("url=../report/"))
        #expect(tree["old/report.html"] != nil)
    }

    @Test func addressesInHostFilesArePercentEncoded() {
        #expect(HostFiles.encoded("/news/2019/annual report.html") == "/news/2019/annual%20report.html")
        #expect(HostFiles.encoded("/pl/aktualności/") == "/pl/aktualno%C5%9Bci/")
        #expect(HostFiles.encoded("/a-b_c.d~e/") == "/a-b_c.d~e/")
    }

    @Test func aPageCannotTakeAHostFilesAddress() throws {
        let temp = try TempDir()
        defer { temp.cleanUp() }
        try temp.write([
            "content/site.yaml": "title: T\nbase_url: https://example.org/\ndefault_language: en\nlanguages: [{code: en, name: English}]\n",
            "content/index.md": "---\ntitle: Home\n---\nHello.\n",
            "content/headers.md": "---\ntitle: Headers\nslug: _headers\n---\nHello.\n",
        ])
        let result = try runWaymark(["build", "--theme", Repo.root + "/theme"], in: temp.path)
        #expect(result.status == 1)
        #expect(result.stderr.contains("content/site.yaml: error: the host file /_headers would be written as a file named _headers, but content/headers.md:1 needs a folder of that name"),
                "\(result.stderr)")
    }
}
