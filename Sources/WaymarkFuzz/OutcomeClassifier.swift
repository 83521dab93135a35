/// Decides the outcome of one build from what was observed, with a one-line reason for failures.
public enum OutcomeClassifier {
    public static func classify(_ seen: BuildObservation) -> (Outcome, String) {
        switch seen.termination {
        case .timedOut: return (.hung, "still running at the time limit")
        case .signalled(let signal): return (.crashed, "killed by signal \(signal)")
        case .exited(let status) where status != 0 && status != 1: return (.crashed, "exit status \(status)")
        case .exited: break
        }
        if !seen.strayFiles.isEmpty { return (.escaped, "wrote " + seen.strayFiles.joined(separator: ", ")) }
        if !seen.leftovers.isEmpty { return (.leftovers, "left " + seen.leftovers.joined(separator: ", ")) }
        if seen.termination == .exited(0) {
            if !seen.leakedValues.isEmpty { return (.privateLeak, "published " + seen.leakedValues.joined(separator: ", ")) }
            return (.built, "")
        }
        if !hasErrorLine(seen.stderr) { return (.silentRejection, "exit 1 without a 'file: error: message' line") }
        if !seen.outputUnchanged { return (.outputChanged, "exit 1 but output/ changed") }
        return (.rejected, "")
    }

    /// Whether some line matches `^[^ ].*: error: `: a diagnostic that names where the problem is.
    public static func hasErrorLine(_ stderr: String) -> Bool {
        stderr.split(separator: "\n").contains { line in
            guard let first = line.first, first != " ", let found = line.range(of: ": error: ") else { return false }
            return found.lowerBound > line.startIndex
        }
    }
}
