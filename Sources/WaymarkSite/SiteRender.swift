import Foundation
import WaymarkContent
import WaymarkCore
import WaymarkMarkdown
import WaymarkSearch

/// What the render stage keeps of one page, so the preview can redo that page alone and get the
/// same site a clean build would.
struct PageRecord: Sendable {
    var diagnostics: [Diagnostic]
    var anchors: PageAnchors
    var fragmentLinks: [FragmentLink]
    /// The page's words for the search index (without its fragment text, which is written).
    var search: AnalysedDocument?
    var status: TranslationStatus

    init(_ result: PageRenderResult) {
        diagnostics = result.diagnostics
        anchors = result.anchors
        fragmentLinks = result.fragmentLinks
        search = result.search
        status = result.status
    }
}

/// What the render stage found besides the files it wrote.
struct RenderOutcome: Sendable {
    var diagnostics: Diagnostics
    var filesWritten: Int
    /// One per page of the site, in its order; empty unless records were asked for.
    var records: [PageRecord]
    /// The pages rendered again with links to headings' old ids rewritten, by source path.
    var rewrites: [String: FragmentRewrites] = [:]
}

/// Looks at a Markdown page and its parsed body while the render stage has them, so a check
/// need not read and parse every page again. Called from the render threads, once or more per
/// page.
public typealias PageInspector = @Sendable (Page, MarkdownDocument, Site) -> Void

/// The stage that turns a checked ``Site`` into files: generated pages, every page with its
/// search fragment, the search index and the static files, written to any ``SiteOutput``.
struct SiteRender: Sendable {
    let site: Site
    let theme: Theme
    let renderer: PageRenderer
    let contentReader: SourceReader
    /// Shown every Markdown page with its parsed body as it is rendered (`waymark check`'s rules).
    var inspector: PageInspector?
    /// Whether pages are analysed for the search index and the index written; a check that
    /// publishes nothing has no use for it.
    var indexesSearch = true
    /// Told of pages rendered and index files written.
    var progress: BuildProgress?

    init(site: Site, theme: Theme, contentReader: SourceReader) {
        self.site = site
        self.theme = theme
        self.contentReader = contentReader
        renderer = PageRenderer(site: site, theme: theme)
    }

    /// Pages rendered between merges into the search index: enough to keep every core busy.
    static let renderBatch = 512

    /// Writes the whole site to `output`, adding what it finds to `diagnostics` (a failure
    /// carries them all). Fails, having written some files, on the first error.
    func run(into output: some SiteOutput, keepRecords: Bool, diagnostics: inout Diagnostics, clock: inout StageClock) throws -> RenderOutcome {
        do {
            let outcome = try run(into: output, keepRecords: keepRecords, clock: &clock)
            diagnostics.append(contentsOf: outcome.diagnostics)
            return outcome
        } catch let failure as BuildFailure {
            diagnostics.append(contentsOf: failure.diagnostics)
            throw BuildFailure(diagnostics)
        }
    }

    private func run(into output: some SiteOutput, keepRecords: Bool, clock: inout StageClock) throws -> RenderOutcome {
        // Lists, feeds and the rest depend on front matter only: made beside the pages.
        let generatedTask = BackgroundTask { generatedFiles() }
        let staticPaths = site.staticFiles.map { $0.url.outputFile }
        let search = SiteSearch(site: site)
        let withSearch = site.config.search && indexesSearch
        let searchNumbers = withSearch ? search.documentNumbers() : []
        try output.makeDirectories(for: site.pages.map { $0.url.outputFile } + staticPaths + (withSearch ? search.indexFolders() : []))
        clock.lap("folders")

        var pages = try renderPages(into: output, searchNumbers: searchNumbers, keepRecords: keepRecords)
        clock.lap("pages")
        let generated = generatedTask.wait()
        var diagnostics = Diagnostics(generated.flatMap(\.problems))
        diagnostics.append(contentsOf: pages.diagnostics)
        try output.makeDirectories(for: generated.map(\.path))
        clock.lap("lists and feeds (beside pages)")
        let fragments = SiteChecks.fragments(pages.fragmentLinks, anchors: pages.anchors, site: site)
        diagnostics.append(contentsOf: fragments.diagnostics)
        if diagnostics.hasErrors { throw BuildFailure(diagnostics) }
        try rewriteLinks(fragments.rewrites, applied: [:], output: output)
        clock.lap("links to headings")

        var indexFiles: [RenderedFile] = []
        if withSearch {
            progress?(BuildProgressEvent(stage: "Building the search index"))
            indexFiles = try search.writeIndexes(pages: pages.searchIndexes, strings: renderer.strings(for:), output: output,
                                                 progress: progress)
            pages.searchIndexes = [:]
            clock.lap("search index")
        }
        for file in generated { try output.write(file) }
        try writeStaticFiles(to: output)
        return RenderOutcome(diagnostics: diagnostics,
                             filesWritten: site.pages.count + generated.count + staticPaths.count + indexFiles.count + pages.fragmentsWritten,
                             records: pages.records, rewrites: fragments.rewrites)
    }

    /// What rendering every page found, besides the files it wrote.
    private struct RenderedPages {
        var diagnostics = Diagnostics()
        var records: [PageRecord] = []
        var anchors: [String: PageAnchors] = [:]
        var fragmentLinks: [FragmentLink] = []
        var searchIndexes: [LanguageTag: SearchIndexBuilder] = [:]
        var fragmentsWritten = 0
    }

