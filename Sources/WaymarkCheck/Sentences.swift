/// One word of running text as a reader meets it, with the line it is on.
struct ProseWord: Sendable, Equatable {
    enum Kind: Sendable, Equatable {
        case word
        /// Digits, perhaps with `.`, `,` or `:` inside: `3.5`, `08000 121 700` (the groups of a
        /// number written with spaces are one word).
        case number
        /// Something the site inserts, such as `{{contact helpline}}`: read as one word.
        case inserted
    }

    /// The word without the punctuation around it (`e.g`, `don't`, `3.5`).
    var text: Substring
    var line: Int
    var kind: Kind
    /// A sentence ends after this word.
    var endsSentence = false
    /// A comma, semicolon, colon or dash follows, so a run of capitals stops here.
    var endsPhrase = false
}

/// A sentence as a range of its unit's words.
struct ProseSentence: Sendable, Equatable {
    var words: Range<Int>
    /// The line its first word is on.
    var line: Int
    var wordCount: Int { words.count }
}

/// Splits running text into words and sentences, for every language the site is written in.
///
/// Words are separated by spaces (true of every language Waymark's sites are written in; a
/// Vietnamese "word" is then a syllable). A sentence ends at `.`, `!`, `?`, `؟` or `…` after a
/// word, except after an abbreviation (``Abbreviations``) or inside a number (`3.5`), and at the
/// end of its paragraph, list item or table cell. One linear pass, no regular expressions.
enum Sentences {
    /// The character that stands for a `{{directive}}` in extracted text.
    static let insertion: Character = "\u{FFFC}"

    /// The words of `text`, whose first line is `firstLine`; a newline in `text` starts the next line.
    /// Reads Unicode scalars rather than characters: this runs over every word of every page.
    static func words(in text: String, firstLine: Int, language: String) -> [ProseWord] {
        let abbreviations = Abbreviations.for(language)
        let scalars = text.unicodeScalars
        var words: [ProseWord] = []
        var pending: Abbreviations.Ending?
        var line = firstLine
        var index = scalars.startIndex
        while index < scalars.endIndex {
            let scalar = scalars[index]
            if isSpace(scalar) {
                if scalar == "\n" { line += 1 }
                scalars.formIndex(after: &index)
                continue
            }
            let chunk = Chunk(scalars, from: index)
            index = chunk.end
            guard let coreStart = chunk.coreStart else {
                markPunctuation(text[chunk.start..<chunk.end], after: &words, pending: &pending, abbreviations: nil)
                continue
            }
            let core = text[coreStart..<chunk.coreEnd]
            let kind: ProseWord.Kind = chunk.hasInsertion ? .inserted : chunk.hasLetter ? .word : .number
            if let rule = pending, var last = words.last {
                last.endsSentence = rule.endsBefore(kind: kind, next: core)
                words[words.count - 1] = last
                pending = nil
            }
            if kind == .number, coreStart == chunk.start, var last = words.last, last.kind == .number,
               !last.endsSentence, !last.endsPhrase, last.line == line {
                // `08000 121 700` is one number, read as one.
                last.text = text[last.text.startIndex..<chunk.coreEnd]
                words[words.count - 1] = last
            } else {
                words.append(ProseWord(text: core, line: line, kind: kind))
            }
            markPunctuation(text[chunk.coreEnd..<chunk.end], after: &words, pending: &pending, abbreviations: abbreviations)
        }
        return words
    }

    /// Text between spaces: a word with any punctuation around it, or punctuation alone.
    private struct Chunk {
        let start: String.Index
        var end: String.Index
        /// The word inside: from its first letter, digit or stand-in to its last.
        var coreStart: String.Index?
        var coreEnd: String.Index
        var hasLetter = false
        var hasInsertion = false

        init(_ scalars: String.UnicodeScalarView, from start: String.Index) {
            self.start = start
            end = start
            coreEnd = start
            while end < scalars.endIndex {
                let scalar = scalars[end]
                if Sentences.isSpace(scalar) { break }
                let next = scalars.index(after: end)
                switch Sentences.category(of: scalar) {
                case .letter:
                    hasLetter = true
                    fallthrough
                case .digit:
                    if coreStart == nil { coreStart = end }
                    coreEnd = next
                case .insertion:
                    hasInsertion = true
                    if coreStart == nil { coreStart = end }
                    coreEnd = next
                case .mark:
                    // An accent written as its own scalar belongs to the letter before it.
                    if coreStart != nil && coreEnd == end { coreEnd = next }
                case .other:
                    break
                }
                end = next
            }
        }
    }

    enum Category { case letter, digit, insertion, mark, other }

    static func isSpace(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        if value < 0x80 { return value == 0x20 || (value >= 0x09 && value <= 0x0D) }
        return scalar.properties.isWhitespace
    }

