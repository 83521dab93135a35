import Foundation
import Testing
@testable import WaymarkSite

/// The preview's files after any sequence of edits are exactly the files a clean `waymark build`
/// of the same sources writes, and text edits re-render only the pages edited.
@Suite struct PreviewBuilderTests {
    /// A copy of the example site and the default theme to edit.
    struct Sandbox {
        let temp: TempDir
        var content: String { temp.path + "/content" }
        var theme: String { temp.path + "/theme" }
        var options: BuildOptions { BuildOptions(sourceDirectory: content, themeDirectory: theme, outputDirectory: temp.path + "/unused") }

        init() throws {
            temp = try TempDir()
            for folder in ["content", "theme"] {
                try FileManager.default.copyItem(atPath: Repo.root + "/" + folder, toPath: temp.path + "/" + folder)
            }
        }

        func edit(_ path: String, _ change: (String) -> String) throws {
            let file = temp.path + "/" + path
            let text = try String(contentsOfFile: file, encoding: .utf8)
            let changed = change(text)
            #expect(changed != text, "the edit to \(path) changed nothing")
            try changed.write(toFile: file, atomically: true, encoding: .utf8)
        }

        /// What a clean build of the sources as they are now writes.
        func cleanBuild() throws -> (files: [String: Data], warnings: [String]) {
            let output = temp.path + "/clean-\(UUID().uuidString)"
            defer { try? FileManager.default.removeItem(atPath: output) }
            var options = self.options
            options.outputDirectory = output
            let report = try SiteBuilder(options: options).build().get()
            return (readTree(output), report.warnings.map(\.headline))
        }
    }

    /// Checks `outcome` against a clean build, naming the first file that differs. Pages come
    /// first: before ``PreviewBuilder/finishSearch()`` only the search index may differ; after
    /// it, nothing.
    func expectSameAsCleanBuild(_ outcome: PreviewBuilder.Outcome, _ sandbox: Sandbox, _ step: String, preview: inout PreviewBuilder) throws {
        if preview.hasPendingSearch {
            try expectSameAsCleanBuild(outcome, sandbox, step + " (pages)", exceptSearch: true)
            try expectSameAsCleanBuild(preview.finishSearch(), sandbox, step + " (with its search index)")
            #expect(!preview.hasPendingSearch)
        } else {
            try expectSameAsCleanBuild(outcome, sandbox, step)
        }
    }

    func expectSameAsCleanBuild(_ outcome: PreviewBuilder.Outcome, _ sandbox: Sandbox, _ step: String, exceptSearch: Bool = false) throws {
        guard !outcome.failed else {
            Issue.record("\(step): the preview build failed: \(outcome.diagnostics.map(\.headline))")
            return
        }
        let clean = try sandbox.cleanBuild()
        let different = (Set(clean.files.keys).symmetricDifference(outcome.files.keys).sorted()
            + clean.files.keys.filter { outcome.files[$0] != nil && outcome.files[$0] != clean.files[$0] }.sorted())
            .filter { !exceptSearch || !$0.hasPrefix("search-index/") }
        #expect(different.isEmpty, "\(step): files differ from a clean build: \(different.prefix(5))")
        #expect(outcome.diagnostics.filter { $0.severity == .warning }.map(\.headline) == clean.warnings, "\(step): warnings differ")
    }

