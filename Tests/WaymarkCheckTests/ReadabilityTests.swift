import Testing
import WaymarkMarkdown
@testable import WaymarkCheck

/// The pieces under the prose rules: the syllable counter, the sentence splitter and the formula.
@Suite struct ReadabilityTests {
    /// 119 common words (everyday words and words from anti-slavery pages) with their syllables
    /// as the CMU Pronouncing Dictionary gives them. The rules were worked out with these words
    /// in view, so this list shows what the rules were made to do. Two of them, `people` and
    /// `anyone`, are in the counter's exception list; the rules get the rest.
    static let knownSyllables: [(String, Int)] = [
        ("the", 1), ("and", 1), ("you", 1), ("call", 1), ("help", 1), ("work", 1), ("they", 1), ("what", 1),
        ("where", 1), ("which", 1), ("their", 1), ("make", 1), ("time", 1), ("house", 1), ("need", 1), ("safe", 1),
        ("said", 1), ("looked", 1), ("called", 1), ("used", 1), ("asked", 1), ("place", 1), ("phone", 1), ("these", 1),
        ("while", 1), ("whole", 1), ("more", 1), ("sure", 1), ("through", 1), ("straight", 1), ("thought", 1), ("judge", 1),
        ("signs", 1), ("lives", 1), ("forced", 1), ("worse", 1), ("eyes", 1), ("shoes", 1),
        ("police", 2), ("someone", 2), ("number", 2), ("money", 2), ("little", 2), ("people", 2), ("table", 2),
        ("danger", 2), ("report", 2), ("modern", 2), ("worried", 2), ("children", 2), ("because", 2), ("often", 2),
        ("many", 2), ("only", 2), ("going", 2), ("doing", 2), ("trying", 2), ("wanted", 2), ("needed", 2), ("places", 2),
        ("changes", 2), ("boxes", 2), ("minutes", 2), ("safely", 2), ("safety", 2), ("careful", 2), ("useful", 2),
        ("statement", 2), ("something", 2), ("sometimes", 2), ("language", 2), ("equal", 2), ("helpline", 2),
        ("advice", 2), ("service", 2), ("victim", 2), ("question", 2), ("travel", 2), ("housing", 2), ("passport", 2),
        ("family", 3), ("exploited", 3), ("usual", 3), ("radio", 3), ("period", 3), ("various", 3), ("serious", 3),
        ("violence", 3), ("anyone", 3), ("employer", 3), ("another", 3), ("important", 3), ("together", 3),
        ("document", 3), ("earlier", 3), ("completely", 3), ("slavery", 3), ("already", 3), ("criminal", 3),
        ("holiday", 3), ("video", 3), ("agency", 3),
        ("emergency", 4), ("immediate", 4), ("experience", 4), ("situation", 4), ("information", 4), ("community", 4),
        ("especially", 4), ("anonymous", 4), ("exploitation", 4), ("confidential", 4), ("relationship", 4), ("identity", 4),
        ("immediately", 5), ("opportunity", 5), ("organisation", 5), ("vocabulary", 5), ("responsibility", 6),
    ]

    /// 60 more words, written down after the rules were settled and not used to change them:
    /// the fairer measure of the counter on words it has not seen.
    static let unseenSyllables: [(String, Int)] = [
        ("beautiful", 3), ("government", 3), ("difficult", 3), ("hospital", 3), ("council", 2), ("official", 3),
        ("support", 2), ("benefit", 3), ("interpreter", 4), ("temporary", 4), ("accommodation", 5), ("leaflet", 2),
        ("bruises", 2), ("injuries", 3), ("scared", 1), ("nervous", 2), ("employment", 3), ("recruitment", 3),
        ("agencies", 3), ("debt", 1), ("wages", 2), ("documents", 3), ("identification", 6), ("trafficking", 3),
        ("cannabis", 3), ("factory", 3), ("restaurant", 3), ("nail", 1), ("salon", 2), ("hotel", 2), ("brothel", 2),
        ("online", 2), ("website", 2), ("advertised", 3), ("frightened", 2), ("isolated", 4), ("withdrawn", 2),
        ("appearance", 3), ("clothes", 1), ("weather", 2), ("neighbour", 2), ("guidance", 2), ("partnership", 3),
        ("professional", 4), ("pathway", 2), ("adult", 2), ("coordinator", 5), ("exploiting", 3), ("control", 2),
        ("abuse", 2), ("threatened", 2), ("violent", 3), ("passports", 2), ("belongings", 3), ("transport", 2),
        ("vehicle", 3), ("registration", 4), ("colour", 2), ("describe", 2), ("details", 2),
    ]

