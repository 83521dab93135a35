import ArgumentParser
import Foundation
import WaymarkContent
import WaymarkCore
import WaymarkScaffold

/// `waymark new translation PATH --lang pl`: a copy of the page to translate, beside it.
struct NewTranslationCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "translation",
        abstract: "Start a translation of a page: a copy to translate, marked as not yet checked.",
        discussion: """
        Writes PATH with the language code before .md (report.md → report.pl.md), holding a copy \
        of the page with 'translated_from' set to the page's 'updated' date (or 'date', or today). \
        The page says it has not been checked until 'reviewed_by' is added.
        """)

    @OptionGroup var options: NewPageOptions

    @Option(name: .long, help: "The language to translate into: one of the site's languages other than the default.")
    var lang: String

    /// The language is checked against the site's (a folder without settings is reported by `run`).
    func validate() throws {
        if case .success(let config) = options.loadConfig() { _ = try target(config, page: options.pagePath()) }
    }

    func run() throws {
        let page = try options.pagePath()
        let language = try target(options.config(), page: page)
        let source = SourceReader(root: options.source, displayRoot: options.root)
        let text: String
        switch source.text(page.path) {
        case .success(let contents): text = contents
        case .failure(.missing):
            throw NewOutput.refuse(.failed(source.display(page.path), reason: "there is no page here to translate"))
        case .failure(.refused(let diagnostic)):
            DiagnosticPrinter { FileHandle.standardError.write(Data(($0 + "\n").utf8)) }.print(all: [diagnostic])
            throw ExitCode(1)
        }
        let draft: String
        switch TranslationDraft.text(from: text, sourceFile: source.display(page.path), language: language,
                                     sourceName: page.path, today: options.day) {
        case .success(let translated): draft = translated
        case .failure(let failure):
            DiagnosticPrinter { FileHandle.standardError.write(Data(($0 + "\n").utf8)) }.print(all: failure.diagnostics.sorted)
            FileHandle.standardError.write(Data("nothing was written; fix the page first\n".utf8))
            throw ExitCode(1)
        }
        let target = page.translation(into: language.tag.code)
        let plan = ScaffoldPlan(root: options.root, files: [ScaffoldFile(path: target, text: draft)])
        do { try plan.write() } catch { throw NewOutput.refuse(error) }
        print("""
            Made \(plan.display(target)), a copy of \(source.display(page.path)) to translate into \(language.name).
            It says it has not been checked by a qualified translator until you add 'reviewed_by:'.
            """)
    }

    /// The language asked for: one of the site's, and not the one the page is written in.
    private func target(_ config: SiteConfig, page: PagePath) throws -> SiteLanguage {
        let others = config.languages.filter { $0.tag != config.defaultLanguage.tag }
        let choices = others.isEmpty ? "the site has no other languages: add one to 'languages' in site.yaml first"
            : "choose one of " + others.map(\.tag.code).joined(separator: ", ")
        guard let language = config.language(lang) else {
            throw ValidationError("--lang \(lang): '\(lang)' is not one of the site's languages; \(choices)")
        }
        if language.tag == config.defaultLanguage.tag {
            throw ValidationError("--lang \(lang): the pages are written in \(language.name), the site's default language; \(choices)")
        }
        if let code = page.languageSuffix(in: config) {
            throw ValidationError("'\(page.path)' is itself a translation (.\(code).md): name the page in \(config.defaultLanguage.name) instead")
        }
        return language
    }
}