    static func category(of scalar: Unicode.Scalar) -> Category {
        let value = scalar.value
        if value < 0x80 {
            if (value >= 0x61 && value <= 0x7A) || (value >= 0x41 && value <= 0x5A) { return .letter }
            return value >= 0x30 && value <= 0x39 ? .digit : .other
        }
        if scalar == insertionScalar { return .insertion }
        switch scalar.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter: return .letter
        case .decimalNumber, .letterNumber, .otherNumber: return .digit
        case .nonspacingMark, .spacingMark, .enclosingMark: return .mark
        default: return .other
        }
    }

    private static let insertionScalar: Unicode.Scalar = "\u{FFFC}"

    /// The sentences of a unit's words; the unit's end ends its last sentence.
    static func sentences(of words: [ProseWord]) -> [ProseSentence] {
        var sentences: [ProseSentence] = []
        var start = 0
        for (offset, word) in words.enumerated() where word.endsSentence || offset == words.count - 1 {
            sentences.append(ProseSentence(words: start..<(offset + 1), line: words[start].line))
            start = offset + 1
        }
        return sentences
    }

    static let sentenceEnds: Set<Character> = [".", "!", "?", "؟", "…", "。", "！", "？", "۔", "‼"]
    private static let phraseEnds: Set<Character> = [",", ";", ":", "،", "؛", "–", "—", "/"]

    /// Notes what the punctuation after the last word says: a sentence or phrase ends, unless
    /// the word is an abbreviation (then whether it ends depends on the next word).
    /// `abbreviations` is nil for punctuation standing on its own, away from any word.
    private static func markPunctuation(_ punctuation: Substring, after words: inout [ProseWord],
                                        pending: inout Abbreviations.Ending?, abbreviations: Abbreviations?) {
        guard var last = words.last, !punctuation.isEmpty else { return }
        if punctuation.contains(where: phraseEnds.contains) { last.endsPhrase = true }
        if let end = punctuation.firstIndex(where: sentenceEnds.contains) {
            // "e.g." and "Dr." have their full stop straight after the word; "Dr. ." does not.
            let ending = if let abbreviations, end == punctuation.startIndex, punctuation[end] == "." {
                abbreviations.ending(of: last)
            } else {
                Abbreviations.Ending.always
            }
            switch ending {
            case .always: last.endsSentence = true
            case .never: break
            case .ifNextCapitalised, .ifNextNotNumber: pending = ending
            }
            last.endsPhrase = true
        }
        words[words.count - 1] = last
    }
}

/// Short forms written with a full stop that does not end the sentence ("e.g.", "Dr.", "np.").
struct Abbreviations: Sendable {
    /// Whether the full stop after a word ends its sentence.
    enum Ending: Sendable, Equatable {
        case always, never
        /// "etc." and "Ltd." end a sentence when the next word starts with a capital.
        case ifNextCapitalised
        /// "No. 5", "tel. 0800": not an end when a number follows.
        case ifNextNotNumber

        func endsBefore(kind: ProseWord.Kind, next: Substring) -> Bool {
            switch self {
            case .always: true
            case .never: false
            case .ifNextCapitalised: next.first?.isUppercase == true
            case .ifNextNotNumber: kind != .number
            }
        }
    }

    var never: Set<String>
    var maybeEnd: Set<String>
    var beforeNumber: Set<String>

    static let none = Abbreviations(never: [], maybeEnd: [], beforeNumber: [])

    /// Whether `word`, followed straight away by a full stop, ends its sentence. A single
    /// letter is taken for an initial ("J. Smith", Lithuanian "t. y.").
    func ending(of word: ProseWord) -> Ending {
        guard word.kind == .word, word.text.count <= 8 else { return .always }
        let key = word.text.lowercased()
        if never.contains(key) { return .never }
        if maybeEnd.contains(key) { return .ifNextCapitalised }
        if beforeNumber.contains(key) { return .ifNextNotNumber }
        return word.text.count == 1 ? .never : .always
    }

    /// The abbreviations of `language` (a tag such as `pl` or `en-GB`), with the Latin ones
    /// every language uses.
    static func `for`(_ language: String) -> Abbreviations {
        let primary = String(language.lowercased().prefix { $0 != "-" && $0 != "_" })
        return table[primary] ?? table["*"]!
    }

    private static let latin: Set<String> = ["e.g", "i.e", "cf", "vs", "viz", "approx", "ca"]

    private static let table: [String: Abbreviations] = [
        "*": Abbreviations(never: latin, maybeEnd: ["etc"], beforeNumber: ["no", "nr", "tel"]),
        "en": Abbreviations(
            never: latin.union(["dr", "mr", "mrs", "ms", "mx", "st", "prof", "rev", "jr", "sr", "mt", "rd", "ave", "dept", "govt", "incl", "esp"]),
            maybeEnd: ["etc", "ltd", "inc", "plc", "co"],
            beforeNumber: ["no", "nos", "tel", "ext", "p", "pp", "vol", "ch", "fig"]),
        "pl": Abbreviations(
            never: latin.union(["np", "m.in", "tj", "tzn", "ul", "al", "pl", "godz", "prof", "mgr", "inż", "wg", "zob", "por", "ok", "ws", "tzw", "ds", "im", "sp", "ew"]),
            maybeEnd: ["itd", "itp", "r", "in", "tys"],
            beforeNumber: ["nr", "tel", "str", "s", "art", "ust", "pkt", "poz"]),
        "ro": Abbreviations(
            never: latin.union(["ex", "dl", "dna", "dlui", "dnei", "dr", "prof", "str", "bd", "bdul", "jud", "sf", "ing", "resp"]),
            maybeEnd: ["etc", "ș.a", "ş.a"],
            beforeNumber: ["nr", "tel", "pag", "art", "alin"]),
        "sq": Abbreviations(
            never: latin.union(["p.sh", "psh", "znj", "dr", "prof", "rr"]),
            maybeEnd: ["etj", "etc"],
            beforeNumber: ["nr", "tel", "fq"]),
        "lt": Abbreviations(
            never: latin.union(["pvz", "t.y", "dr", "prof", "gen", "gim", "įst", "sav", "str", "doc", "gyd"]),
            maybeEnd: ["kt", "pan", "etc", "m", "d"],
            beforeNumber: ["nr", "tel", "psl", "str"]),
        "vi": Abbreviations(
            never: latin.union(["tp", "ths", "ts", "pgs", "gs", "bs"]),
            maybeEnd: ["v.v", "etc"],
            beforeNumber: ["tel"]),
        "ar": Abbreviations(never: latin, maybeEnd: ["etc"], beforeNumber: ["no", "tel"]),
    ]
}
