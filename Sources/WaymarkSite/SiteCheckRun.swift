import Foundation
import WaymarkContent
import WaymarkCore
import WaymarkMarkdown

/// What a translated page's reader can trust of it, for `waymark check`'s report.
public enum TranslationState: Sendable, Hashable {
    /// A page in the site's default language, or one Waymark made.
    case original
    /// A translation a qualified translator has checked, made from the current source.
    case checked
    /// Not checked by a translator (`reviewed_by` is missing).
    case unchecked
    /// Made from an older version of `source` (its display path).
    case stale(source: String, unchecked: Bool)
}

/// Everything `waymark build` finds, without writing the site: the content check's first stage.
public struct CheckedBuild: Sendable {
    /// The assembled site; nil when the settings or the pages could not be read at all.
    public var site: Site?
    /// Every problem the build found, errors and warnings.
    public var diagnostics: Diagnostics

    /// How far `page` can be trusted as a translation.
    public func translationState(of page: Page) -> TranslationState {
        guard let site else { return .original }
        let status = TranslationStatus.of(page, in: site)
        if let source = status.staleSource { return .stale(source: source.displayPath, unchecked: status.isUnreviewed) }
        if page.language.tag == site.config.defaultLanguage.tag || page.isGenerated { return .original }
        return status.isUnreviewed ? .unchecked : .checked
    }
}

extension SiteBuilder {
    /// Runs every stage of the build but the writing: each page is rendered and checked as a
    /// build would, its bytes dropped, and shown to `inspector` with its parsed body. The search
    /// index is not made. Never touches the output folder.
    public func checkWithoutWriting(inspector: PageInspector? = nil) -> CheckedBuild {
        var clock = StageClock()
        let prepared: (inputs: SiteInputs, render: SiteRender, diagnostics: Diagnostics)
        do {
            prepared = try SiteInputs.checkedRender(options, clock: &clock)
        } catch let failure as BuildFailure {
            // The site may still be assembled enough for the content rules, when only later
            // checks failed: reading the inputs again would repeat their problems, so ask once.
            return CheckedBuild(site: SiteBuilder.assembledSite(options), diagnostics: failure.diagnostics)
        } catch {
            return CheckedBuild(site: nil, diagnostics: Diagnostics([.error(SourceLocation(file: options.sourceDirectory), "\(error)")]))
        }
        var diagnostics = prepared.diagnostics
        var render = prepared.render
        render.inspector = inspector
        render.indexesSearch = false
        do {
            _ = try render.run(into: DiscardingOutput(), keepRecords: false, diagnostics: &diagnostics, clock: &clock)
        } catch let failure as BuildFailure {
            diagnostics = failure.diagnostics
        } catch {
            diagnostics.append(.error(SourceLocation(file: options.sourceDirectory), "\(error)"))
        }
        return CheckedBuild(site: prepared.render.site, diagnostics: diagnostics)
    }

    /// The site, when its inputs can be read, whatever its later checks find.
    private static func assembledSite(_ options: BuildOptions) -> Site? {
        var clock = StageClock()
        guard let inputs = try? SiteInputs.load(options, clock: &clock) else { return nil }
        return inputs.site().0
    }
}

extension Site {
    /// The published file a Markdown link on `page` points to (`files/flyer.pdf`), if it is one.
    public func linkedStaticFile(_ destination: String, from page: Page) -> StaticFile? {
        let (path, _, _) = LinkResolver.split(destination)
        let decoded = path.percentDecoded ?? path
        switch LinkKind(destination) {
        case .relative:
            let joined = page.sourcePath.split(separator: "/").dropLast().map(String.init)
                + decoded.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
            return LinkResolver.normalise(joined).flatMap(staticFile(source:))
        case .rootRelative:
            return staticFile(source: String(decoded.drop { $0 == "/" })) ?? staticFile(at: URLPath(decoded))
        case .external, .otherScheme, .fragment:
            return nil
        }
    }

    /// The layout `page` is rendered with: its `layout`, or the one its kind implies.
    public func layout(of page: Page) -> String { PageRenderer.layout(for: page) }
}

/// Drops every file while checking its path as the staging folder would.
struct DiscardingOutput: SiteOutput {
    func makeDirectories(for paths: [String]) throws {
        for path in paths { try check(path) }
    }

    func write(_ file: RenderedFile) throws { try check(file.path) }

    func rename(_ path: String, to newPath: String) throws {
        try check(path)
        try check(newPath)
    }

    private func check(_ path: String) throws {
        if let problem = OutputPathRules.problem(path: path) { throw OutputWriter.UnsafePathError(path: path, problem: problem) }
    }
}
