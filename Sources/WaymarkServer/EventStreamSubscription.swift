import Foundation

/// Connects one browser to the hub: its events, encoded, with a keep-alive ping between them.
enum EventStreamSubscription {
    /// Enough for the hub's buffer plus the preamble and a ping; older messages are dropped and
    /// the browser reloads when it sees the gap.
    static let bufferLimit = PreviewHub.defaultBufferLimit + 4

    static func open(hub: PreviewHub, encoder: EventStreamEncoder, pingInterval: Duration) async -> EventStreamBytes {
        let events = await hub.subscribe()
        let (messages, continuation) = AsyncStream.makeStream(of: [UInt8].self, bufferingPolicy: .bufferingNewest(bufferLimit))
        continuation.yield(EventStreamEncoder.preamble)
        let pump = Task {
            for await event in events { continuation.yield(encoder.encode(event)) }
            continuation.finish()
        }
        let ping = Task {
            while !Task.isCancelled {
                try? await Task.sleep(for: pingInterval)
                if Task.isCancelled { break }
                continuation.yield(EventStreamEncoder.ping)
            }
        }
        continuation.onTermination = { _ in
            pump.cancel()
            ping.cancel()
        }
        return EventStreamBytes(messages: messages, lifetime: EventStreamBytes.Lifetime([pump, ping]))
    }
}
