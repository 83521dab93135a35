import ArgumentParser
import Foundation
import WaymarkCore
import WaymarkSite

/// `waymark build`: checks the content and writes the site.
public struct BuildCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "build",
        abstract: "Check the content and build the site into the output folder.",
        discussion: """
        On success the output folder is replaced by the new site in one step. On any error nothing \
        is written: the output folder stays exactly as it was. Exit status: 0 built, 1 content \
        errors, 2 wrong command-line usage.
        """)

    @OptionGroup var site: SiteFolderOptions

    @Option(name: .long, help: "Where to write the site. Replaced as a whole on success.")
    public var output = "output"

    @Flag(name: .long, help: "Print only warnings and errors, no summary.")
    public var quiet = false

    @Flag(name: .long, help: "Also print how long each stage of the build took.")
    public var timings = false

    public init() {}

    public func run() throws {
        var options = site.buildOptions(output: output)
        let printer = DiagnosticPrinter { FileHandle.standardError.write(Data(($0 + "\n").utf8)) }
        let progress = ProgressLine.forTerminal(quiet: quiet)
        options.progress = progress?.callback
        let result = SiteBuilder(options: options).build()
        progress?.finish()
        switch result {
        case .success(let report):
            printer.print(all: report.warnings)
            if !quiet { Swift.print(summary(report)) }
            if timings {
                for stage in report.stages {
                    Swift.print("  " + stage.name.padding(toLength: 36, withPad: " ", startingAt: 0) + String(format: "%7.3f s", stage.seconds))
                }
            }
        case .failure(let failure):
            let sorted = failure.diagnostics.sorted
            printer.print(all: sorted)
            let errors = sorted.filter { $0.severity == .error }.count
            printer.write("\(counted(errors, "error")) — nothing was published; \(SiteBuilder.display(output)) is unchanged.")
            throw ExitCode(1)
        }
    }

    private func summary(_ report: BuildReport) -> String {
        let pages = report.pagesPerLanguage.map { "\($0.language) \($0.count)" }.joined(separator: ", ")
        let warnings = report.warnings.isEmpty ? "" : ", \(counted(report.warnings.count, "warning"))"
        var translations = ""
        if report.unreviewedTranslations > 0 {
            translations += "\n\(counted(report.unreviewedTranslations, "translation")) not yet checked by a qualified translator"
        }
        if report.staleTranslations > 0 {
            translations += "\n\(counted(report.staleTranslations, "translation")) older than the page it translates"
        }
        return "Built \(counted(report.pagesPerLanguage.reduce(0) { $0 + $1.count }, "page")) (\(pages)), "
            + "\(counted(report.filesWritten, "file")) written to \(SiteBuilder.display(output))/ in "
            + String(format: "%.2f s", report.seconds) + warnings + "." + translations
    }
}