    /// Renders and writes every page, in batches, so each batch's word counts are merged into
    /// the search index (on another thread, while the next batch renders) and let go.
    private func renderPages(into output: some SiteOutput, searchNumbers: [Int?], keepRecords: Bool) throws -> RenderedPages {
        var pages = RenderedPages()
        let merger = SearchIndexMerger()
        let pageCount = site.pages.count
        progress?(BuildProgressEvent(stage: "Rendering pages", done: 0, total: pageCount, unit: "pages"))
        for batch in stride(from: 0, to: pageCount, by: SiteRender.renderBatch) {
            let indices = Array(batch..<min(batch + SiteRender.renderBatch, pageCount))
            let results = ConcurrentMap.map(indices) { index in
                renderAndWrite(site.pages[index], searchNumber: searchNumbers.isEmpty ? nil : searchNumbers[index], output: output)
            }
            var analysed: [(language: LanguageTag, document: AnalysedDocument)] = []
            for (index, result) in zip(indices, results) {
                let page = site.pages[index]
                let rendered = try result.get()
                pages.diagnostics.append(contentsOf: rendered.diagnostics)
                pages.anchors[page.sourcePath] = rendered.anchors
                pages.fragmentLinks += rendered.fragmentLinks
                if let document = rendered.search { analysed.append((page.language.tag, document)) }
                if keepRecords { pages.records.append(PageRecord(rendered)) }
            }
            pages.fragmentsWritten += analysed.count
            merger.add(analysed)
            progress?(BuildProgressEvent(stage: "Rendering pages", done: batch + indices.count, total: pageCount, unit: "pages"))
        }
        pages.searchIndexes = merger.finish()
        return pages
    }

    /// Renders again, and writes, each page whose links to headings need other rewrites than it
    /// was rendered with (`applied`), so they point at the headings' new ids. Only the page's HTML
    /// changes: its search words hold no link addresses.
    func rewriteLinks(_ wanted: [String: FragmentRewrites], applied: [String: FragmentRewrites], output: some SiteOutput) throws {
        let sources = Set(wanted.keys).union(applied.keys).filter { wanted[$0] ?? [:] != applied[$0] ?? [:] }.sorted()
        let results = ConcurrentMap.map(sources) { source -> Result<Void, Error> in
            guard let page = site.page(source: source) else { return .success(()) }
            var file = renderer.render(page, rewrites: wanted[source] ?? [:], forSearch: false).file
            // Every path is written once (a name that exists is refused, never overwritten), so
            // the new page is written beside the old one and renamed over it.
            let path = file.path
            file.path += ".waymark-relinked"
            return Result {
                try output.write(file)
                try output.rename(file.path, to: path)
            }
        }
        for result in results { try result.get() }
    }

    /// Every file that is not a page of the content: 404, sitemap, robots, redirects, tag pages,
    /// feeds, theme assets, search and A–Z pages, and the host's files (`_headers`, `_redirects`,
    /// security.txt). They depend on front matter, never on text.
    func generatedFiles() -> [RenderedFile] {
        let extras = ExtraPages(renderer: renderer)
        return [extras.notFound(), Sitemap.render(site: site), Sitemap.robots(site: site)]
            + extras.redirects()
            + ConcurrentMap.map(site.tagPages, extras.tagPage)
            + renderer.feeds.feedBySection.sorted { $0.key < $1.key }.compactMap { entry in
                site.page(source: entry.key).map { AtomFeed.render(section: $0, site: site, url: entry.value) }
            }
            + theme.assets.assets.map { RenderedFile(path: $0.url.outputFile, contents: $0.contents) }
            + SiteSearch(site: site).pages(theme: theme).map(extras.searchPage)
            + HostFiles.files(site: site, theme: theme)
    }

    /// Renders `page`, writes it (and its search fragment), and keeps what the later checks need,
    /// not the page: holding every page's HTML until the end would make memory grow with the site.
    func renderAndWrite(_ page: Page, searchNumber: Int?, output: some SiteOutput) -> Result<PageRenderResult, Error> {
        var result = renderer.render(page, forSearch: indexesSearch)
        if let inspector, !page.isGenerated, let document = result.document { inspector(page, document, site) }
        result.document = nil
        do {
            try output.write(result.file)
            if let analysed = result.search, let number = searchNumber, let json = analysed.fragmentJSON {
                let path = SiteSearch.indexFolder(page.language) + SearchIndexFiles.pendingFragmentPath(number)
                try output.write(RenderedFile(path: path, text: json))
                result.search = analysed.withoutFragmentText()
            }
            result.file.contents = Data()
            return .success(result)
        } catch {
            return .failure(error)
        }
    }

    /// Static files are read through the reader, not copied: a copy would follow a link swapped
    /// in since the walk.
    func writeStaticFiles(to output: some SiteOutput) throws {
        for file in site.staticFiles {
            switch contentReader.bytes(file.sourcePath, limit: SourceReader.staticFileSizeLimit) {
            case .success(let bytes): try output.write(RenderedFile(path: file.url.outputFile, contents: Data(bytes)))
            case .failure(.missing):
                throw BuildFailure(Diagnostics([.error(SourceLocation(file: contentReader.display(file.sourcePath)),
                                                       "this file disappeared while the site was being built", help: "build again")]))
            case .failure(.refused(let problem)): throw BuildFailure(Diagnostics([problem]))
            }
        }
    }
}
