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
    ///
    /// Works on the UTF-8 bytes: it runs for every link on every page.
    public func relative(from base: URLPath) -> String {
        let from = Array(base.value.utf8)
        let to = Array(value.utf8)
        let slash = UInt8(ascii: "/")
        // The folder the browser resolves against ends at the base's last slash.
        let fromEnd = (from.lastIndex(of: slash) ?? 0) + 1
        var common = 0  // length of the shared prefix, ending just after a slash
        var index = 0
        while index < fromEnd, index < to.count, from[index] == to[index] {
            if from[index] == slash { common = index + 1 }
            index += 1
        }
        var out: [UInt8] = []
        out.reserveCapacity(to.count + 12)
        for byte in from[common..<fromEnd] where byte == slash {
            out.append(contentsOf: [UInt8(ascii: "."), UInt8(ascii: "."), slash])
        }
        out.append(contentsOf: to[common...])
        return out.isEmpty ? "./" : String(decoding: out, as: UTF8.self)
    }

    public static func < (lhs: URLPath, rhs: URLPath) -> Bool { lhs.value < rhs.value }
}
