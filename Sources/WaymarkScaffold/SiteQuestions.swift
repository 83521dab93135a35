import Foundation

/// Asks a person at a terminal one line at a time. Injected, so the questions can be tested
/// without one.
public protocol LinePrompter {
    /// Shows `prompt` and returns the line typed (without its newline); nil when input ended.
    func ask(_ prompt: String) -> String?
    /// Shows a line of explanation or a problem with an answer.
    func say(_ line: String)
}

/// The questions `waymark new site` asks for the settings not given as options.
public struct SiteQuestions {
    /// What was given on the command line; nil ones are asked.
    public var title: String?
    public var baseURL: String?
    public var languages: String?
    /// How many times a question is asked again after an answer that cannot be used.
    public var attempts = 3

    public init(title: String? = nil, baseURL: String? = nil, languages: String? = nil) {
        self.title = title
        self.baseURL = baseURL
        self.languages = languages
    }

    /// Why no settings came out of the questions.
    public enum Stop: Error, Equatable {
        /// An option's value cannot be used (a usage error).
        case badOption(String, SettingProblem)
        /// The person's input ended before every question was answered.
        case noAnswer
        /// The same question had an unusable answer `attempts` times.
        case tooManyTries(SettingProblem)
    }

    /// The settings from the options alone, with defaults for what is missing.
    public func fromOptions() throws(Stop) -> NewSiteSettings {
        try resolve(prompter: nil)
    }

    /// The settings, asking `prompter` for each one the options did not give (defaults when
    /// `prompter` is nil). An Enter on its own takes the default shown in brackets.
    public func resolve(prompter: (any LinePrompter)?) throws(Stop) -> NewSiteSettings {
        if prompter != nil, title == nil || baseURL == nil || languages == nil {
            prompter?.say("Answer 3 questions to set up the site; press Enter to use the answer in [brackets].")
            prompter?.say("You can change every answer later in content/site.yaml.")
        }
        let title = try setting(title, option: "--title", question: "The partnership's name", default: NewSiteSettings.defaultTitle,
                                prompter: prompter, parse: NewSiteSettings.title)
        let baseURL = try setting(baseURL, option: "--base-url", question: "The web address it will be published at",
                                  default: NewSiteSettings.defaultBaseURL, prompter: prompter, parse: NewSiteSettings.baseURL)
        if languages == nil {
            prompter?.say("Languages the theme has words for: " + StarterLanguage.all.map(\.choice).joined(separator: ", ") + ".")
        }
        let languages = try setting(languages, option: "--languages", question: "Its languages, separated by commas", default: "en",
                                    prompter: prompter, parse: NewSiteSettings.languages)
        return NewSiteSettings(title: title, baseURL: baseURL, languages: languages)
    }

    private func setting<Value>(_ given: String?, option: String, question: String, default fallback: String,
                                prompter: (any LinePrompter)?, parse: (String) -> Result<Value, SettingProblem>) throws(Stop) -> Value {
        if let given {
            switch parse(given) {
            case .success(let value): return value
            case .failure(let problem): throw .badOption(option, problem)
            }
        }
        guard let prompter else {
            switch parse(fallback) {
            case .success(let value): return value
            case .failure(let problem): throw .badOption(option, problem)
            }
        }
        var last = SettingProblem("")
        for _ in 0..<max(attempts, 1) {
            guard let line = prompter.ask("\(question) [\(fallback)]: ") else { throw .noAnswer }
            let answer = line.trimmingCharacters(in: .whitespaces).isEmpty ? fallback : line
            switch parse(answer) {
            case .success(let value): return value
            case .failure(let problem):
                prompter.say("  \(problem.message)")
                last = problem
            }
        }
        throw .tooManyTries(last)
    }
}
