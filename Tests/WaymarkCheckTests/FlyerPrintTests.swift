import Foundation
import Testing
import WaymarkContent
import WaymarkCore
import WaymarkSite
@testable import WaymarkCheck

/// `waymark check --print` and the theme's print stylesheet: each flyer in each language on one
/// A4 page. These run Chromium (a couple of seconds a print), so the suite is serialised and each
/// test prints several pages two at a time.
@Suite(.serialized, .enabled(if: FlyerPrintSupport.chromium != nil, Comment(rawValue: FlyerPrintSupport.noChromium)))
struct FlyerPrintTests {
    typealias Support = FlyerPrintSupport

    /// Pages with one, two and three sheets' worth of content, printed by Chromium as the check does.
    @Test func pageCounterAgreesWithPdfinfoOnChromiumsPDFs() throws {
        let folder = Support.temporaryFolder("pdf-count")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let sheets = [1, 2, 3]
        let jobs = try sheets.map { count in
            let page = folder + "/page-\(count).html"
            let sections = (1...count).map { "<section style=\"break-before: page\"><h1>Page \($0)</h1><p>Text.</p></section>" }
            try Data("<!DOCTYPE html><html lang=\"en\"><title>\(count)</title>\(sections.joined())</html>".utf8)
                .write(to: URL(fileURLWithPath: page))
            return FlyerPrinter.PrintJob(page: page, pdf: folder + "/page-\(count).pdf", profile: folder + "/profile-\(count)")
        }
        let results = FlyerPrinter().print(jobs, with: try #require(Support.chromium))
        for (count, (job, result)) in zip(sheets, zip(jobs, results)) {
            #expect(result.outcome == .printed)
            #expect(result.pages == count, "page-\(count).html")
            #expect(PDFPageCount.pages(ofFile: job.pdf) == count)
            if let pdfinfo = Support.pdfinfoPages(job.pdf) { #expect(pdfinfo == count, "pdfinfo on page-\(count).pdf") }
        }
        // A page tree is not a page, and what is not a PDF has no count.
        #expect(PDFPageCount.pages(in: Data("%PDF-1.4\n1 0 obj\n<</Type /Pages /Count 0>>\nendobj\n".utf8)) == nil)
        #expect(PDFPageCount.pages(in: Data("<html>/Type /Page</html>".utf8)) == nil)
        #expect(!FileManager.default.fileExists(atPath: jobs[0].profile), "the Chromium profile is removed")
    }

    /// The example site's flyers (six languages, Arabic among them) each print on one A4 page.
    @Test func exampleFlyersPrintOnOnePage() throws {
        let options = BuildOptions(sourceDirectory: Support.exampleContent, themeDirectory: Support.theme)
        let site = try #require(SiteBuilder(options: options).checkWithoutWriting().site)
        let counts = try FlyerPrinter().pageCounts(site: site, options: options).get()
        #expect(Set(counts.map(\.language)) == ["en", "pl", "ro", "sq", "vi", "ar"])
        for count in counts {
            #expect(count.pages == 1, "\(count.file) prints on \(count.pages.map(String.init) ?? "?") pages")
            #expect(count.paper == "A4", "\(count.file)")
        }
    }

    /// Each language's flyer a third longer than the example's still fits one page; one three and
    /// a half times as long, in the same site, is reported at its `layout:` line.
    @Test func longFlyersFitAndAFarTooLongOneIsReported() throws {
        let folder = Support.temporaryFolder("long-flyers")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let content = try Support.longFlyersCopy(in: folder, adding: ["flyers/far-too-long.md": try Self.farTooLong()])
        var options = CheckOptions(build: BuildOptions(sourceDirectory: content, themeDirectory: Support.theme),
                                   today: CalendarDate("2025-07-01")!)
        options.print = true
        let printFolders = { try FileManager.default.contentsOfDirectory(atPath: NSTemporaryDirectory()).filter { $0.hasPrefix("waymark-print-") } }
        let before = try printFolders()
        let report = ContentChecker(options: options).run()
        let findings = report.problems.filter { $0.rule == "flyer-pages" }
        let farTooLong = content + "/flyers/far-too-long.md"
        #expect(findings.map(\.location) == [SourceLocation(file: farTooLong, line: 3)],
                "only the far too long flyer: \(findings.map { "\($0.location.prefix): \($0.summary)" })")
        let finding = try #require(findings.first)
        #expect(finding.summary == "this flyer prints on 3 A4 pages; a flyer should fit on one")
        #expect(finding.severity == .warning)
        #expect(finding.help?.hasPrefix("shorten it") == true)
        let flyers = report.pages.filter { $0.layout == "flyer" }.map(\.language)
        #expect(Set(flyers) == ["en", "pl", "ro", "sq", "vi", "lt", "ar"], "the fixture has a long flyer in every language")
        let left = Set(try printFolders()).subtracting(before)
        #expect(left.isEmpty, "temporary print folders left behind: \(left)")
    }

    /// Without Chromium, one warning at the first flyer says so and how to install it; nothing is printed.
    @Test func withoutChromiumOneWarningSaysHowToInstallIt() throws {
        let options = BuildOptions(sourceDirectory: Support.longFlyers, themeDirectory: Support.theme)
        let site = try #require(SiteBuilder(options: options).checkWithoutWriting().site)
        let nowhere = FlyerPrinter(environment: ["PATH": "/nonexistent"])
        let (problems, counts) = FlyerPrintRules.run(site: site, options: options, printer: nowhere)
        #expect(counts.isEmpty)
        let problem = try #require(problems.first)
        #expect(problems.count == 1)
        #expect(problem.rule == "flyer-pages" && problem.severity == .warning)
        #expect(problem.location == SourceLocation(file: Support.longFlyers + "/flyers/general-public.ar.md", line: 4))
        #expect(problem.summary == "this flyer and 6 other flyers were not printed to check that they fit on one page: Chromium was not found")
        #expect(problem.help?.contains("sudo apt install chromium") == true)

        let misnamed = FlyerPrinter(environment: ["PATH": "/usr/bin", "WAYMARK_CHROMIUM": "/nonexistent/chrome"])
        let wrong = FlyerPrintRules.run(site: site, options: options, printer: misnamed).problems
        #expect(wrong.map(\.summary) == ["this flyer and 6 other flyers were not printed to check that they fit on one page: "
                                         + "WAYMARK_CHROMIUM is set to '/nonexistent/chrome', which is not a program on this computer"])
    }

    /// A Chromium that fails, or hangs, gives a finding at each flyer rather than a pass or a hang.
    @Test func aFailedPrintIsReportedNotPassed() throws {
        let folder = Support.temporaryFolder("fake-chromium")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let options = BuildOptions(sourceDirectory: Support.longFlyers, themeDirectory: Support.theme)
        let site = try #require(SiteBuilder(options: options).checkWithoutWriting().site)
        for (name, script, reason) in [("fails", "exit 3", "Chromium stopped without printing (exit status 3)"),
                                       ("hangs", "exec sleep 30", "Chromium did not finish within 1 second")] {
            let fake = folder + "/" + name
            try Data("#!/bin/sh\n\(script)\n".utf8).write(to: URL(fileURLWithPath: fake))
            try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: fake)
            var printer = FlyerPrinter(environment: ["PATH": "/usr/bin:/bin", "WAYMARK_CHROMIUM": fake])
            printer.timeout = 1
            printer.concurrency = 7
            let (problems, counts) = FlyerPrintRules.run(site: site, options: options, printer: printer)
            #expect(counts.count == 7 && counts.allSatisfy { $0.pages == nil }, "\(name)")
            #expect(problems.count == 7, "\(name): one finding per flyer")
            let english = try #require(problems.first { $0.location.file.hasSuffix("/general-public.md") })
            #expect(english.location.line == 4)
            #expect(english.summary == "this flyer could not be printed to count its pages: " + reason)
            #expect(english.rule == "flyer-pages" && english.severity == .warning)
        }
    }

    /// The print stylesheet shrinks type, but not below a readable size: every piece of text on a
    /// printed flyer at least 9.5pt (the translation notice), body text 10pt, the numbers on contact
    /// cards 18pt. Measured in Chromium with the stylesheet's print rules applied to the screen.
    @Test func printedTypeStaysReadable() throws {
        let folder = Support.temporaryFolder("type-probe")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let output = folder + "/site"
        let build = SiteBuilder(options: BuildOptions(sourceDirectory: Support.longFlyers, themeDirectory: Support.theme, outputDirectory: output)).build()
        if case .failure(let failure) = build { Issue.record("build failed: \(failure.diagnostics.all)"); return }
        let pages = ["flyers/general-public/index.html", "ar/flyers/general-public/index.html"]
        let probes = try pages.map { try PrintTypeProbe.make(page: output + "/" + $0) }
        let chromium = try #require(Support.chromium)
        let sizes = Support.inParallel(Array(zip(pages, probes))) { page, probe in
            (page, PrintTypeProbe.fontSizes(probe, chromium: chromium, profile: folder + "/profile-" + UUID().uuidString))
        }
        for (page, measured) in sizes {
            let measured = try #require(measured, "\(page): Chromium gave no font sizes")
            #expect(measured.count > 20, "\(page): \(measured.count) pieces of text measured")
            for text in measured {
                #expect(text.points >= 9.5, "\(page): \(text.element) is \(text.points)pt")
            }
            let body = measured.filter { ["p", "li"].contains($0.tag) && !$0.inCard && $0.element != "p.notice" }
            #expect(!body.isEmpty && body.allSatisfy { $0.points >= 10 }, "\(page): body text \(Set(body.map(\.points)))")
            let numbers = measured.filter { $0.inCard && $0.element.hasSuffix(".contact-number") }
            #expect(numbers.count == 2 && numbers.allSatisfy { $0.points >= 18 }, "\(page): card numbers \(numbers.map(\.points))")
        }
    }

    /// The example's English flyer body three and a half times over.
    static func farTooLong() throws -> String {
        let flyer = try String(contentsOfFile: Support.longFlyers + "/flyers/general-public.md", encoding: .utf8)
        let body = flyer.components(separatedBy: "---\n").dropFirst(2).joined(separator: "---\n")
        let half = body.components(separatedBy: "## Who to call").first ?? ""
        return "---\ntitle: \"Flyer: far too long\"\nlayout: flyer\n---\n" + String(repeating: body + "\n", count: 3) + half
    }
}

