import FlyingFox
import Foundation

/// Answers every request of the preview: the site from the hub's snapshot, plus the live-reload
/// events, script and overlay stylesheet under ``PreviewPaths/prefix``.
///
/// Checks run in this order: `Host` (403), method (405), path (400), then the answer.
public struct PreviewHTTPHandler: HTTPHandler {
    let hub: PreviewHub
    let configuration: PreviewServerConfiguration
    let port: ListeningPort
    /// Changes on every start, so pages from an earlier run know to reload.
    let instance: String

    /// `port` is read on every request, so it can be filled in once the system has picked one.
    init(hub: PreviewHub, configuration: PreviewServerConfiguration, port: ListeningPort, instance: String) {
        self.hub = hub
        self.configuration = configuration
        self.port = port
        self.instance = instance
    }

    /// A handler for a server already known to listen on `port`.
    public init(hub: PreviewHub, configuration: PreviewServerConfiguration, port: UInt16, instance: String = UUID().uuidString) {
        self.init(hub: hub, configuration: configuration, port: ListeningPort(port), instance: instance)
    }

    public func handleRequest(_ request: HTTPRequest) async throws -> HTTPResponse {
        let head = request.method.rawValue == "HEAD"
        let policy = HostPolicy(bindAddress: configuration.bindAddress, port: port.value, extraHosts: configuration.allowedHosts)
        guard let host = request.headers[.host] else {
            return PreviewResponse.text(.badRequest, "The request did not say which address it was for (no Host header).", head: head)
        }
        guard policy.allowsHost(host) else { return foreignHost(host, head: head) }
        guard head || request.method.rawValue == "GET" else {
            return PreviewResponse.text(.methodNotAllowed, "The preview only shows pages (GET and HEAD).", head: false,
                                        headers: [HTTPHeader("Allow"): "GET, HEAD"])
        }
        guard case .success(let path) = RequestPath.parse(request.target.path()) else {
            return PreviewResponse.text(.badRequest, "This address cannot be part of the site.", head: head)
        }
        if path.decoded.hasPrefix(PreviewPaths.prefix) {
            return await reserved(path.decoded, request: request, policy: policy, head: head)
        }
        return await page(path, query: request.target.query(), head: head)
    }

    private func foreignHost(_ host: String, head: Bool) -> HTTPResponse {
        let port = port.value
        let message = """
        This preview only answers at addresses on this computer, such as http://localhost:\(port)/ \
        or http://127.0.0.1:\(port)/, not at '\(host.prefix(100))'. This stops other websites from \
        reading your preview. To open it under another name, add that name to the allowed hosts \
        when you start waymark serve.
        """
        return PreviewResponse.text(.forbidden, message, head: head)
    }

    private func reserved(_ path: String, request: HTTPRequest, policy: HostPolicy, head: Bool) async -> HTTPResponse {
        switch path {
        case PreviewPaths.script:
            return PreviewResponse.make(.ok, type: "text/javascript; charset=utf-8", body: Data(LiveReloadScript.source.utf8), head: head)
        case PreviewPaths.stylesheet:
            return PreviewResponse.make(.ok, type: "text/css; charset=utf-8", body: Data(OverlayStylesheet.source.utf8), head: head)
        case PreviewPaths.events:
            if let origin = request.headers[HTTPHeader("Origin")], !policy.allowsOrigin(origin) {
                return PreviewResponse.text(.forbidden, "Only pages of this preview may follow its changes.", head: head)
            }
            return await events(request, head: head)
        default:
            return PreviewResponse.text(.notFound, "Page not found.", head: head)
        }
    }

    private func events(_ request: HTTPRequest, head: Bool) async -> HTTPResponse {
        var headers = HTTPHeaders()
        headers[.contentType] = "text/event-stream; charset=utf-8"
        headers[HTTPHeader("Cache-Control")] = "no-store"
        headers[HTTPHeader("X-Content-Type-Options")] = "nosniff"
        if head { return HTTPResponse(statusCode: .ok, headers: headers, body: Data()) }
        let language = request.query.first { $0.name == "lang" }?.value
        let direction = request.query.first { $0.name == "dir" }?.value
        let strings = OverlayStrings.forLanguage(language, in: configuration.strings)
        let encoder = EventStreamEncoder(instance: instance, strings: strings,
                                         direction: PageLanguage.direction(language: language, declared: direction))
        let body = await EventStreamSubscription.open(hub: hub, encoder: encoder, pingInterval: configuration.pingInterval)
        return HTTPResponse(statusCode: .ok, headers: headers, body: HTTPBodySequence(from: body))
    }

    private func page(_ path: RequestPath, query: String, head: Bool) async -> HTTPResponse {
        let state = await hub.current
        let lookup = SiteLookup(basePath: configuration.basePath, files: state.snapshot.files)
        switch lookup.answer(path, query: query) {
        case .redirect(let location):
            return PreviewResponse.text(.movedPermanently, "This page is at \(location)", head: head, headers: [.location: location])
        case .file(let file, let contents):
            let type = MediaType.forPath(file)
            let body = MediaType.isHTML(type) ? decorate(contents, state: state) : contents
            return PreviewResponse.make(.ok, type: type, body: body, head: head)
        case .notFound(let page?):
            return PreviewResponse.make(.notFound, type: "text/html; charset=utf-8", body: decorate(page, state: state), head: head)
        case .notFound(nil):
            return PreviewResponse.text(.notFound, "Page not found.", head: head)
        }
    }

    /// A copy of the page with the live-reload script and, after a failed or warning build, the overlay.
    private func decorate(_ page: Data, state: PreviewState) -> Data {
        let (language, declared) = HTMLInjection.documentLanguage(page)
        let overlay = ErrorOverlay(diagnostics: state.diagnostics,
                                   strings: OverlayStrings.forLanguage(language, in: configuration.strings),
                                   direction: PageLanguage.direction(language: language, declared: declared))
        let head = "<link rel=\"stylesheet\" href=\"\(PreviewPaths.stylesheet)\">"
            + "<script src=\"\(PreviewPaths.script)\" data-events=\"\(PreviewPaths.events)\" "
            + "data-instance=\"\(instance)\" data-sequence=\"\(state.sequence)\" defer></script>\n"
        return HTMLInjection.inject(into: page, head: head, body: overlay.html)
    }
}
