import Foundation

/// Runs a program in its own process with a time and memory limit, so a crash, a stack overflow
/// or a hang is observed here instead of taking the fuzzer down with it.
struct ChildProcess {
    var executable: String
    var arguments: [String]
    var directory: String
    /// Standard error goes to this file: a pipe could fill up and stall a chatty child.
    var stderrPath: String
    var timeout: Double
    /// Address space limit in kilobytes, so an alias bomb fails in the child instead of exhausting the machine.
    var memoryLimitKB: Int

    func run() throws -> Termination {
        let process = Process()
        // `ulimit` then `exec`: the shell is replaced by the program, so its signal is the one seen.
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", "ulimit -v \(memoryLimitKB) 2>/dev/null; exec \"$0\" \"$@\"", executable] + arguments
        process.currentDirectoryURL = URL(fileURLWithPath: directory)
        _ = FileManager.default.createFile(atPath: stderrPath, contents: nil)
        let stderr = try FileHandle(forWritingTo: URL(fileURLWithPath: stderrPath))
        defer { try? stderr.close() }
        process.standardError = stderr
        process.standardOutput = FileHandle.nullDevice
        process.standardInput = FileHandle.nullDevice
        let finished = DispatchSemaphore(value: 0)
        process.terminationHandler = { _ in finished.signal() }
        try process.run()
        if finished.wait(timeout: .now() + timeout) == .timedOut {
            kill(process.processIdentifier, SIGKILL)
            finished.wait()
            return .timedOut
        }
        switch process.terminationReason {
        case .uncaughtSignal: return .signalled(process.terminationStatus)
        case .exit: return .exited(process.terminationStatus)
        @unknown default: return .exited(process.terminationStatus)
        }
    }
}
