/// How a child process ended.
public enum Termination: Sendable, Equatable {
    case exited(Int32)
    case signalled(Int32)
    /// Killed by the fuzzer after the time limit.
    case timedOut
}