    /// The target is nine in ten. Measured on 2026-12-02: 119 of the 119 development words
    /// (100%) and 59 of the 60 unseen words (98%; "coordinator" counts 4 for 5, its "oo" said
    /// apart), 178 of 179 in all.
    @Test(arguments: [("development", knownSyllables), ("unseen", unseenSyllables)])
    func syllableCounterIsRightForAtLeastNineInTenCommonWords(list: String, words: [(String, Int)]) {
        let wrong = words.filter { Syllables.english($0.0[...]) != $0.1 }
        let accuracy = Double(words.count - wrong.count) / Double(words.count)
        #expect(words.count >= 60)
        #expect(accuracy >= 0.9, "\(list) words wrong: \(wrong.map { "\($0.0) (\(Syllables.english($0.0[...])) for \($0.1))" })")
        #expect(Self.knownSyllables.count + Self.unseenSyllables.count >= 100)
    }

    @Test func syllablesOfHyphenatedWordsNumbersAndCapitals() {
        #expect(Syllables.english("anti-slavery") == 5)
        #expect(Syllables.english("POLICE") == 2)
        #expect(Syllables.english("don't") == 1)
        #expect(Syllables.english("999") == 1)
        #expect(Syllables.english("café") == 2)
    }

    // MARK: sentences

    private func sentences(_ text: String, language: String = "en") -> [String] {
        let words = Sentences.words(in: text, firstLine: 1, language: language)
        return Sentences.sentences(of: words).map { sentence in sentence.words.map { String(words[$0].text) }.joined(separator: " ") }
    }

