import Foundation
import Testing
import WaymarkCore
import WaymarkSite
import WaymarkTheme

/// The default theme compiled into the binary: that it is the repository's `theme/` exactly,
/// that sites without a theme folder build with it, that a theme folder overrides it file by
/// file (UI strings key by key), that messages name the real file, and `waymark theme export`.
@Suite struct EmbeddedThemeTests {
    /// A two-language site with a page, and no theme folder.
    static let site: [String: String] = [
        "content/site.yaml": """
        title: Test Partnership
        base_url: https://example.org/
        default_language: en
        languages:
          - {code: en, name: English, direction: ltr}
          - {code: pl, name: Polski, direction: ltr}
        """,
        "content/index.md": "---\ntitle: Home\n---\nWelcome.\n",
        "content/about.md": "---\ntitle: About us\n---\nWho we are.\n",
    ]

    /// The theme's files as the build lists them (hidden names skipped), path → bytes.
    static func themeFolderFiles() -> [String: [UInt8]] {
        var files: [String: [UInt8]] = [:]
        let reader = SourceReader(root: Repo.root + "/theme", displayRoot: "theme")
        for part in ["assets", "i18n", "templates"] {
            for path in FileTree.list(root: reader.root, folder: part).files {
                files[path] = (try? reader.bytes(path).get()) ?? []
            }
        }
        return files
    }

    // MARK: - The embedded copy

    @Test func theEmbeddedCopyIsTheThemeFolderByteForByte() {
        let folder = EmbeddedThemeTests.themeFolderFiles()
        let embedded = Dictionary(uniqueKeysWithValues: EmbeddedTheme.files.map { ($0.path, $0.bytes) })
        let advice = "theme/ and the built-in copy differ: run scripts/embed-theme and commit Sources/WaymarkTheme/EmbeddedTheme.swift"
        #expect(Set(embedded.keys).subtracting(folder.keys).sorted() == [], "\(advice) (files no longer in theme/)")
        #expect(Set(folder.keys).subtracting(embedded.keys).sorted() == [], "\(advice) (new files in theme/)")
        let changed = folder.keys.filter { embedded[$0] != nil && embedded[$0] != folder[$0] }.sorted()
        #expect(changed == [], "\(advice) (changed files)")
        #expect(folder.count > 30 && folder["templates/page.mustache"] != nil && folder["i18n/ar.yaml"] != nil)
    }

    @Test func theEmbeddedFilesAreSortedAndFindable() {
        let paths = EmbeddedTheme.files.map(\.path)
        #expect(paths == paths.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) })
        #expect(EmbeddedTheme.file("templates/partials/help.mustache")?.path == "templates/partials/help.mustache")
        #expect(EmbeddedTheme.file("templates/nope.mustache") == nil)
        #expect(ThemeExport.paths == paths)
    }

    // MARK: - Which theme is used

    @Test func theExampleSiteBuildsByteIdenticallyWithTheBuiltInTheme() throws {
        let temp = try TempDir()
        defer { temp.cleanUp() }
        try FileManager.default.copyItem(atPath: Repo.root + "/content", toPath: temp.path + "/content")
        let builtIn = try runWaymark(["build", "--quiet", "--output", "built-in"], in: temp.path)
        #expect(builtIn.status == 0, "\(builtIn.stderr)")
        let folder = try runWaymark(["build", "--quiet", "--theme", Repo.root + "/theme", "--output", "folder"], in: temp.path)
        #expect(folder.status == 0, "\(folder.stderr)")
        let withBuiltIn = readTree(temp.path + "/built-in")
        let withFolder = readTree(temp.path + "/folder")
        #expect(withBuiltIn.count > 100)
        #expect(withBuiltIn.keys.sorted() == withFolder.keys.sorted())
        #expect(withBuiltIn.keys.filter { withBuiltIn[$0] != withFolder[$0] }.sorted() == [])
        #expect(builtIn.stderr == folder.stderr)
    }

