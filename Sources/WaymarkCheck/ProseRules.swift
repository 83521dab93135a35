import Foundation
import WaymarkContent
import WaymarkCore
import WaymarkMarkdown

/// Plain-English rules: reading age, long sentences and paragraphs, text in capitals.
/// docs/CONTENT.md ("Plain English") is the comms officer's guide to them.
enum ProseRules {
    static let readingAgeRule = RuleInfo(id: "reading-age", title: "pages the public acts on that are hard to read",
                                         options: ["above": .number, "layouts": .texts, "pages": .texts])
    static let longSentenceRule = RuleInfo(id: "long-sentence", title: "sentences over 25 words", options: ["words": .number])
    static let longParagraphRule = RuleInfo(id: "long-paragraph", title: "paragraphs over 100 words or 5 sentences",
                                            options: ["words": .number, "sentences": .number])
    static let capitalsRule = RuleInfo(id: "capitals", title: "text written in capitals")

    static let all: [PageRule] = [
        PageRule(readingAgeRule, check: checkReadingAge),
        PageRule(longSentenceRule, check: checkLongSentences),
        PageRule(longParagraphRule, check: checkLongParagraphs),
        PageRule(capitalsRule, check: checkCapitals),
    ]

    /// GOV.UK writes for a reading age of 9.
    static let defaultAbove = 9.0
    /// Layouts whose pages tell the public what to do.
    static let defaultLayouts = ["checklist", "flyer", "contacts"]
    /// GOV.UK's guidance: sentences of 25 words at most.
    static let defaultSentenceWords = 25.0
    static let defaultParagraphWords = 100.0
    static let defaultParagraphSentences = 5.0
    /// Vietnamese is written a syllable at a time, so the same text has more "words" (as spaces
    /// separate them): the example site's Vietnamese pages run 1.3 to 1.7 times the words of
    /// their English sources, 1.5 overall. 25 words a sentence becomes 40.
    static let vietnameseScale = 1.6

    /// GOV.UK writes for a reading age of 9.
    static let defaultReadingAge = 9.0

    /// The page's reading age by the formula published for its language, for the report.
    static func readingAge(of page: PageContext) -> ReadingAgeScore {
        Readability.score(prose(of: page), language: page.language.code)
    }

    /// Whether `reading-age` warns on this page with these options: by default only the pages
    /// the public acts on — checklists, flyers and contact pages, the site's report page, and
    /// pages named `help`, `get-help`, `report` or `report-…` — in every language.
    static func readingAgeApplies(to page: PageContext, options: RuleOptions) -> Bool {
        if options.texts("layouts", default: defaultLayouts).contains(page.layout) { return true }
        let key = page.page.translationKey
        if let report = page.site.config.reportPage, page.site.page(source: report)?.translationKey == key { return true }
        var name = key.split(separator: "/").last.map(String.init) ?? key
        if name == "index", let folder = key.split(separator: "/").dropLast().last { name = String(folder) }
        if ["help", "get-help", "report"].contains(name) || name.hasPrefix("report-") { return true }
        return options.texts("pages", default: []).contains { path in
            let source = path.hasPrefix("./") ? String(path.dropFirst(2)) : path.hasPrefix("/") ? String(path.dropFirst()) : path
            return source == page.page.sourcePath || page.site.page(source: source)?.translationKey == key
        }
    }

    /// The page's running text, split once when the page is loaded.
    static func prose(of page: PageContext) -> ProsePage { page.prose }

    // MARK: reading-age

    private static func checkReadingAge(_ page: PageContext, _ options: RuleOptions) -> [Diagnostic] {
        guard readingAgeApplies(to: page, options: options) else { return [] }
        let prose = prose(of: page)
        guard case .scored(let result) = Readability.score(prose, language: page.language.code) else { return [] }
        let above = options.number("above", default: defaultAbove)
        let age = result.age.rounded()
        guard age > above else { return [] }
        let body = prose.body
        let location = page.page.frontMatter.locations["title"] ?? page.location(line: body.first?.line)
        let help = Readability.longestSentence(body).map { longest in
            "its longest sentence is on line \(longest.line) (\(counted(longest.words, "word"))); shorter sentences and everyday words bring the age down"
        } ?? "shorter sentences and everyday words bring the age down"
        return [.finding(readingAgeRule, location,
                         "this page has a reading age of about \(Int(age)) (\(result.formula.replacingOccurrences(of: " level", with: "")) \(String(format: "%.1f", result.score))); aim for \(shown(above)) or under for pages the public acts on",
                         help: help)]
    }

    // MARK: long-sentence

