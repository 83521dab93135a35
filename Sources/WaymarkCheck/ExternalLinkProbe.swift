import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// What one request (one hop) got back.
enum HopOutcome: Sendable, Hashable {
    /// A status and, for redirects, the `Location` header as sent.
    case response(status: Int, location: String?)
    case failure(LinkFailure)
}

/// Sends single requests and waits for their answers, on the caller's thread.
///
/// Redirects are not followed (the delegate refuses them) so the caller sees every hop, and the
/// body is never read: the answer's status line and headers are all a link check needs. No
/// cookies are stored or sent, nothing is cached, and no Referer is ever added, so a site learns
/// nothing from the check but the address asked for and the User-Agent.
final class LinkProbe: NSObject, URLSessionDataDelegate, @unchecked Sendable {
    private let timeout: Double
    private let sessionTimeout: Double
    private let userAgent: String
    private var session: URLSession!
    /// Requests in progress by task identifier; guarded by `lock`.
    private var pending: [Int: Pending] = [:]
    private let lock = NSLock()

    /// One request waiting for its answer.
    private final class Pending: @unchecked Sendable {
        let done = DispatchSemaphore(value: 0)
        var response: HTTPURLResponse?
        var error: (any Error)?
    }

    init(timeout: Double, userAgent: String, connections: Int) {
        self.timeout = timeout
        // FoundationNetworking on Linux rounds timeouts down to whole seconds (0.5 s becomes an
        // instant failure), so the session gets a whole second more than asked and `send` keeps
        // the exact time itself.
        sessionTimeout = max(1, timeout).rounded(.up) + 1
        self.userAgent = userAgent
        super.init()
        let configuration = URLSessionConfiguration.ephemeral
        configuration.httpCookieStorage = nil
        configuration.httpShouldSetCookies = false
        configuration.httpCookieAcceptPolicy = .never
        configuration.urlCache = nil
        configuration.requestCachePolicy = .reloadIgnoringLocalCacheData
        configuration.timeoutIntervalForRequest = sessionTimeout
        configuration.timeoutIntervalForResource = sessionTimeout
        configuration.httpMaximumConnectionsPerHost = max(1, connections)
        // The delegate's calls run on a queue of their own, never on Swift's shared pool.
        let queue = OperationQueue()
        queue.name = "waymark.link-check"
        session = URLSession(configuration: configuration, delegate: self, delegateQueue: queue)
    }

    /// Lets go of the session (it keeps its delegate, this probe, alive until then). Requests
    /// given up on are left to end by the session's own timeout: see `send`.
    func close() { session.finishTasksAndInvalidate() }

    /// Sends `method` to `url` and waits for the status line, at most the timeout.
    func send(_ method: String, to url: URL) -> HopOutcome {
        var request = URLRequest(url: url, cachePolicy: .reloadIgnoringLocalCacheData, timeoutInterval: sessionTimeout)
        request.httpMethod = method
        request.httpShouldHandleCookies = false
        request.setValue(userAgent, forHTTPHeaderField: "User-Agent")
        request.setValue("text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8", forHTTPHeaderField: "Accept")
        let task = session.dataTask(with: request)
        let waiting = Pending()
        lock.withLock { pending[task.taskIdentifier] = waiting }
        task.resume()
        // The time allowed is kept here rather than by the session (see `init`), which also
        // covers a server that trickles bytes so an idle timer never fires. The task is given up
        // on, not cancelled: on Linux a cancel that lands while FoundationNetworking waits for
        // the redirect callback brings the process down. The session's timeout ends it soon after.
        if waiting.done.wait(timeout: .now() + timeout) == .timedOut {
            lock.withLock { _ = pending.removeValue(forKey: task.taskIdentifier) }
            return .failure(.timedOut)
        }
        if let response = waiting.response {
            return .response(status: response.statusCode, location: response.value(forHTTPHeaderField: "Location"))
        }
        return .failure(Self.failure(waiting.error))
    }

    // MARK: URLSession delegate

    func urlSession(_ session: URLSession, task: URLSessionTask, willPerformHTTPRedirection response: HTTPURLResponse,
                    newRequest request: URLRequest, completionHandler: @escaping @Sendable (URLRequest?) -> Void) {
        // Refusing the redirect ends the task with the redirect itself as its answer.
        lock.withLock { pending[task.taskIdentifier]?.response = response }
        completionHandler(nil)
    }

    func urlSession(_ session: URLSession, dataTask: URLSessionDataTask, didReceive response: URLResponse,
                    completionHandler: @escaping @Sendable (URLSession.ResponseDisposition) -> Void) {
        let status = (response as? HTTPURLResponse)?.statusCode ?? 0
        lock.withLock { pending[dataTask.taskIdentifier]?.response = response as? HTTPURLResponse }
        // The status is known: the body (perhaps a large PDF) is not needed. A redirect's short
        // body is let through, though: on Linux, cancelling it races the redirect callback that
        // follows and brings the process down.
        completionHandler((300..<400).contains(status) ? .allow : .cancel)
    }

    func urlSession(_ session: URLSession, task: URLSessionTask, didCompleteWithError error: (any Error)?) {
        guard let waiting = lock.withLock({ pending.removeValue(forKey: task.taskIdentifier) }) else { return }
        if waiting.response == nil { waiting.response = task.response as? HTTPURLResponse }
        waiting.error = error
        waiting.done.signal()
    }

    /// The kind of failure behind a URLSession error.
    static func failure(_ error: (any Error)?) -> LinkFailure {
        guard let error else { return .broken }
        let nsError = error as NSError
        // On Linux some failed handshakes come with no code, only OpenSSL's words.
        let words = nsError.localizedDescription + ((nsError.userInfo[NSUnderlyingErrorKey] as? NSError)?.localizedDescription ?? "")
        if nsError.code == -1, words.contains("SSL") || words.contains("TLS") || words.contains("certificate") { return .insecure }
        guard nsError.domain == NSURLErrorDomain else { return .broken }
        switch URLError.Code(rawValue: nsError.code) {
        case .cannotFindHost, .dnsLookupFailed: return .noSuchHost
        case .cannotConnectToHost: return .refused
        case .timedOut: return .timedOut
        case .secureConnectionFailed, .serverCertificateUntrusted, .serverCertificateHasBadDate,
             .serverCertificateHasUnknownRoot, .serverCertificateNotYetValid, .clientCertificateRejected,
             .clientCertificateRequired:
            return .insecure
        case .badURL, .unsupportedURL: return .invalidAddress
        default: return .broken
        }
    }
}
