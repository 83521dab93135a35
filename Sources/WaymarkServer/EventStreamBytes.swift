import FlyingFox
import FlyingSocks
import Foundation

/// The bytes of one live-reload connection, as FlyingFox's chunked response body reads them.
struct EventStreamBytes: AsyncBufferedSequence {
    typealias Element = UInt8

    let messages: AsyncStream<[UInt8]>
    /// Ends the connection's work when the body is dropped: FlyingFox drops it once a write to a
    /// closed connection fails, which is how a closed tab is noticed (at the next ping at the latest).
    let lifetime: Lifetime

    func makeAsyncIterator() -> Iterator { Iterator(messages: messages.makeAsyncIterator(), lifetime: lifetime) }

    struct Iterator: AsyncBufferedIteratorProtocol {
        var messages: AsyncStream<[UInt8]>.Iterator
        let lifetime: Lifetime
        private var pending: ArraySlice<UInt8> = []

        init(messages: AsyncStream<[UInt8]>.Iterator, lifetime: Lifetime) {
            self.messages = messages
            self.lifetime = lifetime
        }

        mutating func next() async -> UInt8? {
            await nextBuffer(suggested: 1)?.first
        }

        mutating func nextBuffer(suggested count: Int) async -> [UInt8]? {
            if pending.isEmpty {
                guard let message = await messages.next() else { return nil }
                pending = message[...]
            }
            let taken = pending.prefix(Swift.max(1, count))
            pending = pending.dropFirst(taken.count)
            return Array(taken)
        }
    }

    /// Cancels the tasks feeding a connection when the last reference goes.
    final class Lifetime: Sendable {
        let tasks: [Task<Void, Never>]
        init(_ tasks: [Task<Void, Never>]) { self.tasks = tasks }
        deinit { tasks.forEach { $0.cancel() } }
    }
}
