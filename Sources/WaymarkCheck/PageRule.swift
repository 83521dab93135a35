import Foundation
import WaymarkContent
import WaymarkCore
import WaymarkMarkdown
import WaymarkSite

/// One Markdown page as the rules see it: the page, its parsed body (lines are the file's),
/// and the site around it.
public struct PageContext: Sendable {
    public let page: Page
    public let site: Site
    public let document: MarkdownDocument
    /// The template it is rendered with (`flyer`, `checklist`, `page`, …).
    public let layout: String
    /// The running text in sentences and words, which the plain-English rules and the report
    /// share: split once here rather than once per rule.
    let prose: ProsePage

    public init(page: Page, site: Site, document: MarkdownDocument) {
        self.page = page
        self.site = site
        self.document = document
        layout = site.layout(of: page)
        prose = ProsePage(document: document, language: page.language.tag.code)
    }

    /// `content/report.md`, as messages show it.
    public var file: String { page.displayPath }
    public var language: LanguageTag { page.language.tag }
    public var isDefaultLanguage: Bool { page.language.tag == site.config.defaultLanguage.tag }

    /// `file:line` on this page.
    public func location(line: Int?) -> SourceLocation { SourceLocation(file: file, line: line) }

    /// Reads and parses `page`'s body; nil for pages Waymark made or that cannot be read (the
    /// build has reported those already).
    public static func load(_ page: Page, site: Site) -> PageContext? {
        guard !page.isGenerated, case .success(let body) = page.loadBody() else { return nil }
        return PageContext(page: page, site: site, document: MarkdownParser.parse(body.text, firstLine: body.firstLine))
    }
}

/// A rule that looks at one page at a time. Rules report at their default severity with their
/// id set (``Diagnostic/rule(_:)``); the checker applies the site's and the page's levels.
public struct PageRule: Sendable {
    public var info: RuleInfo
    public var check: @Sendable (PageContext, RuleOptions) -> [Diagnostic]

    public init(_ info: RuleInfo, check: @escaping @Sendable (PageContext, RuleOptions) -> [Diagnostic]) {
        self.info = info
        self.check = check
    }
}

extension Diagnostic {
    /// A finding of rule `info` at its default level (a warning unless the rule says otherwise).
    static func finding(_ info: RuleInfo, _ location: SourceLocation, _ summary: String, help: String? = nil) -> Diagnostic {
        Diagnostic(info.defaultLevel == .error ? .error : .warning, location, summary, help: help).rule(info.id)
    }
}
