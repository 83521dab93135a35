#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A pipe whose only job is to wake a watcher's `poll()` so it can stop: closing a descriptor
/// another thread is blocked reading does not reliably wake it.
final class WakePipe: @unchecked Sendable {
    /// Becomes readable once `signal()` has been called.
    let readEnd: Int32
    private let writeEnd: Int32

    init?() {
        var ends: [Int32] = [-1, -1]
        guard pipe(&ends) == 0 else { return nil }
        for end in ends {
            _ = fcntl(end, F_SETFD, FD_CLOEXEC)
            _ = fcntl(end, F_SETFL, fcntl(end, F_GETFL) | O_NONBLOCK)
        }
        readEnd = ends[0]
        writeEnd = ends[1]
    }

    /// Wakes the watcher (any number of times; the pipe never blocks the caller).
    func signal() {
        var byte: UInt8 = 1
        _ = write(writeEnd, &byte, 1)
    }

    /// Waits until `descriptor` (if any) is readable, the pipe is signalled, or `timeout`
    /// passes (nil: forever). Returns whether `descriptor` is readable and whether to stop.
    func wait(for descriptor: Int32?, timeout: Duration?) -> (readable: Bool, stop: Bool) {
        var fds = [pollfd(fd: readEnd, events: Int16(POLLIN), revents: 0)]
        if let descriptor { fds.append(pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)) }
        let milliseconds = timeout.map { Self.milliseconds($0) } ?? -1
        let result = poll(&fds, nfds_t(fds.count), milliseconds)
        guard result > 0 else { return (false, false) }
        return (fds.count > 1 && fds[1].revents != 0, fds[0].revents != 0)
    }

    deinit {
        close(readEnd)
        close(writeEnd)
    }

    private static func milliseconds(_ duration: Duration) -> Int32 {
        let (seconds, attoseconds) = duration.components
        guard seconds >= 0 else { return 0 }
        // Round up, so a wait never ends a moment before its deadline and spins.
        let total = seconds * 1000 + (attoseconds + 999_999_999_999_999) / 1_000_000_000_000_000
        return Int32(clamping: total)
    }
}
