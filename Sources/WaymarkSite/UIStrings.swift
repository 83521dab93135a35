import Foundation
import WaymarkContent
import WaymarkCore
import Yams

/// The theme's interface text in one language (`theme/i18n/pl.yaml`), with missing keys filled
/// from the default language.
public struct UIStrings: Sendable {
    public var language: LanguageTag
    public var values: [String: String]

    public subscript(key: String) -> String { values[key] ?? "" }

    /// Reads `<folder>/<code>.yaml` for each of the site's languages through the theme's reader.
    static func loadAll(_ source: SourceReader, folder: String, config: SiteConfig, diagnostics: inout Diagnostics) -> [LanguageTag: UIStrings] {
        let defaultTag = config.defaultLanguage.tag
        let defaultFile = "\(folder)/\(defaultTag.code).yaml"
        let defaultDisplay = source.display(defaultFile)
        guard let defaults = load(source, defaultFile, diagnostics: &diagnostics) else {
            diagnostics.append(.error(SourceLocation(file: defaultDisplay), "the theme has no interface text for the default language '\(defaultTag.code)'"))
            return [:]
        }
        var result = [defaultTag: UIStrings(language: defaultTag, values: defaults)]
        for language in config.languages where language.tag != defaultTag {
            let file = "\(folder)/\(language.tag.code).yaml"
            let display = source.display(file)
            guard let own = load(source, file, diagnostics: &diagnostics) else {
                diagnostics.append(.warning(SourceLocation(file: display), "the theme has no interface text in '\(language.tag.code)', so \(config.defaultLanguage.name) is used", help: "translate \(defaultDisplay) into this file"))
                result[language.tag] = UIStrings(language: language.tag, values: defaults)
                continue
            }
            for key in defaults.keys.sorted() where own[key] == nil {
                diagnostics.append(.warning(SourceLocation(file: display), "interface text '\(key)' is not translated into '\(language.tag.code)', so the \(config.defaultLanguage.name) text is used"))
            }
            result[language.tag] = UIStrings(language: language.tag, values: defaults.merging(own) { _, translated in translated })
        }
        return result
    }

    private static func load(_ source: SourceReader, _ file: String, diagnostics: inout Diagnostics) -> [String: String]? {
        let display = source.display(file)
        let text: String
        switch source.optionalText(file) {
        case .success(nil): return nil
        case .success(let contents?): text = contents
        case .failure(let failure):
            diagnostics.append(contentsOf: failure.diagnostics)
            return [:]
        }
        let reader = YAMLReader(file: display)
        switch reader.parse(text) {
        case .failure(let diagnostic):
            diagnostics.append(diagnostic)
            return [:]
        case .success(let root):
            guard let mapping = root?.mapping else { return [:] }
            var values: [String: String] = [:]
            for (key, value) in mapping {
                guard let name = key.scalar?.string, let text = value.scalar?.string else {
                    diagnostics.append(.error(reader.location(of: key), "each line should be 'key: text'"))
                    continue
                }
                values[name] = text
            }
            return values
        }
    }
}
