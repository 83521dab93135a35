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

    /// Reads `<folder>/<code>.yaml` for each of the site's languages. The theme folder's file
    /// overrides the built-in one key by key, so a site's `theme/i18n/pl.yaml` may hold only the
    /// texts it changes.
    static func loadAll(_ files: ThemeFiles, folder: String, config: SiteConfig, diagnostics: inout Diagnostics) -> [LanguageTag: UIStrings] {
        let defaultTag = config.defaultLanguage.tag
        let defaultFile = "\(folder)/\(defaultTag.code).yaml"
        guard let defaults = layered(files, defaultFile, diagnostics: &diagnostics) else {
            diagnostics.append(.error(SourceLocation(file: fixableDisplay(files, defaultFile)), "the theme has no interface text for the default language '\(defaultTag.code)'",
                                      help: "create this file with the interface text in \(config.defaultLanguage.name); " + startingPoint(folder)))
            return [:]
        }
        var result = [defaultTag: UIStrings(language: defaultTag, values: defaults)]
        for language in config.languages where language.tag != defaultTag {
            let file = "\(folder)/\(language.tag.code).yaml"
            let display = fixableDisplay(files, file)
            guard let own = layered(files, file, diagnostics: &diagnostics) else {
                diagnostics.append(.warning(SourceLocation(file: display), "the theme has no interface text in '\(language.tag.code)', so \(config.defaultLanguage.name) is used",
                                            help: "create this file with the interface text translated from \(config.defaultLanguage.name); " + startingPoint(folder)))
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

    /// The texts of `file` in every layer that has it, the theme folder's winning key by key;
    /// nil when no layer has the file.
    private static func layered(_ files: ThemeFiles, _ file: String, diagnostics: inout Diagnostics) -> [String: String]? {
        let layers = files.layers(of: file)
        guard !layers.isEmpty else { return nil }
        var values: [String: String] = [:]
        for layer in layers {
            values.merge(load(files, file, in: layer, diagnostics: &diagnostics)) { _, override in override }
        }
        return values
    }

    /// Where missing text is to be added: the file in the theme folder, or without one in the
    /// conventional `theme/` folder, which a build then uses. The built-in files cannot be edited.
    private static func fixableDisplay(_ files: ThemeFiles, _ file: String) -> String {
        files.folder?.display(file) ?? ThemeLocation.conventionalFolder + "/" + file
    }

    /// How to get the built-in English text to translate from.
    private static func startingPoint(_ folder: String) -> String {
        "'waymark theme export copy \(folder)/en.yaml' writes the built-in English text to copy/\(folder)/en.yaml to start from"
    }

    private static func load(_ files: ThemeFiles, _ file: String, in layer: ThemeFiles.Layer, diagnostics: inout Diagnostics) -> [String: String] {
        let display = files.display(file, in: layer)
        let text: String
        switch files.text(file, in: layer) {
        case .success(let contents): text = contents
        case .failure(.missing): return [:]
        case .failure(.refused(let diagnostic)):
            diagnostics.append(diagnostic)
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
