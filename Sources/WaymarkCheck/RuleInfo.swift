import WaymarkContent
import WaymarkCore

/// What a rule's option holds, so `checks:` can be validated before anything runs.
public enum RuleOptionKind: Sendable, Hashable {
    case number
    case texts
}

/// One of `waymark check`'s rules, as documented in docs/CONTENT.md ("Checking the content").
public struct RuleInfo: Sendable, Hashable {
    /// Short id used in messages, `checks:` and reports (`link-text`).
    public var id: String
    public var defaultLevel: RuleLevel
    /// What the rule looks for, in a few words ("link text that makes sense on its own").
    public var title: String
    /// Option name → kind, e.g. `above: .number` for `reading-age`.
    public var options: [String: RuleOptionKind]

    public init(id: String, defaultLevel: RuleLevel = .warning, title: String, options: [String: RuleOptionKind] = [:]) {
        self.id = id
        self.defaultLevel = defaultLevel
        self.title = title
        self.options = options
    }
}

/// A rule's options as a site or page set them, read with defaults.
public struct RuleOptions: Sendable {
    var values: [String: [String]]

    public init(_ values: [String: [String]] = [:]) { self.values = values }

    /// A number option, or `fallback` when it is not set.
    public func number(_ name: String, default fallback: Double) -> Double {
        values[name]?.first.flatMap(Double.init) ?? fallback
    }

    /// A list option, or `fallback` when it is not set.
    public func texts(_ name: String, default fallback: [String]) -> [String] {
        values[name] ?? fallback
    }

    /// Whether the option was set at all.
    public func isSet(_ name: String) -> Bool { values[name] != nil }
}
