import Foundation
@testable import WaymarkCheck
import WaymarkContent
import WaymarkCore

/// A report written by hand for the format tests: more than ten problems of each level, a build
/// problem, one without a line, a message with every character GitHub escapes, pages with and
/// without an owner, a scored and an unscored reading age, stale and unchecked translations,
/// and reviews overdue and due soon. Names are unique to this file's part (other parts share
/// the test target).
enum FormatSamples {
    static let today = CalendarDate(year: 2025, month: 3, day: 1)

    static let tricky = "the link text 'click here, now: 100%' says nothing\nsecond line"
    static let trickyFile = "content/news/a,b:c.md"

    static var problems: [Diagnostic] {
        var problems: [Diagnostic] = []
        for index in 1...12 {
            problems.append(Diagnostic.error(SourceLocation(file: "content/report.md", line: index, column: 2),
                                             "error number \(index)", help: "fix number \(index)").rule("link-text"))
            problems.append(Diagnostic.warning(SourceLocation(file: "content/pl/report.pl.md", line: index),
                                               "warning number \(index)", help: "look at number \(index)").rule("long-sentence"))
        }
        problems.append(Diagnostic.warning(SourceLocation(file: trickyFile, line: 7, column: 3), tricky,
                                           help: "write where the link goes, e.g. <Report it> & more").rule("link-text"))
        problems.append(Diagnostic.error(SourceLocation(file: "content/site.yaml"), "the site has no title"))
        problems.append(Diagnostic.warning(SourceLocation(file: "content/_data/contacts.yaml", line: 4),
                                           "the number for 'Helpline' was last checked long ago").rule("contact-checked"))
        return problems.sorted()
    }

    static let fleschKincaid = ReadingAgeResult(formula: "Flesch–Kincaid grade level", score: 7.25, age: 12.25, words: 340, sentences: 20)

    static var pages: [PageSummary] {
        [
            PageSummary(file: "content/report.md", url: "/report/", title: "Report <modern> slavery", language: "en", layout: "page",
                        owner: "Sam Jones", reviewBy: CalendarDate(year: 2025, month: 2, day: 1), readingAge: .scored(fleschKincaid),
                        readingAgeChecked: true, translation: .original, exceptions: ["capitals"], exceptionReason: "the acronym NRM"),
            PageSummary(file: "content/pl/report.pl.md", url: "/pl/report/", title: "Zgłoś współczesne niewolnictwo", language: "pl",
                        layout: "page", owner: nil, reviewBy: nil, readingAge: .unscored(reason: "no published formula for Polish"),
                        readingAgeChecked: false, translation: .stale(source: "content/report.md", unchecked: true), exceptions: [],
                        exceptionReason: nil),
            PageSummary(file: trickyFile, url: "/news/a-b-c/", title: "News & views", language: "en", layout: "page", owner: "Ana Pop",
                        reviewBy: nil, readingAge: .scored(ReadingAgeResult(formula: "Flesch–Kincaid grade level", score: 3, age: 8,
                                                                            words: 120, sentences: 12)),
                        readingAgeChecked: true, translation: .original, exceptions: [], exceptionReason: nil),
            PageSummary(file: "content/ro/report.ro.md", url: "/ro/report/", title: "Raportați", language: "ro", layout: "page",
                        owner: nil, reviewBy: nil, readingAge: .unscored(reason: "too little text to score"), readingAgeChecked: false,
                        translation: .unchecked, exceptions: [], exceptionReason: nil),
        ]
    }

    static var reviews: [ReviewItem] {
        [
            ReviewItem(kind: .page, name: "Report <modern> slavery", location: SourceLocation(file: "content/report.md", line: 3),
                       owner: "Sam Jones", due: CalendarDate(year: 2025, month: 2, day: 1), isOverdue: true),
            ReviewItem(kind: .contact, name: "Helpline", location: SourceLocation(file: "content/_data/contacts.yaml", line: 4),
                       owner: "Lee Chan", due: CalendarDate(year: 2025, month: 3, day: 20), isOverdue: false),
            ReviewItem(kind: .contact, name: "Police", location: SourceLocation(file: "content/_data/contacts.yaml", line: 9),
                       owner: nil, due: CalendarDate(year: 2025, month: 3, day: 10), isOverdue: false),
        ]
    }

    static let rules: [(info: RuleInfo, level: RuleLevel)] = [
        (RuleInfo(id: "link-text", defaultLevel: .error, title: "link text that makes sense on its own"), .error),
        (RuleInfo(id: "long-sentence", title: "sentences too long to follow"), .warning),
        (RuleInfo(id: "capitals", title: "text in capitals"), .off),
    ]

    static func report(strict: Bool = false) -> CheckReport {
        CheckReport(problems: problems, pages: pages, reviews: reviews, today: today, dueWindowDays: 30, rules: rules,
                    strict: strict, siteTitle: "Humber & District Partnership")
    }

    /// A report with nothing in it.
    static var empty: CheckReport {
        CheckReport(problems: [], pages: [], reviews: [], today: today, dueWindowDays: 30, rules: [], strict: false, siteTitle: "")
    }
}

/// One GitHub workflow command read back: its name, properties and message, unescaped.
struct ParsedCommand: Equatable {
    var name: String
    var properties: [String: String]
    var message: String

    /// Reads `::name k=v,k=v::message` as the runner does; nil for any other line.
    init?(_ line: String) {
        guard line.hasPrefix("::"), let end = line.range(of: "::", range: line.index(line.startIndex, offsetBy: 2)..<line.endIndex)
        else { return nil }
        let head = line[line.index(line.startIndex, offsetBy: 2)..<end.lowerBound]
        let parts = head.split(separator: " ", maxSplits: 1)
        name = String(parts[0])
        properties = [:]
        if parts.count > 1 {
            for pair in parts[1].split(separator: ",") {
                let keyValue = pair.split(separator: "=", maxSplits: 1)
                properties[String(keyValue[0])] = ParsedCommand.unescape(String(keyValue.count > 1 ? keyValue[1] : ""))
            }
        }
        message = ParsedCommand.unescape(String(line[end.upperBound...]))
    }

    /// `%XX` back to the character, as the runner reads it.
    static func unescape(_ text: String) -> String {
        var bytes: [UInt8] = []
        var utf8 = Array(text.utf8)[...]
        while let byte = utf8.popFirst() {
            if byte == UInt8(ascii: "%"), utf8.count >= 2, let value = UInt8(String(decoding: utf8.prefix(2), as: UTF8.self), radix: 16) {
                bytes.append(value)
                utf8 = utf8.dropFirst(2)
            } else {
                bytes.append(byte)
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}

/// A temporary folder for one test, removed by `cleanUp`.
struct FormatTempDir {
    let path: String

    init() throws {
        path = FileManager.default.temporaryDirectory.appendingPathComponent("waymark-formats-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    func cleanUp() { try? FileManager.default.removeItem(atPath: path) }

    func write(_ files: [String: String]) throws {
        for (relative, text) in files {
            let url = URL(fileURLWithPath: path + "/" + relative)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url)
        }
    }

    /// The repository's own theme, found from this file.
    static let theme = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("theme").path
}
