/// The outcome of one case, with what is needed to reproduce and understand it.
public struct FuzzCaseResult: Sendable {
    public var number: Int
    public var mutations: [String]
    public var outcome: Outcome
    /// Why the outcome is a failure; empty for `built` and `rejected`.
    public var reason: String
    public var stderr: String
    public var seconds: Double
}
