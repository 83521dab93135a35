import Dispatch
import Foundation
#if canImport(Glibc)
import Glibc
#endif
import WaymarkCore
import WaymarkSite

/// `waymark serve` from start to Ctrl-C: watch the sources, build the site into memory, serve it,
/// and after every save rebuild what changed and tell open pages once the new files are in place.
public struct PreviewSession: Sendable {
    /// What happened, for the terminal.
    public enum Report: Sendable {
        /// Listening at this address.
        case serving(url: String)
        /// A build finished (`pagesRendered` nil: the whole site) in `seconds`.
        case built(PreviewBuilder.Outcome, seconds: Double, first: Bool)
        /// The search index caught up with re-rendered pages.
        case indexed(PreviewBuilder.Outcome, seconds: Double)
    }

    public var build: BuildOptions
    public var server: PreviewServerConfiguration
    /// Forces polling instead of inotify (network drives).
    public var poll = false

    public init(build: BuildOptions, server: PreviewServerConfiguration, poll: Bool = false) {
        self.build = build
        self.server = server
        self.poll = poll
    }

    /// Runs until the task is cancelled. Throws ``PreviewServerError`` when the address cannot
    /// be used.
    public func run(report: @escaping @Sendable (Report) -> Void) async throws {
        var options = FileWatcher.Options()
        options.forcePolling = poll
        // Without a theme folder the conventional one is watched, so creating it rebuilds the site.
        let watcher = FileWatcher(roots: [.init(name: "content", path: build.sourceDirectory), .init(name: "theme", path: ThemeLocation.watchedFolder(build))],
                                  options: options)
        // Watching starts before the first build, so a save during it is not missed.
        watcher.start()
        defer { watcher.stop() }
        let builder = PreviewBuildQueue(PreviewBuilder(options: build))
        let first = await builder.run { ($0.build(), $0.interfaceText, $0.basePath) }
        var outcome = (outcome: first.outcome.0, seconds: first.seconds)
        report(.built(outcome.outcome, seconds: outcome.seconds, first: true))
        var configuration = server
        configuration.strings = first.outcome.1
        configuration.basePath = PreviewServerConfiguration.normalisedBasePath(first.outcome.2)
        let hub = PreviewHub(snapshot: PreviewSession.snapshot(outcome.outcome, generation: 1))
        let http = PreviewHTTPServer(hub: hub, configuration: configuration)
        let port = try await http.start()
        report(.serving(url: PreviewSession.address(configuration, port: port)))
        var generation = 1
        for await batch in watcher.changes {
            if Task.isCancelled { break }
            let change = Change(batch)
            outcome = await builder.run { $0.update(contentPaths: change.contentPaths, everything: change.everything) }
            generation += 1
            await hub.publish(PreviewSession.snapshot(outcome.outcome, generation: generation), change: change.browserChange(after: outcome.outcome))
            report(.built(outcome.outcome, seconds: outcome.seconds, first: false))
            // The pages are served and announced first; their search index follows.
            let search = await builder.run { builder in builder.hasPendingSearch ? builder.finishSearch() : nil }
            if let search = search.outcome {
                await hub.replaceQuietly(PreviewSession.snapshot(search, generation: generation))
                report(.indexed(search, seconds: search.stages.reduce(0) { $0 + $1.seconds }))
            }
            await builder.returnFreeMemory()
        }
        await http.stop()
    }

    static func snapshot(_ outcome: PreviewBuilder.Outcome, generation: Int) -> PreviewSnapshot {
        PreviewSnapshot(generation: generation, files: InMemoryFiles(outcome.files), diagnostics: outcome.diagnostics)
    }

    static func address(_ configuration: PreviewServerConfiguration, port: UInt16) -> String {
        let host = ["0.0.0.0", "::", "127.0.0.1", "localhost"].contains(configuration.bindAddress) ? "localhost"
            : configuration.bindAddress.contains(":") ? "[\(configuration.bindAddress)]" : configuration.bindAddress
        return "http://\(host):\(port)\(configuration.basePath)"
    }

    /// One batch of saves, as the builder and the browser need it.
    struct Change {
        var contentPaths: Set<String>
        /// A theme file, or more than could be listed: the whole site is built.
        var everything: Bool
        /// Only stylesheets of the theme changed.
        var stylesheetsOnly: Bool

        init(_ batch: ChangeSet) {
            contentPaths = Set(batch.changes(in: "content").keys)
            let theme = batch.changes(in: "theme")
            everything = !batch.rescan.isEmpty || !theme.isEmpty
            stylesheetsOnly = batch.rescan.isEmpty && contentPaths.isEmpty && !theme.isEmpty
                && theme.allSatisfy { $0.key.hasSuffix(".css") && $0.value == .modified }
        }

        /// What open pages should do: show the problems, swap stylesheets, or reload.
        func browserChange(after outcome: PreviewBuilder.Outcome) -> PreviewChange {
            if outcome.failed { return .diagnostics }
            if stylesheetsOnly && !outcome.stylesheets.isEmpty { return .stylesheets(outcome.stylesheets) }
            return .reload
        }
    }
}

/// Runs the builder on a thread of its own: a full build of a large site takes seconds, which
/// must not hold up the threads that serve requests and the watcher's batches.
final class PreviewBuildQueue: @unchecked Sendable {
    // Only touched on `queue`.
    private var builder: PreviewBuilder
    private let queue = DispatchQueue(label: "waymark.preview-build")

    init(_ builder: PreviewBuilder) {
        self.builder = builder
        PreviewBuildQueue.limitMallocArenas()
    }

    /// glibc gives each new thread its own heap (up to eight per core) and never merges them: the
    /// build's worker threads change from one rebuild to the next, so freed memory piles up in
    /// heaps nobody uses again and a long-running preview grows. Two heaps are enough here.
    static func limitMallocArenas() {
        #if canImport(Glibc)
        typealias Mallopt = @convention(c) (Int32, Int32) -> Int32
        guard let symbol = dlsym(dlopen(nil, RTLD_NOW), "mallopt") else { return }
        let arenaMax: Int32 = -8  // M_ARENA_MAX in <malloc.h>
        _ = unsafeBitCast(symbol, to: Mallopt.self)(arenaMax, 2)
        #endif
    }

    /// Hands memory freed by a rebuild back to the system, off the path to the reload: without
    /// it glibc keeps each thread's freed blocks, and a preview left running for hours grows.
    func returnFreeMemory() async {
        #if canImport(Glibc)
        // Looked up at run time: Glibc's Swift module does not declare `malloc_trim` (<malloc.h>).
        typealias MallocTrim = @convention(c) (Int) -> Int32
        guard let symbol = dlsym(dlopen(nil, RTLD_NOW), "malloc_trim") else { return }
        let trim = unsafeBitCast(symbol, to: MallocTrim.self)
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            queue.async {
                _ = trim(0)
                continuation.resume()
            }
        }
        #endif
    }

    func run<Result: Sendable>(_ work: @escaping @Sendable (inout PreviewBuilder) -> Result) async -> (outcome: Result, seconds: Double) {
        await withCheckedContinuation { continuation in
            queue.async {
                let started = DispatchTime.now()
                let outcome = work(&self.builder)
                continuation.resume(returning: (outcome, Double(DispatchTime.now().uptimeNanoseconds - started.uptimeNanoseconds) / 1e9))
            }
        }
    }
}
