/// Plain-English rules: reading age, long sentences and paragraphs, text in capitals.
enum ProseRules {
    static let all: [PageRule] = []

    /// GOV.UK writes for a reading age of 9.
    static let defaultReadingAge = 9.0

    /// The page's reading age by the formula published for its language, for the report.
    static func readingAge(of page: PageContext) -> ReadingAgeScore {
        .unscored(reason: "not scored yet")
    }

    /// Whether `reading-age` warns on this page with these options: by default only the pages
    /// the public acts on.
    static func readingAgeApplies(to page: PageContext, options: RuleOptions) -> Bool { false }
}
