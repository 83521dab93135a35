import ArgumentParser
import Foundation
import WaymarkCheck
import WaymarkContent
import WaymarkCore
import WaymarkSite

extension CheckFormat: ExpressibleByArgument {}

/// `waymark check`: everything the build checks, plus the content rules, without publishing.
public struct CheckCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Check the content (accessibility, plain English, review dates) without publishing.",
        discussion: """
        Runs every check 'waymark build' makes, then the content rules described in \
        docs/CONTENT.md ("Checking the content"). Nothing is written except a --report. \
        Exit status: 0 no errors, 1 problems at error level, 2 wrong command-line usage.
        """)

    @OptionGroup var site: SiteFolderOptions

    @Flag(name: .long, help: "Treat every warning as an error (for CI).")
    public var strict = false

    @Option(name: .long, help: "How to print the problems: text, github, gitlab or json.")
    public var format: CheckFormat = .text

    @Option(name: .long, help: "Also write a report for people to read, as one HTML page, to this file.")
    public var report: String?

    @Flag(name: .long, help: "Also check links to other sites (needs the network).")
    public var external = false

    @Option(name: .customLong("external-cache"), help: "Where --external keeps results between runs.")
    public var externalCache = ".waymark-links.json"

    @Flag(name: .long, help: "Also print every flyer to PDF with Chromium and count its pages.")
    public var print = false

    @Flag(name: .long, help: "Show no progress line, even on a terminal.")
    public var quiet = false

    @Option(name: .long, help: "Count review dates from this day (YYYY-MM-DD) instead of today.")
    public var today: String?

    public init() {}

    public func validate() throws {
        if let today, CalendarDate(today) == nil { throw ValidationError("--today should be a date written YYYY-MM-DD, not '\(today)'") }
    }

    public func run() throws {
        var build = site.buildOptions(output: "output")
        let progress = ProgressLine.forTerminal(quiet: quiet)
        build.progress = progress?.callback
        var options = CheckOptions(build: build,
                                   today: today.flatMap(CalendarDate.init) ?? .today())
        options.strict = strict
        options.print = print
        if external {
            var externalOptions = ExternalLinkOptions()
            externalOptions.cacheFile = externalCache.isEmpty ? nil : externalCache
            options.external = externalOptions
        }
        let result = ContentChecker(options: options).run()
        progress?.finish()
        FileHandle.standardOutput.write(Data(format.render(result).utf8))
        if format == .github { GitHubFormat.writeStepSummary(result) }
        if let report {
            do {
                try Data(HTMLReport.render(result).utf8).write(to: URL(fileURLWithPath: report))
            } catch {
                FileHandle.standardError.write(Data("\(report): error: the report could not be written: \(error.localizedDescription)\n".utf8))
                throw ExitCode(1)
            }
        }
        if result.exitStatus != 0 { throw ExitCode(result.exitStatus) }
    }
}
