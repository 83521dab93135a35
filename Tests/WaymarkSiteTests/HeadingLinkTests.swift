import Foundation
import Testing
import WaymarkCore
import WaymarkSearch
@testable import WaymarkSite

/// Heading ids as GitHub makes them, and links written to the ids Waymark gave headings before.
@Suite struct HeadingLinkTests {
    static let site = [
        "content/site.yaml": """
            title: Test partnership
            base_url: https://example.org/
            default_language: en
            languages:
              - code: en
                name: English
                direction: ltr
            """,
        "content/index.md": """
            ---
            title: Home
            ---
            Read [who we are](about.md#who-we-are-and-what-we-do) before you call.

            The [same heading](about.md#who-we-are--and-what-we-do), as GitHub writes it.

            And [nowhere](about.md#who-we-were).

            Our [plans](about.md#what-well-do-now), copied from GitLab.
            """,
        "content/about.md": """
            ---
            title: About us
            ---
            Intro.

            ## Who we are — and what we do

            Text.

            ## Contact us

            Back to [the top part](#who-we-are-and-what-we-do).

            ## What we’ll do — now

            Text.
            """,
        "content/plan.md": """
            ---
            title: Our plan
            layout: strategy
            ---
            Intro.

            ## What we’ll do

            Text.
            """,
    ]

    static func build() throws -> (TempDir, [String: Data], BuildReport) {
        let temp = try TempDir()
        try temp.write(site)
        let options = BuildOptions(sourceDirectory: temp.path + "/content", themeDirectory: Repo.root + "/theme", outputDirectory: temp.path + "/out")
        let report = try SiteBuilder(options: options).build().get()
        return (temp, readTree(temp.path + "/out"), report)
    }

