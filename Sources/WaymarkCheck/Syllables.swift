/// Counts the syllables of English words, as the Flesch–Kincaid formula needs, without a
/// pronouncing dictionary.
///
/// The well-known heuristic: count groups of vowels (`y` is a vowel except before another
/// vowel or at the start), then correct for silent letters and for vowels that sit side by
/// side but are said apart:
/// - a final `e` is silent (`make`), except in `-le` after a consonant (`table`) and `-re`
///   after a consonant (`centre`);
/// - `-es` and `-ed` add no syllable (`makes`, `walked`) except after the sounds that need one
///   (`boxes`, `pages`, `wanted`, `needed`);
/// - a silent `e` before `-ly`, `-ful`, `-less`, `-ness` and some `-ment`s (`safely`, `statement`);
/// - `ia`, `io`, `eo`, `ua`, `iu` are two syllables (`media`, `radio`, `video`, `usual`, `medium`)
///   except where English runs them together (`special`, `nation`, `language`, `people`);
/// - `-ing` after a vowel (`going`, `trying`), `-ism`, `-ier`/`-iest` (`earlier`);
/// - compounds whose first part ends in a silent `e` (`something`, `safeguarding`);
/// - and a short list of common words no rule catches.
///
/// Checked against CMU Pronouncing Dictionary counts (ReadabilityTests): right for 59 of 60 words
/// it was not built from, and all 119 it was built from.
enum Syllables {
    /// Syllables in `word` (letters, perhaps with apostrophes and hyphens). A hyphenated word
    /// counts each part; numbers and inserted text count as one.
    static func english(_ word: Substring) -> Int {
        var total = 0
        var part: [UInt8] = []
        var sawLetter = false
        var iterator = word.unicodeScalars.makeIterator()
        while let scalar = iterator.next() {
            let value = scalar.value
            if value >= 65, value <= 90 {
                part.append(UInt8(value + 32))
            } else if value >= 97, value <= 122 {
                part.append(UInt8(value))
            } else if value == 39 || value == 0x2019 {
                // An apostrophe: "don't" is one syllable, "women's" keeps its own.
                continue
            } else if scalar.properties.generalCategory == .nonspacingMark {
                continue
            } else if value > 127, scalar.properties.isAlphabetic {
                part.append(otherVowel)
            } else {
                if !part.isEmpty { total += count(part); sawLetter = true }
                part.removeAll(keepingCapacity: true)
            }
        }
        if !part.isEmpty { total += count(part); sawLetter = true }
        return sawLetter ? max(1, total) : 1
    }

    /// A letter outside a–z (`é` in `café`): a vowel that is never silent.
    private static let otherVowel: UInt8 = 1

    private static func count(_ letters: [UInt8]) -> Int {
        if letters.count <= 12, let known = exceptions[String(decoding: letters, as: UTF8.self)] { return known }
        if let split = compoundSplit(letters) {
            return count(Array(letters[..<split])) + count(Array(letters[split...]))
        }
        if letters.count <= 3 { return 1 }
        let word = Letters(letters)
        var syllables = word.vowelGroups()
        syllables -= word.silentEndings()
        syllables += word.vowelsSaidApart()
        return max(1, syllables)
    }

    /// First parts of compounds that end in a silent `e` (`some|thing`, `safe|guard`, `life|line`).
    private static let silentEFirstParts: [[UInt8]] = [
        "some", "safe", "life", "home", "time", "care", "house", "whole", "note", "case", "base", "fire",
        "side", "take", "make", "place", "space", "face", "name", "there", "more",
    ].map { Array($0.utf8) }

    /// Where a compound with a silent-`e` first part splits, if `letters` is one: the rest must
    /// have a vowel and at least two letters (`safe|ty`, not `safe|st` or `make|s`).
    private static func compoundSplit(_ letters: [UInt8]) -> Int? {
        for first in silentEFirstParts where letters.count >= first.count + 2 && letters.starts(with: first) {
            if letters[first.count...].contains(where: { isVowelLetter($0) || $0 == y }) { return first.count }
        }
        return nil
    }

    /// Common words that the rules get wrong.
    private static let exceptions: [String: Int] = [
        "ago": 2, "any": 2, "area": 3, "idea": 3, "ideas": 3, "create": 2, "created": 3, "creating": 3,
        "anyone": 3, "everyone": 3, "every": 2, "everything": 3, "everybody": 4, "everywhere": 3,
        "business": 2, "science": 2, "quiet": 2, "diet": 2, "poem": 2, "being": 2, "really": 2,
        "recipe": 3, "wednesday": 2, "naive": 2, "real": 1, "hour": 1, "hours": 1, "our": 1, "fire": 1,
        "people": 2, "maybe": 2, "queue": 1, "coerced": 2,
    ]

    static let y = UInt8(ascii: "y"), e = UInt8(ascii: "e")

    static func isVowelLetter(_ letter: UInt8) -> Bool {
        switch letter {
        case UInt8(ascii: "a"), UInt8(ascii: "e"), UInt8(ascii: "i"), UInt8(ascii: "o"), UInt8(ascii: "u"), otherVowel: true
        default: false
        }
    }
}

