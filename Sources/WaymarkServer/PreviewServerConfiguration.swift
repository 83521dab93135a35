import Foundation

/// How `waymark serve` listens and what it shows, chosen by the serve command.
public struct PreviewServerConfiguration: Sendable {
    /// The address to listen on: `127.0.0.1` (default, this computer only), `::1`, `localhost`,
    /// or `0.0.0.0` / `::` to let other devices on the network see the preview.
    public var bindAddress: String
    /// The port; 0 lets the system pick a free one (``PreviewHTTPServer/start()`` reports it).
    public var port: UInt16
    /// Where the site lives under the server, e.g. `/partnership/` for
    /// `base_url: https://example.org/partnership/`. Always starts and ends with `/`.
    public var basePath: String
    /// Host names besides `localhost`, `127.0.0.1`, `[::1]` and the bind address that browsers may
    /// use to reach the preview, e.g. the computer's network name when previewing on a phone.
    public var allowedHosts: [String]
    /// The theme's interface text per language code (`"pl"` → `preview_close` → `Zamknij`), used
    /// by the error overlay; English built-in text fills any gaps.
    public var strings: [String: [String: String]]
    /// How often an idle live-reload connection gets a keep-alive comment.
    public var pingInterval: Duration

    public init(bindAddress: String = "127.0.0.1", port: UInt16 = 1313, basePath: String = "/",
                allowedHosts: [String] = [], strings: [String: [String: String]] = [:],
                pingInterval: Duration = .seconds(15)) {
        self.bindAddress = bindAddress
        self.port = port
        self.basePath = PreviewServerConfiguration.normalisedBasePath(basePath)
        self.allowedHosts = allowedHosts
        self.strings = strings
        self.pingInterval = pingInterval
    }

    /// `partnership` and `/partnership` both mean `/partnership/`.
    static func normalisedBasePath(_ path: String) -> String {
        let trimmed = path.split(separator: "/", omittingEmptySubsequences: true).joined(separator: "/")
        return trimmed.isEmpty ? "/" : "/\(trimmed)/"
    }
}