    @Test func editsGiveTheFilesOfACleanBuild() throws {
        let sandbox = try Sandbox()
        defer { sandbox.temp.cleanUp() }
        var preview = PreviewBuilder(options: sandbox.options)
        let first = preview.build()
        try expectSameAsCleanBuild(first, sandbox, "first build", preview: &preview)

        try sandbox.edit("content/spot-the-signs.md") { $0.replacingOccurrences(of: "## ", with: "## Checked: ", options: [], range: nil) }
        var outcome = preview.update(contentPaths: ["spot-the-signs.md"])
        #expect(outcome.pagesRendered == 1)
        try expectSameAsCleanBuild(outcome, sandbox, "a page's text", preview: &preview)

        try sandbox.edit("content/pathways/index.md") { $0 + "\nA new closing paragraph about county lines and cuckooing.\n" }
        try sandbox.edit("content/report.pl.md") { $0 + "\nNowy akapit o pracy przymusowej.\n" }
        outcome = preview.update(contentPaths: ["pathways/index.md", "report.pl.md"])
        #expect(outcome.pagesRendered == 2)
        // A second save before the search index has caught up: both edits reach the index.
        try sandbox.edit("content/pathways/index.md") { $0 + "\nAnd a second paragraph about labour exploitation.\n" }
        outcome = preview.update(contentPaths: ["pathways/index.md"])
        #expect(outcome.pagesRendered == 1 && preview.hasPendingSearch)
        try expectSameAsCleanBuild(outcome, sandbox, "a section's and a translation's text", preview: &preview)

        try sandbox.edit("content/report.md") { $0.replacingOccurrences(of: "title: ", with: "title: Updated ") }
        outcome = preview.update(contentPaths: ["report.md"])
        #expect(outcome.pagesRendered == nil, "a title is in menus and lists: the whole site is built")
        try expectSameAsCleanBuild(outcome, sandbox, "a page's title", preview: &preview)

        try "---\ntitle: A new page\n---\nSee [the signs](spot-the-signs.md).\n".write(toFile: sandbox.content + "/new-page.md", atomically: true, encoding: .utf8)
        try FileManager.default.removeItem(atPath: sandbox.content + "/news/2024-10-18-anti-slavery-day.md")
        outcome = preview.update(contentPaths: ["new-page.md", "news/2024-10-18-anti-slavery-day.md"])
        try expectSameAsCleanBuild(outcome, sandbox, "a page added and one deleted", preview: &preview)

        try sandbox.edit("theme/assets/css/site.css") { $0 + "\n.waymark-preview-test { color: #000; }\n" }
        outcome = preview.update(contentPaths: [], everything: true)
        #expect(outcome.stylesheets.count == 1 && outcome.stylesheets.keys.first != outcome.stylesheets.values.first)
        try expectSameAsCleanBuild(outcome, sandbox, "a stylesheet", preview: &preview)
    }

    @Test func aFailedUpdateKeepsTheLastGoodFilesAndTheFixBuilds() throws {
        let sandbox = try Sandbox()
        defer { sandbox.temp.cleanUp() }
        var preview = PreviewBuilder(options: sandbox.options)
        let good = preview.build()
        #expect(!good.failed)

        try sandbox.edit("content/spot-the-signs.md") { $0 + "\nCall {{contact helpine}}.\n" }
        let broken = preview.update(contentPaths: ["spot-the-signs.md"])
        #expect(broken.failed)
        #expect(broken.diagnostics.contains { $0.headline.contains("content/spot-the-signs.md:") && $0.summary.contains("'helpine'") }, "\(broken.diagnostics.map(\.headline))")
        #expect(broken.files == good.files)

        try sandbox.edit("content/spot-the-signs.md") { $0.replacingOccurrences(of: "\nCall {{contact helpine}}.\n", with: "\nCall {{contact helpline}}.\n") }
        let fixed = preview.update(contentPaths: ["spot-the-signs.md"])
        #expect(fixed.pagesRendered == 1)
        try expectSameAsCleanBuild(fixed, sandbox, "after the fix", preview: &preview)
    }

    @Test func removingAHeadingOthersLinkToWarnsAsACleanBuildDoes() throws {
        let sandbox = try Sandbox()
        defer { sandbox.temp.cleanUp() }
        try "---\ntitle: Linker\n---\nSee [the first part](linked.md#first-part).\n".write(toFile: sandbox.content + "/linker.md", atomically: true, encoding: .utf8)
        try "---\ntitle: Linked\n---\nIntro.\n\n## First part\n\nText.\n".write(toFile: sandbox.content + "/linked.md", atomically: true, encoding: .utf8)
        var preview = PreviewBuilder(options: sandbox.options)
        let first = preview.build()
        try expectSameAsCleanBuild(first, sandbox, "first build", preview: &preview)
        try sandbox.edit("content/linked.md") { $0.replacingOccurrences(of: "## First part", with: "## Opening part") }
        let outcome = preview.update(contentPaths: ["linked.md"])
        #expect(outcome.pagesRendered == 1)
        #expect(outcome.diagnostics.contains { $0.headline.contains("content/linker.md:4: warning: the link points to '#first-part'") })
        try expectSameAsCleanBuild(outcome, sandbox, "a heading removed", preview: &preview)
    }
}
