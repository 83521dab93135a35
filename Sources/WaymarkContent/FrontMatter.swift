import WaymarkCore
import Yams

/// The settings block at the top of a page, checked and typed.
public struct FrontMatter: Sendable, Equatable {
    public var title: String
    public var summary: String?
    public var date: CalendarDate?
    public var updated: CalendarDate?
    public var draft: Bool
    /// Lower comes first in lists; pages without a weight follow weighted ones.
    public var weight: Int?
    public var layout: String?
    public var slug: String?
    public var aliases: [String]
    public var tags: [String]
    /// Files offered for download (flyers).
    public var downloads: [Download]
    /// Ties translations together when their file names differ.
    public var translationKey: String?
    /// For a translation: the date of the source page's version it was translated from.
    public var translatedFrom: CalendarDate?
    /// For a translation: who checked it (a qualified translator) and when.
    public var reviewedBy: String?
    public var reviewedOn: CalendarDate?
    /// When the page's safety information must next be re-checked, and who does it.
    public var reviewBy: CalendarDate?
    public var owner: String?
    /// Exceptions to `waymark check`'s rules on this page, with the reason.
    public var checks: CheckSettings = .none
    /// Where each field was written, for errors found later (an unknown layout, a clashing alias).
    public var locations: [String: SourceLocation]

    /// The fields a page may set.
    public static let knownFields = [
        "title", "summary", "date", "updated", "draft", "weight", "layout", "slug", "aliases", "tags", "downloads",
        "translation_key", "translated_from", "reviewed_by", "reviewed_on",
        "review_by", "owner", "checks",
    ]
}

/// A file offered for download on a page, as written in front matter.
public struct Download: Sendable, Hashable {
    /// Path relative to the page, like a link.
    public var file: String
    /// Language code of the file's content.
    public var language: String
    /// What it is, e.g. "information flyer".
    public var title: String
    public var location: SourceLocation
}

/// A Markdown file split into its front matter and body.
public struct SplitSource: Sendable {
    public var frontMatter: String
    /// Line (from 1) on which the YAML starts.
    public var frontMatterFirstLine: Int
    public var body: String
    /// Line on which the body starts.
    public var bodyFirstLine: Int
}

/// Splits files and reads their front matter.
public enum FrontMatterParser {
    /// Splits `text` at its `---` fences, or explains what is wrong.
    public static func split(_ text: String, file: String) -> Result<SplitSource, Diagnostic> {
        let utf8 = text.utf8
        let first = line(in: utf8, from: 0)
        guard isFence(utf8, 0, first.end, closing: false) else {
            return .failure(.error(
                SourceLocation(file: file, line: 1), "the page does not start with front matter",
                help: "begin the file with a line '---', then 'title: …', then another '---'"))
        }
        var lineStart = first.next
        var yamlLines = 0
        while lineStart < utf8.count {
            let line = line(in: utf8, from: lineStart)
            if isFence(utf8, lineStart, line.end, closing: true) {
                return .success(SplitSource(
                    frontMatter: slice(text, first.next, lineStart), frontMatterFirstLine: 2,
                    body: slice(text, line.next, utf8.count), bodyFirstLine: yamlLines + 3))
            }
            yamlLines += 1
            lineStart = line.next
        }
        return .failure(.error(
            SourceLocation(file: file, line: 1), "the front matter is not closed",
            help: "add a line '---' after the last setting, before the page text"))
    }

    /// Where the line starting at byte `start` ends (before its LF) and where the next begins.
    /// Lines are cut as `Character`s cut them, so an LF after a CR does not end one (CR LF is one
    /// character; loaded files have LF line ends only). Bytes, not `Character`s: every page is
    /// split twice in a build.
    private static func line(in utf8: String.UTF8View, from start: Int) -> (end: Int, next: Int) {
        var index = utf8.index(utf8.startIndex, offsetBy: start)
        var offset = start
        var previous: UInt8 = 0
        while index < utf8.endIndex {
            let byte = utf8[index]
            if byte == 0x0A && previous != 0x0D { return (offset, offset + 1) }
            previous = byte
            offset += 1
            utf8.formIndex(after: &index)
        }
        return (offset, offset)
    }

    /// Whether bytes `start..<end` are `---` (or `...`, closing), ignoring a CR at the end.
    private static func isFence(_ utf8: String.UTF8View, _ start: Int, _ end: Int, closing: Bool) -> Bool {
        let from = utf8.index(utf8.startIndex, offsetBy: start)
        var to = utf8.index(utf8.startIndex, offsetBy: end)
        if to > from, utf8[utf8.index(before: to)] == 0x0D { to = utf8.index(before: to) }
        let bytes = utf8[from..<to]
        return bytes.elementsEqual("---".utf8) || (closing && bytes.elementsEqual("...".utf8))
    }

