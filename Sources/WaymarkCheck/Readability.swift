/// Reading age by a formula published for the page's language; no formula, no number.
///
/// Only English is scored, by the Flesch–Kincaid grade level (Kincaid, Fishburne, Rogers and
/// Chissom, 1975). Other languages have formulas of their own (Polish has Pisarek's, 1969), but
/// Waymark only scores a language when it can cite the formula and its scale exactly; until then
/// a page says why it is unscored rather than borrowing the English figure, whose syllable
/// weights mean nothing for Polish or Vietnamese. docs/CONTENT.md ("Plain English") gives the formulas.
enum Readability {
    /// Fewer words than this give a score that one sentence can swing by years.
    static let minimumWords = 30

    /// What the formula counts.
    struct Counts: Sendable, Equatable {
        var words = 0
        var sentences = 0
        var syllables = 0
    }

    /// Flesch–Kincaid grade level: 0.39 × words per sentence + 11.8 × syllables per word − 15.59,
    /// a US school grade.
    static func fleschKincaidGrade(_ counts: Counts) -> Double {
        let words = Double(counts.words), sentences = Double(max(counts.sentences, 1))
        return 0.39 * (words / sentences) + 11.8 * (Double(counts.syllables) / max(words, 1)) - 15.59
    }

    /// A US grade as a reading age: children start grade 1 at about six, so grade + 5 is the
    /// age at which a reader has the grade's reading. Below grade 0 it still reads as 5.
    static func readingAge(grade: Double) -> Double { max(grade, 0) + 5 }

    /// The body's words, sentences and English syllables. Numbers and inserted contacts are one
    /// short word each.
    static func englishCounts(_ body: [ProseUnit]) -> Counts {
        var counts = Counts()
        for unit in body {
            counts.sentences += unit.sentences.count
            counts.words += unit.words.count
            for word in unit.words { counts.syllables += word.kind == .word ? Syllables.english(word.text) : 1 }
        }
        return counts
    }

    static let fleschKincaidName = "Flesch–Kincaid grade level"

    /// The page's score, or why it has none.
    static func score(_ prose: ProsePage, language: String) -> ReadingAgeScore {
        let primary = primaryLanguage(language)
        guard primary == "en" else {
            return .unscored(reason: "Waymark has no checked reading-age formula for \(englishName(of: language))")
        }
        let body = prose.body
        let words = body.reduce(0) { $0 + $1.words.count }
        guard words >= minimumWords else {
            return .unscored(reason: "too little text to score (\(counted(words, "word")); it takes \(minimumWords))")
        }
        let counts = englishCounts(body)
        let grade = fleschKincaidGrade(counts)
        return .scored(ReadingAgeResult(formula: fleschKincaidName, score: grade, age: readingAge(grade: grade),
                                        words: counts.words, sentences: counts.sentences))
    }

    /// `pl` for `pl`, `pl-PL` or `PL`.
    static func primaryLanguage(_ tag: String) -> String {
        String(tag.lowercased().prefix { $0 != "-" && $0 != "_" })
    }

    /// The language's name in English, for a reason in English ("Romanian"), or its tag.
    static func englishName(of tag: String) -> String {
        englishNames[primaryLanguage(tag)] ?? "the language '\(tag)'"
    }

    private static let englishNames: [String: String] = [
        "ar": "Arabic", "bg": "Bulgarian", "bn": "Bengali", "cs": "Czech", "cy": "Welsh", "de": "German", "el": "Greek",
        "en": "English", "es": "Spanish", "et": "Estonian", "fa": "Persian", "fr": "French", "ga": "Irish", "gd": "Gaelic",
        "gu": "Gujarati", "hi": "Hindi", "hu": "Hungarian", "it": "Italian", "ku": "Kurdish", "lt": "Lithuanian",
        "lv": "Latvian", "nl": "Dutch", "pa": "Punjabi", "pl": "Polish", "ps": "Pashto", "pt": "Portuguese",
        "ro": "Romanian", "ru": "Russian", "sk": "Slovak", "so": "Somali", "sq": "Albanian", "ti": "Tigrinya",
        "tr": "Turkish", "uk": "Ukrainian", "ur": "Urdu", "vi": "Vietnamese", "zh": "Chinese",
    ]

    /// The body's longest sentence: its line and word count.
    static func longestSentence(_ body: [ProseUnit]) -> (line: Int, words: Int)? {
        var best: (line: Int, words: Int)?
        for unit in body {
            for sentence in unit.sentences where sentence.wordCount > (best?.words ?? 0) {
                best = (sentence.line, sentence.wordCount)
            }
        }
        return best
    }
}
