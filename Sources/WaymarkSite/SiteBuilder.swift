import Dispatch
import Foundation
import WaymarkContent
import WaymarkCore
import WaymarkData
import WaymarkSearch

/// What to build and where.
public struct BuildOptions: Sendable {
    public var sourceDirectory: String
    /// The theme folder (`--theme`) layered over the built-in theme; nil: `theme:` in
    /// `site.yaml`, else `theme` if it exists, else the built-in theme alone (``ThemeLocation``).
    public var themeDirectory: String?
    public var outputDirectory: String
    public var baseURL: String?
    public var includeDrafts: Bool
    /// Told how the build is going (a terminal's progress line); nil: nobody is watching.
    public var progress: BuildProgress?

    public init(sourceDirectory: String = "content", themeDirectory: String? = nil, outputDirectory: String = "output",
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
        var clock = StageClock()
        writer.recoverEarlierBuilds()
        if let problem = writer.checkReplaceable() { throw BuildFailure(Diagnostics([problem])) }
        var (_, render, diagnostics) = try SiteInputs.checkedRender(options, clock: &clock)
        let site = render.site
        try writer.prepare()
        let outcome = try render.run(into: writer, keepRecords: false, diagnostics: &diagnostics, clock: &clock)
        options.progress?(BuildProgressEvent(stage: "Publishing"))
        try writer.publish()
        clock.lap("write and publish")

        let seconds = Double(DispatchTime.now().uptimeNanoseconds - started.uptimeNanoseconds) / 1e9
        let perLanguage = site.config.languages.map { language in
            (language.tag.code, site.pages.filter { $0.language.tag == language.tag }.count)
        }
        let statuses = site.pages.map { TranslationStatus.of($0, in: site) }
        return BuildReport(
            pagesPerLanguage: perLanguage, filesWritten: outcome.filesWritten,
            seconds: seconds, warnings: diagnostics.sorted, unreviewedTranslations: statuses.count(where: \.isUnreviewed),
            staleTranslations: statuses.count { $0.staleSource != nil }, stages: clock.stages)
    }

    /// Paths in messages are shown as the user typed them, without a trailing slash.
    public static func display(_ path: String) -> String {
        var path = path
        while path.count > 1 && path.hasSuffix("/") { path.removeLast() }
        return path
    }
}
