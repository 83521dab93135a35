import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Runs the `waymark` binary with a pseudo-terminal as its input and output, as if a person
/// were typing `input` at it; returns its exit status and everything it showed (with the
/// terminal's echo of the input).
func waymarkAtTerminal(_ arguments: [String], in directory: String, input: String) throws -> Run {
    let master = PTY.open(O_RDWR | O_NOCTTY)
    guard master >= 0, PTY.grant(master) == 0, PTY.unlock(master) == 0, let name = PTY.name(master) else {
        throw TerminalError(description: "no pseudo-terminal: errno \(errno)")
    }
    let terminal = open(String(cString: name), O_RDWR | O_NOCTTY)
    guard terminal >= 0 else { throw TerminalError(description: "cannot open \(String(cString: name))") }
    let process = Process()
    process.executableURL = waymarkBinary()
    process.arguments = arguments
    process.currentDirectoryURL = URL(fileURLWithPath: directory)
    let handle = FileHandle(fileDescriptor: terminal, closeOnDealloc: false)
    process.standardInput = handle
    process.standardOutput = handle
    process.standardError = handle
    try process.run()
    close(terminal)
    let shown = TerminalOutput()
    // Read as it comes, so a full terminal buffer can never stop the program mid-write.
    let reader = Thread { shown.drain(master) }
    reader.start()
    _ = input.utf8CString.withUnsafeBufferPointer { write(master, $0.baseAddress, $0.count - 1) }
    process.waitUntilExit()
    shown.waitUntilDrained()
    close(master)
    return Run(status: process.terminationStatus, stdout: shown.text.replacingOccurrences(of: "\r\n", with: "\n"), stderr: "")
}

/// glibc's pseudo-terminal calls, looked up by name: Swift's Glibc module leaves out the
/// declarations (they need _XOPEN_SOURCE), but the functions are in libc all the same.
enum PTY {
    typealias FD = @convention(c) (Int32) -> Int32
    typealias Name = @convention(c) (Int32) -> UnsafeMutablePointer<CChar>?
    static let open = function("posix_openpt", as: FD.self)
    static let grant = function("grantpt", as: FD.self)
    static let unlock = function("unlockpt", as: FD.self)
    static let name = function("ptsname", as: Name.self)

    private static func function<T>(_ symbol: String, as type: T.Type) -> T {
        guard let address = dlsym(UnsafeMutableRawPointer(bitPattern: 0), symbol) else { fatalError("libc has no \(symbol)") }
        return unsafeBitCast(address, to: type)
    }
}

struct TerminalError: Error, CustomStringConvertible {
    var description: String
}

/// What the program wrote to the terminal, read on a thread of its own.
final class TerminalOutput: @unchecked Sendable {
    private let lock = NSLock()
    private var bytes: [UInt8] = []
    private let done = DispatchSemaphore(value: 0)

    var text: String { lock.withLock { String(decoding: bytes, as: UTF8.self) } }

    /// Reads until every writer has closed the terminal (read fails with EIO on Linux).
    func drain(_ fd: Int32) {
        var buffer = [UInt8](repeating: 0, count: 4096)
        while true {
            let count = read(fd, &buffer, buffer.count)
            if count <= 0 { break }
            lock.withLock { bytes += buffer[0..<count] }
        }
        done.signal()
    }

    func waitUntilDrained() { _ = done.wait(timeout: .now() + 10) }
}
