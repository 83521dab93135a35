/// A site path such as `/strategy/` or `/assets/site.1a2b.css`, always starting with `/`.
///
/// Pages have paths ending in `/` (pretty URLs, written as `…/index.html`); files do not.
public struct URLPath: Sendable, Hashable, Comparable, CustomStringConvertible {
    public let value: String

    public init(_ value: String) {
        self.value = value.hasPrefix("/") ? value : "/" + value
    }

    public static let root = URLPath("/")

    public var description: String { value }
    public var isDirectory: Bool { value.hasSuffix("/") }

    /// The file this path is written to inside the output folder (`strategy/index.html`).
    public var outputFile: String {
        let trimmed = String(value.dropFirst())
        return isDirectory ? trimmed + "index.html" : trimmed
    }

    /// Path segments without empty ones: `/a/b/` → `["a", "b"]`.
    public var segments: [Substring] { value.split(separator: "/") }

    /// The folder the browser resolves relative links against: the path itself for `/a/b/`,
    /// the parent for `/a/b.css`.
    public var directorySegments: [Substring] {
        isDirectory ? segments : Array(segments.dropLast())
    }

    /// A relative reference from a page at `base` to this path, e.g. `../report/`.
    public func relative(from base: URLPath) -> String {
        let from = base.directorySegments
        let to = segments
        var common = 0
        while common < from.count, common < to.count - (isDirectory ? 0 : 1), from[common] == to[common] {
            common += 1
        }
        let ups = String(repeating: "../", count: from.count - common)
        var rest = to[common...].joined(separator: "/")
        if isDirectory, !rest.isEmpty { rest += "/" }
        let result = ups + rest
        return result.isEmpty ? "./" : result
    }

    public static func < (lhs: URLPath, rhs: URLPath) -> Bool { lhs.value < rhs.value }
}
