import ArgumentParser
import Foundation
import WaymarkContent
import WaymarkScaffold
import WaymarkSite

/// `waymark new`: starts a site, a page or a translation, never overwriting anything.
public struct NewCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "new",
        abstract: "Start a new site, page or translation.",
        discussion: """
        Never overwrites anything: if a file it would write is already there, it says which and \
        writes nothing. Exit status: 0 made, 1 something is in the way or cannot be read, 2 wrong \
        command-line usage.
        """,
        subcommands: [NewSiteCommand.self, NewPageCommand.self, NewPathwayCommand.self, NewChecklistCommand.self,
                      NewFlyerCommand.self, NewTranslationCommand.self])

    public init() {}
}

/// `waymark new site DIR`: a working partnership site in `DIR/content/`.
struct NewSiteCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "site",
        abstract: "Make a new partnership site in a new or empty folder.",
        discussion: """
        Writes DIR/content/ with the settings, the national reporting numbers, a partner \
        spreadsheet and a starter page of each layout, so that 'waymark build' run in DIR works. \
        At a terminal it asks for whatever the options do not give.
        """)

    @Argument(help: "The folder to make the site in. It must be new or empty.")
    var folder: String

    @Option(name: .long, help: "The partnership's name, shown on every page.")
    var title: String?

    @Option(name: .customLong("base-url"), help: "The web address the site will be published at.")
    var baseURL: String?

    @Option(name: .long, help: ArgumentHelp("The site's languages, separated by commas: en and any of "
                                            + StarterLanguage.all.dropFirst().map(\.code).joined(separator: ", ") + "."))
    var languages: String?

    @Option(name: .long, help: .hidden)
    var today: String?

    func validate() throws {
        if let today, CalendarDate(today) == nil { throw ValidationError("--today should be a date written YYYY-MM-DD, not '\(today)'") }
        do { _ = try SiteQuestions(title: title, baseURL: baseURL, languages: languages).fromOptions() } catch .badOption(let option, let problem) {
            throw ValidationError("\(option): \(problem.message)")
        } catch {}
    }

    func run() throws {
        let root = SiteBuilder.display(folder)
        if let problem = NewSiteCommand.folderProblem(root) { throw NewOutput.refuse(problem) }
        let questions = SiteQuestions(title: title, baseURL: baseURL, languages: languages)
        let prompter: (any LinePrompter)? = TerminalPrompter.isInteractive ? TerminalPrompter() : nil
        let settings: NewSiteSettings
        do {
            settings = try questions.resolve(prompter: prompter)
        } catch .badOption(let option, let problem) {
            throw ValidationError("\(option): \(problem.message)")
        } catch .noAnswer {
            throw NewOutput.refuse(.failed(root, reason: "the questions were not answered, so nothing was written"))
        } catch .tooManyTries(let problem) {
            throw NewOutput.refuse(.failed(root, reason: "\(problem.message); nothing was written"))
        }
        let plan = ScaffoldPlan(root: root, files: StarterSite.files(settings, today: today.flatMap(CalendarDate.init) ?? .today()))
        do { try plan.write() } catch { throw NewOutput.refuse(error) }
        let defaulted = [("--title", title), ("--base-url", baseURL), ("--languages", languages)].filter { $0.1 == nil }.map(\.0)
        if prompter == nil, !defaulted.isEmpty {
            print("Not given, so the defaults are used: \(defaulted.joined(separator: ", ")). Change them in \(plan.display("content/site.yaml")).")
        }
        NewOutput.siteMade(plan, settings: settings)
    }

    /// A folder that holds anything, or a file where the folder should be.
    static func folderProblem(_ path: String) -> ScaffoldError? {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) else { return nil }
        guard isFolder.boolValue else { return .exists(path) }
        guard let entries = try? FileManager.default.contentsOfDirectory(atPath: path) else {
            return .failed(path, reason: "this folder cannot be read")
        }
        return entries.isEmpty ? nil : .folderNotEmpty(path)
    }
}

/// What `waymark new` prints.
enum NewOutput {
    /// Prints `error`'s lines and gives the exit status for it (1: nothing was written).
    static func refuse(_ error: ScaffoldError) -> ExitCode {
        FileHandle.standardError.write(Data(error.lines.map { $0 + "\n" }.joined().utf8))
        return ExitCode(1)
    }

    static func siteMade(_ plan: ScaffoldPlan, settings: NewSiteSettings) {
        let here = plan.root == "."
        print("Made a new site for \(settings.title) in \(here ? "this folder" : plan.root + "/") (\(counted(plan.files.count, "file"))):")
        for file in plan.files { print("  " + plan.display(file.path)) }
        print("Next:" + (here ? "" : "\n  cd \(plan.root)"))
        print("""
              waymark serve    preview the site at http://localhost:1313/ while you edit it
              waymark check    check the pages before you publish them
              waymark build    build the site into output/
            Replace the guidance on each page with your own words, and ring every number in \
            content/_data/contacts.yaml before you publish.
            """)
    }
}
