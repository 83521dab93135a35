import Foundation
import Testing
import WaymarkSite

/// Builds `Fixtures/basic` with the minimal test theme and checks the produced files.
@Suite struct FixtureSiteTests {
    static func build() throws -> (TempDir, [String: Data], BuildReport) {
        try buildFixture("basic")
    }

    @Test func writesEveryPageAtItsPrettyURL() throws {
        let (temp, tree, report) = try FixtureSiteTests.build()
        defer { temp.cleanUp() }
        for path in ["index.html", "pl/index.html", "about/index.html", "about/team/index.html", "report/index.html",
                     "pl/report/index.html", "news/index.html", "news/first/index.html", "news/second/index.html",
                     "404.html", "sitemap.xml", "robots.txt", "news/feed.xml", "files/flyer.pdf", "images/map.svg",
                     "reporting/index.html", "old/report.html", "tags/index.html", "tags/training/index.html",
                     "tags/awareness-week/index.html"] {
            #expect(tree[path] != nil, "missing \(path)")
        }
        #expect(report.pagesPerLanguage.map(\.language) == ["en", "pl"])
        #expect(report.pagesPerLanguage.map(\.count) == [7, 2])
        #expect(report.filesWritten == tree.count)
    }

    @Test func rewritesLinksRelativeToEachPage() throws {
        let (temp, tree, _) = try FixtureSiteTests.build()
        defer { temp.cleanUp() }
        let about = text(tree, "about/index.html")
        #expect(about.contains(##"<a href="../images/map.svg" title="Map file">map</a>"##))
        #expect(about.contains(##"<a href="../files/flyer.pdf">flyer (PDF)</a>"##))
        #expect(about.contains(##"<a href="../report/#who-to-call">who to call</a>"##))
        #expect(about.contains(##"<img src="../images/map.svg" alt="A map of the area">"##))
        let team = text(tree, "about/team/index.html")
        #expect(team.contains(##"<a href="../">the section</a>"##))
        #expect(team.contains(##"<a href="../../">home</a>"##))
        // A Polish page linking to report.md gets the Polish translation.
        #expect(text(tree, "pl/index.html").contains(##"<a href="../pl/report/">Zgłoś problem</a>"##) == false)
        #expect(text(tree, "pl/index.html").contains(##"<a href="report/">Zgłoś problem</a>"##))
        let report = text(tree, "report/index.html")
        #expect(report.contains(##"class="external" rel="noreferrer""##))
    }

    @Test func headingIDsAndTableOfContents() throws {
        let (temp, tree, _) = try FixtureSiteTests.build()
        defer { temp.cleanUp() }
        let about = text(tree, "about/index.html")
        #expect(about.contains(##"<h2 id="purpose">Purpose</h2>"##))
        #expect(about.contains(##"<h2 id="purpose-1">Purpose</h2>"##))
        #expect(about.contains(##"<h3 id="the-board">The board</h3>"##))
        #expect(about.contains(##"<nav aria-label="Contents"><ol><li><a href="#purpose">Purpose</a></li><li><a href="#governance">Governance</a><ol><li><a href="#the-board">The board</a></li></ol></li><li><a href="#purpose-1">Purpose</a></li></ol></nav>"##))
        // Fewer headings than toc_min_headings: no contents list.
        #expect(!text(tree, "report/index.html").contains("aria-label=\"Contents\""))
    }

    @Test func navigationBreadcrumbsAndLists() throws {
        let (temp, tree, _) = try FixtureSiteTests.build()
        defer { temp.cleanUp() }
        let team = text(tree, "about/team/index.html")
        #expect(team.contains(##"<a href="../" aria-current="true">About</a>"##))
        #expect(team.contains(##"<ol><li><a href="../../">Home</a></li><li><a href="../">About us</a></li></ol>"##))
        #expect(text(tree, "about/index.html").contains(##"<a href="./" aria-current="page">About</a>"##))
        let home = text(tree, "index.html")
        // Weighted pages first (About 1, Report 2), then dated newest first.
        #expect(home.contains(##"<li><a href="about/">About us</a> – Who we are.</li><li><a href="report/">Report a concern</a> – Who to call.</li><li><a href="news/">News</a></li>"##))
        let news = text(tree, "news/index.html")
        #expect(news.contains(##"<li><a href="second/">Second item</a> – The second news item. <time datetime="2024-05-01">1 May 2024</time></li><li><a href="first/">First item</a>"##))
        #expect(news.contains(##"<link rel="alternate" type="application/atom+xml" href="feed.xml">"##))
    }

