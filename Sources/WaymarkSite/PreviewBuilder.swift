import Foundation
import WaymarkContent
import WaymarkCore
import WaymarkSearch

/// The preview's builds, in memory: a full build first, then updates that redo only what an edit
/// changed, with the build's own stages (``SiteInputs``, ``SiteRender``), so the files after any
/// sequence of edits are the files a clean `waymark build` of the same sources writes.
///
/// An edit to the text of existing pages re-renders those pages and re-checks links to headings;
/// every other page and generated file depends only on front matter, settings, data and the
/// theme, which did not change. Their languages' search indexes, which take longer than the pages
/// on a large site, are brought up to date by ``finishSearch()`` once the pages are served. Any
/// other edit — front matter, a new, deleted or renamed file, `site.yaml`, `_data/`, the theme —
/// runs the whole build again, in memory.
public struct PreviewBuilder: Sendable {
    /// The build's options; the progress callback is dropped after the first build, since
    /// rebuilds after an edit are quick and would only make the line flicker.
    public private(set) var options: BuildOptions
    private var last: LastBuild?

    /// What the preview keeps of its last successful build.
    struct LastBuild: Sendable {
        var inputs: SiteInputs
        var render: SiteRender
        /// The site's files, path → bytes.
        var files: [String: Data]
        /// One per page of the site, in its order.
        var records: [PageRecord]
        /// Each page's number in its language's search index, by page index.
        var searchNumbers: [Int?]
        /// Warnings from reading the files and checking the whole site, not from any one page.
        var siteWarnings: [Diagnostic]
        /// The latest diagnostics, sorted.
        var diagnostics: [Diagnostic] = []
        /// The pages as read from their files (before translations inherit weights), by source path.
        var loaded: [String: Page] = [:]
        /// Every page's heading ids, by source path, for links to headings.
        var anchors: [String: PageAnchors] = [:]
        /// The pages rendered with links to headings' old ids rewritten, by source path.
        var rewrites: [String: FragmentRewrites] = [:]
        /// Search fragments of re-rendered pages, by language, at their pending paths, waiting
        /// for ``finishSearch()`` to rebuild those languages' indexes.
        var pendingSearch: [LanguageTag: [String: Data]] = [:]
    }

    /// How an update went.
    public struct Outcome: Sendable {
        /// Every diagnostic of the latest build, sorted; an error means it failed.
        public var diagnostics: [Diagnostic]
        /// The site's files after the latest successful build (unchanged when this one failed).
        public var files: [String: Data]
        /// Pages re-rendered; nil when the whole site was built.
        public var pagesRendered: Int?
        /// For each stylesheet whose address changed, old address → new address.
        public var stylesheets: [String: String]
        /// Wall-clock seconds of each named stage, in order.
        public var stages: [(name: String, seconds: Double)] = []

        public var failed: Bool { diagnostics.contains { $0.severity == .error } }
    }

    public init(options: BuildOptions) { self.options = options }

    /// The theme's interface text of the last successful build, by language code.
    public var interfaceText: [String: [String: String]] {
        Dictionary((last?.inputs.theme.strings ?? [:]).map { ($0.key.code, $0.value.values) }, uniquingKeysWith: { first, _ in first })
    }

    /// The path every address of the last successful build starts with (`/`, or `/partnership/`).
    public var basePath: String { last?.inputs.config.basePath ?? "/" }

    /// Builds the whole site into memory.
    public mutating func build() -> Outcome {
        let previous = last
        var clock = StageClock()
        do {
            defer { options.progress = nil }
            var (inputs, render, diagnostics) = try SiteInputs.checkedRender(options, clock: &clock)
            let site = render.site
            let siteWarnings = diagnostics.all
            let output = MemoryOutput()
            let outcome = try render.run(into: output, keepRecords: true, diagnostics: &diagnostics, clock: &clock)
            clock.lap("written to memory")
            last = LastBuild(inputs: inputs, render: render, files: output.files, records: outcome.records,
                             searchNumbers: site.config.search ? SiteSearch(site: site).documentNumbers() : [],
                             siteWarnings: siteWarnings, diagnostics: diagnostics.sorted,
                             loaded: Dictionary(inputs.content.pages.map { ($0.sourcePath, $0) }, uniquingKeysWith: { first, _ in first }),
                             anchors: PreviewBuilder.anchors(outcome.records, site: site), rewrites: outcome.rewrites)
            var result = Outcome(diagnostics: diagnostics.sorted, files: last!.files, pagesRendered: nil,
                                           stylesheets: PreviewBuilder.stylesheetMoves(from: previous?.inputs.theme, to: inputs.theme))
            result.stages = clock.stages
            return result
        } catch let failure as BuildFailure {
            return failed(failure.diagnostics.sorted)
        } catch {
            return failed([.error(SourceLocation(file: options.sourceDirectory), "the preview could not be built: \(error.localizedDescription)")])
        }
    }

