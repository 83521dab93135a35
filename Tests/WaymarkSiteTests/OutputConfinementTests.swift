import Foundation
import Testing
import WaymarkCore
import WaymarkSite

/// Whatever the content says, the build writes nothing outside its staging folder, names
/// nothing a file system or host cannot take, and a bad name is an error at the line that asked
/// for it, with output/ left exactly as it was.
@Suite struct OutputConfinementTests {
    static let theme = ["--theme", Repo.root + "/theme"]
    static let long = String(repeating: "a", count: 300)
    static let longShown = String(repeating: "a", count: 40) + "…" + String(repeating: "a", count: 10)

    static func page(_ frontMatter: String, body: String = "Text\n") -> String {
        "---\ntitle: Report\n\(frontMatter)\n---\n\(body)"
    }

    static let cases: [BadInputTests.Case] = [
        .init("alias with ..", "content/report.md", page("aliases: [../../etc/x]"),
              "content/report.md:3: error: the alias '../../etc/x' has '..' as a folder name; write the address in full from the site's root\n    3 | aliases: [../../etc/x]\n    help: an alias is an old address of this page on this site, written like /old-page/ or /news/2019/report.html"),
        .init("alias to another host", "content/report.md", page("aliases: [//evil.example/x]"),
              "content/report.md:3: error: the alias '//evil.example/x' points to another website"),
        .init("alias that is a web address", "content/report.md", page("aliases: [\"https://evil.example/\"]"),
              "content/report.md:3: error: the alias 'https://evil.example/' points to another website"),
        .init("alias that is a script", "content/report.md", page("aliases: [\"javascript:alert(1)\"]"),
              "content/report.md:3: error: the alias 'javascript:alert(1)' is a 'javascript:' link, not an address on this site"),
        .init("alias with a backslash", "content/report.md", page("aliases: ['old\\page']"),
              "content/report.md:3: error: the alias 'old\\page' contains a backslash; use '/' between folders"),
        .init("alias with NUL", "content/report.md", page("aliases: [\"old\\0page\"]"),
              "content/report.md:3: error: the alias 'old\u{FFFD}page' contains an invisible control character"),
        .init("alias with a query", "content/report.md", page("aliases: [\"/old?q=1\"]"),
              "content/report.md:3: error: the alias '/old?q=1' contains '?' or '#'; an alias is a page's address without a query or a #section"),
        .init("bad alias in a list over several lines", "content/report.md", page("aliases:\n  - /fine/\n  - /also-fine/\n  - //evil.example/"),
              "content/report.md:6: error: the alias '//evil.example/' points to another website"),
        .init("slug over 255 bytes", "content/report.md", page("slug: \(long)"),
              "content/report.md:3: error: this 'slug' cannot be published: the name '\(longShown)' is 300 bytes long, more than the 255 a file or folder name may have"),
        .init("slug that is a Windows device name", "content/report.md", page("slug: CON"),
              "content/report.md:3: error: this 'slug' cannot be published: 'CON' is a name Windows keeps for a device (CON, PRN, AUX, NUL, COM1 to COM9 and LPT1 to LPT9), so the site could not be copied to Windows"),
        .init("slug that is a device name with an extension", "content/report.md", page("slug: aux.html"),
              "content/report.md:3: error: this 'slug' cannot be published: 'aux.html' is a name Windows keeps for a device"),
        .init("tag 300 bytes long", "content/report.md", page("date: 2024-01-01\ntags: [\(long)]"),
              "content/report.md:4: error: the tag '\(longShown)' cannot be published: the name '\(longShown)' is 300 bytes long"),
        .init("empty tag", "content/report.md", page("tags: [fraud, \"  \"]"),
              "content/report.md:3: error: a tag in this list is empty, so it cannot have a page\n    3 | tags: [fraud, \"  \"]\n    help: remove the empty tag from the list"),
        .init("page file with a reserved name", "content/con.md", "---\ntitle: Con\n---\nText\n",
              "content/con.md:1: error: this page's address /con/ cannot be published: 'con' is a name Windows keeps for a device"),
        .init("folder with a reserved name", "content/lpt1/report.md", page("slug: fine"),
              "content/lpt1/report.md:1: error: this page's address /lpt1/fine/ cannot be published: 'lpt1' is a name Windows keeps for a device"),
        .init("static file with a reserved name", "content/files/nul.pdf", "%PDF",
              "content/files/nul.pdf: error: this file's address /files/nul.pdf cannot be published: 'nul.pdf' is a name Windows keeps for a device"),
        .init("static file with a character Windows refuses", "content/files/a|b.pdf", "%PDF",
              "content/files/a|b.pdf: error: this file's address /files/a|b.pdf cannot be published: 'a|b.pdf' contains '|', which Windows does not allow in file names"),
        .init("page where a tag page goes", "content/tags/fraud.md", "---\ntitle: Fraud\ntags: [fraud]\n---\nText\n",
              "content/tags/fraud.md:3: error: the tag 'fraud' would be written to tags/fraud/index.html, where content/tags/fraud.md:1 already puts something"),
        .init("file where a page needs a folder", "content/report", "not a folder",
              "content/report: error: this file's address /report would be written as a file named report, but content/report.md:1 needs a folder of that name"),
    ]

