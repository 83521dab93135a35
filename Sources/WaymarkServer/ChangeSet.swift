/// One batch of changes seen by a `FileWatcher`: what happened to which files, per watched root,
/// since the previous batch.
///
/// Changes are folded within a batch: a file deleted and created again (an editor's atomic save)
/// is `modified`; a file created and deleted again before the batch was sent is left out.
public struct ChangeSet: Sendable, Equatable {
    /// What happened to one file, comparing the start of the batch with its end.
    public enum Change: Sendable, Equatable {
        case created
        case modified
        case deleted
    }

    /// For each root, by its name (e.g. `content`), the files that changed, keyed by their path
    /// relative to the root with `/` between folders (e.g. `news/2024/x.md`).
    public var files: [String: [String: Change]]

    /// Names of roots the watcher lost track of (the system's event queue overflowed, more changes
    /// arrived than it keeps one by one, or it switched to polling): read these roots again
    /// completely. Their entry in `files` may be partial.
    public var rescan: Set<String>

    public init(files: [String: [String: Change]] = [:], rescan: Set<String> = []) {
        self.files = files
        self.rescan = rescan
    }

    /// True when the batch says nothing.
    public var isEmpty: Bool { rescan.isEmpty && files.values.allSatisfy(\.isEmpty) }

    /// The changes under one root; empty if there are none.
    public func changes(in root: String) -> [String: Change] { files[root] ?? [:] }
}
