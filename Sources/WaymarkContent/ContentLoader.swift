import Dispatch
import Foundation
import WaymarkCore

/// Everything found in the content folder, before rendering.
public struct LoadedContent: Sendable {
    public var pages: [Page]
    public var staticFiles: [StaticFile]
    /// Pages left out because they are drafts (kept to explain links to them).
    public var draftPaths: Set<String>
    /// Problems that did not stop the build: links and special files that were skipped.
    public var warnings: [Diagnostic]
}

/// Walks the content folder, reads every page's front matter, and decides every URL.
public struct ContentLoader: Sendable {
    public var contentDirectory: String
    /// How the content folder is named in messages (`content`).
    public var displayRoot: String
    public var config: SiteConfig
    public var includeDrafts: Bool
    /// Reads every page, so links and files that are not text are refused in one place.
    var reader: SourceReader { SourceReader(root: contentDirectory, displayRoot: displayRoot) }

    public init(contentDirectory: String, displayRoot: String, config: SiteConfig, includeDrafts: Bool) {
        self.contentDirectory = contentDirectory
        self.displayRoot = displayRoot
        self.config = config
        self.includeDrafts = includeDrafts
    }

    /// Files and folders that are never published.
    static func isIgnored(_ relativePath: String) -> Bool {
        relativePath == "site.yaml"
            || relativePath.split(separator: "/").contains { $0.hasPrefix(".") || $0.hasPrefix("_") }
    }

    /// Loads everything; fails with all problems found.
    public func load() -> Result<LoadedContent, BuildFailure> {
        var diagnostics = Diagnostics()
        let files = listFiles(diagnostics: &diagnostics)
        let markdown = files.filter { $0.hasSuffix(".md") }
        // Reading waits on the disk when the checkout is not in the file cache (a large site,
        // a runner's first build): more reads in flight than cores.
        let results = ConcurrentMap.map(markdown, width: ConcurrentMap.readingWidth) { loadPage($0) }
        var pages: [Page] = []
        var drafts: Set<String> = []
        for result in results {
            switch result {
            case .page(let page):
                if page.frontMatter.draft && !includeDrafts { drafts.insert(page.sourcePath) } else { pages.append(page) }
            case .failed(let problems):
                diagnostics.append(contentsOf: problems)
            }
        }
        pages += generatedHomes(for: pages)
        let staticFiles = files.filter { !$0.hasSuffix(".md") }.map { StaticFile(sourcePath: $0, url: URLPath("/" + $0)) }
        diagnostics.append(contentsOf: URLClashes.find(pages: pages, staticFiles: staticFiles))
        if diagnostics.hasErrors { return .failure(BuildFailure(diagnostics)) }
        return .success(LoadedContent(pages: pages, staticFiles: staticFiles, draftPaths: drafts, warnings: diagnostics.warnings))
    }

    /// Every language with pages gets a home page that lists them, written by Waymark when the
    /// content has no `index.<language>.md`.
    func generatedHomes(for pages: [Page]) -> [Page] {
        let withHome = Set(pages.filter { $0.kind == .home }.map(\.language.tag))
        let withPages = Set(pages.map(\.language.tag))
        return config.languages.filter { withPages.contains($0.tag) && !withHome.contains($0.tag) }.map { language in
            let isDefault = language.tag == config.defaultLanguage.tag
            let source = isDefault ? "index.md" : "index.\(language.tag.code).md"
            let matter = FrontMatter(
                title: language.title ?? config.title, summary: nil, date: nil, updated: nil, draft: false, weight: nil,
                layout: nil, slug: nil, aliases: [], tags: [], downloads: [], translationKey: nil, translatedFrom: nil,
                reviewedBy: nil, reviewedOn: nil, reviewBy: nil, owner: nil, locations: [:])
            return Page(sourcePath: source, displayPath: "\(displayRoot)/\(source) (made by Waymark)", language: language,
                        translationKey: "index", kind: .home, folder: "", url: config.urlPrefix(for: language),
                        frontMatter: matter, filePath: nil)
        }
    }

    /// The files to publish. What the walk skipped is reported, except warnings about names that
    /// are never published anyway (`_data/`, `site.yaml`): those are read by name, and the
    /// reader explains a link there itself.
    private func listFiles(diagnostics: inout Diagnostics) -> [String] {
        let listing = FileTree.list(root: contentDirectory)
        for finding in listing.findings where finding.severity == .error || !ContentLoader.isIgnored(finding.path) {
            diagnostics.append(finding.diagnostic(displayRoot: displayRoot))
        }
        return listing.files.filter { !ContentLoader.isIgnored($0) }
    }

    enum PageResult: Sendable {
        case page(Page)
        case failed([Diagnostic])
    }

    /// Reads one page again exactly as ``load()`` does (a draft comes back too: the caller
    /// decides), for the preview to tell whether an edit changed more than the page's text.
    public func reload(_ relativePath: String) -> Result<Page, BuildFailure> {
        switch loadPage(relativePath) {
        case .page(let page): return .success(page)
        case .failed(let problems): return .failure(BuildFailure(Diagnostics(problems)))
        }
    }

    func loadPage(_ relativePath: String) -> PageResult {
        let display = displayRoot + "/" + relativePath
        let text: String
        switch reader.text(relativePath) {
        case .success(let contents): text = contents
        case .failure(.missing): return .failed([.error(SourceLocation(file: display), "this file disappeared while the site was being built", help: "build again")])
        case .failure(.refused(let diagnostic)): return .failed([diagnostic])
        }
        let source: SplitSource
        switch FrontMatterParser.split(text, file: display) {
        case .success(let split): source = split
        case .failure(let diagnostic): return .failed([diagnostic])
        }
        var diagnostics = Diagnostics()
        guard let frontMatter = FrontMatterParser.parse(source, file: display, diagnostics: &diagnostics) else {
            return .failed(diagnostics.all)
        }
        let naming = PageNaming(sourcePath: relativePath, config: config)
        if let problem = naming.problem {
            return .failed([.error(SourceLocation(file: display, line: 1), problem.message, help: problem.help)])
        }
        return .page(Page(
            sourcePath: relativePath, displayPath: display, language: naming.language,
            translationKey: frontMatter.translationKey ?? naming.translationKey, kind: naming.kind, folder: naming.folder,
            url: naming.url(slug: frontMatter.slug), frontMatter: frontMatter,
            filePath: contentDirectory + "/" + relativePath))
    }
}
