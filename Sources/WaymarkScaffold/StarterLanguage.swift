/// A language a new site can be made in: one the default theme has interface text for
/// (`theme/i18n/<code>.yaml`), so the site builds without a warning about missing words.
public struct StarterLanguage: Sendable, Hashable {
    public var code: String
    /// The language's name for itself, as the language menu shows it.
    public var name: String
    /// Its name in English, for the question `waymark new site` asks.
    public var englishName: String
    public var isRightToLeft: Bool

    /// The default theme's languages, English first. A test keeps this list equal to the
    /// repository's `theme/i18n/` folder.
    public static let all: [StarterLanguage] = [
        StarterLanguage(code: "en", name: "English", englishName: "English", isRightToLeft: false),
        StarterLanguage(code: "ar", name: "العربية", englishName: "Arabic", isRightToLeft: true),
        StarterLanguage(code: "lt", name: "Lietuvių", englishName: "Lithuanian", isRightToLeft: false),
        StarterLanguage(code: "pl", name: "Polski", englishName: "Polish", isRightToLeft: false),
        StarterLanguage(code: "ro", name: "Română", englishName: "Romanian", isRightToLeft: false),
        StarterLanguage(code: "sq", name: "Shqip", englishName: "Albanian", isRightToLeft: false),
        StarterLanguage(code: "vi", name: "Tiếng Việt", englishName: "Vietnamese", isRightToLeft: false),
    ]

    /// The starter pages are written in English, so English is every new site's default language.
    public static let english = all[0]

    public static func named(_ code: String) -> StarterLanguage? {
        all.first { $0.code == code.lowercased() }
    }

    /// `pl (Polski, Polish)`, for lists of choices.
    public var choice: String {
        code == "en" ? "en (English)" : "\(code) (\(name), \(englishName))"
    }
}
