import Foundation

/// One message for a connected browser.
public struct PreviewEvent: Sendable, Equatable {
    public enum Kind: Sendable, Equatable {
        /// Sent first on every connection: where the hub stands, so a page can tell it is stale.
        case hello
        /// Pages changed: reload.
        case reload
        /// Swap each old stylesheet address for its new one.
        case stylesheets([String: String])
        /// Show, replace or remove the overlay.
        case diagnostics
    }

    public var kind: Kind
    /// The snapshot's generation.
    public var generation: Int
    /// Counts publishes to this hub, so a browser that missed one (or one dropped for a stuck
    /// connection) notices the gap and reloads instead of showing a stale page.
    public var sequence: Int
    /// What the latest build said, for the overlay.
    public var diagnostics: [FormattedDiagnostic]

    public init(kind: Kind, generation: Int, sequence: Int, diagnostics: [FormattedDiagnostic]) {
        self.kind = kind
        self.generation = generation
        self.sequence = sequence
        self.diagnostics = diagnostics
    }
}
