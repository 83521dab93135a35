import FlyingFox
import Foundation

/// Responses with the headers every preview answer carries.
enum PreviewResponse {
    /// `no-store`: the preview changes with every save, so nothing may be kept.
    /// `nosniff`: a file is only ever what its extension says.
    static func make(_ status: HTTPStatusCode, type: String, body: Data, head: Bool,
                     headers extra: [HTTPHeader: String] = [:]) -> HTTPResponse {
        var headers = HTTPHeaders()
        headers[.contentType] = type
        headers[HTTPHeader("Cache-Control")] = "no-store"
        headers[HTTPHeader("X-Content-Type-Options")] = "nosniff"
        for (name, value) in extra { headers[name] = value }
        guard head else { return HTTPResponse(statusCode: status, headers: headers, body: body) }
        // HEAD: the headers GET would send, including its length, and no body.
        headers[.contentLength] = String(body.count)
        return HTTPResponse(statusCode: status, headers: headers, body: Data())
    }

    static func text(_ status: HTTPStatusCode, _ message: String, head: Bool,
                     headers: [HTTPHeader: String] = [:]) -> HTTPResponse {
        make(status, type: "text/plain; charset=utf-8", body: Data((message + "\n").utf8), head: head, headers: headers)
    }
}
