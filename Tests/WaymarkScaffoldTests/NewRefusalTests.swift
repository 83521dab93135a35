import Foundation
import Testing
import WaymarkScaffold

/// `waymark new` never overwrites anything, and says what is in the way.
@Suite struct NewRefusalTests {
    @Test("a folder that holds anything is refused, and left as it was")
    func nonEmptyFolder() throws {
        let temp = try NewTemp()
        defer { temp.cleanUp() }
        try temp.write("site/notes.txt", "mine")
        let run = try makeSite(in: temp)
        #expect(run.status == 1)
        #expect(run.stderr == """
            site: error: this folder is not empty, and a new site needs an empty folder
                help: give the name of a new folder, or an empty one; nothing was written

            """)
        #expect(temp.tree() == ["site/notes.txt": "mine"])
    }

    @Test("an empty folder is used")
    func emptyFolder() throws {
        let temp = try NewTemp()
        defer { temp.cleanUp() }
        try FileManager.default.createDirectory(atPath: temp.path + "/site", withIntermediateDirectories: false)
        #expect(try makeSite(in: temp).status == 0)
        #expect(temp.read("site/content/site.yaml") != nil)
    }

    @Test("a file where the site's folder would be is refused")
    func fileInTheWay() throws {
        let temp = try NewTemp()
        defer { temp.cleanUp() }
        try temp.write("site", "a file")
        let run = try makeSite(in: temp)
        #expect(run.status == 1)
        #expect(run.stderr.hasPrefix("site: error: this file already exists, and Waymark never overwrites a file\n"))
        #expect(temp.tree() == ["site": "a file"])
    }

    @Test("a page that exists is refused, for every kind of page and for translations", arguments: ["page", "pathway", "checklist", "flyer", "translation"])
    func existingPage(kind: String) throws {
        let temp = try NewTemp()
        defer { temp.cleanUp() }
        #expect(try makeSite(in: temp, ["--languages", "en,pl"]).status == 0)
        let before = temp.tree()
        let arguments = kind == "translation" ? ["new", "translation", "index.md", "--lang", "pl"] : ["new", kind, "spot-the-signs"]
        let run = try waymark(arguments, in: temp.path + "/site")
        #expect(run.status == 1)
        let target = kind == "translation" ? "content/index.pl.md" : "content/spot-the-signs.md"
        #expect(run.stderr == """
            \(target): error: this file already exists, and Waymark never overwrites a file
                help: choose another name, or move the file away first; nothing was written

            """)
        #expect(run.stdout.isEmpty)
        #expect(temp.tree() == before)
    }

    @Test("every target is checked before the first is written")
    func checksAllFirst() throws {
        let temp = try NewTemp()
        defer { temp.cleanUp() }
        try temp.write("b/taken.md", "mine")
        let plan = ScaffoldPlan(root: temp.path, files: [ScaffoldFile(path: "a/new.md", text: "x"), ScaffoldFile(path: "b/taken.md", text: "y")])
        #expect(throws: ScaffoldError.exists(temp.path + "/b/taken.md")) { try plan.write() }
        #expect(temp.tree() == ["b/taken.md": "mine"])
        #expect(!FileManager.default.fileExists(atPath: temp.path + "/a"), "no folder made either")
    }

    @Test("a broken symbolic link counts as something in the way")
    func brokenLink() throws {
        let temp = try NewTemp()
        defer { temp.cleanUp() }
        try FileManager.default.createSymbolicLink(atPath: temp.path + "/page.md", withDestinationPath: temp.path + "/nowhere")
        let plan = ScaffoldPlan(root: temp.path, files: [ScaffoldFile(path: "page.md", text: "x")])
        #expect(plan.existingTarget() == temp.path + "/page.md")
    }

    @Test("usage errors exit 2 and write nothing", arguments: [
        (["new", "site", "site", "--languages", "en,fr"], "'fr' is not one of the languages the default theme has words for"),
        (["new", "site", "site", "--languages", "pl"], "the starter pages are written in English, so the languages must include en"),
        (["new", "site", "site", "--languages", "en,pl,pl"], "'pl' is named twice"),
        (["new", "site", "site", "--base-url", "www.example.org"], "'www.example.org' is not a web address"),
        (["new", "site", "site", "--title", " "], "the title is empty"),
        (["new", "site"], "Missing expected argument '<folder>'"),
        (["new", "page", "../outside"], "should be a file's path inside the content folder"),
        (["new", "flyer", "_data/flyer"], "are never published"),
        (["new", "page", "index.pl.md"], "is a translation: make it with 'waymark new translation index.md --lang pl'"),
        (["new", "translation", "index.md"], "Missing expected argument '--lang <lang>'"),
        (["new", "poster", "x"], "unexpected arguments: 'poster', 'x'"),
    ])
    func usageErrors(arguments: [String], message: String) throws {
        let temp = try NewTemp()
        defer { temp.cleanUp() }
        #expect(try waymark(["new", "site", "existing", "--languages", "en,pl"], in: temp.path).status == 0)
        let before = temp.tree()
        let run = try waymark(arguments, in: temp.path + "/existing")
        #expect(run.status == 2, "\(run.stderr)")
        #expect(run.stderr.contains(message), "\(run.stderr)")
        #expect(temp.tree() == before)
    }

    @Test("a folder that is not a site is a content error (exit 1)")
    func notASite() throws {
        let temp = try NewTemp()
        defer { temp.cleanUp() }
        let run = try waymark(["new", "page", "about"], in: temp.path)
        #expect(run.status == 1)
        #expect(run.stderr.hasPrefix("content/site.yaml: error: the site settings file is missing\n"))
        #expect(run.stderr.hasSuffix("nothing was written; start a site with 'waymark new site DIR', or give its content folder with --source\n"))
        #expect(temp.tree().isEmpty)
    }
}