    @Test func translationsAndLanguageLinks() throws {
        let (temp, tree, _) = try FixtureSiteTests.build()
        defer { temp.cleanUp() }
        let report = text(tree, "report/index.html")
        #expect(report.contains(##"<link rel="alternate" hreflang="en" href="https://example.org/base/report/">"##))
        #expect(report.contains(##"<link rel="alternate" hreflang="pl" href="https://example.org/base/pl/report/">"##))
        #expect(report.contains(##"<link rel="alternate" hreflang="x-default" href="https://example.org/base/report/">"##))
        #expect(report.contains(##"<li><b>English</b></li><li><a href="../pl/report/" hreflang="pl">Polski</a></li>"##))
        let polish = text(tree, "pl/report/index.html")
        #expect(polish.hasPrefix("<!DOCTYPE html>\n<html lang=\"pl\" dir=\"ltr\">"))
        #expect(polish.contains("Przejdź do treści"))
        #expect(polish.contains(##"<link rel="stylesheet" href="../../assets/style."##))
    }

    @Test func feedSitemapRobotsRedirectsAnd404() throws {
        let (temp, tree, _) = try FixtureSiteTests.build()
        defer { temp.cleanUp() }
        let feed = text(tree, "news/feed.xml")
        #expect(feed.contains(##"<link rel="self" href="https://example.org/base/news/feed.xml"/>"##))
        #expect(feed.contains("<updated>2024-06-01T00:00:00Z</updated>"))
        #expect(feed.range(of: "Second item")!.lowerBound < feed.range(of: "First item")!.lowerBound)
        let sitemap = text(tree, "sitemap.xml")
        #expect(sitemap.contains("<loc>https://example.org/base/news/second/</loc>\n    <lastmod>2024-06-01</lastmod>"))
        #expect(sitemap.contains(##"<xhtml:link rel="alternate" hreflang="pl" href="https://example.org/base/pl/report/"/>"##))
        #expect(text(tree, "robots.txt").contains("Sitemap: https://example.org/base/sitemap.xml"))
        let redirect = text(tree, "reporting/index.html")
        #expect(redirect.contains(##"<meta http-equiv="refresh" content="0; url=../report/">"##))
        #expect(redirect.contains(##"<link rel="canonical" href="https://example.org/base/report/">"##))
        #expect(text(tree, "old/report.html").contains(##"url=../report/""##))
        let notFound = text(tree, "404.html")
        #expect(notFound.contains(##"<link rel="stylesheet" href="/base/assets/style."##))
        #expect(notFound.contains(##"<a href="/base/">Fixture Partnership</a>"##))
    }

    @Test func assetsAreFingerprintedAndStylesheetURLsFollow() throws {
        let (temp, tree, _) = try FixtureSiteTests.build()
        defer { temp.cleanUp() }
        let css = try #require(tree.keys.first { $0.hasPrefix("assets/style.") && $0.hasSuffix(".css") })
        let svg = try #require(tree.keys.first { $0.hasPrefix("assets/img/dot.") })
        #expect(css.count == "assets/style.0123456789.css".count)
        #expect(text(tree, css).contains("url(\"img/\(svg.split(separator: "/").last!)\")"))
        #expect(text(tree, "index.html").contains("href=\"\(css)\""))
    }

    @Test func tagPagesListTaggedPages() throws {
        let (temp, tree, _) = try FixtureSiteTests.build()
        defer { temp.cleanUp() }
        let training = text(tree, "tags/training/index.html")
        #expect(training.contains(##"<a href="../../news/second/">Second item</a>"##))
        #expect(training.contains(##"<a href="../../news/first/">First item</a>"##))
        #expect(text(tree, "tags/index.html").contains(##"<a href="awareness-week/">Awareness week (1)</a>"##))
    }