/// A copy of a built flyer page whose stylesheet's print rules also apply on screen, with a
/// script that lists the font size of every visible piece of text, read back with `--dump-dom`.
enum PrintTypeProbe {
    struct Text: Sendable {
        var tag: String
        /// `tag.class` of the nearest element with a class.
        var element: String
        var inCard: Bool
        var points: Double
    }

    static let script = """
    <script>
    (function () {
      var out = [];
      var all = document.querySelectorAll('.site-header *, main *');
      for (var i = 0; i < all.length; i++) {
        var el = all[i];
        var own = Array.prototype.some.call(el.childNodes, function (n) { return n.nodeType === 3 && n.textContent.trim() !== ''; });
        if (!own || !el.checkVisibility()) continue;
        var named = el.closest('[class]');
        out.push([el.tagName.toLowerCase(), named ? named.tagName.toLowerCase() + '.' + named.classList[0] : el.tagName.toLowerCase(),
                  el.closest('.contact-card') ? 1 : 0, getComputedStyle(el).fontSize].join(' '));
      }
      var pre = document.createElement('pre');
      pre.id = 'waymark-font-sizes';
      pre.textContent = out.join('\\n');
      document.body.appendChild(pre);
    })();
    </script>
    """

    /// Writes the probe beside `page` and returns its path.
    static func make(page: String) throws -> String {
        var html = try String(contentsOfFile: page, encoding: .utf8)
        let folder = (page as NSString).deletingLastPathComponent
        let link = try #require(html.firstMatch(of: #/<link rel="stylesheet" href="([^"]+)">/#))
        let cssPath = URL(fileURLWithPath: folder).appendingPathComponent(String(link.output.1)).standardized.path
        let css = try String(contentsOfFile: cssPath, encoding: .utf8)
        #expect(css.contains("@media print"))
        try Data(css.replacingOccurrences(of: "@media print", with: "@media all").utf8)
            .write(to: URL(fileURLWithPath: folder + "/probe.css"))
        html = html.replacingOccurrences(of: link.output.0, with: #"<link rel="stylesheet" href="probe.css">"#)
        html = html.replacing(#/<meta http-equiv="Content-Security-Policy"[^>]*>/#, with: "")
        html = html.replacingOccurrences(of: "</body>", with: script + "</body>")
        let probe = folder + "/probe.html"
        try Data(html.utf8).write(to: URL(fileURLWithPath: probe))
        return probe
    }

    /// The sizes Chromium computed, in points; nil when it printed none.
    static func fontSizes(_ probe: String, chromium: Chromium, profile: String) -> [Text]? {
        defer { try? FileManager.default.removeItem(atPath: profile) }
        let arguments = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-extensions",
                         "--disable-background-networking", "--user-data-dir=" + profile, "--dump-dom",
                         URL(fileURLWithPath: probe).absoluteString]
        guard let dom = FlyerPrintSupport.output(of: chromium.executable, arguments),
              let list = dom.firstMatch(of: #/<pre id="waymark-font-sizes">([^<]*)</pre>/#) else { return nil }
        return list.output.1.split(separator: "\n").compactMap { line in
            let parts = line.split(separator: " ")
            guard parts.count == 4, parts[3].hasSuffix("px"), let pixels = Double(parts[3].dropLast(2)) else { return nil }
            return Text(tag: String(parts[0]), element: String(parts[1]), inCard: parts[2] == "1",
                        points: (pixels * 0.75 * 100).rounded() / 100)
        }
    }
}
