import ArgumentParser
import Dispatch
import Foundation
import WaymarkCore
import WaymarkServer
import WaymarkSite

/// `waymark serve`: a live preview that rebuilds on every save.
public struct ServeCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Preview the site in a browser, rebuilding it every time a file is saved.",
        discussion: """
        Builds the site into memory (output/ is never touched), serves it, watches the content \
        and theme folders, and rebuilds on every save; open pages reload by themselves, and show \
        the problems when a build fails. Press Ctrl-C to stop. Exit status: 0 stopped, 1 the \
        address could not be used, 2 wrong command-line usage.
        """)

    @OptionGroup var site: SiteFolderOptions

    @Option(name: .long, help: "The port to listen on.")
    public var port: UInt16 = 1313

    @Option(name: .long, help: "The address to listen on: 127.0.0.1 (this computer only) or 0.0.0.0 (the network too).")
    public var bind = "127.0.0.1"

    @Option(name: .customLong("allow-host"), help: "Another host name the preview answers to (e.g. this computer's name on the network). Repeatable.")
    public var allowedHosts: [String] = []

    @Flag(name: .long, help: "Check for changes every few tenths of a second instead of asking the system (for network drives).")
    public var poll = false

    @Flag(name: .long, help: "Print only warnings and errors.")
    public var quiet = false

    @Flag(name: .long, help: "Also print how long each stage of every rebuild took.")
    public var timings = false

    public init() {}

    public func run() throws {
        let printer = DiagnosticPrinter { FileHandle.standardError.write(Data(($0 + "\n").utf8)) }
        if !Self.isLoopback(bind) {
            printer.write("warning: the preview at \(bind) can be seen by other computers on the network, drafts included")
        }
        var options = site.buildOptions(output: "")
        let progress = ProgressLine.forTerminal(quiet: quiet)
        options.progress = progress?.callback
        let session = PreviewSession(
            build: options,
            server: PreviewServerConfiguration(bindAddress: bind, port: port, allowedHosts: allowedHosts), poll: poll)
        let quiet = self.quiet, timings = self.timings
        let source = SiteBuilder.display(site.source)
        let failure = ServeResult()
        let task = Task {
            do {
                try await session.run { report in
                    progress?.finish()
                    ServeCommand.print(report, printer: printer, quiet: quiet, timings: timings, source: source)
                }
            } catch {
                failure.set(error)
            }
        }
        let stop = ServeCommand.stopOnSignals { task.cancel() }
        failure.wait(for: task)
        stop.forEach { $0.cancel() }
        if let error = failure.error as? PreviewServerError {
            printer.write("error: \(error.summary)")
            if let help = error.help { printer.write("    help: \(help)") }
            throw ExitCode(1)
        } else if let error = failure.error {
            printer.write("error: the preview stopped: \(error.localizedDescription)")
            throw ExitCode(1)
        }
    }

    /// A line on standard output at once, not when a buffer fills: the preview runs for hours.
    static func say(_ line: String) {
        FileHandle.standardOutput.write(Data((line + "\n").utf8))
    }

    static func isLoopback(_ address: String) -> Bool {
        ["127.0.0.1", "localhost", "::1", "[::1]"].contains(address) || address.hasPrefix("127.")
    }

    /// Ctrl-C and SIGTERM stop the preview cleanly instead of killing it mid-response.
    static func stopOnSignals(_ stop: @escaping @Sendable () -> Void) -> [DispatchSourceSignal] {
        [SIGINT, SIGTERM].map { number in
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
            source.setEventHandler(handler: stop)
            source.resume()
            return source
        }
    }

    static func print(_ report: PreviewSession.Report, printer: DiagnosticPrinter, quiet: Bool, timings: Bool, source: String) {
        switch report {
        case .serving(let url):
            if !quiet { say("Serving \(source)/ at \(url) — press Ctrl-C to stop.") }
        case .indexed(let outcome, let seconds):
            if timings {
                say("Search index updated in \(Int((seconds * 1000).rounded())) ms.")
                for stage in outcome.stages {
                    say("  " + stage.name.padding(toLength: 36, withPad: " ", startingAt: 0) + String(format: "%7.1f ms", stage.seconds * 1000))
                }
            }
        case .built(let outcome, let seconds, let first):
            printer.print(all: outcome.diagnostics)
            let time = seconds < 1 ? "\(Int((seconds * 1000).rounded())) ms" : String(format: "%.2f s", seconds)
            if outcome.failed {
                let errors = outcome.diagnostics.count { $0.severity == .error }
                printer.write("\(counted(errors, "error")) — \(first ? "nothing to show until it is fixed and saved" : "the preview shows the last good build until it is fixed and saved").")
            } else if !quiet {
                let what = outcome.pagesRendered.map { counted($0, "page") + " rebuilt" } ?? (first ? "Built the site" : "Rebuilt the site")
                say("\(what) in \(time).")
            }
            if timings {
                for stage in outcome.stages {
                    say("  " + stage.name.padding(toLength: 36, withPad: " ", startingAt: 0) + String(format: "%7.1f ms", stage.seconds * 1000))
                }
            }
        }
    }
}

/// The preview's error, if it stopped with one, handed from its task to the waiting command.
final class ServeResult: @unchecked Sendable {
    private let lock = NSLock()
    private var stored: (any Error)?
    private let done = DispatchSemaphore(value: 0)

    var error: (any Error)? { lock.withLock { stored } }
    func set(_ error: any Error) { lock.withLock { stored = error } }

    /// Blocks the command's thread until `task` ends.
    func wait(for task: Task<Void, Never>) {
        Task { _ = await task.value; done.signal() }
        done.wait()
    }
}
