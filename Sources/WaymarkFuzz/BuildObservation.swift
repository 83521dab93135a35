/// Everything the fuzzer saw about one build, the input to `OutcomeClassifier`.
public struct BuildObservation: Sendable {
    public var termination: Termination
    public var stderr: String
    /// Whether output/ is byte for byte the snapshot of the good build.
    public var outputUnchanged: Bool
    /// `output.*` entries beside output/.
    public var leftovers: [String]
    /// Files that appeared outside output/, or content files that changed during the build.
    public var strayFiles: [String]
    /// Private partner values found in the built site.
    public var leakedValues: [String]

    public init(termination: Termination, stderr: String, outputUnchanged: Bool, leftovers: [String] = [],
                strayFiles: [String] = [], leakedValues: [String] = []) {
        self.termination = termination
        self.stderr = stderr
        self.outputUnchanged = outputUnchanged
        self.leftovers = leftovers
        self.strayFiles = strayFiles
        self.leakedValues = leakedValues
    }
}
