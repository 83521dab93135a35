import WaymarkContent
import WaymarkCore

/// `--format json`: Waymark's own report for other programs, documented in
/// docs/check-formats.md as a stable contract (`version` changes when a field changes meaning
/// or goes; new fields may be added without a new version).
///
/// Keys are sorted and the output is pretty-printed with a final newline, so the same site
/// checked on the same day gives the same bytes.
public enum JSONFormat {
    /// The version of the layout below.
    public static let version = 1

    public static func render(_ report: CheckReport) -> String {
        GitLabFormat.encode(Document(report), fallback: "{}")
    }

    struct Document: Encodable {
        struct Summary: Encodable {
            var errors: Int
            var warnings: Int
            var pages: Int
        }

        var version = JSONFormat.version
        var today: String
        var strict: Bool
        var summary: Summary
        var problems: [Problem]
        var pages: [Page]
        var reviews: [Review]
        var rules: [Rule]

        init(_ report: CheckReport) {
            today = report.today.iso
            strict = report.strict
            summary = Summary(errors: report.errorCount, warnings: report.warningCount, pages: report.pages.count)
            problems = report.problems.map(Problem.init)
            pages = report.pages.map(Page.init)
            reviews = report.reviews.map(Review.init)
            rules = report.rules.map { Rule(id: $0.info.id, title: $0.info.title, level: $0.level.rawValue) }
        }
    }

    struct Problem: Encodable {
        var severity: String
        var rule: String?
        var file: String
        var line: Int?
        var column: Int?
        var message: String
        var help: String?

        init(_ problem: Diagnostic) {
            severity = problem.severity.rawValue
            rule = problem.rule
            file = problem.location.file
            line = problem.location.line
            column = problem.location.column
            message = problem.summary
            help = problem.help
        }

        // Written out so that a missing value is `null`, not a missing key: readers can rely on
        // every key being there.
        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(severity, forKey: .severity)
            try container.encode(rule, forKey: .rule)
            try container.encode(file, forKey: .file)
            try container.encode(line, forKey: .line)
            try container.encode(column, forKey: .column)
            try container.encode(message, forKey: .message)
            try container.encode(help, forKey: .help)
        }

        enum CodingKeys: String, CodingKey {
            case severity, rule, file, line, column, message, help
        }
    }

    struct ReadingAge: Encodable {
        var formula: String
        var score: Double
        var age: Double
        var words: Int
        var sentences: Int
    }

    struct Page: Encodable {
        var file: String
        var url: String
        var title: String
        var language: String
        var layout: String
        var owner: String?
        var reviewBy: String?
        var readingAge: ReadingAge?
        var readingAgeNote: String?
        var readingAgeChecked: Bool
        var translation: String
        var translationSource: String?
        var exceptions: [String]
        var exceptionReason: String?

        init(_ page: PageSummary) {
            file = page.file
            url = page.url
            title = page.title
            language = page.language
            layout = page.layout
            owner = page.owner
            reviewBy = page.reviewBy?.iso
            switch page.readingAge {
            case .scored(let result) where !result.score.isFinite || !result.age.isFinite:
                // JSON has no number for these; say so rather than write an invalid file.
                readingAgeNote = "the reading age could not be worked out"
            case .scored(let result):
                readingAge = ReadingAge(formula: result.formula, score: result.score, age: result.age,
                                        words: result.words, sentences: result.sentences)
            case .unscored(let reason):
                readingAgeNote = reason
            }
            readingAgeChecked = page.readingAgeChecked
            switch page.translation {
            case .original: translation = "original"
            case .checked: translation = "checked"
            case .unchecked: translation = "unchecked"
            case .stale(let source, _):
                translation = "stale"
                translationSource = source
            }
            exceptions = page.exceptions
            exceptionReason = page.exceptionReason
        }

        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(file, forKey: .file)
            try container.encode(url, forKey: .url)
            try container.encode(title, forKey: .title)
            try container.encode(language, forKey: .language)
            try container.encode(layout, forKey: .layout)
            try container.encode(owner, forKey: .owner)
            try container.encode(reviewBy, forKey: .reviewBy)
            try container.encode(readingAge, forKey: .readingAge)
            try container.encode(readingAgeNote, forKey: .readingAgeNote)
            try container.encode(readingAgeChecked, forKey: .readingAgeChecked)
            try container.encode(translation, forKey: .translation)
            try container.encode(translationSource, forKey: .translationSource)
            try container.encode(exceptions, forKey: .exceptions)
            try container.encode(exceptionReason, forKey: .exceptionReason)
        }

        enum CodingKeys: String, CodingKey {
            case file, url, title, language, layout, owner, translation, exceptions
            case reviewBy = "review_by"
            case readingAge = "reading_age"
            case readingAgeNote = "reading_age_note"
            case readingAgeChecked = "reading_age_checked"
            case translationSource = "translation_source"
            case exceptionReason = "exception_reason"
        }
    }

    struct Review: Encodable {
        var kind: String
        var name: String
        var file: String
        var line: Int?
        var owner: String?
        var due: String
        var overdue: Bool

        init(_ item: ReviewItem) {
            kind = item.kind.rawValue
            name = item.name
            file = item.location.file
            line = item.location.line
            owner = item.owner
            due = item.due.iso
            overdue = item.isOverdue
        }

        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(kind, forKey: .kind)
            try container.encode(name, forKey: .name)
            try container.encode(file, forKey: .file)
            try container.encode(line, forKey: .line)
            try container.encode(owner, forKey: .owner)
            try container.encode(due, forKey: .due)
            try container.encode(overdue, forKey: .overdue)
        }

        enum CodingKeys: String, CodingKey {
            case kind, name, file, line, owner, due, overdue
        }
    }

    struct Rule: Encodable {
        var id: String
        var title: String
        var level: String
    }
}
