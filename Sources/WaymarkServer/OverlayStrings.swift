import Foundation

/// The overlay's interface text in one language, from the theme's `i18n/<lang>.yaml`.
public struct OverlayStrings: Sendable, Equatable {
    /// The language the text is in (English when the theme had none for the page's language).
    public var language: String
    public var failedTitle: String
    public var failedIntro: String
    public var warningsTitle: String
    public var close: String

    /// The theme keys the overlay reads.
    public static let keys = ["preview_failed_title", "preview_failed_intro", "preview_warnings_title", "preview_close"]

    /// Built in, for themes without the keys.
    public static let english = OverlayStrings(
        language: "en",
        failedTitle: "The site could not be rebuilt",
        failedIntro: "The pages below are from the last build that worked. Fix the problem and save: this message goes away by itself.",
        warningsTitle: "Warnings",
        close: "Close"
    )

    public init(language: String, failedTitle: String, failedIntro: String, warningsTitle: String, close: String) {
        self.language = language
        self.failedTitle = failedTitle
        self.failedIntro = failedIntro
        self.warningsTitle = warningsTitle
        self.close = close
    }

    /// The text for a page in `language` (`pl`, or `pl-PL` falling back to `pl`) from `tables`
    /// keyed by language code; English when the theme has nothing for it.
    public static func forLanguage(_ language: String?, in tables: [String: [String: String]]) -> OverlayStrings {
        guard let language, !language.isEmpty else { return english }
        let primary = String(language.split(separator: "-").first ?? "")
        let code = [language, language.lowercased(), primary.lowercased()].first { tables[$0] != nil }
        guard let code, let table = tables[code] else { return english }
        // A table missing the keys would give an empty heading; only use it when it has them.
        guard let title = nonEmpty(table["preview_failed_title"]) else { return english }
        return OverlayStrings(
            language: code,
            failedTitle: title,
            failedIntro: nonEmpty(table["preview_failed_intro"]) ?? english.failedIntro,
            warningsTitle: nonEmpty(table["preview_warnings_title"]) ?? english.warningsTitle,
            close: nonEmpty(table["preview_close"]) ?? english.close
        )
    }

    private static func nonEmpty(_ value: String?) -> String? {
        guard let value, !value.trimmingCharacters(in: .whitespaces).isEmpty else { return nil }
        return value
    }
}
