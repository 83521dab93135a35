import Foundation
import Mustache
import WaymarkContent
import WaymarkCore
import Yams

/// A loaded theme: parsed templates, UI strings per language, and fingerprinted assets.
public struct Theme: Sendable {
    public let library: MustacheLibrary
    public let templateNames: Set<String>
    public let strings: [LanguageTag: UIStrings]
    public let assets: AssetSet

    /// The interface text in `language`, else the default language's (every key is filled from
    /// it when the themes are loaded), else none.
    public func strings(for language: LanguageTag, defaultLanguage: LanguageTag) -> UIStrings {
        strings[language] ?? strings[defaultLanguage] ?? UIStrings(language: language, values: [:])
    }

    /// Loads the theme: the folder at `folder` (nil: none) layered over the built-in theme, a
    /// file in the folder winning over the built-in file of the same path. Messages name the
    /// file actually read (`theme/templates/page.mustache`, `(built-in theme)/i18n/pl.yaml`).
    static func load(folder: String?, config: SiteConfig) -> Result<(Theme, Diagnostics), BuildFailure> {
        let files = ThemeFiles(folder: folder.map { SourceReader(root: $0, displayRoot: SiteBuilder.display($0)) })
        var diagnostics = Diagnostics(files.findings)
        let templates = loadTemplates(files, diagnostics: &diagnostics)
        let strings = UIStrings.loadAll(files, folder: "i18n", config: config, diagnostics: &diagnostics)
        let assets = AssetSet.load(files, folder: "assets", diagnostics: &diagnostics)
        if diagnostics.hasErrors { return .failure(BuildFailure(diagnostics)) }
        let theme = Theme(library: MustacheLibrary(templates: templates), templateNames: Set(templates.keys), strings: strings, assets: assets)
        return .success((theme, diagnostics))
    }

    /// Every `.mustache` file under `templates/`, named by its path there without the extension.
    private static func loadTemplates(_ files: ThemeFiles, diagnostics: inout Diagnostics) -> [String: MustacheTemplate] {
        FastHTMLEscaping.register()
        var templates: [String: MustacheTemplate] = [:]
        for path in files.files(under: "templates") where path.hasSuffix(".mustache") {
            let display = files.display(path)
            let relative = path.dropFirst("templates/".count)
            let text: String
            switch files.text(path) {
            case .success(let contents): text = contents
            case .failure(.missing):
                diagnostics.append(.error(SourceLocation(file: display), "this template disappeared while the site was being built", help: "build again"))
                continue
            case .failure(.refused(let diagnostic)):
                diagnostics.append(diagnostic)
                continue
            }
            do {
                templates[String(relative.dropLast(".mustache".count))] = try MustacheTemplate(string: FastHTMLEscaping.pragma + text)
            } catch let error as MustacheTemplate.ParserError {
                diagnostics.append(.error(
                    SourceLocation(file: display, line: error.context.lineNumber, column: error.context.columnNumber),
                    "this template has a Mustache syntax error (\(error.error))",
                    help: "check that every {{#section}} is closed by a matching {{/section}}"))
            } catch {
                diagnostics.append(.error(SourceLocation(file: display), "this template has a Mustache syntax error (\(error))"))
            }
        }
        return templates
    }
}

/// Escapes `{{variables}}` with Waymark's byte-level escaper instead of swift-mustache's default,
/// which looks every character up in a dictionary and was a fifth of all rendering time.
/// It escapes the same five characters; the library's documented `CONTENT_TYPE` pragma selects it,
/// prepended to every template on the first line so error line numbers do not move.
enum FastHTMLEscaping: MustacheContentType {
    case html

    static let name = "WAYMARK_HTML"
    static let pragma = "{{% CONTENT_TYPE: \(name)}}"

    static func register() {
        MustacheContentTypes.register(FastHTMLEscaping.html, named: name)
    }

    func escapeText(_ text: String) -> String { HTMLEscape.escape(text) }
}