    @Test func contactsTablesChecklistsAndTheHelpBlock() throws {
        let (temp, tree, _) = try FixtureSiteTests.build()
        defer { temp.cleanUp() }
        let report = text(tree, "report/index.html")
        #expect(report.contains(##"Call <a class="contact-number" href="tel:999"><bdi dir="ltr">999</bdi></a> in an emergency."##))
        #expect(report.contains(##"<div class="contact-card">\##n<p class="contact-label">Modern Slavery &amp; Exploitation Helpline</p>\##n<p class="contact-phone"><a class="contact-number" href="tel:+448000121700"><bdi dir="ltr">08000 121 700</bdi></a></p>\##n<p class="contact-hours">24 hours a day</p>\##n<ul class="contact-notes">\##n<li>Confidential</li>\##n<li>Interpreters</li>\##n</ul>\##n</div>"##))
        #expect(report.contains("<caption>Contacts by purpose</caption>"))
        #expect(report.contains(##"<td class="align-right"><a class="contact-number" href="tel:999"><bdi dir="ltr">999</bdi></a></td>"##))
        #expect(report.contains(##"<li class="checklist-item checked">Another sign</li>"##))
        #expect(report.contains(##"<section aria-labelledby="who-to-call"><h2 id="who-to-call">1. Who to call</h2><p>Call"##))
        #expect(report.contains(##"<h2>Confidential advice</h2><p>Modern Slavery &amp; Exploitation Helpline: <a href="tel:+448000121700"><bdi dir="ltr">08000 121 700</bdi></a> (24 hours a day) [Confidential] [Interpreters] – You are worried about someone.</p>"##))
        #expect(report.contains(##"<a href="../files/flyer.pdf" hreflang="pl">Polski – information flyer (PDF, 1 KB)</a>"##))
        // The help block is the same on every page, apart from the depth of the report link.
        let help = ##"<aside><a href="tel:999">Police emergency 999</a> <a href="tel:+448000121700">Modern Slavery &amp; Exploitation Helpline 08000 121 700</a> <a href=""##
        for page in ["index.html", "about/team/index.html", "404.html"] {
            #expect(text(tree, page).contains(help), "no help block on \(page)")
        }
        // The contacts have no Polish text yet, so Polish pages mark their English labels.
        #expect(text(tree, "pl/report/index.html").contains(##"<aside><a href="tel:999" lang="en">Police emergency 999</a> <a href="tel:+448000121700" lang="en">"##))
        #expect(text(tree, "about/team/index.html").contains(##"<a href="../../report/">report</a></aside>"##))
        #expect(text(tree, "pl/index.html").contains(##"<a href="report/">report</a></aside>"##))
        #expect(text(tree, "index.html").contains(##"<meta http-equiv="Content-Security-Policy" content="default-src &#39;none&#39;; script-src &#39;self&#39;"##))
    }

    /// The whole output compared byte for byte with `Fixtures/basic-expected`.
    /// Re-record on purpose with `WAYMARK_RECORD_GOLDEN=1 swift test` and review the diff.
    @Test func matchesGoldenOutput() throws {
        let (temp, tree, _) = try FixtureSiteTests.build()
        defer { temp.cleanUp() }
        let goldenRoot = Repo.fixtures + "/basic-expected"
        if ProcessInfo.processInfo.environment["WAYMARK_RECORD_GOLDEN"] == "1" {
            try? FileManager.default.removeItem(atPath: goldenRoot)
            try FileManager.default.copyItem(atPath: temp.path + "/out", toPath: goldenRoot)
        }
        let golden = readTree(goldenRoot)
        #expect(Set(tree.keys) == Set(golden.keys))
        for (path, data) in tree.sorted(by: { $0.key < $1.key }) where golden[path] != data {
            Issue.record("\(path) differs from the golden copy")
        }
    }
}
