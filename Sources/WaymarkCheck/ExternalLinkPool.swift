import Foundation

/// Runs blocking work over a list on a few threads of its own, at most `width` at once.
///
/// Link checks spend their time waiting on the network. Plain threads keep that waiting off
/// Swift's shared pool (one thread per core), which the checker's caller may itself be running on.
enum LinkPool {
    /// `work` applied to every item, in the items' order.
    static func map<Item: Sendable, Result: Sendable>(_ items: [Item], width: Int,
                                                     _ work: @escaping @Sendable (Item) -> Result) -> [Result] {
        guard !items.isEmpty else { return [] }
        let state = SharedState<Result>(count: items.count)
        let finished = DispatchGroup()
        for _ in 0..<min(max(1, width), items.count) {
            finished.enter()
            let thread = Thread {
                while let index = state.claim() { state.store(work(items[index]), at: index) }
                finished.leave()
            }
            thread.name = "waymark link check"
            thread.start()
        }
        finished.wait()
        return state.results()
    }

    /// The next item to take and the answers so far, shared by the threads.
    private final class SharedState<Result: Sendable>: @unchecked Sendable {
        private let lock = NSLock()
        private var next = 0
        private var answers: [Result?]

        init(count: Int) { answers = Array(repeating: nil, count: count) }

        func claim() -> Int? {
            lock.withLock {
                guard next < answers.count else { return nil }
                defer { next += 1 }
                return next
            }
        }

        func store(_ result: Result, at index: Int) { lock.withLock { answers[index] = result } }

        func results() -> [Result] { lock.withLock { answers.map { $0! } } }
    }
}