    private static func slice(_ text: String, _ start: Int, _ end: Int) -> String {
        let utf8 = text.utf8
        return String(text[utf8.index(utf8.startIndex, offsetBy: start)..<utf8.index(utf8.startIndex, offsetBy: end)])
    }

    /// Reads the YAML of a split file into ``FrontMatter``.
    public static func parse(_ source: SplitSource, file: String, diagnostics: inout Diagnostics) -> FrontMatter? {
        let reader = YAMLReader(file: file, lineOffset: source.frontMatterFirstLine - 1)
        let root: Node?
        switch reader.parse(source.frontMatter) {
        case .success(let node): root = node
        case .failure(let diagnostic):
            diagnostics.append(diagnostic)
            return nil
        }
        let errorsBefore = diagnostics.errorCount
        let fields = reader.mapping(root, known: FrontMatter.knownFields, what: "front matter field", diagnostics: &diagnostics)
        let title = fields.requiredString("title", diagnostics: &diagnostics, missingAt: SourceLocation(file: file, line: 1))
        let matter = FrontMatter(
            title: title ?? "",
            summary: fields.string("summary", diagnostics: &diagnostics),
            date: fields.date("date", diagnostics: &diagnostics),
            updated: fields.date("updated", diagnostics: &diagnostics),
            draft: fields.bool("draft", diagnostics: &diagnostics) ?? false,
            weight: fields.int("weight", diagnostics: &diagnostics),
            layout: fields.string("layout", diagnostics: &diagnostics),
            slug: slug(fields, diagnostics: &diagnostics),
            aliases: AliasRules.aliases(fields, diagnostics: &diagnostics),
            tags: fields.strings("tags", diagnostics: &diagnostics) ?? [],
            downloads: downloads(fields, file: file, diagnostics: &diagnostics),
            translationKey: fields.string("translation_key", diagnostics: &diagnostics),
            translatedFrom: fields.date("translated_from", diagnostics: &diagnostics),
            reviewedBy: fields.string("reviewed_by", diagnostics: &diagnostics).flatMap { $0.isEmpty ? nil : $0 },
            reviewedOn: fields.date("reviewed_on", diagnostics: &diagnostics),
            reviewBy: fields.date("review_by", diagnostics: &diagnostics),
            owner: fields.string("owner", diagnostics: &diagnostics).flatMap { $0.isEmpty ? nil : $0 },
            checks: CheckSettings.read(fields, allowsReason: true, diagnostics: &diagnostics),
            locations: Dictionary(uniqueKeysWithValues: fields.keys.map { ($0, fields.location($0)) })
        )
        return diagnostics.errorCount == errorsBefore ? matter : nil
    }

    private static func downloads(_ fields: YAMLMapping, file: String, diagnostics: inout Diagnostics) -> [Download] {
        fields.mappings("downloads", known: ["file", "language", "title"], what: "download field", diagnostics: &diagnostics).compactMap { entry in
            let start = entry.location("file")
            guard let path = entry.requiredString("file", diagnostics: &diagnostics, missingAt: start),
                  let language = entry.requiredString("language", diagnostics: &diagnostics, missingAt: start),
                  let title = entry.requiredString("title", diagnostics: &diagnostics, missingAt: start) else { return nil }
            guard LanguageTag(language) != nil else {
                diagnostics.append(.error(entry.location("language"), "'\(language)' is not a language code", help: "use a code such as pl, ro, sq, vi, lt, ar or ti"))
                return nil
            }
            return Download(file: path, language: language, title: title, location: start)
        }
    }

    private static func slug(_ fields: YAMLMapping, diagnostics: inout Diagnostics) -> String? {
        guard let slug = fields.string("slug", diagnostics: &diagnostics) else { return nil }
        if slug.isEmpty || slug.contains("/") || slug == "." || slug == ".." || slug.contains(where: \.isWhitespace) {
            diagnostics.append(.error(fields.location("slug"), "'slug' should be one word or words-joined-by-hyphens, not '\(slug)'"))
            return nil
        }
        if let reason = OutputPathRules.problem(segment: slug) {
            diagnostics.append(.error(fields.location("slug"), "this 'slug' cannot be published: \(reason)",
                                      help: "choose a short slug of letters, digits and hyphens"))
            return nil
        }
        return slug
    }
}
