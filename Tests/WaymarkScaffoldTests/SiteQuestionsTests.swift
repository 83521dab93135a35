import Foundation
import Testing
import WaymarkScaffold

/// Answers typed by a pretend person, and everything they were shown.
final class ScriptedPrompter: LinePrompter {
    var answers: [String]
    var shown: [String] = []
    init(_ answers: [String]) { self.answers = answers }
    func ask(_ prompt: String) -> String? {
        shown.append(prompt)
        return answers.isEmpty ? nil : answers.removeFirst()
    }
    func say(_ line: String) { shown.append(line) }
}

@Suite struct SiteQuestionsTests {
    @Test("each setting the options do not give is asked for, in order")
    func asksForMissingSettings() throws {
        let prompter = ScriptedPrompter(["Humber Partnership", "https://humber.example.org", "en, ro ,ar"])
        let settings = try SiteQuestions().resolve(prompter: prompter)
        #expect(settings == NewSiteSettings(title: "Humber Partnership", baseURL: "https://humber.example.org/",
                                            languages: [.english, StarterLanguage.named("ro")!, StarterLanguage.named("ar")!]))
        #expect(prompter.shown.filter { $0.hasSuffix(": ") } == [
            "The partnership's name [Anti-Slavery Partnership]: ",
            "The web address it will be published at [https://example.org/]: ",
            "Its languages, separated by commas [en]: ",
        ])
        #expect(prompter.shown.contains("Languages the theme has words for: en (English), ar (العربية, Arabic), lt (Lietuvių, Lithuanian), pl (Polski, Polish), ro (Română, Romanian), sq (Shqip, Albanian), vi (Tiếng Việt, Vietnamese)."))
    }

    @Test("Enter alone takes the default shown in brackets")
    func enterTakesDefault() throws {
        let settings = try SiteQuestions().resolve(prompter: ScriptedPrompter(["", "  ", ""]))
        #expect(settings == NewSiteSettings())
    }

    @Test("a setting given as an option is not asked")
    func optionsAreNotAsked() throws {
        let prompter = ScriptedPrompter(["https://a.example.org/"])
        let settings = try SiteQuestions(title: "Given", languages: "en").resolve(prompter: prompter)
        #expect(settings.title == "Given")
        #expect(settings.baseURL == "https://a.example.org/")
        #expect(prompter.shown.filter { $0.hasSuffix(": ") } == ["The web address it will be published at [https://example.org/]: "])
        #expect(try SiteQuestions(title: "T", baseURL: "https://b.example.org", languages: "en").resolve(prompter: ScriptedPrompter([])).title == "T")
    }

    @Test("an answer that cannot be used is explained and asked again")
    func badAnswerAskedAgain() throws {
        let prompter = ScriptedPrompter(["Name", "example.org", "https://example.org/site", "fr", "en,pl"])
        let settings = try SiteQuestions().resolve(prompter: prompter)
        #expect(settings.baseURL == "https://example.org/site/")
        #expect(settings.languages.map(\.code) == ["en", "pl"])
        #expect(prompter.shown.contains("  'example.org' is not a web address: write it in full, like https://www.example.org/"))
        #expect(prompter.shown.contains { $0.hasPrefix("  'fr' is not one of the languages the default theme has words for") })
    }

    @Test("input that ends, or three unusable answers, stop without settings")
    func stops() {
        #expect(throws: SiteQuestions.Stop.noAnswer) { try SiteQuestions().resolve(prompter: ScriptedPrompter(["Name"])) }
        #expect(throws: SiteQuestions.Stop.tooManyTries(SettingProblem("'c' is not a web address: write it in full, like https://www.example.org/"))) {
            try SiteQuestions().resolve(prompter: ScriptedPrompter(["Name", "a", "b", "c", "https://never.example.org/"]))
        }
    }

    @Test("an option that cannot be used is a usage error, before any question")
    func badOption() {
        let prompter = ScriptedPrompter(["Name"])
        #expect(throws: SiteQuestions.Stop.badOption("--base-url", SettingProblem("'ftp://x' is not a web address: write it in full, like https://www.example.org/"))) {
            try SiteQuestions(baseURL: "ftp://x").resolve(prompter: prompter)
        }
    }

    @Test("at a terminal, waymark new site asks, and makes the site from the answers")
    func askedAtATerminal() throws {
        let temp = try NewTemp()
        defer { temp.cleanUp() }
        let run = try waymarkAtTerminal(["new", "site", "site", "--today", testDay], in: temp.path,
                                        input: "Humber Test Partnership\nnot an address\nhttps://humber.example.org\nen,pl\n")
        #expect(run.status == 0, "\(run.stdout)")
        #expect(run.stdout.contains("The partnership's name [Anti-Slavery Partnership]: "))
        #expect(run.stdout.contains("  'not an address' is not a web address"))
        #expect(run.stdout.contains("Made a new site for Humber Test Partnership in site/ (20 files):"))
        let settings = try #require(temp.read("site/content/site.yaml"))
        #expect(settings.contains("title: Humber Test Partnership\n"))
        #expect(settings.contains("base_url: https://humber.example.org/\n"))
        #expect(settings.contains("  - code: pl\n    name: Polski\n"))
        #expect(temp.read("site/content/index.pl.md") != nil)
    }
}
