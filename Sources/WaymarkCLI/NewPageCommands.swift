import ArgumentParser
import Foundation
import WaymarkContent
import WaymarkCore
import WaymarkScaffold
import WaymarkSite

/// The options of `waymark new page|pathway|checklist|flyer|translation`.
struct NewPageOptions: ParsableArguments {
    @Argument(help: "The page's file, inside the content folder (such as pathways/children.md).")
    var path: String

    @Option(name: .long, help: "The content folder, holding site.yaml and the Markdown pages.")
    var source = "content"

    @Option(name: .long, help: .hidden)
    var today: String?

    func validate() throws {
        if let today, CalendarDate(today) == nil { throw ValidationError("--today should be a date written YYYY-MM-DD, not '\(today)'") }
        _ = try pagePath()
    }

    func pagePath() throws -> PagePath {
        do { return try PagePath(path) } catch { throw ValidationError(error.message) }
    }

    var day: CalendarDate { today.flatMap(CalendarDate.init) ?? .today() }
    var root: String { SiteBuilder.display(source) }

    /// The site's settings, or why they cannot be read.
    func loadConfig() -> Result<SiteConfig, BuildFailure> {
        SiteConfigLoader.load(from: SourceReader(root: source, displayRoot: root))
    }

    /// The site's settings: the content folder must be a site's (exit status 1 if not).
    func config() throws -> SiteConfig {
        switch loadConfig() {
        case .success(let config): return config
        case .failure(let failure):
            DiagnosticPrinter { FileHandle.standardError.write(Data(($0 + "\n").utf8)) }.print(all: failure.diagnostics.sorted)
            FileHandle.standardError.write(Data("nothing was written; start a site with 'waymark new site DIR', or give its content folder with --source\n".utf8))
            throw ExitCode(1)
        }
    }
}

/// `waymark new page|pathway|checklist|flyer PATH`: one page of a kind, with its front matter.
protocol NewLayoutCommand: ParsableCommand {
    static var kind: PageKind { get }
    var options: NewPageOptions { get }
}

extension NewLayoutCommand {
    /// A name ending in one of the site's languages is a translation, made another way. (A
    /// folder without settings is reported by `run`, as a content error.)
    func validate() throws {
        let page = try options.pagePath()
        if case .success(let config) = options.loadConfig(), let code = page.languageSuffix(in: config) {
            let original = String(page.path.dropLast(code.count + 4)) + ".md"
            throw ValidationError("'\(page.path)' is a translation: make it with 'waymark new translation \(original) --lang \(code)'")
        }
    }

    func run() throws {
        let page = try options.pagePath()
        _ = try options.config()
        let text = Self.kind.text(title: page.title, date: page.date, today: options.day)
        let plan = ScaffoldPlan(root: options.root, files: [ScaffoldFile(path: page.path, text: text)])
        do { try plan.write() } catch { throw NewOutput.refuse(error) }
        let layout = Self.kind == .page ? "" : " with 'layout: \(Self.kind.rawValue)'"
        print("Made \(plan.display(page.path))\(layout). Replace its guidance with the page's text, and check its title.")
    }
}

/// `waymark new page PATH`.
struct NewPageCommand: NewLayoutCommand {
    static let kind = PageKind.page
    static let configuration = CommandConfiguration(commandName: "page", abstract: "Start an ordinary page.")
    @OptionGroup var options: NewPageOptions
}

/// `waymark new pathway PATH`.
struct NewPathwayCommand: NewLayoutCommand {
    static let kind = PageKind.pathway
    static let configuration = CommandConfiguration(commandName: "pathway", abstract: "Start a referral pathway: numbered steps, with who acts at each.")
    @OptionGroup var options: NewPageOptions
}

/// `waymark new checklist PATH`.
struct NewChecklistCommand: NewLayoutCommand {
    static let kind = PageKind.checklist
    static let configuration = CommandConfiguration(commandName: "checklist", abstract: "Start a \"spot the signs\" checklist.")
    @OptionGroup var options: NewPageOptions
}

/// `waymark new flyer PATH`.
struct NewFlyerCommand: NewLayoutCommand {
    static let kind = PageKind.flyer
    static let configuration = CommandConfiguration(commandName: "flyer", abstract: "Start a one-page flyer to print.")
    @OptionGroup var options: NewPageOptions
}
