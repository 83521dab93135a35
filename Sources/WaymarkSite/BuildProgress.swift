/// How far a long piece of work has got: a stage, and how much of it is done when that is
/// countable (pages rendered of all pages, index files written of all).
public struct BuildProgressEvent: Sendable, Equatable {
    /// What is happening, in words for a person: "Rendering pages".
    public var stage: String
    public var done: Int
    /// Zero when the stage has no count.
    public var total: Int
    /// What `done` and `total` count ("pages", "files"); empty when nothing is counted.
    public var unit: String

    public init(stage: String, done: Int = 0, total: Int = 0, unit: String = "") {
        self.stage = stage
        self.done = done
        self.total = total
        self.unit = unit
    }
}

/// Told of each step of a build as it happens, on the thread running the build. A build calls it
/// often (after every batch of pages, every index file): what it shows, and how often, is its own
/// business.
public typealias BuildProgress = @Sendable (BuildProgressEvent) -> Void
