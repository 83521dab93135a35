import Foundation
import WaymarkSite

/// One line on a terminal that says how a long build is going — "Rendering pages 4,096 of
/// 10,000" — redrawn in place, and gone when the work ends. It appears only once the work has
/// run for ``defaultDelay`` seconds, so quick builds print exactly what they always did, and never
/// when standard error is not a terminal (a CI log) or the user asked for quiet.
final class ProgressLine: @unchecked Sendable {
    /// How long work runs before the line appears, unless `WAYMARK_PROGRESS_DELAY` (seconds) says
    /// otherwise: tests set it to 0 to see the line on a small site.
    static let defaultDelay = 2.0
    /// The shortest time between two redraws of the same stage.
    static let interval = 0.1

    private let lock = NSLock()
    private let write: @Sendable (String) -> Void
    private let clock: @Sendable () -> Double
    private let started: Double
    private let delay: Double
    private var lastDrawn = -Double.infinity
    private var lastStage = ""
    private var shown = false

    /// A line that writes with `write`, reads the time (in seconds) from `clock` and shows
    /// nothing until `delay` seconds have passed.
    init(delay: Double = ProgressLine.defaultDelay, write: @escaping @Sendable (String) -> Void,
         clock: @escaping @Sendable () -> Double = ProgressLine.now) {
        self.delay = delay
        self.write = write
        self.clock = clock
        started = clock()
    }

    /// A line on standard error when it is a terminal and `quiet` is off; otherwise nil.
    static func forTerminal(quiet: Bool, environment: [String: String] = ProcessInfo.processInfo.environment) -> ProgressLine? {
        guard !quiet, isatty(STDERR_FILENO) != 0, environment["TERM"] != "dumb" else { return nil }
        let delay = environment["WAYMARK_PROGRESS_DELAY"].flatMap(Double.init) ?? defaultDelay
        return ProgressLine(delay: delay) { FileHandle.standardError.write(Data($0.utf8)) }
    }

    /// The callback to hand a build.
    var callback: BuildProgress { { [self] event in self.report(event) } }

    /// Shows `event` if the work has run long enough and the line was not just redrawn.
    func report(_ event: BuildProgressEvent) {
        lock.lock()
        defer { lock.unlock() }
        let now = clock()
        guard now - started >= delay else { return }
        let finished = event.total > 0 && event.done == event.total
        guard event.stage != lastStage || finished || now - lastDrawn >= Self.interval else { return }
        write("\r\u{1B}[2K" + Self.text(event))
        shown = true
        lastStage = event.stage
        lastDrawn = now
    }

    /// Rubs the line out, if it was ever shown, so what is printed next starts on a clean line.
    func finish() {
        lock.lock()
        defer { lock.unlock() }
        if shown { write("\r\u{1B}[2K") }
        shown = false
    }

    /// "Rendering pages 4,096 of 10,000 (41%)", or "Reading content…" when nothing is counted.
    static func text(_ event: BuildProgressEvent) -> String {
        guard event.total > 0 else { return event.stage + "…" }
        let percent = event.done * 100 / event.total
        let unit = event.unit.isEmpty ? "" : " " + event.unit
        return "\(event.stage): \(grouped(event.done)) of \(grouped(event.total))\(unit) (\(percent)%)"
    }

    /// 10000 → "10,000".
    static func grouped(_ number: Int) -> String {
        let digits = Array(String(number))
        var out = ""
        for (index, digit) in digits.enumerated() {
            if index > 0 && (digits.count - index) % 3 == 0 { out.append(",") }
            out.append(digit)
        }
        return out
    }

    @Sendable static func now() -> Double { Double(DispatchTime.now().uptimeNanoseconds) / 1e9 }
}
