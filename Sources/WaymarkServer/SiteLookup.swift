import Foundation

/// Finds what a request path names in a snapshot: a file, a redirect, or nothing.
/// Only files are ever served; a folder without `index.html` is "not found", never a listing.
struct SiteLookup {
    enum Answer: Equatable {
        case file(path: String, contents: Data)
        /// `Location` for a 301, already percent-encoded.
        case redirect(String)
        /// The site's own `404.html` (the language's, then the site's), if it has one.
        case notFound(page: Data?)
    }

    /// `/` or e.g. `/partnership/`.
    let basePath: String
    let files: any PreviewFiles

    func answer(_ path: RequestPath, query: String) -> Answer {
        guard let relative = relativePath(path.decoded) else {
            // `/` and `/partnership` both lead to the site's home.
            if path.decoded == "/" || path.decoded + "/" == basePath { return .redirect(basePath) }
            return .notFound(page: notFoundPage(for: ""))
        }
        if relative.isEmpty || relative.hasSuffix("/") {
            let index = relative + "index.html"
            if let contents = files.contents(of: index) { return .file(path: index, contents: contents) }
            return .notFound(page: notFoundPage(for: relative))
        }
        if let contents = files.contents(of: relative) { return .file(path: relative, contents: contents) }
        if files.contents(of: relative + "/index.html") != nil {
            return .redirect(path.raw + "/" + SiteLookup.safeQuery(query))
        }
        return .notFound(page: notFoundPage(for: relative))
    }

    /// `about/` for `/partnership/about/`, nil outside the base path.
    private func relativePath(_ decoded: String) -> String? {
        guard decoded.hasPrefix(basePath) else { return nil }
        return String(decoded.dropFirst(basePath.count))
    }

    /// `pl/404.html` for a Polish address when the site has one, else `404.html`.
    private func notFoundPage(for relative: String) -> Data? {
        if let first = relative.split(separator: "/").first, relative.contains("/"),
           let page = files.contents(of: "\(first)/404.html") { return page }
        return files.contents(of: "404.html")
    }

    /// The query kept on a redirect only when it is plain printable ASCII.
    private static func safeQuery(_ query: String) -> String {
        guard !query.isEmpty, query.utf8.allSatisfy({ $0 > 0x20 && $0 < 0x7F }) else { return "" }
        return "?" + query
    }
}
