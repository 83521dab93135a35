import Foundation
import WaymarkContent
import WaymarkCore
import WaymarkMarkdown
import WaymarkSite

/// What `waymark check` is asked to do.
public struct CheckOptions: Sendable {
    public var build: BuildOptions
    /// Warnings count as errors (for CI).
    public var strict = false
    /// The day review dates are counted from.
    public var today: CalendarDate
    /// How far ahead reviews are listed as falling due.
    public var dueWindowDays = 30
    /// Check links to other sites (`--external`); nil leaves them alone.
    public var external: ExternalLinkOptions?
    /// Print every flyer to PDF and count its pages (`--print`).
    public var print = false

    public init(build: BuildOptions, today: CalendarDate = .today()) {
        self.build = build
        self.today = today
    }
}

/// Runs everything the build checks, then the content rules, and gathers the report.
public struct ContentChecker: Sendable {
    public var options: CheckOptions

    public init(options: CheckOptions) { self.options = options }

    public func run() -> CheckReport {
        let pass = PagePass(collectLinks: options.external != nil)
        let checked = SiteBuilder(options: options.build).checkWithoutWriting(inspector: pass.inspect)
        var problems = checked.diagnostics.all
        let settings = checked.site?.config.checks ?? .none
        let levels = RuleLevels(site: settings)
        problems += RuleLevels.problems(in: settings, isPage: false)
        var pages: [PageSummary] = []
        var reviews: [ReviewItem] = []
        var printedFlyers: [FlyerPageCount] = []
        if let site = checked.site {
            let pass = pass.finish(checked: checked, site: site)
            problems += pass.problems
            pages = pass.summaries
            let contactRule = ReviewDates.contactChecked
            let review = ReviewDates.check(site: site, today: options.today, window: options.dueWindowDays,
                                           contactOptions: levels.options(contactRule))
            reviews = review.items
            problems += review.problems
            if var external = options.external {
                // Sites that are asked get told whose checker it is.
                external.contact = external.contact ?? site.config.baseURL
                problems += ExternalLinkRules.check(pass.externalLinks + ExternalLinkRules.links(in: site.config), options: external)
            }
            if options.print {
                let printed = FlyerPrintRules.run(site: site, options: options.build)
                problems += printed.problems
                printedFlyers = printed.counts
            }
        }
        let final = applyLevels(problems, levels: levels, site: checked.site)
        var report = CheckReport(problems: final, pages: pages, reviews: reviews, today: options.today, dueWindowDays: options.dueWindowDays,
                           rules: RuleCatalogue.all.map { ($0, levels.level($0)) }, strict: options.strict,
                           siteTitle: checked.site?.config.title ?? "",
                           readingAgeThreshold: RuleCatalogue.info("reading-age").map { levels.options($0).number("above", default: ProseRules.defaultReadingAge) } ?? ProseRules.defaultReadingAge)
        report.printedFlyers = printedFlyers
        return report
    }

    /// Each rule's finding at the level the site and its page give it; `--strict` raises every
    /// warning, the build's included.
    private func applyLevels(_ problems: [Diagnostic], levels: RuleLevels, site: Site?) -> [Diagnostic] {
        let pageByFile = Dictionary((site?.pages ?? []).map { ($0.displayPath, $0) }, uniquingKeysWith: { first, _ in first })
        let final = problems.compactMap { problem -> Diagnostic? in
            var problem = problem
            if let id = problem.rule, let info = RuleCatalogue.info(id) {
                switch levels.level(info, page: pageByFile[problem.location.file]?.frontMatter.checks ?? .none) {
                case .off: return nil
                case .warning: problem = problem.withSeverity(.warning)
                case .error: problem = problem.withSeverity(.error)
                }
            }
            if options.strict && problem.severity == .warning { problem = problem.withSeverity(.error) }
            return problem
        }
        return Array(Set(final)).sorted()
    }
}
