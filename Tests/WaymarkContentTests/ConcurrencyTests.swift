import Foundation
import Testing
import WaymarkContent

/// The build's parallel helpers must give the same results as doing the work in order.
@Suite struct ConcurrencyTests {
    @Test(arguments: [0, 1, 2, 7, 8, 9, 1000])
    func mapOnItsOwnThreadsKeepsInputOrder(count: Int) {
        let inputs = Array(0..<count)
        // Uneven work, so threads finish out of order.
        let results = ConcurrentMap.map(inputs, width: ConcurrentMap.readingWidth) { value -> String in
            if value % 3 == 0 { usleep(100) }
            return "item \(value)"
        }
        #expect(results == inputs.map { "item \($0)" })
    }

    @Test func mapOnItsOwnThreadsHasMoreWorkInFlightThanCores() {
        // Work that waits (as a read from a cold disk does) overlaps on all eight threads.
        let gauge = InFlight()
        _ = ConcurrentMap.map(Array(0..<16), width: 8) { _ in
            gauge.enter()
            usleep(20_000)
            gauge.leave()
        }
        #expect(gauge.most > 2)
    }

    @Test func backgroundTaskHandsBackItsResult() {
        let task = BackgroundTask { (1...100).reduce(0, +) }
        #expect(task.wait() == 5050)
        #expect(task.wait() == 5050)
    }
}

private final class InFlight: @unchecked Sendable {
    private let lock = NSLock()
    private var now = 0
    private(set) var most = 0

    func enter() {
        lock.lock()
        now += 1
        most = max(most, now)
        lock.unlock()
    }

    func leave() {
        lock.lock()
        now -= 1
        lock.unlock()
    }
}