    /// Brings the preview up to date after `contentPaths` (relative to the content folder)
    /// changed; `everything` (a theme file, a folder renamed, too many changes to list) rebuilds all.
    public mutating func update(contentPaths: Set<String>, everything: Bool = false) -> Outcome {
        var clock = StageClock()
        guard !everything, let last, let pages = textOnlyEdits(contentPaths, in: last) else { return build() }
        clock.lap("reading the edited pages")
        return rerender(pages, in: last, clock: clock)
    }

    /// The indexes of the pages whose text alone changed, or nil when the edit needs a full build.
    private func textOnlyEdits(_ paths: Set<String>, in last: LastBuild) -> [Int]? {
        let site = last.render.site
        let loader = ContentLoader(contentDirectory: options.sourceDirectory, displayRoot: last.inputs.contentReader.displayRoot,
                                   config: last.inputs.config, includeDrafts: options.includeDrafts)
        var indexes: [Int] = []
        for path in paths.sorted() {
            guard path.hasSuffix(".md"), let before = last.loaded[path], let index = site.pageIndex(source: path),
                  case .success(let now) = loader.reload(path), now == before else { return nil }
            indexes.append(index)
        }
        return indexes
    }

    /// Whether re-rendered pages are waiting for their languages' search indexes.
    public var hasPendingSearch: Bool { !(last?.pendingSearch.isEmpty ?? true) }

    /// Renders `indexes` again into a copy of the last files; their search fragments are kept
    /// aside for ``finishSearch()``.
    private mutating func rerender(_ indexes: [Int], in last: LastBuild, clock: StageClock) -> Outcome {
        var clock = clock
        let site = last.render.site
        let output = MemoryOutput(last.files)
        var records = last.records
        do {
            let results = ConcurrentMap.map(indexes) { index in
                last.render.renderAndWrite(site.pages[index], searchNumber: last.searchNumbers.isEmpty ? nil : last.searchNumbers[index], output: output)
            }
            for (index, result) in zip(indexes, results) { records[index] = PageRecord(try result.get()) }
            clock.lap("pages")
            var diagnostics = Diagnostics(last.siteWarnings + records.flatMap(\.diagnostics))
            var anchors = last.anchors
            for index in indexes { anchors[site.pages[index].sourcePath] = records[index].anchors }
            let fragments = SiteChecks.fragments(records.flatMap(\.fragmentLinks), anchors: anchors, site: site)
            diagnostics.append(contentsOf: fragments.diagnostics)
            if diagnostics.hasErrors { return failed(diagnostics.sorted) }
            // The edited pages were just rendered with no rewrites; any other page keeps its own
            // until a heading it links to changes its id.
            var applied = last.rewrites
            for index in indexes { applied[site.pages[index].sourcePath] = nil }
            try last.render.rewriteLinks(fragments.rewrites, applied: applied, output: output)
            clock.lap("links to headings")
            var updated = last
            for language in site.config.languages where site.config.search && indexes.contains(where: { site.pages[$0].language.tag == language.tag }) {
                let pending = SiteSearch.indexFolder(language) + SearchIndexFiles.pendingFragmentFolder
                updated.pendingSearch[language.tag, default: [:]].merge(output.take(under: pending)) { _, new in new }
            }
            updated.files = output.files
            updated.records = records
            updated.anchors = anchors
            updated.rewrites = fragments.rewrites
            updated.diagnostics = diagnostics.sorted
            self.last = updated
            var outcome = Outcome(diagnostics: updated.diagnostics, files: updated.files, pagesRendered: indexes.count, stylesheets: [:])
            clock.lap("files and messages")
            outcome.stages = clock.stages
            return outcome
        } catch let failure as BuildFailure {
            return failed(failure.diagnostics.sorted)
        } catch {
            return failed([.error(SourceLocation(file: options.sourceDirectory), "the preview could not be built: \(error.localizedDescription)")])
        }
    }

