/// What to fuzz and how hard.
public struct FuzzConfiguration: Sendable {
    /// The base site's content folder (site.yaml, pages, _data/).
    public var content: String
    /// The theme folder; used as it is, never mutated.
    public var theme: String
    /// The `waymark` executable under test.
    public var waymark: String
    public var seed: UInt64
    /// The case numbers to run; each case's mutations depend only on the seed and its number.
    public var cases: [Int]
    /// Builds run at once, each in its own folder.
    public var jobs: Int
    /// Seconds before a build counts as hung and is killed.
    public var timeout: Double
    public var memoryLimitKB: Int
    /// Where each failing case's files and messages are saved, or nil to save nothing.
    public var findings: String?

    public init(content: String, theme: String, waymark: String, seed: UInt64, cases: [Int], jobs: Int = 2,
                timeout: Double = 30, memoryLimitKB: Int = 4_000_000, findings: String? = nil) {
        self.content = content
        self.theme = theme
        self.waymark = waymark
        self.seed = seed
        self.cases = cases
        self.jobs = jobs
        self.timeout = timeout
        self.memoryLimitKB = memoryLimitKB
        self.findings = findings
    }
}
