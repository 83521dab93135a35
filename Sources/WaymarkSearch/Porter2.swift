/// The English stemmer of the Snowball project ("Porter2", Snowball 2.x), written from the published
/// algorithm (snowballstem.org/algorithms/english/stemmer.html).
///
/// It maps the forms of a word to one stem (`trafficking` and `trafficked` → `traffick`) so a search
/// for one finds the others. Stems are not words; they only have to agree. The browser has its own
/// copy, `theme/assets/js/stem-en.js`, which must give the same stem for every word: both are checked
/// against the published Snowball vocabulary (`Tests/WaymarkSearchTests/Fixtures`).
public enum Porter2 {
    /// The stem of a lowercased English word. The word may contain apostrophes (`'`, not `’`);
    /// a word with any non-ASCII character is returned unchanged, as the algorithm is defined
    /// for the letters a–z only.
    public static func stem(_ word: String) -> String {
        let bytes = Array(word.utf8)
        guard bytes.allSatisfy({ $0 < 0x80 }) else { return word }
        let stemmed = stem(ascii: bytes)
        return stemmed == bytes ? word : String(decoding: stemmed, as: UTF8.self)
    }

    /// The stem of a lowercased ASCII word given as bytes: for callers that already hold them.
    /// Bytes outside ASCII are returned unchanged.
    public static func stem(ascii word: [UInt8]) -> [UInt8] {
        guard word.allSatisfy({ $0 < 0x80 }) else { return word }
        if let special = exceptionalForm(word) { return special }
        // Words of one or two letters are left alone (they have no suffix worth removing).
        guard word.count > 2 else { return word }
        var state = Porter2Word(word)
        state.step1a()
        if !state.isInvariantAfterStep1a {
            state.step1b()
            state.step1c()
            state.step2()
            state.step3()
            state.step4()
            state.step5()
        }
        return state.finished()
    }

    /// Whole words the algorithm stems by list rather than by rule (its "exception 1").
    private static let exceptions: [(word: [UInt8], stem: [UInt8])] = [
        ("skis", "ski"), ("skies", "sky"), ("dying", "die"), ("lying", "lie"), ("tying", "tie"),
        ("idly", "idl"), ("gently", "gentl"), ("ugly", "ugli"), ("early", "earli"), ("only", "onli"),
        ("singly", "singl"),
        ("sky", "sky"), ("news", "news"), ("howe", "howe"),
        ("atlas", "atlas"), ("cosmos", "cosmos"), ("bias", "bias"), ("andes", "andes"),
    ].map { (Array($0.utf8), Array($1.utf8)) }

    private static func exceptionalForm(_ word: [UInt8]) -> [UInt8]? {
        guard word.count <= 6 else { return nil }  // the longest listed word
        return exceptions.first(where: { $0.word == word })?.stem
    }
}

/// ASCII codes the stemmer names.
private enum ASCII {
    static let apostrophe = UInt8(ascii: "'")
    static let y = UInt8(ascii: "y")
    /// Marks a `y` that acts as a consonant (first letter, or after a vowel). Not a vowel.
    static let consonantY = UInt8(ascii: "Y")
    static let e = UInt8(ascii: "e")
    static let i = UInt8(ascii: "i")
    static let l = UInt8(ascii: "l")
    static let s = UInt8(ascii: "s")
    static let t = UInt8(ascii: "t")
    static let w = UInt8(ascii: "w")
    static let x = UInt8(ascii: "x")

    static func isVowel(_ c: UInt8) -> Bool {
        switch c {
        case UInt8(ascii: "a"), UInt8(ascii: "e"), UInt8(ascii: "i"), UInt8(ascii: "o"), UInt8(ascii: "u"), y: true
        default: false
        }
    }

    /// The letters that may come before a final `li` that step 2 removes.
    static func isValidLIEnding(_ c: UInt8) -> Bool {
        switch c {
        case UInt8(ascii: "c"), UInt8(ascii: "d"), e, UInt8(ascii: "g"), UInt8(ascii: "h"),
             UInt8(ascii: "k"), UInt8(ascii: "m"), UInt8(ascii: "n"), UInt8(ascii: "r"), t: true
        default: false
        }
    }

