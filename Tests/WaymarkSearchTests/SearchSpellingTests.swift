import Foundation
import Testing
import WaymarkSearch

private func edits(_ a: String, _ b: String, limit: Int = 3) -> Int? {
    SearchSpelling.distance(Array(a.unicodeScalars), Array(b.unicodeScalars), limit: limit)
}

@Suite struct SearchSpellingTests {
    @Test func editDistanceCountsEachKindOfMistakeOnce() {
        #expect(edits("helpline", "helpline") == 0)
        #expect(edits("helpine", "helpline") == 1)       // a letter missing
        #expect(edits("helpliine", "helpline") == 1)     // one too many
        #expect(edits("helpkine", "helpline") == 1)      // one changed
        #expect(edits("hlepline", "helpline") == 1)      // two swapped: one edit, not two
        #expect(edits("traffiking", "trafficking") == 1)
        #expect(edits("niewolnitwo", "niewolnictwo") == 1)
        #expect(edits("ca", "abc") == 3)                 // optimal string alignment, not full Damerau
        #expect(edits("kitten", "sitting") == 3)
        #expect(edits("", "abc") == 3)
        // Letters, not bytes: "ș" and "ş" are one letter each.
        #expect(edits("exploatare", "exploatare") == 0)
        #expect(edits("ședință", "şedinţă") == 2)
    }

    @Test func editDistanceStopsAtTheLimit() {
        #expect(edits("helpline", "helpless", limit: 2) == nil)
        #expect(edits("abc", "abcdef", limit: 2) == nil)
        #expect(edits("kitten", "sitting", limit: 2) == nil)
        #expect(edits("kitten", "sitting", limit: 3) == 3)
    }

    @Test func longerWordsMayHaveTwoMistakesShortOnesOne() {
        #expect(SearchSpelling.maxEdits(length: 2) == 0)
        #expect(SearchSpelling.maxEdits(length: 3) == 1)
        #expect(SearchSpelling.maxEdits(length: 7) == 1)
        #expect(SearchSpelling.maxEdits(length: 8) == 2)
        #expect(SearchSpelling.isCorrectable("hul"))
        #expect(!SearchSpelling.isCorrectable("hu"))
        #expect(!SearchSpelling.isCorrectable("0800"), "phone numbers are never corrected")
        #expect(!SearchSpelling.isCorrectable("ms1"))
        #expect(!SearchSpelling.isCorrectable("現代奴"))
    }

    @Test func frequencyClassIsTheLogarithm() {
        #expect([0, 1, 2, 3, 4, 7, 8, 1000, 1 << 40].map(SearchSpelling.frequencyClass) == [0, 0, 1, 1, 2, 2, 3, 9, 35])
    }

    @Test func aCorrectionKeepsTheFirstLetterOrSwapsItWithTheSecond() {
        #expect(SearchSpelling.candidateStarts("helpine") == ["h", "eh", "el"])
        #expect(SearchSpelling.candidateStarts("ab") == ["a"])
        let vocabulary = [(term: "helpline", frequencyClass: 3), (term: "helping", frequencyClass: 0), (term: "the", frequencyClass: 5)]
        #expect(SearchSpelling.correction(of: "helpine", among: vocabulary) == "helpline", "the commoner of two at one edit")
        #expect(SearchSpelling.correction(of: "ehlpline", among: vocabulary) == "helpline", "first two letters swapped")
        #expect(SearchSpelling.correction(of: "xhelpline", among: vocabulary) == "helpline", "an extra letter typed first")
        #expect(SearchSpelling.correction(of: "gelpline", among: vocabulary) == nil, "a wrong first letter is not guessed")
        #expect(SearchSpelling.correction(of: "teh", among: vocabulary) == "the")
        #expect(SearchSpelling.correction(of: "helpline", among: [(term: "helpline", frequencyClass: 3)]) == nil, "a word is not its own correction")
        #expect(SearchSpelling.correction(of: "hxlpxne", among: vocabulary) == nil, "seven letters: one edit only")
        // Equally close and common: the first in order, so a build and every browser agree.
        #expect(SearchSpelling.correction(of: "cat", among: [(term: "cot", frequencyClass: 1), (term: "cab", frequencyClass: 1)]) == "cab")
    }
}

