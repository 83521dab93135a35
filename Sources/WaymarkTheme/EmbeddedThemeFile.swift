import Foundation

/// The default theme, compiled into the binary from the repository's `theme/` folder by
/// `scripts/embed-theme` (``files`` is generated), so Waymark builds a site without any theme
/// folder on disk.
///
/// SwiftPM resources are not used: on Linux `Bundle.module` looks beside the executable and
/// then at the absolute build path, so a copied binary would not find them.
public enum EmbeddedTheme {
    /// One file of the theme, by its path inside the theme (`templates/page.mustache`).
    public struct File: Sendable {
        /// The path inside the theme, with `/` between folders.
        public let path: String
        private let storage: Storage

        private enum Storage: Sendable {
            case text(String)
            case base64(String)
        }

        /// A text file, kept byte for byte in a string literal.
        init(path: String, text: String) {
            self.path = path
            storage = .text(text)
        }

        /// Any other file, kept as base64 and decoded when read.
        init(path: String, base64: String) {
            self.path = path
            storage = .base64(base64)
        }

        /// The file's bytes, exactly as they are in `theme/`.
        public var bytes: [UInt8] {
            switch storage {
            case .text(let text): return Array(text.utf8)
            case .base64(let encoded): return Data(base64Encoded: encoded).map { Array($0) } ?? []
            }
        }
    }

    /// How messages name the built-in theme's files: `(built-in theme)/templates/page.mustache`.
    public static let displayRoot = "(built-in theme)"

    /// The file at `path` inside the theme, if the built-in theme has it.
    public static func file(_ path: String) -> File? {
        index[path].map { files[$0] }
    }

    private static let index: [String: Int] = Dictionary(uniqueKeysWithValues: files.enumerated().map { ($0.element.path, $0.offset) })
}