    @Test(arguments: cases)
    func badNameIsReportedAndNothingIsWritten(_ mistake: BadInputTests.Case) throws {
        let temp = try TempDir()
        defer { temp.cleanUp() }
        let outside = (temp.path as NSString).deletingLastPathComponent
        let outsideBefore = try FileManager.default.contentsOfDirectory(atPath: outside).filter { !$0.hasPrefix("waymark-test-") }
        let printed = try expectRejected(mistake, goodSite: BadInputTests.goodSite, in: temp)
        #expect(!printed.contains("staging"), "the message names the staging folder:\n\(printed)")
        // The `..` alias aimed two folders above the staging folder, at <tmp>/etc/x.
        #expect(!FileManager.default.fileExists(atPath: outside + "/etc/x"))
        let outsideAfter = try FileManager.default.contentsOfDirectory(atPath: outside).filter { !$0.hasPrefix("waymark-test-") }
        #expect(Set(outsideAfter).subtracting(outsideBefore).filter { $0 == "etc" || $0.hasPrefix("output") }.isEmpty)
    }

    @Test func redirectPointsAtTheSitesOwnPage() throws {
        let temp = try TempDir()
        defer { temp.cleanUp() }
        try temp.write(BadInputTests.goodSite.merging(["content/report.md": OutputConfinementTests.page("aliases: [/old/reporting/]")]) { _, new in new })
        let result = try runWaymark(["build"] + OutputConfinementTests.theme, in: temp.path)
        #expect(result.status == 0, "\(result.stderr)")
        let redirect = text(readTree(temp.path + "/output"), "old/reporting/index.html")
        #expect(redirect.contains("<meta http-equiv=\"refresh\" content=\"0; url=../../report/\">"), "\(redirect)")
        #expect(redirect.contains("<a href=\"../../report/\">https://example.org/report/</a>"), "\(redirect)")
        #expect(redirect.contains("<link rel=\"canonical\" href=\"https://example.org/report/\">"), "\(redirect)")
    }
}

/// A build killed half-way leaves folders beside output/; the next build tidies them up,
/// leaves a running build's alone, and never loses the only copy of the site.
@Suite struct StaleStagingTests {
    /// A pid no process can have: Linux pids stay below 4,194,304 (`PID_MAX_LIMIT`).
    static let deadPid = "4999999"

    static func goodSite() throws -> TempDir {
        let temp = try TempDir()
        try temp.write(BadInputTests.goodSite)
        return temp
    }

    @Test func leftoversOfDeadBuildsAreRemoved() throws {
        let temp = try StaleStagingTests.goodSite()
        defer { temp.cleanUp() }
        #expect(try runWaymark(["build", "--quiet"] + OutputConfinementTests.theme, in: temp.path).status == 0)
        try temp.write(["output.staging-\(StaleStagingTests.deadPid)/index.html": "half", "output.old-\(StaleStagingTests.deadPid)/index.html": "old",
                        "output.staging-12x/keep.txt": "not a pid", "other.staging-\(StaleStagingTests.deadPid)/keep.txt": "another folder's"])
        let result = try runWaymark(["build", "--quiet"] + OutputConfinementTests.theme, in: temp.path)
        #expect(result.status == 0, "\(result.stderr)")
        let entries = Set(try FileManager.default.contentsOfDirectory(atPath: temp.path))
        #expect(entries == ["content", "output", "output.staging-12x", "other.staging-\(StaleStagingTests.deadPid)"])
        #expect(text(readTree(temp.path + "/output"), "index.html").contains("the report page"))
    }

