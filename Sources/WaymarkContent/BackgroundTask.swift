import Dispatch

/// Work started on another thread now, whose result is collected later: a stage that does not
/// depend on the one running beside it keeps the other core busy instead of waiting its turn.
public final class BackgroundTask<Value: Sendable>: @unchecked Sendable {
    private let group = DispatchGroup()
    // Written once, before `leave()`; read only after `wait()`, which orders the two.
    private var value: Value?

    public init(_ work: @escaping @Sendable () -> Value) {
        group.enter()
        DispatchQueue.global().async {
            self.value = work()
            self.group.leave()
        }
    }

    /// The result, waiting for it if the work is still running.
    public func wait() -> Value {
        group.wait()
        return value!
    }
}
