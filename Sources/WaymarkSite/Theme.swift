import Foundation
import WaymarkContent
import WaymarkCore
import WaymarkTemplate
import Yams

/// A loaded theme: parsed templates, UI strings per language, and fingerprinted assets.
public struct Theme: Sendable {
    public let library: TemplateLibrary
    public let templateNames: Set<String>
    /// Each template's file as messages name it, by template name.
    let templateFiles: [String: String]
    public let strings: [LanguageTag: UIStrings]
    public let assets: AssetSet

    /// The interface text in `language`, else the default language's (every key is filled from
    /// it when the themes are loaded), else none.
    public func strings(for language: LanguageTag, defaultLanguage: LanguageTag) -> UIStrings {
        strings[language] ?? strings[defaultLanguage] ?? UIStrings(language: language, values: [:])
    }

    /// The file at `path` that `template` makes of `context`; empty if the theme has no such
    /// template (a missing layout is reported when the site is checked). A template that
    /// includes itself without end comes back with an error in ``RenderedFile/problems``.
    func render(_ context: PageContext, template: String, path: String) -> RenderedFile {
        guard let output = library.renderBytes(.object(context), template: template) else {
            return RenderedFile(path: path, contents: Data())
        }
        var file = RenderedFile(path: path, contents: Data(output.bytes))
        if let name = output.endlessInclusion {
            file.problems.append(.error(
                SourceLocation(file: templateFiles[name] ?? templateFiles[template] ?? "templates/\(template).mustache"),
                "this template never finishes: it includes '\(name)' inside itself over and over (through {{> \(name)}} or {{$\(name)}})",
                help: "a partial or block may include itself only inside a section that ends, such as {{#children}}…{{/children}}"))
        }
        return file
    }

    /// Loads the theme: the folder at `folder` (nil: none) layered over the built-in theme, a
    /// file in the folder winning over the built-in file of the same path. Messages name the
    /// file actually read (`theme/templates/page.mustache`, `(built-in theme)/i18n/pl.yaml`).
    static func load(folder: String?, config: SiteConfig) -> Result<(Theme, Diagnostics), BuildFailure> {
        let files = ThemeFiles(folder: folder.map { SourceReader(root: $0, displayRoot: SiteBuilder.display($0)) })
        var diagnostics = Diagnostics(files.findings)
        var templateFiles: [String: String] = [:]
        let templates = loadTemplates(files, displays: &templateFiles, diagnostics: &diagnostics)
        let strings = UIStrings.loadAll(files, folder: "i18n", config: config, diagnostics: &diagnostics)
        let assets = AssetSet.load(files, folder: "assets", diagnostics: &diagnostics)
        if diagnostics.hasErrors { return .failure(BuildFailure(diagnostics)) }
        let theme = Theme(library: TemplateLibrary(templates: templates), templateNames: Set(templates.keys),
                          templateFiles: templateFiles, strings: strings, assets: assets)
        return .success((theme, diagnostics))
    }

    /// Every `.mustache` file under `templates/`, named by its path there without the extension.
    private static func loadTemplates(_ files: ThemeFiles, displays: inout [String: String],
                                      diagnostics: inout Diagnostics) -> [String: Template] {
        var templates: [String: Template] = [:]
        for path in files.files(under: "templates") where path.hasSuffix(".mustache") {
            let display = files.display(path)
            let relative = path.dropFirst("templates/".count)
            let name = String(relative.dropLast(".mustache".count))
            displays[name] = display
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
                templates[name] = try Template(text)
            } catch {
                diagnostics.append(.error(SourceLocation(file: display, line: error.line, column: error.column),
                                          "this template has a Mustache syntax error: \(error.message)", help: error.help))
            }
        }
        return templates
    }
}
