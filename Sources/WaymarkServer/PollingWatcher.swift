#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Watches by reading the trees again every `pollInterval` and comparing each file's size,
/// modification time (to the nanosecond) and inode with the last reading. Used where inotify is
/// missing or exhausted, and on request (network file systems send no events).
///
/// A batch goes out after a reading that found nothing new, so a save spread over two readings
/// (delete, then create) is one change; a stream of changes still gives a batch every
/// `maxDelay` (at least two readings).
final class PollingWatcher: @unchecked Sendable {
    private let context: WatchContext
    private var snapshots: [[String: FileStamp]]
    private var pending: PendingChanges

    /// Reads every root once, so that changes after this returns are seen.
    init(context: WatchContext) {
        self.context = context
        snapshots = context.roots.map { Self.snapshot(of: $0.path) }
        pending = context.makePending()
    }

    /// Reads the trees until the wake pipe is signalled.
    func run() {
        let interval = context.options.pollInterval
        let longest = max(context.options.maxDelay, interval * 2)
        while true {
            let (_, stop) = context.wake.wait(for: nil, timeout: interval)
            if stop { return }
            let now = ContinuousClock.now
            let changed = readAgain(at: now)
            guard !pending.isEmpty else { continue }
            if !changed {
                deliver(pending.take())
            } else if pending.hasWaited(longest, at: now) {
                deliver(pending.take(holdingDeletionsAfter: now - interval / 2))
            }
        }
    }

    private func deliver(_ batch: ChangeSet) {
        if !batch.isEmpty { context.deliver(batch) }
    }

    /// Compares a new reading of each root with the last; returns whether anything changed.
    private func readAgain(at now: ContinuousClock.Instant) -> Bool {
        var changed = false
        for (root, watched) in context.roots.enumerated() {
            let fresh = Self.snapshot(of: watched.path)
            let old = snapshots[root]
            for (path, stamp) in fresh where old[path] != stamp {
                pending.note(root: root, path: path, existedBefore: old[path] != nil, existsNow: true, at: now)
                changed = true
            }
            for path in old.keys where fresh[path] == nil {
                pending.note(root: root, path: path, existedBefore: true, existsNow: false, at: now)
                changed = true
            }
            snapshots[root] = fresh
        }
        return changed
    }

    /// Every file under `path` with its stamp; empty when the folder is missing.
    static func snapshot(of path: String) -> [String: FileStamp] {
        var files: [String: FileStamp] = [:]
        let walk = WatchedTreeWalk(
            rootPath: path,
            enterFolder: { _ in true },
            visitFile: { relative, folder, name in
                if let stamp = WatchedTreeWalk.stamp(of: name, in: folder) { files[relative] = stamp }
            }
        )
        walk.walk("")
        return files
    }
}
