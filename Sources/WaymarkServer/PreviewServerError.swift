import Foundation

/// Why the preview server could not start, in words for the person running `waymark serve`.
public struct PreviewServerError: Error, Sendable, Equatable, CustomStringConvertible {
    /// One sentence, e.g. `the preview could not use port 1313 on 127.0.0.1: another program is using it`.
    public var summary: String
    /// The next step, printed as `help: …`.
    public var help: String?

    public init(summary: String, help: String? = nil) {
        self.summary = summary
        self.help = help
    }

    public var description: String { summary }
}
