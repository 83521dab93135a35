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

    static func loadAll(directory: String, displayRoot: String, config: SiteConfig, diagnostics: inout Diagnostics) -> [LanguageTag: UIStrings] {
        let defaultTag = config.defaultLanguage.tag
        let defaultDisplay = "\(displayRoot)/\(defaultTag.code).yaml"
        guard let defaults = load(path: "\(directory)/\(defaultTag.code).yaml", display: defaultDisplay, diagnostics: &diagnostics) else {
            diagnostics.append(.error(SourceLocation(file: defaultDisplay), "the theme has no interface text for the default language '\(defaultTag.code)'"))
            return [:]
        }
        var result = [defaultTag: UIStrings(language: defaultTag, values: defaults)]
        for language in config.languages where language.tag != defaultTag {
            let display = "\(displayRoot)/\(language.tag.code).yaml"
            guard let own = load(path: "\(directory)/\(language.tag.code).yaml", display: display, diagnostics: &diagnostics) else {
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

    private static func load(path: String, display: String, diagnostics: inout Diagnostics) -> [String: String]? {
        let text: String
        switch YAMLReader.readText(path: path, displayPath: display) {
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