    private static func checkLongSentences(_ page: PageContext, _ options: RuleOptions) -> [Diagnostic] {
        let limit = Int(options.number("words", default: scaled(defaultSentenceWords, for: page)))
        var problems: [Diagnostic] = []
        // Table cells are left out: a cell is often a list of names or places with no full stop,
        // which would read as one long sentence.
        for unit in prose(of: page).units where unit.kind == .paragraph || unit.kind == .listItem {
            for sentence in unit.sentences where sentence.wordCount > limit {
                problems.append(.finding(longSentenceRule, page.location(line: sentence.line),
                                         "this sentence has \(sentence.wordCount) words (“\(unit.opening(of: sentence))”); aim for \(limit) or fewer",
                                         help: "split it into shorter sentences, one point in each"))
            }
        }
        return problems
    }

    // MARK: long-paragraph

    private static func checkLongParagraphs(_ page: PageContext, _ options: RuleOptions) -> [Diagnostic] {
        let wordLimit = Int(options.number("words", default: scaled(defaultParagraphWords, for: page)))
        let sentenceLimit = Int(options.number("sentences", default: defaultParagraphSentences))
        var problems: [Diagnostic] = []
        for unit in prose(of: page).units where unit.kind == .paragraph || unit.kind == .listItem {
            let words = unit.words.count, sentences = unit.sentences.count
            let tooManyWords = words > wordLimit, tooManySentences = sentences > sentenceLimit
            guard tooManyWords || tooManySentences else { continue }
            let what = unit.kind == .listItem ? "list item" : "paragraph"
            let has = [tooManySentences ? counted(sentences, "sentence") : nil, tooManyWords ? counted(words, "word") : nil]
                .compactMap { $0 }.joined(separator: " and ")
            let aim = [tooManySentences ? counted(sentenceLimit, "sentence") : nil, tooManyWords ? counted(wordLimit, "word") : nil]
                .compactMap { $0 }.joined(separator: " and ")
            problems.append(.finding(longParagraphRule, page.location(line: unit.line),
                                     "this \(what) has \(has); aim for \(aim) at most",
                                     help: "break it into shorter paragraphs with one idea each, or make a series of points into a list"))
        }
        return problems
    }

    // MARK: capitals

    private static func checkCapitals(_ page: PageContext, _ options: RuleOptions) -> [Diagnostic] {
        var problems: [Diagnostic] = []
        for unit in prose(of: page).units {
            for run in capitalRuns(in: unit) {
                let shownRun = run.count > 8 ? unit.quote(run.lowerBound..<(run.lowerBound + 8)) + " …" : unit.quote(run)
                problems.append(.finding(capitalsRule, page.location(line: unit.words[run.lowerBound].line),
                                         "“\(shownRun)” is written in capitals, which is harder to read and can read as shouting",
                                         help: "write it in sentence case, keeping capitals for acronyms such as NHS; if it must stand out, make it bold (**like this**)"))
            }
        }
        return problems
    }

    /// Runs of three or more words in capitals in a row, within one phrase: a comma, colon or
    /// full stop ends a run, so a list of acronyms ("NRM, MSEH, NHS") is not one. A capital
    /// standing alone ("A", "I") carries a run on without counting towards it.
    static func capitalRuns(in unit: ProseUnit) -> [Range<Int>] {
        var runs: [Range<Int>] = []
        var start: Int?, counted = 0, end = 0
        func close() {
            if let first = start, counted >= 3 { runs.append(first..<end) }
            start = nil
            counted = 0
        }
        for (index, word) in unit.words.enumerated() {
            switch capitalisation(of: word) {
            case .other:
                close()
                continue
            case .capitals:
                counted += 1
                end = index + 1
            case .singleCapital:
                guard start != nil else { continue }
            }
            if start == nil { start = index }
            if word.endsPhrase || word.endsSentence { close() }
        }
        close()
        return runs
    }

    enum Capitalisation { case capitals, singleCapital, other }

    /// `NOW` is in capitals (two or more letters, every one a capital, in a script that has
    /// them); `A` is a single capital; `Now`, `999` and Arabic words are neither.
    static func capitalisation(of word: ProseWord) -> Capitalisation {
        guard word.kind == .word else { return .other }
        var letters = 0
        for scalar in word.text.unicodeScalars {
            let value = scalar.value
            if value >= 0x41 && value <= 0x5A {
                letters += 1
            } else if value < 0x80 {
                if value >= 0x61 && value <= 0x7A { return .other }
            } else if scalar.properties.isAlphabetic {
                // Uncased scripts (Arabic) are never in capitals.
                guard scalar.properties.isUppercase else { return .other }
                letters += 1
            }
        }
        return letters >= 2 ? .capitals : letters == 1 ? .singleCapital : .other
    }

    /// `default` for the page's language: Vietnamese counts syllables as words.
    private static func scaled(_ value: Double, for page: PageContext) -> Double {
        Readability.primaryLanguage(page.language.code) == "vi" ? (value * vietnameseScale).rounded() : value
    }

    /// `9`, or `9.5`.
    private static func shown(_ number: Double) -> String {
        number == number.rounded() ? String(Int(number)) : String(number)
    }
}
