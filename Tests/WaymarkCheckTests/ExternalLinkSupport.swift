import FlyingFox
import FlyingSocks
import Foundation
import Testing
import WaymarkCore
@testable import WaymarkCheck

/// What a test route answers: a status, headers, and how long to wait first.
struct LinkAnswer: Sendable {
    var status: Int
    var headers: [String: String] = [:]
    var delay: Double = 0

    static func status(_ status: Int) -> LinkAnswer { LinkAnswer(status: status) }
    static func redirect(_ status: Int, to location: String) -> LinkAnswer {
        LinkAnswer(status: status, headers: ["Location": location])
    }
}

/// What the test server saw, shared between its tasks and the test.
final class LinkServerLog: @unchecked Sendable {
    private let lock = NSLock()
    private var hits: [String: Int] = [:]
    private var inFlight = 0
    private(set) var maxInFlight = 0
    private(set) var requestHeaders: [[String: String]] = []

    /// Records a request to `key` (`GET /ok`); returns how many came before it to the same path.
    func begin(method: String, path: String, headers: [String: String]) -> Int {
        lock.withLock {
            let earlier = hits.filter { $0.key.hasSuffix(" " + path) }.values.reduce(0, +)
            hits["\(method) \(path)", default: 0] += 1
            inFlight += 1
            maxInFlight = max(maxInFlight, inFlight)
            requestHeaders.append(headers)
            return earlier
        }
    }

    func end() { lock.withLock { inFlight -= 1 } }

    /// Requests to `path` with any method, or with `method` only.
    func count(_ path: String, method: String? = nil) -> Int {
        lock.withLock {
            hits.filter { entry in method.map { entry.key == "\($0) \(path)" } ?? entry.key.hasSuffix(" " + path) }.values.reduce(0, +)
        }
    }

    var total: Int { lock.withLock { hits.values.reduce(0, +) } }
    var headersSeen: [[String: String]] { lock.withLock { requestHeaders } }
}

/// Runs the server's tasks on a thread of its own, so tests that block (as `check` does) cannot
/// starve it of Swift's shared threads on a two-core machine.
final class LinkServerExecutor: TaskExecutor, @unchecked Sendable {
    private let queue = DispatchQueue(label: "waymark.link-test-server")

    func enqueue(_ job: consuming ExecutorJob) {
        let job = UnownedJob(job)
        queue.async { job.runSynchronously(on: self.asUnownedTaskExecutor()) }
    }
}

/// A loopback HTTP server whose routes answer as a test says: `answer(method, path, earlier)`
/// where `earlier` counts the requests to the path before this one.
final class LinkTestServer: @unchecked Sendable {
    typealias Routes = @Sendable (_ method: String, _ path: String, _ earlier: Int) -> LinkAnswer

    let log = LinkServerLog()
    private let executor = LinkServerExecutor()
    private var server: HTTPServer?
    private var running: Task<Void, Never>?
    private(set) var port: UInt16 = 0

    /// `http://127.0.0.1:<port>`
    var base: String { "http://127.0.0.1:\(port)" }

    func start(_ routes: @escaping Routes) async throws {
        let log = log
        let handler = ClosureHTTPHandler { request in
            let method = request.method.rawValue
            var headers: [String: String] = [:]
            for (name, value) in request.headers { headers[name.rawValue.lowercased()] = value }
            let earlier = log.begin(method: method, path: request.path, headers: headers)
            defer { log.end() }
            let answer = routes(method, request.path, earlier)
            if answer.delay > 0 { try? await Task.sleep(for: .seconds(answer.delay)) }
            var fields = HTTPHeaders()
            for (name, value) in answer.headers { fields[HTTPHeader(name)] = value }
            let body = method == "HEAD" ? Data() : Data("answer \(answer.status)".utf8)
            return HTTPResponse(statusCode: HTTPStatusCode(answer.status, phrase: "Test"), headers: fields, body: body)
        }
        let server = HTTPServer(address: try sockaddr_in.inet(ip4: "127.0.0.1", port: 0), timeout: 5, logger: .disabled, handler: handler)
        self.server = server
        running = Task(executorPreference: executor) { try? await server.run() }
        try await withTaskExecutorPreference(executor) { try await server.waitUntilListening(timeout: 5) }
        if case .ip4(_, let port)? = await server.listeningAddress { self.port = port }
    }

    func stop() async {
        await server?.stop(timeout: 0.5)
        running?.cancel()
        await running?.value
    }
}

/// Starts a server with `routes`, runs `body`, and stops the server whatever happens.
func withLinkServer<T>(_ routes: @escaping LinkTestServer.Routes, _ body: (LinkTestServer) async throws -> T) async throws -> T {
    let server = LinkTestServer()
    try await server.start(routes)
    do {
        let result = try await body(server)
        await server.stop()
        return result
    } catch {
        await server.stop()
        throw error
    }
}

/// Runs blocking work (the link check) on a thread of its own.
func offThreadForLinks<T: Sendable>(_ work: @escaping @Sendable () throws -> T) async throws -> T {
    try await withCheckedThrowingContinuation { continuation in
        Thread { continuation.resume(with: Result { try work() }) }.start()
    }
}

/// Options for tests: short pauses, no cache unless given, and a timeout that a loopback answer
/// meets even while the other suites keep both cores busy (a spurious timeout would be retried
/// and counted as a second request).
func quickLinkOptions(cache: String? = nil, retries: Int = 2, concurrency: Int = 8) -> ExternalLinkOptions {
    var options = ExternalLinkOptions()
    options.timeout = 10
    options.retries = retries
    options.retryDelay = 0.02
    options.concurrency = concurrency
    options.cacheFile = cache
    return options
}

/// `check` run off the shared threads.
func checkLinks(_ links: [ExternalLink], _ options: ExternalLinkOptions) async throws -> [Diagnostic] {
    try await offThreadForLinks { ExternalLinkRules.check(links, options: options) }
}

/// A link written on `file` at `line`.
func pageLink(_ url: String, _ file: String = "content/index.md", line: Int = 3) -> ExternalLink {
    ExternalLink(url: url, location: SourceLocation(file: file, line: line))
}

/// A folder under the system's temporary folder, removed with `remove()`.
struct LinkScratchFolder {
    let path: String

    init() throws {
        path = NSTemporaryDirectory() + "waymark-external-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    func write(_ relative: String, _ text: String) throws {
        let url = URL(fileURLWithPath: path + "/" + relative)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: url)
    }

    func remove() { try? FileManager.default.removeItem(atPath: path) }
}

/// A port nothing listens on: bound by the system, then let go.
func unusedLoopbackPort() throws -> UInt16 {
    let socket = try Socket(domain: AF_INET, type: .stream)
    try socket.bind(to: sockaddr_in.inet(ip4: "127.0.0.1", port: 0))
    guard case .ip4(_, let port) = try socket.sockname() else { throw CocoaError(.featureUnsupported) }
    try socket.close()
    return port
}
