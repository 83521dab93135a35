import Foundation

/// What `waymark new site` asks for: the partnership's name, its web address and its languages.
public struct NewSiteSettings: Sendable, Equatable {
    public var title: String
    /// Always ends with `/`.
    public var baseURL: String
    /// English first (the default language), then the others in the order given.
    public var languages: [StarterLanguage]

    public static let defaultTitle = "Anti-Slavery Partnership"
    public static let defaultBaseURL = "https://example.org/"

    public init(title: String = defaultTitle, baseURL: String = defaultBaseURL, languages: [StarterLanguage] = [.english]) {
        self.title = title
        self.baseURL = baseURL
        self.languages = languages
    }

    /// The languages other than English.
    public var otherLanguages: [StarterLanguage] { languages.filter { $0 != .english } }

    /// The title, trimmed; a problem to show when it cannot be used.
    public static func title(_ text: String) -> Result<String, SettingProblem> {
        let title = text.trimmingCharacters(in: .whitespacesAndNewlines)
        if title.isEmpty { return .failure(SettingProblem("the title is empty: write the partnership's name")) }
        if title.contains(where: \.isNewline) { return .failure(SettingProblem("the title should be on one line")) }
        return .success(title)
    }

    /// The web address with a final `/`, as `site.yaml`'s `base_url` needs it.
    public static func baseURL(_ text: String) -> Result<String, SettingProblem> {
        var address = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard address.hasPrefix("https://") || address.hasPrefix("http://"),
              let host = URL(string: address)?.host, !host.isEmpty, !address.contains(where: \.isWhitespace) else {
            return .failure(SettingProblem("'\(address)' is not a web address: write it in full, like https://www.example.org/"))
        }
        if !address.hasSuffix("/") { address += "/" }
        return .success(address)
    }

    /// `en,pl,ar` as languages: each one the theme has words for, named once, English among them.
    public static func languages(_ text: String) -> Result<[StarterLanguage], SettingProblem> {
        let codes = text.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces).lowercased() }.filter { !$0.isEmpty }
        var chosen: [StarterLanguage] = []
        for code in codes {
            guard let language = StarterLanguage.named(code) else {
                let choices = StarterLanguage.all.map(\.choice).joined(separator: ", ")
                return .failure(SettingProblem("'\(code)' is not one of the languages the default theme has words for; choose from \(choices)"))
            }
            if chosen.contains(language) { return .failure(SettingProblem("'\(code)' is named twice")) }
            chosen.append(language)
        }
        guard chosen.contains(.english) else {
            return .failure(SettingProblem("the starter pages are written in English, so the languages must include en (for example 'en,\(codes.first ?? "pl")')"))
        }
        return .success([.english] + chosen.filter { $0 != .english })
    }
}

/// A setting that cannot be used, said in plain English.
public struct SettingProblem: Error, Equatable, Sendable {
    public var message: String
    public init(_ message: String) { self.message = message }
}
