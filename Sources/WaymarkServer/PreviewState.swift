import Foundation

/// The hub's current snapshot with its diagnostics already laid out, read once per request.
public struct PreviewState: Sendable {
    public var snapshot: PreviewSnapshot
    public var diagnostics: [FormattedDiagnostic]
    /// How many snapshots were published before this one; pages carry it to the browser.
    public var sequence: Int

    public init(snapshot: PreviewSnapshot, sequence: Int) {
        self.snapshot = snapshot
        self.diagnostics = FormattedDiagnostic.format(snapshot.diagnostics)
        self.sequence = sequence
    }

    func event(_ kind: PreviewEvent.Kind) -> PreviewEvent {
        PreviewEvent(kind: kind, generation: snapshot.generation, sequence: sequence, diagnostics: diagnostics)
    }
}
