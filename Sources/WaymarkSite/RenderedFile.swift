import Foundation
import WaymarkCore

/// One file of the finished site, ready to write.
public struct RenderedFile: Sendable {
    /// Path inside the output folder, `strategy/index.html`.
    public var path: String
    public var contents: Data
    /// Errors found while making the file (a template that never finishes); a build with any
    /// writes nothing.
    public var problems: [Diagnostic] = []

    public init(path: String, contents: Data) {
        self.path = path
        self.contents = contents
    }

    public init(path: String, text: String) {
        self.init(path: path, contents: Data(text.utf8))
    }
}
