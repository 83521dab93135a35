import WaymarkContent
import WaymarkCore

/// Whether a translated page can be trusted: has its source changed since it was translated, and
/// has a qualified translator checked it?
struct TranslationStatus: Sendable {
    /// The default-language page this one translates, when it has changed since.
    var staleSource: Page?
    var isUnreviewed: Bool

    static let none = TranslationStatus(staleSource: nil, isUnreviewed: false)

    /// The status of `page`; pages in the default language and pages Waymark made are neither.
    static func of(_ page: Page, in site: Site) -> TranslationStatus {
        guard page.language.tag != site.config.defaultLanguage.tag, !page.isGenerated else { return .none }
        let source = site.translation(key: page.translationKey, language: site.config.defaultLanguage.tag)
        var stale: Page?
        if let source, let from = page.frontMatter.translatedFrom, let changed = source.frontMatter.updated ?? source.frontMatter.date, changed > from {
            stale = source
        }
        return TranslationStatus(staleSource: stale, isUnreviewed: page.frontMatter.reviewedBy == nil)
    }

    /// The build warning for a stale translation, naming both files.
    static func staleWarning(_ page: Page, source: Page) -> Diagnostic {
        let changed = (source.frontMatter.updated ?? source.frontMatter.date)?.iso ?? "?"
        let from = page.frontMatter.translatedFrom?.iso ?? "?"
        return .warning(page.frontMatter.locations["translated_from"] ?? SourceLocation(file: page.displayPath, line: 1),
                        "this translation was made from the \(from) version of \(source.displayPath), which was updated on \(changed)",
                        help: "update the translation from the current \(source.displayPath), then set 'translated_from: \(changed)'")
    }
}
