import Foundation

/// Watches folders (for `waymark serve`: `content/` and `theme/`) and delivers what changed in
/// debounced batches.
///
/// ```swift
/// let watcher = FileWatcher(roots: [.init(name: "content", path: "site/content")])
/// watcher.start()                       // every folder is watched when this returns
/// for await batch in watcher.changes { … }  // ends after stop()
/// watcher.stop()                        // from anywhere; returns once the watching thread has ended
/// ```
///
/// On Linux it uses inotify; elsewhere, when inotify cannot be had (for instance the system's
/// `max_user_watches` is used up) or when `Options.forcePolling` is set, it reads the trees again
/// every `pollInterval`. Both give the same batches. Hidden names and editors' swap, backup and
/// temporary files (`EditorFiles`) are never reported, so an editor's save of `x.md` — however
/// it goes about it — is one `modified` change of `x.md`. Links are never followed.
public final class FileWatcher: @unchecked Sendable {
    /// A folder to watch and the name its changes are filed under in a `ChangeSet`.
    public struct Root: Sendable, Equatable {
        /// The name used in `ChangeSet.files` and `ChangeSet.rescan`, e.g. `content`.
        public var name: String
        /// The folder on disk; it may be missing (it is watched for once it appears) or a link.
        public var path: String

        public init(name: String, path: String) {
            self.name = name
            self.path = path
        }
    }

    /// How batches are timed and how the watching is done.
    public struct Options: Sendable {
        /// A batch goes out once no change has arrived for this long.
        public var debounce: Duration = .milliseconds(50)
        /// …but no later than this after its first change, so a steady stream still gives batches.
        public var maxDelay: Duration = .milliseconds(500)
        /// Read the trees instead of asking the system for events (network file systems send none).
        public var forcePolling = false
        /// How often polling reads the trees.
        public var pollInterval: Duration = .milliseconds(300)
        /// How many changed files a batch keeps one by one; past this, a root is sent as `rescan`.
        public var pendingLimit = 10_000

        public init() {}
    }

    /// How changes are being noticed.
    public enum Method: Sendable, Equatable {
        case inotify
        case polling
    }

    private enum State {
        case idle
        case running(wake: WakePipe, finished: DispatchSemaphore)
        case stopped
    }

    /// The batches, in order; the stream finishes when the watcher stops. Iterate it once.
    public let changes: AsyncStream<ChangeSet>

    public let roots: [Root]
    public let options: Options
    private let continuation: AsyncStream<ChangeSet>.Continuation
    private let lock = NSLock()
    private var state = State.idle
    private var startedMethod: Method?
    private var inotifyDescriptor: Int32?

    public init(roots: [Root], options: Options = Options()) {
        self.roots = roots
        self.options = options
        (changes, continuation) = AsyncStream.makeStream(of: ChangeSet.self, bufferingPolicy: .unbounded)
    }

    deinit { stop() }

    /// How changes are being noticed, once started.
    public var method: Method? { lock.withLock { startedMethod } }

    /// The inotify descriptor while inotify is in use, for tests that check it is closed.
    var descriptorForTesting: Int32? { lock.withLock { inotifyDescriptor } }

    /// Starts watching; every folder is watched (or read) before this returns, so nothing saved
    /// afterwards is missed. Starting again does nothing; a stopped watcher does not restart.
    @discardableResult
    public func start() -> Method? {
        lock.lock()
        defer { lock.unlock() }
        guard case .idle = state, let wake = WakePipe() else { return startedMethod }
        let continuation = continuation
        let context = WatchContext(roots: roots, options: options, wake: wake) { continuation.yield($0) }
        let finished = DispatchSemaphore(value: 0)
        let watching = Self.prepare(context)
        startedMethod = watching.method
        inotifyDescriptor = watching.descriptor
        state = .running(wake: wake, finished: finished)
        continuation.onTermination = { _ in wake.signal() }
        // Weak: the thread must not keep the watcher alive, or `deinit` could never stop it.
        let thread = Thread { [weak self] in
            watching.run(context) { self?.fellBackToPolling() }
            finished.signal()
        }
        thread.name = "waymark file watcher"
        thread.start()
        return startedMethod
    }

    /// Stops watching and finishes `changes`. Returns once the watching thread has ended and
    /// closed its descriptors (within a few milliseconds). Safe to call more than once.
    public func stop() {
        let previous = lock.withLock {
            let previous = state
            state = .stopped
            return previous
        }
        if case .running(let wake, let finished) = previous {
            wake.signal()
            finished.wait()
            lock.withLock { inotifyDescriptor = nil }
        }
        continuation.finish()
    }

    private func fellBackToPolling() {
        lock.withLock {
            startedMethod = .polling
            inotifyDescriptor = nil
        }
    }
}

extension FileWatcher {
    /// The watching chosen at start, prepared (every folder watched or read).
    private enum Watching: @unchecked Sendable {
        #if os(Linux)
        case inotify(InotifyWatcher)
        #endif
        case polling(PollingWatcher)

        var method: Method {
            switch self {
            #if os(Linux)
            case .inotify: .inotify
            #endif
            case .polling: .polling
            }
        }

        var descriptor: Int32? {
            switch self {
            #if os(Linux)
            case .inotify(let watcher): watcher.descriptor
            #endif
            case .polling: nil
            }
        }

        /// Watches until stopped, switching to polling if inotify runs out of watches.
        func run(_ context: WatchContext, fellBack: () -> Void) {
            switch self {
            #if os(Linux)
            case .inotify(let watcher):
                guard watcher.run() == .needsPolling else { return }
                fellBack()
                let polling = PollingWatcher(context: context)
                // Changes may have been missed while switching: the consumer reads everything again.
                context.deliver(ChangeSet(rescan: Set(context.rootNames)))
                polling.run()
            #endif
            case .polling(let watcher):
                watcher.run()
            }
        }
    }

    private static func prepare(_ context: WatchContext) -> Watching {
        #if os(Linux)
        if !context.options.forcePolling, let watcher = try? InotifyWatcher(context: context) {
            return .inotify(watcher)
        }
        #endif
        return .polling(PollingWatcher(context: context))
    }
}
