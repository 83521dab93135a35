import Foundation

/// The port the server listens on, filled in once the system has chosen it (for port 0).
final class ListeningPort: @unchecked Sendable {
    private let lock = NSLock()
    private var port: UInt16

    init(_ port: UInt16) { self.port = port }

    var value: UInt16 {
        get { lock.withLock { port } }
        set { lock.withLock { port = newValue } }
    }
}
