/// What one build of a mutated site did. `built` and `rejected` are the two acceptable outcomes;
/// every other outcome is a bug in Waymark.
public enum Outcome: String, Sendable, CaseIterable, Comparable {
    /// Exit 0: the mutation was harmless, or was only worth a warning.
    case built
    /// Exit 1 with an `error:` line naming a file, output/ byte for byte as it was, nothing left over.
    case rejected
    /// Killed by a signal (a trap, a stack overflow, out of memory) or an exit status other than 0 or 1.
    case crashed
    /// Still running when the time limit ran out.
    case hung
    /// Exit 1 without any line of the form `file: error: message`.
    case silentRejection
    /// Exit 1, but output/ is not what the previous build left.
    case outputChanged
    /// A staging or old output folder (`output.*`) left beside output/.
    case leftovers
    /// A file written outside output/: beside the site, above it, or into the content folder.
    case escaped
    /// A built site that publishes a value from a private column of partners.csv.
    case privateLeak

    public var isFailure: Bool { self != .built && self != .rejected }

    public static func < (a: Outcome, b: Outcome) -> Bool {
        allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)!
    }
}
