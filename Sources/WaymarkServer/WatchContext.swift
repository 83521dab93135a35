/// What both ways of watching share: the roots, the options, the signal to stop and where
/// batches go.
struct WatchContext: Sendable {
    let roots: [FileWatcher.Root]
    let options: FileWatcher.Options
    let wake: WakePipe
    let deliver: @Sendable (ChangeSet) -> Void

    var rootNames: [String] { roots.map(\.name) }

    func makePending() -> PendingChanges {
        PendingChanges(rootNames: rootNames, limit: options.pendingLimit)
    }
}