/// A site where "helpline" is common and "helping" rare, with Polish and an abbreviation.
private let documents = [
    SearchDocument(url: "/report/", title: "Report a concern", sections: [.init(anchor: nil, heading: "", text: "Call the helpline. The helpline is free.")]),
    SearchDocument(url: "/", title: "Home", sections: [.init(anchor: nil, heading: "", text: "The helpline is open all day.")]),
    SearchDocument(url: "/volunteer/", title: "Volunteer", sections: [.init(anchor: nil, heading: "", text: "Helping people.")]),
    SearchDocument(url: "/pathways/", title: "Referral pathways", sections: [.init(anchor: nil, heading: "", text: "Make a National Referral Mechanism referral.")]),
    SearchDocument(url: "/adults/", title: "Adults", sections: [.init(anchor: nil, heading: "", text: "The NRM for adults.")]),
    SearchDocument(url: "/national/", title: "National", sections: [.init(anchor: nil, heading: "", text: "A national strategy.")]),
    SearchDocument(url: "/pl/", title: "Współczesne niewolnictwo", sections: [.init(anchor: nil, heading: "", text: "Niewolnictwo to przestępstwo.")]),
    SearchDocument(url: "/lines/", title: "Lines", sections: []),
]

@Suite struct SearchCorrectionTests {
    let index = SearchIndex(documents: documents)

    private func urls(_ query: String, exact: Bool = false, synonyms: [[String]] = []) -> [String] {
        index.search(query, synonyms: synonyms, exact: exact).map { documents[$0.document].url }
    }

    @Test func aWordThatMatchesNothingIsCorrected() {
        #expect(urls("helpine").first == "/report/")
        #expect(index.corrections("helpine") == ["helpine": "helpline"])
        #expect(urls("niewolnitwo") == ["/pl/"])
        #expect(index.corrections("niewolnitwo") == ["niewolnitwo": "niewolnictwo"])
        // As typed, only the rare word sharing its start matches.
        #expect(urls("helpine", exact: true) == ["/volunteer/"])
        #expect(urls("nonsenseword").isEmpty)
    }

    @Test func aWordBeingTypedOrWithItsOwnFormsIsLeftAlone() {
        #expect(index.corrections("helpl").isEmpty, "a start of 'helpline'")
        #expect(index.corrections("helpline").isEmpty)
        #expect(index.corrections("lines").isEmpty)
        #expect(index.corrections("line").isEmpty, "the last word, a start of 'lines'")
    }

    @Test func theCorrectedWordRanksBelowWordsTypedRight() {
        // No page has both; the page with the word typed right comes first.
        #expect(urls("lines helpine").prefix(1) == ["/lines/"])
    }

    @Test func synonymsFindEachOtherBothWays() {
        let synonyms = [["NRM", "National Referral Mechanism"]]
        #expect(Set(urls("nrm", synonyms: synonyms)) == ["/adults/", "/pathways/"])
        #expect(Set(urls("national referral mechanism", synonyms: synonyms)) == ["/adults/", "/pathways/"])
        #expect(urls("nrm") == ["/adults/"], "without the synonym")
        // The phrase needs all its words: "national" alone is not the National Referral Mechanism.
        #expect(!urls("nrm", synonyms: synonyms).contains("/national/"))
        #expect(index.corrections("nrm", synonyms: [["NRM", "National Referral Mechanism"]]).isEmpty)
    }

    @Test func synonymSpansTakeTheLongestMemberAtEachPlace() {
        let groups = [[["nrm"], ["national", "referral", "mechanism"]], [["national"], ["countrywide"]]]
        let spans = SearchSynonyms.spans(["national", "referral", "mechanism", "national", "x"], groups: groups)
        #expect(spans == [.init(range: 0..<3, group: 0, member: 1), .init(range: 3..<4, group: 1, member: 0)])
        #expect(SearchSynonyms.folded([["NRM", "National Referral Mechanism", "nrm"], ["Łańcuch", "łańcuch"]]) == [["nrm", "national referral mechanism"]])
    }
}
