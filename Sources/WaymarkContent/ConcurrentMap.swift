import Dispatch
import Foundation

/// Runs independent work on every core and returns results in input order, so output never
/// depends on thread timing.
public enum ConcurrentMap {
    public static func map<Input: Sendable, Output: Sendable>(_ inputs: [Input], _ transform: @Sendable (Input) -> Output) -> [Output] {
        let results = ResultSlots<Output>(count: inputs.count)
        DispatchQueue.concurrentPerform(iterations: inputs.count) { index in
            results.set(index, transform(inputs[index]))
        }
        return results.values()
    }

    /// Threads for work that mostly waits on the disk: enough reads in flight to keep a cold
    /// disk busy while the cores parse what has arrived.
    public static let readingWidth = 8

    /// ``map(_:_:)`` on `width` threads of its own rather than one per core: for work that waits
    /// on the disk more than it computes, such as reading every page of a checkout that is not
    /// in the file cache, where one thread per core leaves the cores idle. Results are in input
    /// order.
    ///
    /// `transform` escapes: a finished thread may let go of it a moment after it reports done.
    public static func map<Input: Sendable, Output: Sendable>(_ inputs: [Input], width: Int,
                                                             _ transform: @escaping @Sendable (Input) -> Output) -> [Output] {
        let threads = min(width, inputs.count)
        guard threads > 1 else { return inputs.map(transform) }
        let results = ResultSlots<Output>(count: inputs.count)
        let next = NextIndex()
        let group = DispatchGroup()
        for _ in 0..<threads {
            group.enter()
            Thread {
                while let index = next.take(below: inputs.count) { results.set(index, transform(inputs[index])) }
                group.leave()
            }.start()
        }
        group.wait()
        return results.values()
    }
}

/// Hands out indices 0, 1, 2… to whichever thread asks next.
private final class NextIndex: @unchecked Sendable {
    private var value = 0
    private let lock = NSLock()

    func take(below count: Int) -> Int? {
        lock.lock()
        defer { lock.unlock() }
        guard value < count else { return nil }
        value += 1
        return value - 1
    }
}

private final class ResultSlots<Output>: @unchecked Sendable {
    // Each index is written by exactly one iteration, so slots never race; the lock only
    // publishes the writes to the reading thread.
    private var slots: [Output?]
    private let lock = NSLock()

    init(count: Int) { slots = Array(repeating: nil, count: count) }

    func set(_ index: Int, _ value: Output) {
        lock.lock()
        slots[index] = value
        lock.unlock()
    }

    func values() -> [Output] {
        lock.lock()
        defer { lock.unlock() }
        return slots.map { $0! }
    }
}