    /// The doubled letters step 1b undoubles (`hopp` → `hop`); other doubles stay (`add`, `fizz`).
    static func isUndoubled(_ c: UInt8) -> Bool {
        switch c {
        case UInt8(ascii: "b"), UInt8(ascii: "d"), UInt8(ascii: "f"), UInt8(ascii: "g"),
             UInt8(ascii: "m"), UInt8(ascii: "n"), UInt8(ascii: "p"), UInt8(ascii: "r"), t: true
        default: false
        }
    }
}

/// A word being stemmed: its letters (with consonant y marked `Y`) and the starts of its regions.
/// Every step works on the end of the word, so steps shorten or rewrite `letters` from the back;
/// R1 and R2 keep the offsets found before step 1.
private struct Porter2Word {
    var letters: [UInt8]
    /// Where R1 starts: after the first non-vowel that follows a vowel (or after gener/commun/arsen).
    var r1: Int = 0
    /// Where R2 starts: the same rule applied again inside R1.
    var r2: Int = 0

    /// Prepares `word` (at least three letters): drops a leading apostrophe, marks consonant y, finds R1 and R2.
    init(_ word: [UInt8]) {
        letters = word
        if letters.first == ASCII.apostrophe { letters.removeFirst() }
        markConsonantY()
        r1 = Self.regionPrefixes.first(where: { letters.starts(with: $0) })?.count ?? region(after: 0)
        r2 = region(after: r1)
    }

    /// Prefixes after which R1 starts: by the rule it would start after `gen`, and `general`,
    /// `generous` and `generate` would all stem to `gener`.
    private static let regionPrefixes: [[UInt8]] = ["gener", "commun", "arsen"].map { Array($0.utf8) }

    private mutating func markConsonantY() {
        for index in letters.indices where letters[index] == ASCII.y {
            if index == 0 || ASCII.isVowel(letters[index - 1]) { letters[index] = ASCII.consonantY }
        }
    }

    /// The offset just past the first non-vowel that follows a vowel, at or after `start`; the length if none.
    private func region(after start: Int) -> Int {
        var index = start
        while index < letters.count, !ASCII.isVowel(letters[index]) { index += 1 }
        while index < letters.count, ASCII.isVowel(letters[index]) { index += 1 }
        return min(index + 1, letters.count)
    }

    // MARK: Tests on the letters

    func ends(with suffix: [UInt8]) -> Bool {
        guard suffix.count <= letters.count else { return false }
        var index = letters.count
        for c in suffix.reversed() {
            index -= 1
            if letters[index] != c { return false }
        }
        return true
    }

    /// The first rule whose suffix ends the word: rules are listed longest suffix first, so this
    /// is the longest match, as the algorithm asks (a failing condition does not fall back to a shorter one).
    func longestRule(in rules: [SuffixRule]) -> (rule: SuffixRule, start: Int)? {
        guard let rule = rules.first(where: { ends(with: $0.suffix) }) else { return nil }
        return (rule, letters.count - rule.suffix.count)
    }

    /// Whether the letters before `end` end in a short syllable: non-vowel, vowel, non-vowel other
    /// than w, x or Y; or vowel, non-vowel at the start of the word.
    func endsInShortSyllable(_ end: Int) -> Bool {
        guard end >= 2, ASCII.isVowel(letters[end - 2]), !ASCII.isVowel(letters[end - 1]) else { return false }
        if end == 2 { return true }
        let last = letters[end - 1]
        return last != ASCII.w && last != ASCII.x && last != ASCII.consonantY && !ASCII.isVowel(letters[end - 3])
    }

    func hasVowel(before end: Int) -> Bool { letters[..<end].contains(where: ASCII.isVowel) }

    mutating func replace(from start: Int, with replacement: [UInt8]) {
        letters.removeSubrange(start...)
        letters.append(contentsOf: replacement)
    }