    /// Rebuilds the search index of every language whose pages were re-rendered since, from the
    /// pages' kept words, exactly as a full build writes it.
    public mutating func finishSearch() -> Outcome {
        guard var updated = last, !updated.pendingSearch.isEmpty else {
            return Outcome(diagnostics: last?.diagnostics ?? [], files: last?.files ?? [:], pagesRendered: 0, stylesheets: [:])
        }
        var clock = StageClock()
        let site = updated.render.site
        let output = MemoryOutput(updated.files)
        let languages = site.config.languages.filter { updated.pendingSearch[$0.tag] != nil }
        do {
            for language in languages {
                try PreviewBuilder.reopenIndex(of: language, in: output, files: updated.files)
                for (path, contents) in updated.pendingSearch[language.tag] ?? [:] { try output.write(RenderedFile(path: path, contents: contents)) }
            }
            _ = try SiteSearch(site: site).writeIndexes(
                pages: PreviewBuilder.indexBuilders(updated.records, site: site, languages: Set(languages.map(\.tag))),
                strings: updated.render.renderer.strings(for:), output: output, languages: languages)
        } catch {
            return failed([.error(SourceLocation(file: options.sourceDirectory), "the search index could not be rebuilt: \(error.localizedDescription)")])
        }
        clock.lap("search index")
        updated.files = output.files
        updated.pendingSearch = [:]
        last = updated
        var outcome = Outcome(diagnostics: updated.diagnostics, files: updated.files, pagesRendered: 0, stylesheets: [:])
        outcome.stages = clock.stages
        return outcome
    }

    /// A failed build: its diagnostics, and the files of the last one that worked.
    private func failed(_ diagnostics: [Diagnostic]) -> Outcome {
        Outcome(diagnostics: diagnostics, files: last?.files ?? [:], pagesRendered: nil, stylesheets: [:])
    }

    /// Puts a language's search index back as the render stage expects to find it before its
    /// pages are written: fragments in the pending folder, no term shards or meta file.
    static func reopenIndex(of language: SiteLanguage, in output: MemoryOutput, files: [String: Data]) throws {
        let folder = SiteSearch.indexFolder(language)
        let fragments = SearchIndexFiles.pendingFragmentFolder + "."
        var fragmentFolder: String?
        var others: Set<String> = []
        for path in files.keys where path.hasPrefix(folder) {
            let rest = path.dropFirst(folder.count)
            let first = rest.split(separator: "/", maxSplits: 1).first.map(String.init) ?? String(rest)
            if first.hasPrefix(fragments) { fragmentFolder = first } else { others.insert(first) }
        }
        for name in others { output.remove(folder + name) }
        if let fragmentFolder { try output.rename(folder + fragmentFolder, to: folder + SearchIndexFiles.pendingFragmentFolder) }
    }

    /// Each language's index builder from the pages' kept words, in page order as the build adds them.
    static func indexBuilders(_ records: [PageRecord], site: Site, languages: Set<LanguageTag>) -> [LanguageTag: SearchIndexBuilder] {
        var builders: [LanguageTag: SearchIndexBuilder] = [:]
        for (page, record) in zip(site.pages, records) where languages.contains(page.language.tag) {
            if let document = record.search { builders[page.language.tag, default: SearchIndexBuilder()].add(document) }
        }
        return builders
    }

    /// Every page's heading ids, by source path, as the build checks links to headings against them.
    static func anchors(_ records: [PageRecord], site: Site) -> [String: PageAnchors] {
        var anchors: [String: PageAnchors] = [:]
        for (page, record) in zip(site.pages, records) { anchors[page.sourcePath] = record.anchors }
        return anchors
    }

    /// Old address → new address of every stylesheet whose fingerprint changed.
    static func stylesheetMoves(from old: Theme?, to new: Theme) -> [String: String] {
        guard let old else { return [:] }
        let before = Dictionary(old.assets.assets.map { ($0.sourcePath, $0.url.value) }, uniquingKeysWith: { first, _ in first })
        var moves: [String: String] = [:]
        for asset in new.assets.assets where asset.sourcePath.hasSuffix(".css") {
            if let address = before[asset.sourcePath], address != asset.url.value { moves[address] = asset.url.value }
        }
        return moves
    }
}
