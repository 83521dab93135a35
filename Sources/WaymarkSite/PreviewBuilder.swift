import Foundation
import WaymarkContent
import WaymarkCore
import WaymarkSearch

/// The preview's builds, in memory: a full build first, then updates that redo only what an edit
/// changed, with the build's own stages (``SiteInputs``, ``SiteRender``), so the files after any
/// sequence of edits are the files a clean `waymark build` of the same sources writes.
///
/// An edit to the text of existing pages re-renders those pages, their search fragments and their
/// languages' search indexes, and re-checks links to headings; every other page and generated
/// file depends only on front matter, settings, data and the theme, which did not change. Any
/// other edit — front matter, a new, deleted or renamed file, `site.yaml`, `_data/`, the theme —
/// runs the whole build again, in memory.
public struct PreviewBuilder: Sendable {
    public let options: BuildOptions
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
        /// The theme's interface text of the last successful build, by language code.
        public var interfaceText: [String: [String: String]] = [:]
        /// The path every address of the site starts with (`/`, or `/partnership/`).
        public var basePath = "/"

        public var failed: Bool { diagnostics.contains { $0.severity == .error } }
    }

    public init(options: BuildOptions) { self.options = options }

    /// `outcome` with what the server needs to know of the last successful build.
    private func described(_ outcome: Outcome) -> Outcome {
        guard let last else { return outcome }
        var described = outcome
        described.interfaceText = Dictionary(last.inputs.theme.strings.map { ($0.key.code, $0.value.values) }, uniquingKeysWith: { first, _ in first })
        described.basePath = last.inputs.config.basePath
        return described
    }

    /// Builds the whole site into memory.
    public mutating func build() -> Outcome {
        let previous = last
        var clock = StageClock()
        do {
            let inputs = try SiteInputs.load(options, clock: &clock)
            var diagnostics = inputs.warnings
            let (site, checks) = inputs.site()
            diagnostics.append(contentsOf: checks)
            if diagnostics.hasErrors { throw BuildFailure(diagnostics) }
            let render = SiteRender(site: site, theme: inputs.theme, contentReader: inputs.contentReader)
            diagnostics.append(contentsOf: inputs.outputProblems(render, options: options))
            if diagnostics.hasErrors { throw BuildFailure(diagnostics) }
            let output = MemoryOutput()
            let siteWarnings = diagnostics.all
            let outcome = try render.run(into: output, keepRecords: true, clock: &clock)
            diagnostics.append(contentsOf: outcome.diagnostics)
            last = LastBuild(inputs: inputs, render: render, files: output.files, records: outcome.records,
                             searchNumbers: site.config.search ? SiteSearch(site: site).documentNumbers() : [],
                             siteWarnings: siteWarnings)
            return described(Outcome(diagnostics: diagnostics.sorted, files: last!.files, pagesRendered: nil,
                                     stylesheets: PreviewBuilder.stylesheetMoves(from: previous?.inputs.theme, to: inputs.theme)))
        } catch let failure as BuildFailure {
            return failed(failure.diagnostics.sorted)
        } catch {
            return failed([.error(SourceLocation(file: options.sourceDirectory), "the preview could not be built: \(error.localizedDescription)")])
        }
    }

    /// Brings the preview up to date after `contentPaths` (relative to the content folder)
    /// changed; `everything` (a theme file, a folder renamed, too many changes to list) rebuilds all.
    public mutating func update(contentPaths: Set<String>, everything: Bool = false) -> Outcome {
        guard !everything, let last, let pages = textOnlyEdits(contentPaths, in: last) else { return build() }
        return rerender(pages, in: last)
    }

    /// The indexes of the pages whose text alone changed, or nil when the edit needs a full build.
    private func textOnlyEdits(_ paths: Set<String>, in last: LastBuild) -> [Int]? {
        let site = last.render.site
        let loader = ContentLoader(contentDirectory: options.sourceDirectory, displayRoot: last.inputs.contentReader.displayRoot,
                                   config: last.inputs.config, includeDrafts: options.includeDrafts)
        let loaded = Dictionary(last.inputs.content.pages.map { ($0.sourcePath, $0) }, uniquingKeysWith: { first, _ in first })
        var indexes: [Int] = []
        for path in paths.sorted() {
            guard path.hasSuffix(".md"), let before = loaded[path], let index = site.pageIndex(source: path),
                  case .success(let now) = loader.reload(path), now == before else { return nil }
            indexes.append(index)
        }
        return indexes
    }

    /// Renders `indexes` again into a copy of the last files and redoes their search indexes.
    private mutating func rerender(_ indexes: [Int], in last: LastBuild) -> Outcome {
        let site = last.render.site
        let output = MemoryOutput(last.files)
        var records = last.records
        let languages = site.config.search ? Set(indexes.compactMap { last.searchNumbers[$0] == nil ? nil : site.pages[$0].language.tag }) : []
        do {
            for language in site.config.languages where languages.contains(language.tag) {
                try PreviewBuilder.reopenIndex(of: language, in: output, files: last.files)
            }
            let results = ConcurrentMap.map(indexes) { index in
                last.render.renderAndWrite(site.pages[index], searchNumber: last.searchNumbers.isEmpty ? nil : last.searchNumbers[index], output: output)
            }
            for (index, result) in zip(indexes, results) { records[index] = PageRecord(try result.get()) }
            var diagnostics = Diagnostics(last.siteWarnings + records.flatMap(\.diagnostics))
            diagnostics.append(contentsOf: PreviewBuilder.fragmentProblems(records, site: site))
            if diagnostics.hasErrors { return failed(diagnostics.sorted) }
            let search = SiteSearch(site: site)
            let changed = site.config.languages.filter { languages.contains($0.tag) }
            if !changed.isEmpty {
                _ = try search.writeIndexes(pages: PreviewBuilder.indexBuilders(records, site: site, languages: languages),
                                            strings: last.render.renderer.strings(for:), output: output, languages: changed)
            }
            var updated = last
            updated.files = output.files
            updated.records = records
            self.last = updated
            return described(Outcome(diagnostics: diagnostics.sorted, files: updated.files, pagesRendered: indexes.count, stylesheets: [:]))
        } catch let failure as BuildFailure {
            return failed(failure.diagnostics.sorted)
        } catch {
            return failed([.error(SourceLocation(file: options.sourceDirectory), "the preview could not be built: \(error.localizedDescription)")])
        }
    }

    /// A failed build: its diagnostics, and the files of the last one that worked.
    private func failed(_ diagnostics: [Diagnostic]) -> Outcome {
        described(Outcome(diagnostics: diagnostics, files: last?.files ?? [:], pagesRendered: nil, stylesheets: [:]))
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

    /// Links to headings, checked against every page's headings as the build checks them.
    static func fragmentProblems(_ records: [PageRecord], site: Site) -> [Diagnostic] {
        var anchors: [String: Set<String>] = [:]
        for (page, record) in zip(site.pages, records) { anchors[page.sourcePath] = record.anchors }
        return SiteChecks.fragments(records.flatMap(\.fragmentLinks), anchors: anchors, site: site)
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
