import Dispatch
import Foundation
import WaymarkContent
import WaymarkCore
import WaymarkData
import WaymarkSearch

/// What to build and where.
public struct BuildOptions: Sendable {
    public var sourceDirectory: String
    public var themeDirectory: String
    public var outputDirectory: String
    public var baseURL: String?
    public var includeDrafts: Bool

    public init(sourceDirectory: String = "content", themeDirectory: String = "theme", outputDirectory: String = "output",
                baseURL: String? = nil, includeDrafts: Bool = false) {
        self.sourceDirectory = sourceDirectory
        self.themeDirectory = themeDirectory
        self.outputDirectory = outputDirectory
        self.baseURL = baseURL
        self.includeDrafts = includeDrafts
    }
}

/// The outcome of a successful build.
public struct BuildReport: Sendable {
    /// Pages built from Markdown, per language code, default language first.
    public var pagesPerLanguage: [(language: String, count: Int)]
    public var filesWritten: Int
    public var seconds: Double
    /// Warnings, sorted by file and line.
    public var warnings: [Diagnostic]
    /// Translations published without a translator's check, and ones whose source has changed.
    public var unreviewedTranslations: Int
    public var staleTranslations: Int
    /// Wall-clock seconds of each named stage, in order.
    public var stages: [(name: String, seconds: Double)]
}

/// Times named build stages.
struct StageClock {
    private(set) var stages: [(name: String, seconds: Double)] = []
    private var last = DispatchTime.now()

    mutating func lap(_ name: String) {
        let now = DispatchTime.now()
        stages.append((name, Double(now.uptimeNanoseconds - last.uptimeNanoseconds) / 1e9))
        last = now
    }
}

/// Runs a whole build as named stages: configuration, theme, content, site, render, write.
public struct SiteBuilder: Sendable {
    public var options: BuildOptions

    public init(options: BuildOptions) { self.options = options }

    /// Builds the site. On failure nothing in the output folder has changed.
    public func build() -> Result<BuildReport, BuildFailure> {
        let started = DispatchTime.now()
        let writer = OutputWriter(outputDirectory: options.outputDirectory)
        do {
            let report = try run(writer: writer, started: started)
            return .success(report)
        } catch let failure as BuildFailure {
            writer.discard()
            return .failure(failure)
        } catch {
            writer.discard()
            return .failure(BuildFailure(Diagnostics([.error(SourceLocation(file: options.outputDirectory), "the site could not be written: \(error.localizedDescription)")])))
        }
    }

