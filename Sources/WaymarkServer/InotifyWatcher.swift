#if os(Linux)
import Glibc

/// Watches with Linux inotify: one watch per folder, added before the folder is read so nothing
/// created meanwhile is missed, and added for every new folder as it appears.
///
/// It remembers which files exist, so that a rename onto an existing file (an atomic save) is
/// "modified" and a folder moved away or deleted reports each file in it as deleted.
final class InotifyWatcher: @unchecked Sendable {
    /// Why `run()` returned.
    enum Outcome {
        case stopped
        /// The system ran out of watches (`max_user_watches`): carry on by polling.
        case needsPolling
    }

    /// inotify could not be started or could not watch every folder.
    struct Unavailable: Error {}

    private static let events = UInt32(
        IN_CLOSE_WRITE | IN_MOVED_TO | IN_MOVED_FROM | IN_CREATE | IN_DELETE | IN_DELETE_SELF | IN_MOVE_SELF | IN_ATTRIB
    )

    private let context: WatchContext
    /// The inotify instance; closed when `run()` returns.
    let descriptor: Int32
    private var folders: [Int32: (root: Int, folder: String)] = [:]
    private var watches: [[String: Int32]]
    private var known: [Set<String>]
    /// Watches on the parent of a root that does not exist (yet), to notice it appear.
    private var parentWatches: [Int32: Set<Int>] = [:]
    private var pending: PendingChanges
    /// Set when adding a watch failed for lack of watches or memory.
    private var exhausted = false

    /// Watches every folder under every root, so that changes after this returns are seen.
    init(context: WatchContext) throws {
        descriptor = inotify_init1(Int32(IN_CLOEXEC) | Int32(IN_NONBLOCK))
        guard descriptor >= 0 else { throw Unavailable() }
        self.context = context
        watches = Array(repeating: [:], count: context.roots.count)
        known = Array(repeating: [], count: context.roots.count)
        pending = context.makePending()
        for root in context.roots.indices { setUp(root: root, noting: false, at: .now) }
        if exhausted {
            close(descriptor)
            throw Unavailable()
        }
    }

    /// Reads events and delivers batches until the wake pipe is signalled.
    func run() -> Outcome {
        defer { close(descriptor) }
        var buffer = [UInt8](repeating: 0, count: 64 * 1024)
        while true {
            let timeout = pending.deadline(quiet: context.options.debounce, longest: context.options.maxDelay)
                .map { max(.zero, $0 - ContinuousClock.now) }
            let (readable, stop) = context.wake.wait(for: descriptor, timeout: timeout)
            if stop { return .stopped }
            if readable { readEvents(into: &buffer) }
            if exhausted { return .needsPolling }
            deliverIfDue(at: .now)
        }
    }

    // MARK: Batches

    private func deliverIfDue(at now: ContinuousClock.Instant) {
        let options = context.options
        guard let deadline = pending.deadline(quiet: options.debounce, longest: options.maxDelay), deadline <= now
        else { return }
        let forced = !pending.isQuiet(for: options.debounce, at: now)
        let batch = pending.take(holdingDeletionsAfter: forced ? now - options.debounce : nil)
        if !batch.isEmpty { context.deliver(batch) }
    }

    // MARK: Reading events

    private func readEvents(into buffer: inout [UInt8]) {
        // A bounded number of reads, so a stream of events cannot hold back a due batch.
        for _ in 0..<16 {
            let count = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
            guard count > 0 else { return }
            let now = ContinuousClock.now
            buffer.withUnsafeBytes { raw in
                var offset = 0
                while offset + 16 <= count {
                    let wd = raw.loadUnaligned(fromByteOffset: offset, as: Int32.self)
                    let mask = raw.loadUnaligned(fromByteOffset: offset + 4, as: UInt32.self)
                    let length = Int(raw.loadUnaligned(fromByteOffset: offset + 12, as: UInt32.self))
                    let nameBytes = raw[(offset + 16)..<min(count, offset + 16 + length)].prefix { $0 != 0 }
                    handle(wd: wd, mask: mask, name: String(decoding: nameBytes, as: UTF8.self), at: now)
                    offset += 16 + length
                }
            }
        }
    }

    private func handle(wd: Int32, mask: UInt32, name: String, at now: ContinuousClock.Instant) {
        if mask & UInt32(IN_Q_OVERFLOW) != 0 { return resynchronise(at: now) }
        if let roots = parentWatches[wd] { parentEvent(wd: wd, roots: roots, mask: mask, name: name, at: now) }
        guard let (root, folder) = folders[wd].map({ ($0.root, $0.folder) }) else { return }
        if mask & UInt32(IN_IGNORED | IN_DELETE_SELF | IN_MOVE_SELF) != 0 {
            // A folder below the root is dealt with by its parent's event; the root has no parent watched.
            if folder.isEmpty { rootVanished(root, at: now) } else if mask & UInt32(IN_IGNORED) != 0 { folders[wd] = nil }
            return
        }
        guard !name.isEmpty, !EditorFiles.isIgnored(name) else { return }
        let path = folder.isEmpty ? name : folder + "/" + name
        if mask & UInt32(IN_ISDIR) != 0 {
            folderEvent(root: root, path: path, mask: mask, at: now)
        } else {
            fileEvent(root: root, path: path, mask: mask, at: now)
        }
    }

    private func fileEvent(root: Int, path: String, mask: UInt32, at now: ContinuousClock.Instant) {
        if mask & UInt32(IN_DELETE | IN_MOVED_FROM) != 0 {
            let existed = known[root].remove(path) != nil
            pending.note(root: root, path: path, existedBefore: existed, existsNow: false, at: now)
        } else {
            let existed = !known[root].insert(path).inserted
            pending.note(root: root, path: path, existedBefore: existed, existsNow: true, at: now)
        }
    }

