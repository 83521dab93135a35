import Foundation
import WaymarkContent
import WaymarkCore
import WaymarkSite

/// One flyer page printed to PDF.
public struct FlyerPageCount: Sendable, Hashable {
    /// The Markdown file, as messages name it (`content/flyers/general-public.ar.md`).
    public var file: String
    /// Its language code (`ar`).
    public var language: String
    /// Its address on the site (`/ar/flyers/general-public/`).
    public var url: String
    /// Printed pages; nil when it could not be printed or counted (see ``outcome``).
    public var pages: Int?
    /// The paper the theme prints on ("A4"), nil when it is another size or unknown.
    public var paper: String?
    /// How Chromium's print ended.
    public var outcome: Chromium.PrintOutcome

    public init(file: String, language: String, url: String, pages: Int?, paper: String?, outcome: Chromium.PrintOutcome) {
        self.file = file
        self.language = language
        self.url = url
        self.pages = pages
        self.paper = paper
        self.outcome = outcome
    }
}

/// Why no flyer was printed.
public enum FlyerPrintFailure: Error, Sendable, Hashable {
    /// Chromium is not installed (or `WAYMARK_CHROMIUM` names a program that is not there).
    case noChromium(override: String?)
    /// The site could not be built to print it; the build's first problem.
    case buildFailed(Diagnostic?)
}

/// Prints a site's flyers (pages with `layout: flyer`) to PDF with headless Chromium and counts
/// their pages, a few at a time, each with a time limit. Everything it writes goes into one
/// temporary folder, removed at the end.
public struct FlyerPrinter: Sendable {
    /// Read for `PATH` and `WAYMARK_CHROMIUM`.
    public var environment: [String: String]
    /// Chromiums running at once: each is a few processes and a few hundred MB.
    public var concurrency = 2
    /// Seconds one print may take before Chromium is stopped.
    public var timeout = 60.0
    /// Keep the PDFs in this folder (named like the page's address) instead of throwing them away.
    public var keepPDFsIn: String?

    public init(environment: [String: String] = ProcessInfo.processInfo.environment) {
        self.environment = environment
    }

    /// Chromium as this printer's environment finds it.
    public var chromium: Chromium? { Chromium.find(environment: environment) }

    /// The flyers of `site`, in a stable order (by file).
    public static func flyers(of site: Site) -> [Page] {
        site.pages.filter { !$0.isGenerated && site.layout(of: $0) == "flyer" }.sorted { $0.displayPath < $1.displayPath }
    }

    /// Builds the site `options` describe into a temporary folder (its own output folder is left
    /// alone) and prints each flyer of `site` in it; one count per flyer, in ``flyers(of:)`` order.
    public func pageCounts(site: Site, options: BuildOptions) -> Result<[FlyerPageCount], FlyerPrintFailure> {
        let flyers = Self.flyers(of: site)
        if flyers.isEmpty { return .success([]) }
        guard let chromium else { return .failure(.noChromium(override: environment[Chromium.overrideVariable])) }
        let work = FileManager.default.temporaryDirectory.appendingPathComponent("waymark-print-" + UUID().uuidString).path
        defer { try? FileManager.default.removeItem(atPath: work) }
        var build = options
        build.outputDirectory = work + "/site"
        if case .failure(let failure) = SiteBuilder(options: build).build() {
            return .failure(.buildFailed(failure.diagnostics.errors.first ?? failure.diagnostics.all.first))
        }
        let jobs = flyers.enumerated().map { index, page in
            PrintJob(page: build.outputDirectory + "/" + page.url.outputFile,
                     pdf: pdfPath(for: page, index: index, work: work), profile: work + "/profile-\(index)")
        }
        let printed = print(jobs, with: chromium)
        return .success(zip(flyers, printed).map { page, result in
            FlyerPageCount(file: page.displayPath, language: page.language.tag.code, url: page.url.value,
                           pages: result.pages, paper: result.paper, outcome: result.outcome)
        })
    }

    /// One page to print: the HTML file, the PDF to write, and a profile folder of its own (two
    /// Chromiums cannot share one).
    public struct PrintJob: Sendable, Hashable {
        public var page: String
        public var pdf: String
        public var profile: String

        public init(page: String, pdf: String, profile: String) {
            self.page = page
            self.pdf = pdf
            self.profile = profile
        }
    }

    /// What printing one job gave.
    public struct PrintResult: Sendable, Hashable {
        public var outcome: Chromium.PrintOutcome
        public var pages: Int?
        public var paper: String?
    }

    /// Prints `jobs`, ``concurrency`` at a time on threads of their own (not the shared pool,
    /// which the caller may be blocking); the results in the jobs' order.
    public func print(_ jobs: [PrintJob], with chromium: Chromium) -> [PrintResult] {
        let results = ResultBox(count: jobs.count)
        let next = ResultBox.Counter()
        let done = DispatchGroup()
        for _ in 0..<max(1, min(concurrency, jobs.count)) {
            done.enter()
            let timeout = self.timeout
            Thread.detachNewThread {
                while let index = next.take(below: jobs.count) {
                    let job = jobs[index]
                    let outcome = chromium.printToPDF(page: job.page, pdf: job.pdf, profile: job.profile, timeout: timeout)
                    let data = outcome == .printed ? FileManager.default.contents(atPath: job.pdf) : nil
                    results.set(index, PrintResult(outcome: outcome, pages: data.flatMap(PDFPageCount.pages(in:)),
                                                   paper: data.flatMap(PDFPageCount.paper(in:))))
                }
                done.leave()
            }
        }
        done.wait()
        return results.values
    }

    private func pdfPath(for page: Page, index: Int, work: String) -> String {
        guard let folder = keepPDFsIn else { return work + "/flyer-\(index).pdf" }
        try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let name = page.url.segments.joined(separator: "-")
        return folder + "/" + (name.isEmpty ? "index" : name) + ".pdf"
    }
}

/// Results filled in by the printing threads, and the next job to take.
private final class ResultBox: @unchecked Sendable {
    private let lock = NSLock()
    private var slots: [FlyerPrinter.PrintResult?]

    init(count: Int) { slots = Array(repeating: nil, count: count) }

    func set(_ index: Int, _ result: FlyerPrinter.PrintResult) {
        lock.withLock { slots[index] = result }
    }

    var values: [FlyerPrinter.PrintResult] {
        lock.withLock { slots.map { $0 ?? FlyerPrinter.PrintResult(outcome: .failed(-1), pages: nil, paper: nil) } }
    }

    final class Counter: @unchecked Sendable {
        private let lock = NSLock()
        private var next = 0

        /// The next index below `limit`, each once; nil when all are taken.
        func take(below limit: Int) -> Int? {
            lock.withLock {
                guard next < limit else { return nil }
                defer { next += 1 }
                return next
            }
        }
    }
}
