import WaymarkContent
import WaymarkCore

/// `--format json`: Waymark's own report for other programs, documented in
/// docs/CHECK-FORMATS.md as a stable contract: `version` changes when a field changes meaning
/// or goes; fields may be added without a new version. Every key listed there is always
/// present, `null` when there is nothing to say.
///
/// Keys are sorted and the output is pretty-printed with a final newline, so the same site
/// checked on the same day gives the same bytes.
public enum JSONFormat {
    /// The version of the layout below.
    public static let version = 1

    public static func render(_ report: CheckReport) -> String {
        document(report).document
    }

    static func document(_ report: CheckReport) -> JSONValue {
        .object([
            "version": .int(version),
            "today": .string(report.today.iso),
            "strict": .bool(report.strict),
            "summary": .object(["errors": .int(report.errorCount), "warnings": .int(report.warningCount),
                                "pages": .int(report.pages.count)]),
            "problems": .array(report.problems.map(problem)),
            "pages": .array(report.pages.map(page)),
            "reviews": .array(report.reviews.map(review)),
            "flyers": .array(report.printedFlyers.map { flyer in
                .object(["file": .string(flyer.file), "language": .string(flyer.language), "url": .string(flyer.url),
                         "pages": .optional(flyer.pages), "paper": .optional(flyer.paper)])
            }),
            "rules": .array(report.rules.map { rule in
                .object(["id": .string(rule.info.id), "title": .string(rule.info.title), "level": .string(rule.level.rawValue)])
            }),
        ])
    }

    static func problem(_ problem: Diagnostic) -> JSONValue {
        .object([
            "severity": .string(problem.severity.rawValue),
            "rule": .optional(problem.rule),
            "file": .string(problem.location.file),
            "line": .optional(problem.location.line),
            "column": .optional(problem.location.column),
            "message": .string(problem.summary),
            "help": .optional(problem.help),
        ])
    }

    static func page(_ page: PageSummary) -> JSONValue {
        var readingAge = JSONValue.null
        var note: String?
        switch page.readingAge {
        case .scored(let result) where !result.score.isFinite || !result.age.isFinite:
            // JSON has no number for these; say so rather than write a half-empty score.
            note = "the reading age could not be worked out"
        case .scored(let result):
            readingAge = .object(["formula": .string(result.formula), "score": .double(result.score), "age": .double(result.age),
                                  "words": .int(result.words), "sentences": .int(result.sentences)])
        case .unscored(let reason):
            note = reason
        }
        let translation: (state: String, source: String?) = switch page.translation {
        case .original: ("original", nil)
        case .checked: ("checked", nil)
        case .unchecked: ("unchecked", nil)
        case .stale(let source, _): ("stale", source)
        }
        return .object([
            "file": .string(page.file),
            "url": .string(page.url),
            "title": .string(page.title),
            "language": .string(page.language),
            "layout": .string(page.layout),
            "owner": .optional(page.owner),
            "review_by": .optional(page.reviewBy?.iso),
            "reading_age": readingAge,
            "reading_age_note": .optional(note),
            "reading_age_checked": .bool(page.readingAgeChecked),
            "translation": .string(translation.state),
            "translation_source": .optional(translation.source),
            "exceptions": .array(page.exceptions.map(JSONValue.string)),
            "exception_reason": .optional(page.exceptionReason),
        ])
    }

    static func review(_ item: ReviewItem) -> JSONValue {
        .object([
            "kind": .string(item.kind.rawValue),
            "name": .string(item.name),
            "file": .string(item.location.file),
            "line": .optional(item.location.line),
            "owner": .optional(item.owner),
            "due": .string(item.due.iso),
            "overdue": .bool(item.isOverdue),
        ])
    }
}
