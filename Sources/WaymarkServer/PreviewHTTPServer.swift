import FlyingFox
import FlyingSocks
import Foundation

/// The preview's HTTP server: serves the hub's snapshot at the configured address until stopped.
public actor PreviewHTTPServer {
    public nonisolated let hub: PreviewHub
    public nonisolated let configuration: PreviewServerConfiguration
    private let port = ListeningPort(0)
    private var server: HTTPServer?
    private var running: Task<Void, Never>?
    private var failure: (any Error)?
    private let executor = PreviewExecutor()

    public init(hub: PreviewHub, configuration: PreviewServerConfiguration) {
        self.hub = hub
        self.configuration = configuration
    }

    /// Starts listening and returns the port, which is the system's choice when the configuration
    /// says 0. Throws ``PreviewServerError`` when the address cannot be used (e.g. the port is taken).
    public func start() async throws -> UInt16 {
        try await withTaskExecutorPreference(executor) { try await self.listen() }
    }

    private func listen() async throws -> UInt16 {
        if server != nil { return port.value }
        port.value = configuration.port
        let handler = PreviewHTTPHandler(hub: hub, configuration: configuration, port: port, instance: UUID().uuidString)
        let server = HTTPServer(config: .init(address: try address(), timeout: 15, logger: .disabled), handler: handler)
        self.server = server
        failure = nil
        running = Task(executorPreference: executor) { [weak self] in
            do { try await server.run() } catch { await self?.recordFailure(error) }
        }
        try await waitUntilListening(server)
        port.value = try await listeningPort(server)
        return port.value
    }

    /// The port being listened on, once started.
    public var listeningPort: UInt16? { server == nil ? nil : port.value }

    /// Ends every live-reload connection and closes the server, waiting at most `timeout` seconds
    /// for requests in progress.
    public func stop(timeout: TimeInterval = 1) async {
        guard let server else { return }
        self.server = nil
        await hub.disconnectAll()
        await server.stop(timeout: timeout)
        await running?.value
        running = nil
    }

    private func recordFailure(_ error: any Error) { failure = error }

    private func waitUntilListening(_ server: HTTPServer) async throws {
        let deadline = ContinuousClock.now + .seconds(5)
        while ContinuousClock.now < deadline {
            if await server.isListening { return }
            if let failure { throw startError(failure) }
            try await Task.sleep(for: .milliseconds(5))
        }
        await stop(timeout: 0)
        throw PreviewServerError(summary: "the preview did not start listening on \(configuration.bindAddress):\(configuration.port) within 5 seconds")
    }

    private func listeningPort(_ server: HTTPServer) async throws -> UInt16 {
        switch await server.listeningAddress {
        case .ip4(_, let port)?, .ip6(_, let port)?: return port
        default: return configuration.port
        }
    }

    private func address() throws -> any SocketAddress {
        let host = configuration.bindAddress.trimmingCharacters(in: CharacterSet(charactersIn: "[]"))
        do {
            if host == "localhost" { return try sockaddr_in.inet(ip4: "127.0.0.1", port: configuration.port) }
            if host.contains(":") { return try sockaddr_in6.inet6(ip6: host, port: configuration.port) }
            return try sockaddr_in.inet(ip4: host, port: configuration.port)
        } catch {
            throw PreviewServerError(summary: "'\(configuration.bindAddress)' is not an address the preview can listen on",
                                     help: "use 127.0.0.1 (this computer only) or 0.0.0.0 (every network)")
        }
    }

    private func startError(_ error: any Error) -> PreviewServerError {
        server = nil
        let place = "\(configuration.bindAddress):\(configuration.port)"
        if case SocketError.failed(_, let code, _) = error, code == EADDRINUSE {
            return PreviewServerError(summary: "the preview could not use port \(configuration.port) on \(configuration.bindAddress): another program is using it",
                                      help: "stop the other program (perhaps another waymark serve), or choose another port")
        }
        if case SocketError.failed(_, let code, _) = error, code == EADDRNOTAVAIL {
            return PreviewServerError(summary: "the preview could not listen on \(place): this computer has no such address",
                                      help: "use 127.0.0.1 (this computer only) or 0.0.0.0 (every network)")
        }
        return PreviewServerError(summary: "the preview could not listen on \(place)")
    }
}
