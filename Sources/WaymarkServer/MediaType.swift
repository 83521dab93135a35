import Foundation

/// The `Content-Type` a file is served with, chosen by its extension.
enum MediaType {
    private static let types: [String: String] = [
        "html": "text/html", "htm": "text/html", "css": "text/css", "js": "text/javascript",
        "mjs": "text/javascript", "json": "application/json", "xml": "application/xml",
        "svg": "image/svg+xml", "txt": "text/plain", "webmanifest": "application/manifest+json",
        "png": "image/png", "jpg": "image/jpeg", "jpeg": "image/jpeg", "gif": "image/gif",
        "webp": "image/webp", "avif": "image/avif", "ico": "image/x-icon", "pdf": "application/pdf",
        "woff": "font/woff", "woff2": "font/woff2",
    ]

    /// Types whose bytes are text; the site writes them all as UTF-8.
    private static let textual: Set<String> = [
        "text/html", "text/css", "text/javascript", "text/plain", "application/json",
        "application/xml", "image/svg+xml", "application/manifest+json",
    ]

    /// E.g. `text/html; charset=utf-8` for `about/index.html`; unknown kinds are plain bytes.
    static func forPath(_ path: String) -> String {
        let name = path.split(separator: "/").last ?? ""
        guard let dot = name.lastIndex(of: "."), dot != name.startIndex else { return "application/octet-stream" }
        let type = types[name[name.index(after: dot)...].lowercased()] ?? "application/octet-stream"
        return textual.contains(type) ? "\(type); charset=utf-8" : type
    }

    static func isHTML(_ contentType: String) -> Bool { contentType.hasPrefix("text/html") }
}