    @Test func aFolderWithOnlyContentBuildsWithTheBuiltInTheme() throws {
        let temp = try TempDir()
        defer { temp.cleanUp() }
        try temp.write(EmbeddedThemeTests.site)
        let result = try runWaymark(["build"], in: temp.path)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr == "")
        let tree = readTree(temp.path + "/output")
        let stylesheet = try #require(tree.keys.first { $0.hasPrefix("assets/css/site.") && $0.hasSuffix(".css") })
        #expect(tree[stylesheet] == Data(EmbeddedTheme.file("assets/css/site.css")!.bytes))
        #expect(text(tree, "about/index.html").contains("<h1>About us</h1>"))
        #expect(text(tree, "about/index.html").contains(##"<a class="skip-link" href="#main-content">Skip to main content</a>"##))
        #expect(tree["search/index.html"] != nil && tree["pl/a-z/index.html"] != nil)
    }

    @Test func aThemeFolderReplacesSingleFilesAndUIStringsKeyByKey() throws {
        let temp = try TempDir()
        defer { temp.cleanUp() }
        try temp.write(EmbeddedThemeTests.site.merging([
            // One partial, one new asset, and one English and one Polish text.
            "theme/templates/partials/page-meta.mustache": "<p class=\"own-meta\">{{t.updated}}</p>\n",
            "theme/assets/img/logo.svg": "<svg xmlns=\"http://www.w3.org/2000/svg\"/>\n",
            "theme/i18n/en.yaml": "skip_to_content: Jump to the content\n",
            "theme/i18n/pl.yaml": "skip_to_content: Przejdź do treści strony\n",
        ]) { $1 })
        let result = try runWaymark(["build", "--quiet"], in: temp.path)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr == "", "no text should be missing: the other keys come from the built-in files")
        let tree = readTree(temp.path + "/output")
        let about = text(tree, "about/index.html")
        #expect(about.contains(##"<a class="skip-link" href="#main-content">Jump to the content</a>"##))
        #expect(about.contains(#"<p class="own-meta">Last updated</p>"#), "the built-in page template uses the site's partial")
        #expect(about.contains("<h1>About us</h1>"), "the rest of the page is the built-in template's")
        #expect(text(tree, "pl/a-z/index.html").contains("Przejdź do treści strony"))
        #expect(text(tree, "pl/a-z/index.html").contains(">Szukaj<"), "Polish texts the site did not change stay the built-in ones")
        #expect(tree.keys.contains { $0.hasPrefix("assets/img/logo.") })
        #expect(tree.keys.contains { $0.hasPrefix("assets/js/waymark.") }, "built-in assets are still published")
    }

    @Test func themeInSiteYAMLIsUsedAndTheOptionWinsOverIt() throws {
        let temp = try TempDir()
        defer { temp.cleanUp() }
        var site = EmbeddedThemeTests.site
        site["content/site.yaml"]! += "\ntheme: themes/ours\n"
        site["themes/ours/i18n/en.yaml"] = "skip_to_content: From the setting\n"
        site["themes/other/i18n/en.yaml"] = "skip_to_content: From the option\n"
        site["theme/i18n/en.yaml"] = "skip_to_content: From the conventional folder\n"
        try temp.write(site)
        #expect(try runWaymark(["build", "--quiet"], in: temp.path).status == 0)
        #expect(text(readTree(temp.path + "/output"), "index.html").contains(">From the setting<"))
        #expect(try runWaymark(["build", "--quiet", "--theme", "themes/other/"], in: temp.path).status == 0)
        #expect(text(readTree(temp.path + "/output"), "index.html").contains(">From the option<"))
    }

    @Test func theConventionalThemeFolderIsUsedWhenItExists() throws {
        let temp = try TempDir()
        defer { temp.cleanUp() }
        try temp.write(EmbeddedThemeTests.site.merging(["theme/i18n/en.yaml": "skip_to_content: From theme/\n"]) { $1 })
        #expect(try runWaymark(["build", "--quiet"], in: temp.path).status == 0)
        #expect(text(readTree(temp.path + "/output"), "index.html").contains(">From theme/<"))
    }

    @Test func aThemeFolderThatDoesNotExistIsAnErrorNamingIt() throws {
        let temp = try TempDir()
        defer { temp.cleanUp() }
        try temp.write(EmbeddedThemeTests.site)
        let option = try runWaymark(["build", "--theme", "my-theme"], in: temp.path)
        #expect(option.status == 1)
        #expect(option.stderr.hasPrefix("my-theme: error: the theme folder given with --theme does not exist\n"), "\(option.stderr)")
        #expect(!FileManager.default.fileExists(atPath: temp.path + "/output"))

        try temp.write(["content/site.yaml": EmbeddedThemeTests.site["content/site.yaml"]! + "\ntheme: themes/missing\n", "afile": "x"])
        let setting = try runWaymark(["build"], in: temp.path)
        #expect(setting.status == 1)
        #expect(setting.stderr.hasPrefix("content/site.yaml:7: error: the theme folder 'themes/missing' does not exist\n"), "\(setting.stderr)")
        #expect(setting.stderr.contains("relative to the folder you run waymark in"))

        let file = try runWaymark(["build", "--theme", "afile"], in: temp.path)
        #expect(file.stderr.hasPrefix("afile: error: the theme folder given with --theme is a file, not a folder\n"), "\(file.stderr)")
    }

    // MARK: - Messages name the file read

    @Test func aTemplateThatIncludesItselfWithoutEndFailsTheBuildAndKeepsTheSite() throws {
        let temp = try TempDir()
        defer { temp.cleanUp() }
        try temp.write(EmbeddedThemeTests.site)
        #expect(try runWaymark(["build"], in: temp.path).status == 0)
        let published = try String(contentsOfFile: temp.path + "/output/index.html", encoding: .utf8)
        try temp.write(["theme/templates/partials/tags.mustache": "<p>{{#page}}{{> partials/tags}}{{/page}}</p>\n"])
        let endless = try runWaymark(["build"], in: temp.path)
        #expect(endless.status == 1)
        #expect(endless.stderr.contains("theme/templates/partials/tags.mustache: error: this template never finishes: it includes 'partials/tags' inside itself over and over"), "\(endless.stderr)")
        #expect(try String(contentsOfFile: temp.path + "/output/index.html", encoding: .utf8) == published)
    }

    @Test func messagesNameTheThemeFolderFileOrTheBuiltInOne() throws {
        let temp = try TempDir()
        defer { temp.cleanUp() }
        try temp.write(EmbeddedThemeTests.site.merging(["theme/templates/page.mustache": "<p>\n{{#page}}\n"]) { $1 })
        let broken = try runWaymark(["build"], in: temp.path)
        #expect(broken.status == 1)
        #expect(broken.stderr.hasPrefix("theme/templates/page.mustache:2: error: this template has a Mustache syntax error: {{#page}} is opened here but never closed"), "\(broken.stderr)")
        #expect(broken.stderr.contains("add {{/page}} where the section ends"), "\(broken.stderr)")

        // A language the built-in theme has no text for, and no theme folder.
        try FileManager.default.removeItem(atPath: temp.path + "/theme")
        let welsh = EmbeddedThemeTests.site["content/site.yaml"]! + "\n  - {code: cy, name: Cymraeg, direction: ltr}\n"
        try temp.write(["content/site.yaml": welsh])
        let builtIn = try runWaymark(["build", "--quiet"], in: temp.path)
        #expect(builtIn.status == 0)
        // Named where the text is to be added: theme/, which the next build then uses.
        #expect(builtIn.stderr == """
        theme/i18n/cy.yaml: warning: the theme has no interface text in 'cy', so English is used
            help: create this file with the interface text translated from English; 'waymark theme export copy i18n/en.yaml' writes the built-in English text to copy/i18n/en.yaml to start from

        """)

        // With a theme folder the text is to be added there, and only the missing keys are named.
        try temp.write(["theme/i18n/cy.yaml": "skip_to_content: Neidio i'r prif gynnwys\n", "theme/i18n/en.yaml": "own_key: Our own text\n"])
        let partial = try runWaymark(["build", "--quiet"], in: temp.path)
        #expect(partial.status == 0)
        let lines = partial.stderr.split(separator: "\n").filter { !$0.hasPrefix(" ") }
        #expect(lines.contains("theme/i18n/cy.yaml: warning: interface text 'own_key' is not translated into 'cy', so the English text is used"))
        #expect(lines.contains("theme/i18n/pl.yaml: warning: interface text 'own_key' is not translated into 'pl', so the English text is used"))
        #expect(lines.contains("theme/i18n/cy.yaml: warning: interface text 'search_title' is not translated into 'cy', so the English text is used"))
        #expect(!lines.contains { $0.contains("'skip_to_content'") })
    }

    @Test func aProblemWithABuiltInFileNamesIt() throws {
        let temp = try TempDir()
        defer { temp.cleanUp() }
        try temp.write(EmbeddedThemeTests.site)
        #expect(try runWaymark(["build", "--quiet"], in: temp.path).status == 0)
        let stylesheet = try #require(readTree(temp.path + "/output").keys.first { $0.hasPrefix("assets/css/site.") })
        // A file in the content folder where the built-in stylesheet is published.
        try temp.write(["content/" + stylesheet: "body {}\n"])
        let clash = try runWaymark(["build"], in: temp.path)
        #expect(clash.status == 1)
        #expect(clash.stderr.hasPrefix("(built-in theme)/assets/css/site.css: error: this theme file's address /\(stylesheet) would be written to \(stylesheet), where content/\(stylesheet) already puts something\n"),
                "\(clash.stderr)")
    }

    @Test func aUIStringsSyntaxErrorNamesTheThemeFolderFile() throws {
        let temp = try TempDir()
        defer { temp.cleanUp() }
        try temp.write(EmbeddedThemeTests.site.merging(["theme/i18n/pl.yaml": "skip_to_content: [unclosed\n"]) { $1 })
        let result = try runWaymark(["build"], in: temp.path)
        #expect(result.status == 1)
        #expect(result.stderr.hasPrefix("theme/i18n/pl.yaml:"), "\(result.stderr)")
    }

    // MARK: - The preview

    @Test func thePreviewWatchesTheThemeFolderInUseOrTheConventionalOne() throws {
        let temp = try TempDir()
        defer { temp.cleanUp() }
        try temp.write(EmbeddedThemeTests.site)
        let source = temp.path + "/content"
        #expect(ThemeLocation.watchedFolder(BuildOptions(sourceDirectory: source)) == "theme")
        #expect(ThemeLocation.watchedFolder(BuildOptions(sourceDirectory: source, themeDirectory: "mine")) == "mine")
        try temp.write(["content/site.yaml": EmbeddedThemeTests.site["content/site.yaml"]! + "\ntheme: themes/ours\n"])
        #expect(ThemeLocation.watchedFolder(BuildOptions(sourceDirectory: source)) == "themes/ours")
    }

    // MARK: - waymark theme export

    @Test func exportWritesTheWholeThemeAsItIsInTheRepository() throws {
        let temp = try TempDir()
        defer { temp.cleanUp() }
        let result = try runWaymark(["theme", "export", "copy"], in: temp.path)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout == "Wrote \(EmbeddedTheme.files.count) files of the built-in theme to copy/.\n")
        let reader = SourceReader(root: temp.path + "/copy", displayRoot: "copy")
        let exported = Dictionary(uniqueKeysWithValues: readTree(temp.path + "/copy").keys.map { ($0, (try? reader.bytes($0).get()) ?? []) })
        #expect(exported == EmbeddedThemeTests.themeFolderFiles())
    }

    @Test func exportWritesOnlyTheFilesNamed() throws {
        let temp = try TempDir()
        defer { temp.cleanUp() }
        let result = try runWaymark(["theme", "export", "theme", "templates/partials/help.mustache", "i18n/pl.yaml"], in: temp.path)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(readTree(temp.path + "/theme").keys.sorted() == ["i18n/pl.yaml", "templates/partials/help.mustache"])
    }

    @Test func exportRefusesToOverwriteAndWritesNothing() throws {
        let temp = try TempDir()
        defer { temp.cleanUp() }
        try temp.write(["theme/templates/page.mustache": "mine\n", "theme/i18n/en.yaml": "skip_to_content: Mine\n"])
        let result = try runWaymark(["theme", "export", "theme/"], in: temp.path)
        #expect(result.status == 1)
        #expect(result.stdout == "")
        let errors = result.stderr.split(separator: "\n").filter { !$0.hasPrefix(" ") }
        #expect(errors == [
            "theme/i18n/en.yaml: error: this file already exists, and waymark theme export does not overwrite files",
            "theme/templates/page.mustache: error: this file already exists, and waymark theme export does not overwrite files",
        ])
        #expect(readTree(temp.path + "/theme").keys.sorted() == ["i18n/en.yaml", "templates/page.mustache"])
        #expect(text(readTree(temp.path + "/theme"), "templates/page.mustache") == "mine\n")
    }

    @Test func exportNamesAFileTheThemeDoesNotHave() throws {
        let temp = try TempDir()
        defer { temp.cleanUp() }
        let result = try runWaymark(["theme", "export", "theme", "page.mustache"], in: temp.path)
        #expect(result.status == 1)
        #expect(result.stderr == """
        page.mustache: error: this is not a file of the built-in theme
            help: nothing was written; did you mean templates/page.mustache? waymark theme list shows them all

        """)
        #expect(!FileManager.default.fileExists(atPath: temp.path + "/theme"))
    }

    @Test func listNamesEveryFile() throws {
        let result = try runWaymark(["theme", "list"], in: FileManager.default.temporaryDirectory.path)
        #expect(result.status == 0)
        #expect(result.stdout == EmbeddedTheme.files.map { $0.path + "\n" }.joined())
    }
}
