import Foundation
import WaymarkContent
import WaymarkCore
import WaymarkSite

/// `--print`: flyers that do not fit on one printed A4 page.
enum FlyerPrintRules {
    static let flyerPages = RuleInfo(id: "flyer-pages", defaultLevel: .warning,
                                     title: "flyers that do not fit on one printed A4 page (with --print)")

    static let rules: [RuleInfo] = [flyerPages]

    /// Builds the site into a temporary folder and prints every flyer page to PDF with headless
    /// Chromium, reporting each that takes more than one sheet.
    static func check(site: Site, options: BuildOptions) -> [Diagnostic] {
        run(site: site, options: options).problems
    }

    /// The findings and every flyer's page count (for a report), printing with `printer`.
    static func run(site: Site, options: BuildOptions, printer: FlyerPrinter = FlyerPrinter()) -> (problems: [Diagnostic], counts: [FlyerPageCount]) {
        let flyers = FlyerPrinter.flyers(of: site)
        switch printer.pageCounts(site: site, options: options) {
        case .success(let counts):
            let byFile = Dictionary(flyers.map { ($0.displayPath, $0) }, uniquingKeysWith: { first, _ in first })
            let problems = counts.compactMap { count in byFile[count.file].flatMap { finding(count, page: $0, timeout: printer.timeout) } }
            return (problems, counts)
        case .failure(let failure):
            guard let first = flyers.first else { return ([], []) }
            return ([notPrinted(failure, first: first, others: flyers.count - 1)], [])
        }
    }

    /// The finding for one printed flyer, if it needs one.
    static func finding(_ count: FlyerPageCount, page: Page, timeout: Double) -> Diagnostic? {
        let location = layoutLine(of: page)
        let paper = count.paper.map { $0 + " " } ?? ""
        guard let pages = count.pages else {
            return .finding(flyerPages, location, "this flyer could not be printed to count its pages: \(reason(count.outcome, timeout: timeout))",
                            help: "print it from a browser (File, then Print) and check that it fits on one \(paper)page")
        }
        guard pages > 1 else { return nil }
        return .finding(flyerPages, location, "this flyer prints on \(pages) \(paper)pages; a flyer should fit on one",
                        help: "shorten it: keep the signs and the numbers to call, cut other text, then run 'waymark check --print' again")
    }

    /// `layout: flyer`'s line, or the file's first line when the layout comes from elsewhere.
    static func layoutLine(of page: Page) -> SourceLocation {
        page.frontMatter.locations["layout"] ?? SourceLocation(file: page.displayPath, line: 1)
    }

    private static func reason(_ outcome: Chromium.PrintOutcome, timeout: Double) -> String {
        switch outcome {
        case .printed: "Chromium wrote a PDF that could not be read"
        case .couldNotStart(let why): "Chromium could not be started (\(why))"
        case .timedOut: "Chromium did not finish within \(Int(timeout)) second\(Int(timeout) == 1 ? "" : "s")"
        case .failed(let status): "Chromium stopped without printing (exit status \(status))"
        }
    }

    /// One warning, at the first flyer, when nothing could be printed.
    private static func notPrinted(_ failure: FlyerPrintFailure, first: Page, others: Int) -> Diagnostic {
        let which = others == 0 ? "this flyer was not printed to check that it fits"
            : "this flyer and \(others) other flyer\(others == 1 ? "" : "s") were not printed to check that they fit"
        switch failure {
        case .noChromium(let chosen?):
            return .finding(flyerPages, layoutLine(of: first),
                            "\(which) on one page: \(Chromium.overrideVariable) is set to '\(chosen)', which is not a program on this computer",
                            help: "set \(Chromium.overrideVariable) to the path of Chromium or Google Chrome, or unset it to use the one on PATH")
        case .noChromium(nil):
            return .finding(flyerPages, layoutLine(of: first), "\(which) on one page: Chromium was not found",
                            help: "install Chromium (Debian or Ubuntu: 'sudo apt install chromium'; macOS: 'brew install --cask chromium') "
                                + "or Google Chrome, or set \(Chromium.overrideVariable) to its path; then run 'waymark check --print' again")
        case .buildFailed(let problem):
            let why = problem.map { ": \($0.location.prefix): \($0.summary)" } ?? ""
            return .finding(flyerPages, layoutLine(of: first), "\(which) on one page, because the site could not be built\(why)",
                            help: "fix the problems 'waymark build' reports, then run 'waymark check --print' again")
        }
    }
}
