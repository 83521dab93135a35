import Foundation
import WaymarkCore

/// The files of one finished preview build, served until the next one is ready.
public protocol PreviewFiles: Sendable {
    /// The bytes published at `path` (relative to the site root, e.g. `about/index.html`), if any.
    func contents(of path: String) -> Data?
}

/// Files held in memory, keyed by their path in the site.
public struct InMemoryFiles: PreviewFiles {
    public var files: [String: Data]

    public init(_ files: [String: Data]) { self.files = files }

    public func contents(of path: String) -> Data? { files[path] }
}

/// What the preview server shows: the last good site and what the latest build said.
public struct PreviewSnapshot: Sendable {
    /// Counts builds, so a page can tell whether it is out of date.
    public var generation: Int
    /// The last build that succeeded (a failed build keeps the one before).
    public var files: any PreviewFiles
    /// Errors and warnings of the latest build, sorted; errors mean it failed.
    public var diagnostics: [Diagnostic]

    public init(generation: Int, files: any PreviewFiles, diagnostics: [Diagnostic]) {
        self.generation = generation
        self.files = files
        self.diagnostics = diagnostics
    }

    /// True when the latest build failed and `files` are from an earlier one.
    public var failed: Bool { diagnostics.contains { $0.severity == .error } }
}

/// What changed between two snapshots, as the browser needs to know it.
public enum PreviewChange: Sendable, Equatable {
    /// Pages changed: reload.
    case reload
    /// Only stylesheets changed: swap each old stylesheet address for its new one, no reload.
    case stylesheets([String: String])
    /// The build failed, or its messages changed: show (or update) the overlay.
    case diagnostics
}
