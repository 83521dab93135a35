import Foundation

/// Writes hub events as Server-Sent Events for one browser, in the page's language.
struct EventStreamEncoder: Sendable {
    /// Changes on every server start, so pages from an earlier run reload.
    let instance: String
    let strings: OverlayStrings
    let direction: String

    /// Tells the browser to retry a second after a lost connection (the default is slower).
    static let preamble = Array("retry: 1000\n\n".utf8)
    /// Keeps proxies and the browser from timing an idle connection out.
    static let ping = Array(": ping\n\n".utf8)

    private struct Payload: Encodable {
        var generation: Int
        var sequence: Int
        var failed: Bool
        var instance: String?
        var stylesheets: [String: String]?
        var overlay: String?
    }

    func encode(_ event: PreviewEvent) -> [UInt8] {
        let failed = event.diagnostics.contains { $0.severity == .error }
        var payload = Payload(generation: event.generation, sequence: event.sequence, failed: failed)
        let name: String
        switch event.kind {
        case .hello:
            name = "hello"
            payload.instance = instance
        case .reload:
            name = "reload"
        case .stylesheets(let addresses):
            name = "css"
            payload.stylesheets = addresses
            payload.overlay = overlay(event)
        case .diagnostics:
            name = "diagnostics"
            payload.overlay = overlay(event)
        }
        return Array("id: \(event.sequence)\nevent: \(name)\ndata: \(json(payload))\n\n".utf8)
    }

    private func overlay(_ event: PreviewEvent) -> String {
        ErrorOverlay(diagnostics: event.diagnostics, strings: strings, direction: direction).html
    }

    /// One line: JSON escapes the overlay's newlines, which SSE would otherwise split on.
    private func json(_ payload: Payload) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return (try? encoder.encode(payload)).map { String(decoding: $0, as: UTF8.self) } ?? "{}"
    }
}
