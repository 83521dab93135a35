import WaymarkCore
import Yams

/// How seriously `waymark check` takes one of its rules.
public enum RuleLevel: String, Sendable, Hashable, CaseIterable {
    case error, warning, off
}

/// What `checks:` says of one rule: a level, options, or both
/// (`capitals: off`, `reading-age: {above: 10, layouts: [flyer]}`).
public struct RuleSetting: Sendable, Equatable {
    public var level: RuleLevel?
    /// Option name → its values as written (one for a single value, several for a list).
    public var options: [String: [String]]
    /// Where the rule's name was written.
    public var location: SourceLocation
    /// Where each option was written.
    public var optionLocations: [String: SourceLocation]

    public init(level: RuleLevel? = nil, options: [String: [String]] = [:], location: SourceLocation,
                optionLocations: [String: SourceLocation] = [:]) {
        self.level = level
        self.options = options
        self.location = location
        self.optionLocations = optionLocations
    }
}

/// The `checks:` block of `site.yaml`, or of a page's front matter for an exception on that
/// page. Rule names and options are checked by `waymark check`, which knows the rules; the
/// build only reads the shape.
public struct CheckSettings: Sendable, Equatable {
    /// Rule id → what was set for it.
    public var rules: [String: RuleSetting]
    /// A page's reason for its exception (`because:`); nil in `site.yaml`.
    public var because: String?
    public var location: SourceLocation?

    public init(rules: [String: RuleSetting] = [:], because: String? = nil, location: SourceLocation? = nil) {
        self.rules = rules
        self.because = because
        self.location = location
    }

    public static let none = CheckSettings()

    /// Reads `checks:` from `fields`; `allowsReason` for front matter, where `because:` explains
    /// the exception.
    public static func read(_ fields: YAMLMapping, allowsReason: Bool, diagnostics: inout Diagnostics) -> CheckSettings {
        guard let node = fields.node("checks") else { return .none }
        let reader = fields.reader
        guard let mapping = node.mapping else {
            diagnostics.append(.error(fields.location("checks"), "'checks' should list rules, each with a level, like 'capitals: off'",
                                      help: "see \"Checking the content\" in docs/CONTENT.md for the rules"))
            return .none
        }
        var settings = CheckSettings(location: fields.location("checks"))
        for (key, value) in mapping {
            guard let name = key.scalar?.string else { continue }
            let location = reader.location(of: key)
            if name == "because" && allowsReason {
                settings.because = value.scalar?.string
                continue
            }
            if let setting = ruleSetting(name, value, at: location, reader: reader, diagnostics: &diagnostics) {
                settings.rules[name] = setting
            }
        }
        return settings
    }

    private static func ruleSetting(_ name: String, _ value: Node, at location: SourceLocation, reader: YAMLReader,
                                    diagnostics: inout Diagnostics) -> RuleSetting? {
        if let scalar = value.scalar {
            guard let level = level(scalar.string, at: location, diagnostics: &diagnostics) else { return nil }
            return RuleSetting(level: level, location: location)
        }
        guard let mapping = value.mapping else {
            diagnostics.append(.error(location, "'\(name)' should be a level (error, warning or off) or a list of options"))
            return nil
        }
        var setting = RuleSetting(location: location)
        for (optionKey, optionValue) in mapping {
            guard let option = optionKey.scalar?.string else { continue }
            let optionLocation = reader.location(of: optionKey)
            if option == "level" {
                setting.level = level(optionValue.scalar?.string ?? "", at: optionLocation, diagnostics: &diagnostics)
                continue
            }
            if let scalar = optionValue.scalar {
                setting.options[option] = [scalar.string]
            } else if let list = optionValue.sequence, list.allSatisfy({ $0.scalar != nil }) {
                setting.options[option] = list.compactMap { $0.scalar?.string }
            } else {
                diagnostics.append(.error(optionLocation, "'\(option)' should be a value or a list of values"))
                continue
            }
            setting.optionLocations[option] = optionLocation
        }
        return setting
    }

    private static func level(_ text: String, at location: SourceLocation, diagnostics: inout Diagnostics) -> RuleLevel? {
        if let level = RuleLevel(rawValue: text.lowercased()) { return level }
        // YAML reads a bare `off` or `no` as false; both mean the rule is off.
        if ["false", "no"].contains(text.lowercased()) { return .off }
        diagnostics.append(.error(location, "'\(text)' is not a level for a check", help: "use error, warning or off"))
        return nil
    }
}