    private func run(writer: OutputWriter, started: DispatchTime) throws -> BuildReport {
        let source = options.sourceDirectory
        let displaySource = SiteBuilder.display(source)
        var diagnostics = Diagnostics()
        var clock = StageClock()
        writer.recoverEarlierBuilds()
        if let problem = writer.checkReplaceable() { throw BuildFailure(Diagnostics([problem])) }
        guard FileManager.default.fileExists(atPath: source) else {
            throw BuildFailure(Diagnostics([.error(SourceLocation(file: displaySource), "the content folder does not exist", help: "run waymark from the site's folder, or pass --source")]))
        }
        let contentReader = SourceReader(root: source, displayRoot: displaySource)
        let config = try SiteConfigLoader.load(from: contentReader, baseURLOverride: options.baseURL).get()
        let (theme, themeWarnings) = try Theme.load(directory: options.themeDirectory, displayRoot: SiteBuilder.display(options.themeDirectory), config: config).get()
        diagnostics.append(contentsOf: themeWarnings)
        clock.lap("configuration and theme")
        let content = try ContentLoader(contentDirectory: source, displayRoot: displaySource, config: config, includeDrafts: options.includeDrafts).load().get()
        diagnostics.append(contentsOf: content.warnings)
        let contacts = try ContactsLoader.load(from: contentReader, file: "_data/contacts.yaml").get()
        let directory = try PartnerDirectoryLoader.load(from: contentReader, file: "_data/partners.csv", areas: config.areas).get()
        clock.lap("content")
        let site = Site(config: config, content: content, contacts: contacts, directory: directory, contentDirectory: source)
        diagnostics.append(contentsOf: SiteChecks.run(site: site, theme: theme))
        if diagnostics.hasErrors { throw BuildFailure(diagnostics) }
        clock.lap("site structure")

        let renderer = PageRenderer(site: site, theme: theme)
        let extras = ExtraPages(renderer: renderer)
        let plan = OutputPlan(site: site, theme: theme, feeds: renderer.feeds, contentRoot: displaySource,
                              themeRoot: SiteBuilder.display(options.themeDirectory))
        diagnostics.append(contentsOf: plan.problems())
        if diagnostics.hasErrors { throw BuildFailure(diagnostics) }
        try writer.prepare()
        let generated = [extras.notFound(), Sitemap.render(site: site), Sitemap.robots(site: site)]
            + extras.redirects()
            + ConcurrentMap.map(site.tagPages, extras.tagPage)
            + renderer.feeds.feedBySection.sorted { $0.key < $1.key }.compactMap { entry in
                site.page(source: entry.key).map { AtomFeed.render(section: $0, site: site, url: entry.value) }
            }
            + theme.assets.assets.map { RenderedFile(path: $0.url.outputFile, contents: $0.contents) }
            + SiteSearch(site: site).pages(theme: theme).map(extras.searchPage)
        let staticPaths = site.staticFiles.map { $0.url.outputFile }
        clock.lap("lists, feeds, sitemap, redirects")
        let search = SiteSearch(site: site)
        let searchNumbers = config.search ? search.documentNumbers() : []
        try writer.makeDirectories(for: site.pages.map { $0.url.outputFile } + generated.map(\.path) + staticPaths
                                   + (config.search ? search.indexFolders() : []))
        clock.lap("folders")

        var anchors: [String: Set<String>] = [:]
        var fragmentLinks: [FragmentLink] = []
        var searchIndexes: [LanguageTag: SearchIndexBuilder] = [:]
        var fragmentsWritten = 0
        var unreviewed = 0, stale = 0
        // In batches, so each batch's word lists are merged into the search index and let go.
        for batch in stride(from: 0, to: site.pages.count, by: SiteBuilder.renderBatch) {
            let indices = Array(batch..<min(batch + SiteBuilder.renderBatch, site.pages.count))
            let results = ConcurrentMap.map(indices) { index in
                renderAndWrite(site.pages[index], searchNumber: searchNumbers.isEmpty ? nil : searchNumbers[index],
                               renderer: renderer, writer: writer)
            }
            for (index, result) in zip(indices, results) {
                let page = site.pages[index]
                let rendered = try result.get()
                if rendered.status.isUnreviewed { unreviewed += 1 }
                if rendered.status.staleSource != nil { stale += 1 }
                diagnostics.append(contentsOf: rendered.diagnostics)
                anchors[page.sourcePath] = rendered.anchors
                fragmentLinks += rendered.fragmentLinks
                if let document = rendered.search {
                    searchIndexes[page.language.tag, default: SearchIndexBuilder()].add(document)
                    fragmentsWritten += 1
                }
            }
        }
        clock.lap("pages")
        diagnostics.append(contentsOf: SiteChecks.fragments(fragmentLinks, anchors: anchors, site: site))
        if diagnostics.hasErrors { throw BuildFailure(diagnostics) }

        var indexFiles: [RenderedFile] = []
        if config.search {
            indexFiles = try search.writeIndexes(pages: searchIndexes, strings: renderer.strings(for:), writer: writer)
            searchIndexes = [:]
            clock.lap("search index")
        }
        for file in generated { try writer.write(file) }
        // Read through the reader, not copied: a copy would follow a link swapped in since the walk.
        for file in site.staticFiles {
            switch contentReader.bytes(file.sourcePath, limit: SourceReader.staticFileSizeLimit) {
            case .success(let bytes): try writer.write(RenderedFile(path: file.url.outputFile, contents: Data(bytes)))
            case .failure(.missing): throw BuildFailure(Diagnostics([.error(SourceLocation(file: contentReader.display(file.sourcePath)), "this file disappeared while the site was being built", help: "build again")]))
            case .failure(.refused(let problem)): throw BuildFailure(Diagnostics([problem]))
            }
        }
        try writer.publish()
        clock.lap("write and publish")

        let seconds = Double(DispatchTime.now().uptimeNanoseconds - started.uptimeNanoseconds) / 1e9
        let perLanguage = config.languages.map { language in
            (language.tag.code, site.pages.filter { $0.language.tag == language.tag }.count)
        }
        return BuildReport(
            pagesPerLanguage: perLanguage, filesWritten: site.pages.count + generated.count + staticPaths.count + indexFiles.count + fragmentsWritten,
            seconds: seconds, warnings: diagnostics.sorted, unreviewedTranslations: unreviewed, staleTranslations: stale,
            stages: clock.stages)
    }

    /// Pages rendered between merges into the search index: enough to keep every core busy.
    static let renderBatch = 512

    /// Renders `page`, writes it (and its search fragment), and keeps what the later checks need,
    /// not the page: holding every page's HTML until the end would make memory grow with the site.
    private func renderAndWrite(_ page: Page, searchNumber: Int?, renderer: PageRenderer, writer: OutputWriter) -> Result<PageRenderResult, Error> {
        var result = renderer.render(page)
        do {
            try writer.write(result.file)
            if let analysed = result.search, let number = searchNumber, let json = analysed.fragmentJSON {
                let path = SiteSearch.indexFolder(page.language) + SearchIndexFiles.pendingFragmentPath(number)
                try writer.write(RenderedFile(path: path, text: json))
                result.search = analysed.withoutFragmentText()
            }
            result.file.contents = Data()
            return .success(result)
        } catch {
            return .failure(error)
        }
    }

    /// Paths in messages are shown as the user typed them, without a trailing slash.
    public static func display(_ path: String) -> String {
        var path = path
        while path.count > 1 && path.hasSuffix("/") { path.removeLast() }
        return path
    }
}