    @Test func oldSiteIsRestoredWhenOutputIsMissing() throws {
        let temp = try StaleStagingTests.goodSite()
        defer { temp.cleanUp() }
        #expect(try runWaymark(["build", "--quiet"] + OutputConfinementTests.theme, in: temp.path).status == 0)
        let site = readTree(temp.path + "/output")
        // As if a build died inside publishing, between moving output/ aside and moving staging in.
        try FileManager.default.moveItem(atPath: temp.path + "/output", toPath: temp.path + "/output.old-\(StaleStagingTests.deadPid)")
        try temp.write(["output.staging-\(StaleStagingTests.deadPid)/index.html": "half"])
        // A build that fails still puts the old site back.
        try temp.write(["content/report.md": "---\ntitle: Report\ntitel: x\n---\n"])
        let result = try runWaymark(["build"] + OutputConfinementTests.theme, in: temp.path)
        #expect(result.status == 1)
        #expect(readTree(temp.path + "/output") == site)
        #expect(try FileManager.default.contentsOfDirectory(atPath: temp.path).sorted() == ["content", "output"])
    }

    @Test func aRunningBuildsFoldersAreLeftAlone() throws {
        let temp = try StaleStagingTests.goodSite()
        defer { temp.cleanUp() }
        // This test process is running, and is not the build's own process.
        let live = "output.staging-\(ProcessInfo.processInfo.processIdentifier)"
        try temp.write([live + "/index.html": "another build at work"])
        let result = try runWaymark(["build", "--quiet"] + OutputConfinementTests.theme, in: temp.path)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(FileManager.default.contents(atPath: temp.path + "/" + live + "/index.html") == Data("another build at work".utf8))
    }

    @Test func rebuildingReplacesTheSiteAndLeavesNothingBeside() throws {
        let temp = try StaleStagingTests.goodSite()
        defer { temp.cleanUp() }
        #expect(try runWaymark(["build", "--quiet"] + OutputConfinementTests.theme, in: temp.path).status == 0)
        try temp.write(["content/report.md": "---\ntitle: Report again\n---\nCall 999.\n"])
        #expect(try runWaymark(["build", "--quiet"] + OutputConfinementTests.theme, in: temp.path).status == 0)
        #expect(text(readTree(temp.path + "/output"), "report/index.html").contains("Report again"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: temp.path).sorted() == ["content", "output"])
    }
}

/// Markdown nested absurdly deep is an error at its line, not a crash, and quick.
@Suite struct DeepNestingTests {
    struct Case: CustomTestStringConvertible, Sendable {
        var name: String
        var body: String
        /// Nil when cmark does not read it as nested, so the page builds.
        var errorLine: Int?
        var testDescription: String { name }
    }

    static let cases: [Case] = [
        Case(name: "100,000 '>' on one line", body: "Intro.\n\n" + String(repeating: ">", count: 100_000) + " deep\n", errorLine: 6),
        Case(name: "a list nested 100,000 levels", body: "Intro.\n\n" + String(repeating: "- ", count: 100_000) + "deep\n", errorLine: 6),
        Case(name: "50,000 '*' around a word", body: "Intro.\n\nFine.\n\n" + String(repeating: "*", count: 50_000) + "a" + String(repeating: "*", count: 50_000) + "\n", errorLine: 8),
        Case(name: "50,000 nested emphases", body: "Intro.\n\n" + String(repeating: "*a ", count: 50_000) + "b" + String(repeating: "* c", count: 50_000) + "\n", errorLine: 6),
        Case(name: "20,000 nested images", body: "Intro.\n\n" + String(repeating: "![", count: 20_000) + "a" + String(repeating: "](u)", count: 20_000) + "\n", errorLine: 6),
        Case(name: "50,000 '['", body: "Intro.\n\n" + String(repeating: "[", count: 50_000) + "a\n", errorLine: nil),
        Case(name: "32 block quotes, the most allowed", body: "Intro.\n\n" + String(repeating: ">", count: 32) + " deep\n", errorLine: nil),
        Case(name: "33 block quotes", body: "Intro.\n\n" + String(repeating: ">", count: 33) + " deep\n", errorLine: 6),
    ]

