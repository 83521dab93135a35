import WaymarkContent
import WaymarkCore
import WaymarkSite

/// Everything `waymark check` found, in the order every format prints it. Formats
/// (``TextFormat``, ``GitHubFormat``, ``GitLabFormat``, ``JSONFormat``, ``HTMLReport``) only
/// present this; they decide nothing.
public struct CheckReport: Sendable {
    /// Every problem at its final level (site and page settings and `--strict` applied), sorted
    /// by file and line; rules turned off are gone.
    public var problems: [Diagnostic]
    /// Every Markdown page, in source order.
    public var pages: [PageSummary]
    /// Pages and contacts whose review date has passed or falls within ``dueWindowDays``.
    public var reviews: [ReviewItem]
    /// The day the check counted from.
    public var today: CalendarDate
    public var dueWindowDays: Int
    /// Every rule with the level the site gave it.
    public var rules: [(info: RuleInfo, level: RuleLevel)]
    /// Whether `--strict` turned warnings into errors.
    public var strict: Bool
    /// Site title, for the report's heading.
    public var siteTitle: String
    /// The reading age (years) above which `reading-age` warns, as the site sets it (`above:`),
    /// for the report's chart and the pages listed as over it.
    public var readingAgeThreshold: Double = 9
    /// With `--print`: every flyer page and how many sheets it printed on.
    public var printedFlyers: [FlyerPageCount] = []

    public var errorCount: Int { problems.count { $0.severity == .error } }
    public var warningCount: Int { problems.count { $0.severity == .warning } }
    /// `waymark check`'s exit status: 1 when anything is at error level.
    public var exitStatus: Int32 { errorCount > 0 ? 1 : 0 }
}

/// One page of the site as the report lists it.
public struct PageSummary: Sendable, Hashable {
    public var file: String
    /// The page's address on the site (`/pl/report/`).
    public var url: String
    public var title: String
    public var language: String
    public var layout: String
    public var owner: String?
    public var reviewBy: CalendarDate?
    public var readingAge: ReadingAgeScore
    /// Whether the reading-age rule applies to this page (pages the public acts on).
    public var readingAgeChecked: Bool
    public var translation: TranslationState
    /// Rules the page turns down or off, and why (`because:`).
    public var exceptions: [String]
    public var exceptionReason: String?
}

/// A reading age worked out by a formula published for the page's language, or why there is none.
public enum ReadingAgeScore: Sendable, Hashable {
    case scored(ReadingAgeResult)
    /// No formula for the language, or too little text to score; never an English number.
    case unscored(reason: String)

    public var result: ReadingAgeResult? {
        if case .scored(let result) = self { return result }
        return nil
    }
}

/// A page's score under one readability formula.
public struct ReadingAgeResult: Sendable, Hashable {
    /// The formula's name as published ("Flesch–Kincaid grade level").
    public var formula: String
    /// The formula's own figure (a US school grade for Flesch–Kincaid).
    public var score: Double
    /// The reading age in years that the figure stands for.
    public var age: Double
    public var words: Int
    public var sentences: Int

    public init(formula: String, score: Double, age: Double, words: Int, sentences: Int) {
        self.formula = formula
        self.score = score
        self.age = age
        self.words = words
        self.sentences = sentences
    }
}

/// A page or contact whose safety information must be re-checked.
public struct ReviewItem: Sendable, Hashable {
    public enum Kind: String, Sendable, Hashable {
        case page, contact
    }

    public var kind: Kind
    /// The page's title or the contact's label.
    public var name: String
    public var location: SourceLocation
    public var owner: String?
    /// When it falls (fell) due.
    public var due: CalendarDate
    public var isOverdue: Bool
}