    @Test func aLinkToAHeadingsOldIDLandsWithAWarningToUpdateIt() throws {
        let (temp, tree, report) = try HeadingLinkTests.build()
        defer { temp.cleanUp() }
        let old = report.warnings.filter { $0.summary.contains("old address") }
        #expect(old.map { $0.headline.replacingOccurrences(of: temp.path + "/", with: "") } == [
            "content/about.md:12: warning: the link points to '#who-we-are-and-what-we-do', the old address of a heading on content/about.md: the heading is now at '#who-we-are--and-what-we-do'",
            "content/index.md:4: warning: the link points to '#who-we-are-and-what-we-do', the old address of a heading on content/about.md: the heading is now at '#who-we-are--and-what-we-do'",
        ])
        #expect(old.map(\.help) == [
            "change the link to '#who-we-are--and-what-we-do'; until then it still works, because the page keeps the old address too",
            "change the link to 'about.md#who-we-are--and-what-we-do'; until then it still works, because the page keeps the old address too",
        ])
        // Both links are written to the new id; the one already in GitHub's form is not reported.
        let home = text(tree, "index.html")
        #expect(home.contains(##"<a href="about/#who-we-are--and-what-we-do">who we are</a>"##))
        #expect(home.contains(##"<a href="about/#who-we-are--and-what-we-do">same heading</a>"##))
        #expect(!home.contains("#who-we-are-and-what-we-do"))
        #expect(text(tree, "about/index.html").contains(##"<a href="#who-we-are--and-what-we-do">the top part</a>"##))
    }

    @Test func aLinkCopiedFromGitLabLandsWithAWarningToo() throws {
        // GitLab joins the two hyphens GitHub has for " — ": neither the new id nor the old one.
        let (temp, tree, report) = try HeadingLinkTests.build()
        defer { temp.cleanUp() }
        let gitLab = report.warnings.filter { $0.summary.contains("GitLab") }
        #expect(gitLab.map { $0.headline.replacingOccurrences(of: temp.path + "/", with: "") } == [
            "content/index.md:10: warning: the link points to '#what-well-do-now', the address GitLab gives a heading on content/about.md: on this site the heading is at '#what-well-do--now'",
        ])
        #expect(gitLab.first?.help == "change the link to 'about.md#what-well-do--now'; until then Waymark writes it so for you")
        #expect(text(tree, "index.html").contains(##"<a href="about/#what-well-do--now">plans</a>"##))
        #expect(text(tree, "about/index.html").contains(##"<h2 id="what-well-do--now"><span id="what-we-ll-do-now"></span>"##))
    }

    @Test func aLinkToNoHeadingIsStillReported() throws {
        let (temp, tree, report) = try HeadingLinkTests.build()
        defer { temp.cleanUp() }
        let missing = report.warnings.filter { $0.summary.contains("which is not a heading") }
        #expect(missing.map { $0.headline.replacingOccurrences(of: temp.path + "/", with: "") } == ["content/index.md:8: warning: the link points to '#who-we-were', which is not a heading on content/about.md"])
        #expect(missing.first?.severity == .warning)
        #expect(text(tree, "index.html").contains(##"<a href="about/#who-we-were">nowhere</a>"##))
    }

    @Test func thePageKeepsTheOldIDAsAnEmptySpanInTheHeading() throws {
        let (temp, tree, _) = try HeadingLinkTests.build()
        defer { temp.cleanUp() }
        let about = text(tree, "about/index.html")
        #expect(about.contains(##"<h2 id="who-we-are--and-what-we-do"><span id="who-we-are-and-what-we-do"></span>Who we are — and what we do</h2>"##))
        #expect(about.contains(##"<a class="heading-anchor" href="#who-we-are--and-what-we-do""##))
        // A heading whose id did not change gets no span.
        #expect(about.contains(##"<h2 id="contact-us">Contact us</h2>"##))
        // A layout that draws its sections' headings itself keeps the old id too.
        #expect(text(tree, "plan/index.html").contains(##"<h2 id="what-well-do"><span id="what-we-ll-do"></span>What we’ll do</h2>"##))
    }

    @Test func searchLinksToTheHeadingsNewID() throws {
        let (temp, tree, _) = try HeadingLinkTests.build()
        defer { temp.cleanUp() }
        let anchors = HTMLText.sections(text(tree, "about/index.html")).compactMap(\.anchor)
        #expect(anchors.contains("who-we-are--and-what-we-do"))
        #expect(!anchors.contains("who-we-are-and-what-we-do"))
    }

    @Test func aLinkInAnotherUnicodeFormIsWrittenAsTheIDIs() throws {
        // A heading typed with precomposed letters, a link pasted with decomposed ones: Swift
        // calls them equal, a browser does not, so the link is written as the id is.
        let temp = try TempDir()
        defer { temp.cleanUp() }
        var files = HeadingLinkTests.site
        files["content/signs.md"] = "---\ntitle: Signs\n---\n## Dấu hiệu\n\nText.\n"
        files["content/index.md"] = "---\ntitle: Home\n---\nSee [the signs](signs.md#da\u{0302}\u{0301}u-hie\u{0323}\u{0302}u).\n"
        try temp.write(files)
        let options = BuildOptions(sourceDirectory: temp.path + "/content", themeDirectory: Repo.root + "/theme", outputDirectory: temp.path + "/out")
        let report = try SiteBuilder(options: options).build().get()
        #expect(!report.warnings.contains { $0.location.file.hasSuffix("index.md") })
        let home = text(readTree(temp.path + "/out"), "index.html")
        let href = home.components(separatedBy: "<a href=\"").dropFirst().first { $0.contains("the signs") }?.prefix { $0 != "\"" }
        #expect(href.map { Array($0.unicodeScalars) } == Array("signs/#dấu-hiệu".unicodeScalars))
    }

    @Test func thePreviewRewritesLinksWhenAHeadingTheyNameChanges() throws {
        let sandbox = try PreviewBuilderTests.Sandbox()
        defer { sandbox.temp.cleanUp() }
        let checks = PreviewBuilderTests()
        try "---\ntitle: Linker\n---\nSee [the first part](linked.md#first-part-one).\n".write(toFile: sandbox.content + "/linker.md", atomically: true, encoding: .utf8)
        try "---\ntitle: Linked\n---\nIntro.\n\n## First part one\n\nText.\n".write(toFile: sandbox.content + "/linked.md", atomically: true, encoding: .utf8)
        var preview = PreviewBuilder(options: sandbox.options)
        try checks.expectSameAsCleanBuild(preview.build(), sandbox, "first build", preview: &preview)

        // Now the link names the heading's old id: the linking page is written again, to the new one.
        try sandbox.edit("content/linked.md") { $0.replacingOccurrences(of: "## First part one", with: "## First part — one") }
        var outcome = preview.update(contentPaths: ["linked.md"])
        #expect(outcome.pagesRendered == 1)
        #expect(outcome.diagnostics.contains { $0.headline.contains("content/linker.md:4: warning: the link points to '#first-part-one', the old address") })
        #expect(String(decoding: outcome.files["linker/index.html"] ?? Data(), as: UTF8.self).contains("linked/#first-part--one"))
        try checks.expectSameAsCleanBuild(outcome, sandbox, "a heading's id changed", preview: &preview)

        // And back: the link is written as it is again.
        try sandbox.edit("content/linked.md") { $0.replacingOccurrences(of: "## First part — one", with: "## First part one") }
        outcome = preview.update(contentPaths: ["linked.md"])
        #expect(String(decoding: outcome.files["linker/index.html"] ?? Data(), as: UTF8.self).contains("linked/#first-part-one\""))
        try checks.expectSameAsCleanBuild(outcome, sandbox, "the heading as it was", preview: &preview)
    }
}
