import Foundation

/// Holds what the preview shows and tells every connected browser when it changes.
///
/// The build engine calls ``publish(_:change:)`` only once the new files are in the snapshot, and
/// only `publish` sends anything, so a browser told to reload always fetches the new pages.
public actor PreviewHub {
    /// Events kept for a browser that is not reading; older ones are dropped, and the gap in
    /// sequence numbers makes that browser reload, so a stuck tab cannot grow memory.
    public static let defaultBufferLimit = 16

    private var state: PreviewState
    private var subscribers: [Int: AsyncStream<PreviewEvent>.Continuation] = [:]
    private var nextSubscriber = 0
    private let bufferLimit: Int

    public init(snapshot: PreviewSnapshot, bufferLimit: Int = PreviewHub.defaultBufferLimit) {
        self.state = PreviewState(snapshot: snapshot, sequence: 0)
        self.bufferLimit = max(1, bufferLimit)
    }

    /// The snapshot being served.
    public var snapshot: PreviewSnapshot { state.snapshot }

    /// The snapshot with its diagnostics laid out and its sequence number.
    public var current: PreviewState { state }

    /// How many browsers are connected.
    public var subscriberCount: Int { subscribers.count }

    /// Serves `snapshot` from now on and tells every browser what changed.
    public func publish(_ snapshot: PreviewSnapshot, change: PreviewChange) {
        state = PreviewState(snapshot: snapshot, sequence: state.sequence + 1)
        let event = state.event(PreviewHub.kind(of: change))
        for continuation in subscribers.values { continuation.yield(event) }
    }

    /// Serves `snapshot` from now on without telling browsers: what they show has not changed
    /// (the search index caught up with pages already announced). The sequence stays, so no
    /// browser mistakes it for a missed event.
    public func replaceQuietly(_ snapshot: PreviewSnapshot) {
        state = PreviewState(snapshot: snapshot, sequence: state.sequence)
    }

    /// The events for one browser, starting with a `hello` describing the current state; the
    /// browser is forgotten when the stream ends or its reader stops.
    public func subscribe() -> AsyncStream<PreviewEvent> {
        let id = nextSubscriber
        nextSubscriber += 1
        let (stream, continuation) = AsyncStream.makeStream(of: PreviewEvent.self, bufferingPolicy: .bufferingNewest(bufferLimit))
        continuation.onTermination = { [weak self] _ in
            Task { await self?.remove(id) }
        }
        continuation.yield(state.event(.hello))
        subscribers[id] = continuation
        return stream
    }

    /// Ends every browser's stream, e.g. when the server stops.
    public func disconnectAll() {
        let all = subscribers.values
        subscribers.removeAll()
        for continuation in all { continuation.finish() }
    }

    private func remove(_ id: Int) {
        subscribers[id] = nil
    }

    private static func kind(of change: PreviewChange) -> PreviewEvent.Kind {
        switch change {
        case .reload: .reload
        case .stylesheets(let addresses): .stylesheets(addresses)
        case .diagnostics: .diagnostics
        }
    }
}
