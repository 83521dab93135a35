/// Plain-English rules: reading age, long sentences and paragraphs, text in capitals.
enum ProseRules {
    static let all: [PageRule] = []

    /// The page's reading age by the formula published for its language, for the report.
    static func readingAge(of page: PageContext) -> ReadingAgeScore {
        .unscored(reason: "not scored yet")
    }

    /// Whether `reading-age` warns on this page with these options: by default only the pages
    /// the public acts on.
    static func readingAgeApplies(to page: PageContext, options: RuleOptions) -> Bool { false }
}
