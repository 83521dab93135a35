import WaymarkContent
import WaymarkCore

/// The level and options of each rule on each page: the rule's default, then `checks:` in
/// `site.yaml`, then the page's own `checks:` exception.
struct RuleLevels: Sendable {
    let site: CheckSettings

    /// The level `rule` has on a page with `exceptions` (its front matter's `checks:`).
    func level(_ rule: RuleInfo, page exceptions: CheckSettings = .none) -> RuleLevel {
        exceptions.rules[rule.id]?.level ?? site.rules[rule.id]?.level ?? rule.defaultLevel
    }

    /// The options of `rule`: the page's over the site's.
    func options(_ rule: RuleInfo, page exceptions: CheckSettings = .none) -> RuleOptions {
        var values = site.rules[rule.id]?.options ?? [:]
        values.merge(exceptions.rules[rule.id]?.options ?? [:]) { $1 }
        return RuleOptions(values)
    }

    /// Mistakes in a `checks:` block: rules and options that do not exist, values of the wrong
    /// kind, and a page's exception without a reason.
    static func problems(in settings: CheckSettings, isPage: Bool) -> [Diagnostic] {
        var problems: [Diagnostic] = []
        let ids = RuleCatalogue.all.map(\.id)
        for (id, setting) in settings.rules.sorted(by: { $0.key < $1.key }) {
            guard let info = RuleCatalogue.info(id) else {
                let help = Suggestion.closest(to: id, in: ids).map { "did you mean '\($0)'?" }
                    ?? "the rules are: \(ids.joined(separator: ", "))"
                problems.append(.error(setting.location, "there is no check called '\(id)'", help: help))
                continue
            }
            for (option, values) in setting.options.sorted(by: { $0.key < $1.key }) {
                let location = setting.optionLocations[option] ?? setting.location
                switch info.options[option] {
                case nil:
                    let known = info.options.keys.sorted()
                    problems.append(.error(location, "the check '\(id)' has no option '\(option)'",
                                           help: known.isEmpty ? "it has only a level: error, warning or off" : "its options are: \(known.joined(separator: ", "))"))
                case .number? where values.count != 1 || Double(values[0]) == nil:
                    problems.append(.error(location, "'\(option)' should be a number, not '\(values.joined(separator: ", "))'"))
                default: break
                }
            }
        }
        if isPage, !settings.rules.isEmpty, (settings.because ?? "").isEmpty, let location = settings.location {
            problems.append(.warning(location, "this page makes an exception to the checks without saying why",
                                     help: "add 'because: …' under 'checks:', so the next editor knows the exception is meant"))
        }
        return problems
    }
}