/// One word's letters (lower-case ASCII) and the checks the syllable rules make on them.
private struct Letters {
    let letters: [UInt8]
    /// Whether each letter is sounded as a vowel.
    let vowel: [Bool]

    init(_ letters: [UInt8]) {
        self.letters = letters
        var vowel = letters.map(Syllables.isVowelLetter)
        for index in letters.indices where letters[index] == Syllables.y {
            // "y" is a consonant at the start ("yes") and before a vowel after a vowel ("player",
            // "beyond"); otherwise a vowel ("happy", "system", "trying").
            let next = index + 1 < letters.count && Syllables.isVowelLetter(letters[index + 1])
            let previous = index > 0 && vowel[index - 1]
            vowel[index] = index > 0 && !(next && previous)
        }
        self.vowel = vowel
    }

    var count: Int { letters.count }

    func at(_ index: Int) -> UInt8 { index >= 0 && index < count ? letters[index] : 0 }
    func isVowel(_ index: Int) -> Bool { index >= 0 && index < count && vowel[index] }
    func isConsonant(_ index: Int) -> Bool { index >= 0 && index < count && !vowel[index] }
    func ends(with suffix: String) -> Bool { letters.count >= suffix.utf8.count && letters.reversed().starts(with: suffix.utf8.reversed()) }
    func ascii(_ index: Int) -> Character { Character(Unicode.Scalar(at(index))) }

    func vowelGroups() -> Int {
        var groups = 0
        for index in 0..<count where vowel[index] && !isVowel(index - 1) { groups += 1 }
        return groups
    }

    /// Vowel letters at the end that are not said: a silent `e`, `-es`, `-ed`, and a silent `e`
    /// before a suffix.
    func silentEndings() -> Int {
        let last = count - 1
        if at(last) == Syllables.e, isConsonant(last - 1) {
            let before = ascii(last - 1)
            let syllabic = (before == "l" || before == "r") && isConsonant(last - 2) && at(last - 2) != at(last - 1)
            return syllabic ? 0 : 1
        }
        if ends(with: "es"), isConsonant(last - 2) {
            let before = ascii(last - 2)
            if "sxzcg".contains(before) || (before == "h" && "cs".contains(ascii(last - 3))) { return 0 }
            if (before == "l" || before == "r") && isConsonant(last - 3) && at(last - 3) != at(last - 2) { return 0 }
            return 1
        }
        if ends(with: "ed"), isConsonant(last - 2) {
            let before = ascii(last - 2)
            if before == "t" || before == "d" { return 0 }
            if before == "l" && isConsonant(last - 3) && at(last - 3) != UInt8(ascii: "l") { return 0 }
            return 1
        }
        return silentEBeforeSuffix()
    }

    /// `safely`, `careful`, `homeless`, `statement`: the stem's silent `e` stays silent.
    private func silentEBeforeSuffix() -> Int {
        for suffix in ["ly", "ful", "less", "ness", "ment"] where ends(with: suffix) {
            let e = count - suffix.utf8.count - 1
            guard at(e) == Syllables.e, isConsonant(e - 1), (0..<(e - 1)).contains(where: isVowel) else { return 0 }
            if suffix == "ment" && !"tgcsvr".contains(ascii(e - 1)) { return 0 }
            if ascii(e - 1) == "l" && isConsonant(e - 2) { return 0 }
            return 1
        }
        return 0
    }

    /// Vowels written together but said as two syllables.
    func vowelsSaidApart() -> Int {
        var extra = 0
        for index in 0..<(count - 1) where vowel[index] && vowel[index + 1] {
            let pair = (ascii(index), ascii(index + 1))
            let before = ascii(index - 1)
            switch pair {
            case ("i", "a"): if !"ctsg".contains(before) { extra += 1 }
            case ("i", "o"):
                if !"tscxgn".contains(before) && !(before == "l" && ascii(index - 2) == "l") { extra += 1 }
            case ("e", "o"): if ascii(index + 2) != "u" { extra += 1 }
            case ("u", "a"): if before != "q" && before != "g" { extra += 1 }
            case ("i", "u"): extra += 1
            case ("i", "e"): if isSaidApartIE(index) { extra += 1 }
            default: break
            }
        }
        if ends(with: "ing"), count > 4, isVowel(count - 4), ascii(count - 4) != "i" { extra += 1 }
        if ends(with: "ism") { extra += 1 }
        return extra
    }

    /// `experience`, `client`: an `ie` after a consonant other than `t` or `c`, before `-nce`
    /// or `-nt`. `earlier`, `happiest`: an `ie` before a final `-r` or `-st`, with a vowel earlier.
    private func isSaidApartIE(_ index: Int) -> Bool {
        guard isConsonant(index - 1) else { return false }
        let rest = String(decoding: letters[(index + 2)...], as: UTF8.self)
        if rest.hasPrefix("nc") || rest.hasPrefix("nt") { return !"tc".contains(ascii(index - 1)) }
        guard rest == "r" || rest == "rs" || rest == "st" else { return false }
        return (0..<(index - 1)).contains(where: isVowel)
    }
}
