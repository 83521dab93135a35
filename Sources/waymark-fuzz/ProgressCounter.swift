import Foundation
import WaymarkFuzz

/// Prints a dot per build (a letter for a failure) so a long run shows it is alive.
final class ProgressCounter: @unchecked Sendable {
    private let lock = NSLock()
    private var done = 0
    private let total: Int

    init(total: Int) { self.total = total }

    func tick(_ result: FuzzCaseResult) {
        lock.withLock {
            done += 1
            let mark = result.outcome.isFailure ? String(result.outcome.rawValue.prefix(1)).uppercased() : "."
            FileHandle.standardError.write(Data((mark + (done % 100 == 0 || done == total ? " \(done)/\(total)\n" : "")).utf8))
        }
    }
}
