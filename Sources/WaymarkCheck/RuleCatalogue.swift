import WaymarkContent

/// Every rule `waymark check` has, by group. The order is the documentation's.
public enum RuleCatalogue {
    /// Rules that look at one page at a time.
    public static let pageRules: [PageRule] = MarkdownRules.all + ProseRules.all

    /// Rules over the whole site or other inputs than pages; run by their own stages.
    public static let otherRules: [RuleInfo] = ReviewDates.rules + ExternalLinkRules.rules + FlyerPrintRules.rules

    public static var all: [RuleInfo] { pageRules.map(\.info) + otherRules }

    /// The rule with this id.
    public static func info(_ id: String) -> RuleInfo? { all.first { $0.id == id } }
}
