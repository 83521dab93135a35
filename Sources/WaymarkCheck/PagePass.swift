import Foundation
import WaymarkContent
import WaymarkCore
import WaymarkMarkdown
import WaymarkSite

/// The page rules, run on each page while the build's render threads hold its parsed body (so
/// no page is read or parsed twice), with each page's summary for the report.
final class PagePass: @unchecked Sendable {
    struct Outcome: Sendable {
        var problems: [Diagnostic] = []
        var summaries: [PageSummary] = []
        var externalLinks: [ExternalLink] = []
    }

    private let collectLinks: Bool
    // Written from the render threads, so every access takes the lock.
    private var outcomes: [String: Outcome] = [:]
    private let lock = NSLock()

    init(collectLinks: Bool) { self.collectLinks = collectLinks }

    /// The ``PageInspector`` the build calls for each page.
    var inspect: PageInspector {
        { [self] page, document, site in
            let outcome = check(PageContext(page: page, site: site, document: document))
            lock.lock()
            outcomes[page.sourcePath] = outcome
            lock.unlock()
        }
    }

    /// Every page's outcome, in page order, with translation states; pages the build did not
    /// reach (it stopped early) are read and checked now.
    func finish(checked: CheckedBuild, site: Site) -> Outcome {
        lock.lock()
        let seen = outcomes
        lock.unlock()
        let results = ConcurrentMap.map(site.pages.filter { !$0.isGenerated }) { page -> Outcome in
            var outcome = seen[page.sourcePath] ?? PageContext.load(page, site: site).map(check) ?? Outcome()
            outcome.problems += RuleLevels.problems(in: page.frontMatter.checks, isPage: true)
            for index in outcome.summaries.indices { outcome.summaries[index].translation = checked.translationState(of: page) }
            return outcome
        }
        var total = Outcome()
        for result in results {
            total.problems += result.problems
            total.summaries += result.summaries
            total.externalLinks += result.externalLinks
        }
        return total
    }

    private func check(_ context: PageContext) -> Outcome {
        let page = context.page
        let levels = RuleLevels(site: context.site.config.checks)
        let exceptions = page.frontMatter.checks
        var outcome = Outcome()
        for rule in RuleCatalogue.pageRules where levels.level(rule.info, page: exceptions) != .off {
            outcome.problems += rule.check(context, levels.options(rule.info, page: exceptions))
        }
        if collectLinks { outcome.externalLinks = ExternalLinkRules.links(in: context) }
        let readingAgeRule = RuleCatalogue.info("reading-age")
        let applies = readingAgeRule.map { rule in
            levels.level(rule, page: exceptions) != .off && ProseRules.readingAgeApplies(to: context, options: levels.options(rule, page: exceptions))
        } ?? false
        outcome.summaries = [PageSummary(
            file: page.displayPath, url: context.site.config.basePath + page.url.value.dropFirst(), title: page.title,
            language: page.language.tag.code, layout: context.layout, owner: page.frontMatter.owner,
            reviewBy: page.frontMatter.reviewBy, readingAge: ProseRules.readingAge(of: context), readingAgeChecked: applies,
            translation: .original, exceptions: exceptions.rules.keys.sorted(), exceptionReason: exceptions.because)]
        return outcome
    }
}