    @Test(arguments: cases)
    func deepNesting(_ input: Case) throws {
        let temp = try TempDir()
        defer { temp.cleanUp() }
        try temp.write(BadInputTests.goodSite)
        #expect(try runWaymark(["build", "--quiet"] + OutputConfinementTests.theme, in: temp.path).status == 0)
        let before = readTree(temp.path + "/output")
        try temp.write(["content/report.md": "---\ntitle: Report\n---\n" + input.body])
        let started = Date()
        let result = try runWaymark(["build"] + OutputConfinementTests.theme, in: temp.path)
        #expect(Date().timeIntervalSince(started) < 20)
        if let line = input.errorLine {
            #expect(result.status == 1, "\(result.stderr.prefix(2000))")
            #expect(result.stderr.contains("content/report.md:\(line): error: this text is nested more than 32 levels deep (block quotes, lists, emphasis or links inside each other)"),
                    "stderr was:\n\(result.stderr.prefix(2000))")
            #expect(readTree(temp.path + "/output") == before)
        } else {
            #expect(result.status == 0, "\(result.stderr.prefix(2000))")
        }
    }
}

/// The writer's own checks, for a path that got past the plan: refused, and never followed
/// through a link planted in the staging folder.
@Suite struct OutputWriterSafetyTests {
    @Test func refusesPathsThatFailTheRules() throws {
        let temp = try TempDir()
        defer { temp.cleanUp() }
        let writer = OutputWriter(outputDirectory: temp.path + "/out")
        try writer.prepare()
        defer { writer.discard() }
        for path in ["../escaped.html", "/abs.html", "a//b.html", "con/index.html", "a\\b.html"] {
            #expect(throws: OutputWriter.UnsafePathError.self) { try writer.write(RenderedFile(path: path, text: "x")) }
            #expect(throws: OutputWriter.UnsafePathError.self) { try writer.makeDirectories(for: [path + "/index.html"]) }
            #expect(throws: OutputWriter.UnsafePathError.self) { try writer.rename("fine", to: path) }
        }
        #expect(!FileManager.default.fileExists(atPath: temp.path + "/escaped.html"))
        do {
            try writer.write(RenderedFile(path: "../x", text: "x"))
        } catch {
            #expect(error.localizedDescription == "Waymark refused to write '../x': it has '..' as a folder name, which would point outside its folder")
        }
    }

    @Test func doesNotFollowLinksInStaging() throws {
        let temp = try TempDir()
        defer { temp.cleanUp() }
        let writer = OutputWriter(outputDirectory: temp.path + "/out")
        try writer.prepare()
        defer { writer.discard() }
        try FileManager.default.createDirectory(atPath: temp.path + "/elsewhere", withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: writer.stagingDirectory + "/link.html", withDestinationPath: temp.path + "/target.html")
        try FileManager.default.createSymbolicLink(atPath: writer.stagingDirectory + "/folder", withDestinationPath: temp.path + "/elsewhere")
        #expect(throws: OutputWriter.WriteError.self) { try writer.write(RenderedFile(path: "link.html", text: "x")) }
        #expect(throws: OutputWriter.WriteError.self) { try writer.makeDirectories(for: ["folder/a/index.html"]) }
        #expect(!FileManager.default.fileExists(atPath: temp.path + "/target.html"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: temp.path + "/elsewhere").isEmpty)
        // Written twice is refused too, rather than one silently replacing the other.
        try writer.write(RenderedFile(path: "once.html", text: "a"))
        #expect(throws: OutputWriter.WriteError.self) { try writer.write(RenderedFile(path: "once.html", text: "b")) }
    }
}