    /// The stem: consonant y marks turned back into y.
    func finished() -> [UInt8] {
        letters.map { $0 == ASCII.consonantY ? ASCII.y : $0 }
    }
}

/// A suffix and what a step replaces it with.
private struct SuffixRule: Sendable {
    var suffix: [UInt8]
    var replacement: [UInt8]
    /// A further test on the letter before the suffix (step 2's `ogi` and `li`, step 4's `ion`).
    var precededBy: (@Sendable (UInt8) -> Bool)?
    /// Whether the suffix must lie in R2 rather than R1 (step 3's `ative`).
    var needsR2 = false

    init(_ suffix: String, _ replacement: String = "", precededBy: (@Sendable (UInt8) -> Bool)? = nil, needsR2: Bool = false) {
        self.suffix = Array(suffix.utf8)
        self.replacement = Array(replacement.utf8)
        self.precededBy = precededBy
        self.needsR2 = needsR2
    }

    func allows(_ word: Porter2Word, at start: Int) -> Bool {
        guard let precededBy else { return true }
        return start > 0 && precededBy(word.letters[start - 1])
    }

    /// Sorts rules longest suffix first, for `longestRule(in:)`.
    static func table(_ rules: [SuffixRule]) -> [SuffixRule] {
        rules.sorted { $0.suffix.count > $1.suffix.count }
    }
}

// MARK: The steps

private extension Porter2Word {
    /// Step 0 and 1a: apostrophe endings, then plurals (`ponies` → `poni`, `gaps` → `gap`, `gas` stays).
    mutating func step1a() {
        if letters.last == ASCII.apostrophe {
            letters.removeLast()
            if ends(with: Self.apostropheS) { letters.removeLast(2) }
        } else if ends(with: Self.apostropheS) {
            letters.removeLast(2)
        }
        if ends(with: Self.sses) {
            letters.removeLast(2)
        } else if ends(with: Self.ied) || ends(with: Self.ies) {
            replace(from: letters.count - 3, with: letters.count > 4 ? [ASCII.i] : [ASCII.i, ASCII.e])
        } else if ends(with: Self.us) || ends(with: Self.ss) {
            return
        } else if letters.last == ASCII.s, letters.count >= 2, hasVowel(before: letters.count - 2) {
            letters.removeLast()
        }
    }

    /// Words that step 1a leaves in a form the later steps would spoil (`inning`, `proceed`): "exception 2".
    var isInvariantAfterStep1a: Bool {
        (6...7).contains(letters.count) && Self.invariantAfterStep1a.contains(letters)
    }

    /// Step 1b: `-eed(ly)` in R1 becomes `ee`; `-ed`, `-ing` and their `-ly` forms go after a vowel,
    /// then the stem is tidied (`hopp` → `hop`, `luxuriat` → `luxuriate`, `hop` → `hope`).
    mutating func step1b() {
        if let eed = ends(with: Self.eedly) ? Self.eedly : ends(with: Self.eed) ? Self.eed : nil {
            let start = letters.count - eed.count
            if start >= r1 { replace(from: start, with: Self.ee) }
            return
        }
        guard let ending = Self.ingEdEndings.first(where: ends(with:)),
              hasVowel(before: letters.count - ending.count) else { return }
        letters.removeLast(ending.count)
        if ends(with: Self.at) || ends(with: Self.bl) || ends(with: Self.iz) {
            letters.append(ASCII.e)
        } else if endsInUndoubledPair {
            letters.removeLast()
        } else if letters.count == r1, endsInShortSyllable(letters.count) {
            letters.append(ASCII.e)
        }
    }

    private var endsInUndoubledPair: Bool {
        let n = letters.count
        return n >= 2 && letters[n - 1] == letters[n - 2] && ASCII.isUndoubled(letters[n - 1])
    }

