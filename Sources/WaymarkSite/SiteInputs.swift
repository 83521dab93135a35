import Foundation
import WaymarkContent
import WaymarkCore
import WaymarkData

/// Everything a build reads, loaded and checked file by file: settings, theme, pages, contacts
/// and partners. The first stage of ``SiteBuilder`` and of the preview.
struct SiteInputs: Sendable {
    var contentReader: SourceReader
    var config: SiteConfig
    var theme: Theme
    var content: LoadedContent
    var contacts: [Contact]
    var directory: PartnerDirectory
    /// Warnings found while reading (interface text not translated, links skipped, …).
    var warnings: Diagnostics

    /// Reads the content and theme folders named in `options`; throws every problem found.
    static func load(_ options: BuildOptions, clock: inout StageClock) throws -> SiteInputs {
        let source = options.sourceDirectory
        let displaySource = SiteBuilder.display(source)
        guard FileManager.default.fileExists(atPath: source) else {
            throw BuildFailure(Diagnostics([.error(SourceLocation(file: displaySource), "the content folder does not exist", help: "run waymark from the site's folder, or pass --source")]))
        }
        var warnings = Diagnostics()
        let contentReader = SourceReader(root: source, displayRoot: displaySource)
        let config = try SiteConfigLoader.load(from: contentReader, baseURLOverride: options.baseURL).get()
        let themeFolder = try ThemeLocation.resolve(option: options.themeDirectory, config: config).get()
        let (theme, themeWarnings) = try Theme.load(folder: themeFolder, config: config).get()
        warnings.append(contentsOf: themeWarnings)
        clock.lap("configuration and theme")
        let content: LoadedContent
        do {
            content = try ContentLoader(contentDirectory: source, displayRoot: displaySource, config: config, includeDrafts: options.includeDrafts).load().get()
        } catch let failure as BuildFailure {
            throw BuildFailure(Diagnostics(warnings.all + failure.diagnostics.all))
        }
        warnings.append(contentsOf: content.warnings)
        let contacts = try ContactsLoader.load(from: contentReader, file: "_data/contacts.yaml").get()
        let directory = try PartnerDirectoryLoader.load(from: contentReader, file: "_data/partners.csv", areas: config.areas).get()
        clock.lap("content")
        return SiteInputs(contentReader: contentReader, config: config, theme: theme, content: content,
                          contacts: contacts, directory: directory, warnings: warnings)
    }

    /// Reads the sources, assembles the site and checks it and the paths it would be written to,
    /// as every build does: the render stage for it, and the warnings found so far. Throws every
    /// problem found, warnings included, before anything is written.
    static func checkedRender(_ options: BuildOptions, clock: inout StageClock) throws -> (inputs: SiteInputs, render: SiteRender, diagnostics: Diagnostics) {
        options.progress?(BuildProgressEvent(stage: "Reading content"))
        let inputs = try load(options, clock: &clock)
        options.progress?(BuildProgressEvent(stage: "Checking the site"))
        var diagnostics = inputs.warnings
        let (site, checks) = inputs.site()
        diagnostics.append(contentsOf: checks)
        if diagnostics.hasErrors { throw BuildFailure(diagnostics) }
        clock.lap("site structure")
        var render = SiteRender(site: site, theme: inputs.theme, contentReader: inputs.contentReader)
        render.progress = options.progress
        diagnostics.append(contentsOf: inputs.outputProblems(render, options: options))
        if diagnostics.hasErrors { throw BuildFailure(diagnostics) }
        return (inputs, render, diagnostics)
    }

    /// The site these inputs make, with the checks that need all of it.
    func site() -> (Site, [Diagnostic]) {
        let site = Site(config: config, content: content, contacts: contacts, directory: directory, contentDirectory: contentReader.root)
        return (site, SiteChecks.run(site: site, theme: theme))
    }

    /// Problems with the paths the site would be written to, found before anything is written.
    func outputProblems(_ render: SiteRender, options: BuildOptions) -> [Diagnostic] {
        OutputPlan(site: render.site, theme: theme, feeds: render.renderer.feeds, contentRoot: contentReader.displayRoot).problems()
    }
}
