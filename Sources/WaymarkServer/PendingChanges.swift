/// Changes seen but not yet delivered, folded per file, and the timing of the batch they will
/// make (quiet period and longest wait).
///
/// Each file keeps whether it existed when the batch began and whether it exists now, so any
/// sequence of events (delete, create, rename onto, write) folds into one change. The number of
/// files kept is capped: past the cap a root is marked for a rescan and its files are dropped,
/// so a hundred thousand events cost no more memory than the cap.
struct PendingChanges {
    typealias Instant = ContinuousClock.Instant

    private struct Entry {
        var existedBefore: Bool
        var existsNow: Bool
        var lastEvent: Instant
    }

    private let rootNames: [String]
    private let limit: Int
    private var entries: [[String: Entry]]
    private var rescan: Set<Int> = []
    private var count = 0
    private var firstEvent: Instant?
    private var lastEvent: Instant?

    init(rootNames: [String], limit: Int) {
        self.rootNames = rootNames
        self.limit = max(1, limit)
        entries = Array(repeating: [:], count: rootNames.count)
    }

    var isEmpty: Bool { firstEvent == nil }

    /// Records that `path` under root `root` existed (or not) before this event and does (or
    /// not) after it.
    mutating func note(root: Int, path: String, existedBefore: Bool, existsNow: Bool, at now: Instant) {
        stamp(now)
        guard !rescan.contains(root) else { return }
        if var entry = entries[root][path] {
            entry.existsNow = existsNow
            entry.lastEvent = now
            entries[root][path] = entry
            return
        }
        guard count < limit else { return markRescan(root: root, at: now) }
        entries[root][path] = Entry(existedBefore: existedBefore, existsNow: existsNow, lastEvent: now)
        count += 1
    }

    /// Records that the watcher lost track of root `root`: the consumer must read it again.
    mutating func markRescan(root: Int, at now: Instant) {
        stamp(now)
        rescan.insert(root)
        count -= entries[root].count
        entries[root] = [:]
    }

    /// When the pending batch should go out: after `quiet` without events, but no later than
    /// `longest` after its first event. Nil when nothing is pending.
    func deadline(quiet: Duration, longest: Duration) -> Instant? {
        guard let firstEvent, let lastEvent else { return nil }
        return min(lastEvent + quiet, firstEvent + longest)
    }

    /// True when no event has arrived for `quiet`.
    func isQuiet(for quiet: Duration, at now: Instant) -> Bool {
        lastEvent.map { $0 + quiet <= now } ?? true
    }

    /// True when the first pending event is at least `longest` old.
    func hasWaited(_ longest: Duration, at now: Instant) -> Bool {
        firstEvent.map { $0 + longest <= now } ?? false
    }

    /// Takes the batch, leaving nothing pending. When `holdingRecentDeletions` is given (a batch
    /// forced out by the longest wait during a stream of events), files deleted after that
    /// instant stay pending, so that an atomic save caught half-way is not sent as a deletion.
    mutating func take(holdingDeletionsAfter cutoff: Instant? = nil) -> ChangeSet {
        var batch = ChangeSet()
        var kept = PendingChanges(rootNames: rootNames, limit: limit)
        for (root, files) in entries.enumerated() {
            var changes: [String: ChangeSet.Change] = [:]
            for (path, entry) in files {
                if let cutoff, entry.existedBefore, !entry.existsNow, entry.lastEvent > cutoff {
                    kept.entries[root][path] = entry
                    kept.count += 1
                    kept.stamp(entry.lastEvent)
                } else if let change = Self.change(entry) {
                    changes[path] = change
                }
            }
            if !changes.isEmpty { batch.files[rootNames[root]] = changes }
        }
        batch.rescan = Set(rescan.map { rootNames[$0] })
        self = kept
        return batch
    }

    private static func change(_ entry: Entry) -> ChangeSet.Change? {
        switch (entry.existedBefore, entry.existsNow) {
        case (true, true): .modified
        case (false, true): .created
        case (true, false): .deleted
        case (false, false): nil
        }
    }

    private mutating func stamp(_ now: Instant) {
        if firstEvent == nil { firstEvent = now }
        lastEvent = max(lastEvent ?? now, now)
    }
}