    private func folderEvent(root: Int, path: String, mask: UInt32, at now: ContinuousClock.Instant) {
        if mask & UInt32(IN_CREATE | IN_MOVED_TO) != 0 {
            addTree(root: root, folder: path, noting: true, at: now)
        } else if mask & UInt32(IN_DELETE | IN_MOVED_FROM) != 0 {
            removeTree(root: root, folder: path, at: now)
        }
    }

    // MARK: Watches

    /// Starts watching a root, or its parent if the root does not exist yet.
    private func setUp(root: Int, noting: Bool, at now: ContinuousClock.Instant) {
        var info = stat()
        if stat(context.roots[root].path, &info) == 0, (info.st_mode & S_IFMT) == S_IFDIR {
            addTree(root: root, folder: "", noting: noting, at: now)
        } else {
            watchParent(of: root, at: now)
        }
    }

    /// Watches `folder` and every folder below it, and learns (or reports, when `noting`) the
    /// files already there: they may have been written before the watch was added.
    private func addTree(root: Int, folder: String, noting: Bool, at now: ContinuousClock.Instant) {
        let walk = WatchedTreeWalk(
            rootPath: context.roots[root].path,
            enterFolder: { [self] relative in addWatch(root: root, folder: relative) },
            visitFile: { [self] relative, _, _ in
                let existed = !known[root].insert(relative).inserted
                if noting { pending.note(root: root, path: relative, existedBefore: existed, existsNow: true, at: now) }
            }
        )
        walk.walk(folder)
    }

    private func addWatch(root: Int, folder: String) -> Bool {
        let path = folder.isEmpty ? context.roots[root].path : context.roots[root].path + "/" + folder
        // The root may be a link; nothing below it is followed.
        let mask = Self.events | UInt32(IN_ONLYDIR) | (folder.isEmpty ? 0 : UInt32(IN_DONT_FOLLOW))
        let wd = inotify_add_watch(descriptor, path, mask)
        guard wd >= 0 else {
            if errno == ENOSPC || errno == ENOMEM { exhausted = true }
            return false
        }
        folders[wd] = (root, folder)
        watches[root][folder] = wd
        return true
    }

    /// Stops watching `folder` and what is below it, and reports each file known there deleted.
    private func removeTree(root: Int, folder: String, at now: ContinuousClock.Instant) {
        let prefix = folder + "/"
        let inside = { (path: String) in folder.isEmpty || path == folder || path.hasPrefix(prefix) }
        for (relative, wd) in watches[root] where inside(relative) {
            // Removed now, not on IN_IGNORED: the same folder may be watched again at once under
            // its new name, and late events for the old name must not be read as the new one.
            if parentWatches[wd] == nil { inotify_rm_watch(descriptor, wd) }
            folders[wd] = nil
            watches[root][relative] = nil
        }
        for path in known[root] where inside(path) {
            known[root].remove(path)
            pending.note(root: root, path: path, existedBefore: true, existsNow: false, at: now)
        }
    }

    private func rootVanished(_ root: Int, at now: ContinuousClock.Instant) {
        removeTree(root: root, folder: "", at: now)
        watchParent(of: root, at: now)
    }

    /// Watches the folder that should hold a missing root, to start watching it when it appears.
    private func watchParent(of root: Int, at now: ContinuousClock.Instant) {
        let path = context.roots[root].path
        let parent = path.split(separator: "/", omittingEmptySubsequences: false).dropLast().joined(separator: "/")
        // Added to any mask already there: the parent may itself be a watched folder.
        let mask = UInt32(IN_CREATE | IN_MOVED_TO | IN_ONLYDIR) | UInt32(IN_MASK_ADD)
        let wd = inotify_add_watch(descriptor, parent.isEmpty ? (path.hasPrefix("/") ? "/" : ".") : parent, mask)
        guard wd >= 0 else { return }
        parentWatches[wd, default: []].insert(root)
        // It may have appeared before the watch was added.
        var info = stat()
        if stat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFDIR { rootAppeared(root, parentWatch: wd, at: now) }
    }

    private func parentEvent(wd: Int32, roots: Set<Int>, mask: UInt32, name: String, at now: ContinuousClock.Instant) {
        guard mask & UInt32(IN_ISDIR) != 0, mask & UInt32(IN_CREATE | IN_MOVED_TO) != 0 else { return }
        for root in roots where context.roots[root].path.split(separator: "/").last.map(String.init) == name {
            rootAppeared(root, parentWatch: wd, at: now)
        }
    }

    private func rootAppeared(_ root: Int, parentWatch wd: Int32, at now: ContinuousClock.Instant) {
        parentWatches[wd]?.remove(root)
        if parentWatches[wd]?.isEmpty == true {
            parentWatches[wd] = nil
            if folders[wd] == nil { inotify_rm_watch(descriptor, wd) }
        }
        addTree(root: root, folder: "", noting: true, at: now)
    }

    /// After the kernel dropped events (its queue overflowed), learns every tree afresh and asks
    /// the consumer to read every root again.
    private func resynchronise(at now: ContinuousClock.Instant) {
        let old = Set(folders.keys)
        folders = [:]
        watches = Array(repeating: [:], count: context.roots.count)
        known = Array(repeating: [], count: context.roots.count)
        for root in context.roots.indices {
            pending.markRescan(root: root, at: now)
            setUp(root: root, noting: false, at: now)
        }
        for wd in old.subtracting(folders.keys) where parentWatches[wd] == nil { inotify_rm_watch(descriptor, wd) }
    }
}
#endif