    @Test func abbreviationsAndNumbersDoNotEndSentences() {
        #expect(sentences("Call the helpline, e.g. on 08000 121 700. Dr. Smith at St. Mary's can help, i.e. today. It costs 3.5 pounds.")
            == ["Call the helpline e.g on 08000 121 700", "Dr Smith at St Mary's can help i.e today", "It costs 3.5 pounds"])
    }

    @Test func etceteraEndsASentenceOnlyBeforeACapital() {
        #expect(sentences("Bring forms, letters etc. to the meeting. Bring food etc. Then go.")
            == ["Bring forms letters etc to the meeting", "Bring food etc", "Then go"])
    }

    @Test func aNumberWrittenInGroupsIsOneWord() {
        let words = Sentences.words(in: "Ring 08000 121 700 now.", firstLine: 1, language: "en")
        #expect(words.map(\.text) == ["Ring", "08000 121 700", "now"])
        #expect(words[1].kind == .number)
    }

    @Test func questionAndExclamationMarksEndSentencesAndWordsKeepTheirLines() {
        let words = Sentences.words(in: "Are you safe?\nCall now! Then\nwait", firstLine: 7, language: "en")
        let split = Sentences.sentences(of: words)
        #expect(split.map(\.line) == [7, 8, 8])
        #expect(words.last?.line == 9)
    }

    @Test func polishAbbreviations() {
        #expect(sentences("Zadzwoń np. na policję, tj. pod nr 999. Przyjdź do biura przy ul. Długiej itd. Potem wróć.", language: "pl")
            == ["Zadzwoń np na policję tj pod nr 999", "Przyjdź do biura przy ul Długiej itd", "Potem wróć"])
    }

    @Test func lithuanianAndAlbanianAbbreviations() {
        #expect(sentences("Skambinkite, pvz. policijai, t. y. numeriu 112. Ateikite.", language: "lt")
            == ["Skambinkite pvz policijai t y numeriu 112", "Ateikite"])
        #expect(sentences("Telefononi, p.sh. policinë. Ejani.", language: "sq") == ["Telefononi p.sh policinë", "Ejani"])
    }

    @Test func vietnameseWordsAreSyllablesBetweenSpaces() {
        let words = Sentences.words(in: "Hãy gọi cảnh sát ngay. Bạn không cần chắc chắn.", firstLine: 1, language: "vi")
        #expect(words.count == 10)
        #expect(Sentences.sentences(of: words).count == 2)
    }

    @Test func arabicQuestionMarkEndsASentenceAndArabicCommaDoesNot() {
        #expect(sentences("هل أنت بخير؟ اتصل بالشرطة، الآن.", language: "ar") == ["هل أنت بخير", "اتصل بالشرطة الآن"])
        let words = Sentences.words(in: "اتصل بالشرطة، الآن", firstLine: 1, language: "ar")
        #expect(words[1].endsPhrase)
    }

    // MARK: capitals

    private func capitalRuns(_ text: String, language: String = "en") -> [String] {
        let prose = ProsePage(document: MarkdownParser.parse(text, firstLine: 1), language: language)
        return prose.units.flatMap { unit in ProseRules.capitalRuns(in: unit).map { unit.quote($0) } }
    }

    @Test func capitalRunsCarryOnOverSingleLettersAndStopAtCommas() {
        #expect(capitalRuns("Please CALL A TAXI NOW, then wait.") == ["CALL A TAXI NOW"])
        #expect(capitalRuns("STOP, LOOK, LISTEN and the NHS GP") == [])
        #expect(capitalRuns("## WHAT TO DO") == ["WHAT TO DO"])
        #expect(capitalRuns("ZADZWOŃ NA POLICJĘ teraz.", language: "pl") == ["ZADZWOŃ NA POLICJĘ"])
        #expect(capitalRuns("اتصل بالشرطة الآن فوراً", language: "ar") == [])
        #expect(capitalRuns("GỌI CẢNH SÁT NGAY", language: "vi") == ["GỌI CẢNH SÁT NGAY"])
    }

    // MARK: extraction and the formula

    @Test func proseLeavesOutCodeHTMLAndHeadingsAndCountsADirectiveAsAWord() {
        let markdown = """
        # Get help

        Call {{contact helpline}} now, or text
        us `code here` today.

        ```
        not prose at all
        ```

        - where you saw them
        - what they look like

        | Place | Phone |
        |---|---|
        | Hull | 01482 |
        """
        let prose = ProsePage(document: MarkdownParser.parse(markdown, firstLine: 10), language: "en")
        #expect(prose.units.map(\.kind) == [.heading, .paragraph, .listItem, .listItem, .tableCell, .tableCell, .tableCell, .tableCell])
        let paragraph = prose.units[1]
        #expect(paragraph.words.count == 7)
        #expect(paragraph.words[1].kind == .inserted)
        #expect(paragraph.words.last?.line == 13)
        #expect(paragraph.opening(of: paragraph.sentences[0], limit: 3) == "Call {{contact helpline}} now …")
        #expect(prose.units[2].sentences.count == 1)
        #expect(prose.units.map(\.line) == [10, 12, 19, 20, 22, 22, 24, 24])
    }

    @Test func fleschKincaidGradeOfCountsWorkedByHand() {
        // 15 words, 2 sentences, 18 syllables: 0.39 × 7.5 + 11.8 × 1.2 − 15.59 = 1.495.
        let grade = Readability.fleschKincaidGrade(.init(words: 15, sentences: 2, syllables: 18))
        #expect(abs(grade - 1.495) < 0.0001)
        // 100 words, 5 sentences, 150 syllables: 0.39 × 20 + 11.8 × 1.5 − 15.59 = 9.91.
        #expect(abs(Readability.fleschKincaidGrade(.init(words: 100, sentences: 5, syllables: 150)) - 9.91) < 0.0001)
        #expect(Readability.readingAge(grade: 8.1) == 13.1)
        #expect(Readability.readingAge(grade: -2) == 5)
    }

    @Test func scoreOfAPassageCountedByHand() throws {
        // Words and syllables counted by hand: 31 words, 4 sentences, 37 syllables.
        // 0.39 × 7.75 + 11.8 × 37/31 − 15.59 = 1.5164 (grade), reading age 6.5.
        let passage = "If you think someone is in danger, call the police. You do not need to be sure. "
            + "Tell someone what you have seen. The experts will decide what to do next."
        let prose = ProsePage(document: MarkdownParser.parse(passage, firstLine: 1), language: "en-GB")
        #expect(Readability.englishCounts(prose.body) == .init(words: 31, sentences: 4, syllables: 37))
        let result = try #require(Readability.score(prose, language: "en-GB").result)
        #expect(abs(result.score - 1.5164) < 0.001)
        #expect(abs(result.age - 6.5164) < 0.001)
        #expect(result.formula == "Flesch–Kincaid grade level")
        #expect(result.words == 31 && result.sentences == 4)
    }

    @Test func otherLanguagesAndShortPagesAreUnscored() {
        let prose = ProsePage(document: MarkdownParser.parse("Sunați la poliție.", firstLine: 1), language: "ro")
        #expect(Readability.score(prose, language: "ro") == .unscored(reason: "Waymark has no checked reading-age formula for Romanian"))
        #expect(Readability.score(prose, language: "pl") == .unscored(reason: "Waymark has no checked reading-age formula for Polish"))
        let short = ProsePage(document: MarkdownParser.parse("Call the police now.", firstLine: 1), language: "en")
        #expect(Readability.score(short, language: "en") == .unscored(reason: "too little text to score (4 words; it takes 30)"))
    }
}

