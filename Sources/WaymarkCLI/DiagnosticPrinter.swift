import Foundation
import WaymarkCore

/// Prints diagnostics laid out by ``DiagnosticFormatter``, so both people and editors can follow them.
struct DiagnosticPrinter: Sendable {
    var write: @Sendable (String) -> Void

    init(write: @escaping @Sendable (String) -> Void) { self.write = write }

    /// Prints `diagnostics` (already sorted), long runs of one kind of problem summarised.
    func print(all diagnostics: [Diagnostic]) {
        // A formatter per batch: it reads each file once for all of the batch's messages.
        DiagnosticFormatter().lines(forAll: diagnostics).joined().forEach(write)
    }
}

/// `1 error`, `3 warnings`.
func counted(_ count: Int, _ noun: String) -> String {
    "\(count) \(noun)\(count == 1 ? "" : "s")"
}