    /// Step 1c: a final y after a consonant that is not the first letter becomes i (`cry` → `cri`, `by` stays).
    mutating func step1c() {
        let n = letters.count
        guard n >= 3, letters[n - 1] == ASCII.y || letters[n - 1] == ASCII.consonantY,
              !ASCII.isVowel(letters[n - 2]) else { return }
        letters[n - 1] = ASCII.i
    }

    /// Step 2: derivational suffixes in R1 (`-ization` → `-ize`, `-fulness` → `-ful`).
    mutating func step2() { applyRule(from: Self.step2Rules, region: r1) }

    /// Step 3: more suffixes in R1 (`-icate` → `-ic`, `-ness` goes; `-ative` only in R2).
    mutating func step3() { applyRule(from: Self.step3Rules, region: r1) }

    /// Step 4: suffixes removed when they lie in R2 (`-ment`, `-ism`, `-ion` after s or t).
    mutating func step4() { applyRule(from: Self.step4Rules, region: r2) }

    /// Step 5: a final e in R2, or in R1 after no short syllable, goes; so does the second l of a final `ll` in R2.
    mutating func step5() {
        let last = letters.count - 1
        if letters.last == ASCII.e {
            if last >= r2 || (last >= r1 && !endsInShortSyllable(last)) { letters.removeLast() }
        } else if letters.last == ASCII.l, last >= r2, last > 0, letters[last - 1] == ASCII.l {
            letters.removeLast()
        }
    }

    private mutating func applyRule(from rules: [SuffixRule], region: Int) {
        guard let (rule, start) = longestRule(in: rules), start >= region,
              !rule.needsR2 || start >= r2, rule.allows(self, at: start) else { return }
        replace(from: start, with: rule.replacement)
    }
}

// MARK: Tables

private extension Porter2Word {
    static let apostropheS = bytes("'s"), ee = bytes("ee")
    /// Longest first: `-ingly` before `-ing`.
    static let ingEdEndings = [bytes("ingly"), bytes("edly"), bytes("ing"), bytes("ed")]
    static let sses = bytes("sses"), ied = bytes("ied"), ies = bytes("ies"), us = bytes("us"), ss = bytes("ss")
    static let eed = bytes("eed"), eedly = bytes("eedly"), at = bytes("at"), bl = bytes("bl"), iz = bytes("iz")

    static let invariantAfterStep1a: Set<[UInt8]> = Set(
        ["inning", "outing", "canning", "herring", "earring", "proceed", "exceed", "succeed"].map(bytes)
    )

    static let step2Rules = SuffixRule.table([
        .init("tional", "tion"), .init("enci", "ence"), .init("anci", "ance"), .init("abli", "able"),
        .init("entli", "ent"), .init("izer", "ize"), .init("ization", "ize"),
        .init("ational", "ate"), .init("ation", "ate"), .init("ator", "ate"),
        .init("alism", "al"), .init("aliti", "al"), .init("alli", "al"), .init("fulness", "ful"),
        .init("ousli", "ous"), .init("ousness", "ous"), .init("iveness", "ive"), .init("iviti", "ive"),
        .init("biliti", "ble"), .init("bli", "ble"), .init("ogi", "og", precededBy: { $0 == ASCII.l }),
        .init("fulli", "ful"), .init("lessli", "less"), .init("li", precededBy: ASCII.isValidLIEnding),
    ])

    static let step3Rules = SuffixRule.table([
        .init("tional", "tion"), .init("ational", "ate"), .init("alize", "al"),
        .init("icate", "ic"), .init("iciti", "ic"), .init("ical", "ic"),
        .init("ful"), .init("ness"), .init("ative", needsR2: true),
    ])

    static let step4Rules = SuffixRule.table(
        ["al", "ance", "ence", "er", "ic", "able", "ible", "ant", "ement", "ment", "ent", "ism", "ate",
         "iti", "ous", "ive", "ize"].map { SuffixRule($0) }
            + [SuffixRule("ion", precededBy: { $0 == ASCII.s || $0 == ASCII.t })]
    )

    static func bytes(_ text: String) -> [UInt8] { Array(text.utf8) }
}
