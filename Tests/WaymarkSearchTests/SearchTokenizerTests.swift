import Foundation
import Testing
import WaymarkSearch

private func folded(_ text: String) -> [String] { SearchTokenizer.tokens(text).map(\.folded) }
private func exact(_ text: String) -> [String] { SearchTokenizer.tokens(text).map(\.exact) }

@Suite struct SearchTokenizerTests {
    @Test func englishWordsNumbersAndApostrophes() {
        #expect(folded("County lines & cuckooing: call 08000 121 700.") == ["county", "lines", "cuckooing", "call", "08000", "121", "700"])
        #expect(exact("Don't confront them") == ["don't", "confront", "them"])
        #expect(folded("Don’t confront") == ["dont", "confront"])
        #expect(folded("Step-by-step") == ["step", "by", "step"])
    }

    /// ASCII words are cased eight bytes at a time: every length either side of eight, every
    /// letter and digit, apostrophes in each of those lanes.
    @Test func asciiWordsOfEveryLengthAndLane() {
        let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789")
        for length in 1...26 {
            for shift in 0..<alphabet.count {
                let word = String((0..<length).map { alphabet[($0 * 7 + shift) % alphabet.count] })
                #expect(exact(word) == [word.lowercased()])
                guard length >= 3 else { continue }
                var letters = Array(word)
                letters[1 + shift % (length - 2)] = "'"
                let withApostrophe = String(letters)
                #expect(exact(withApostrophe) == [withApostrophe.lowercased()])
                #expect(folded(withApostrophe) == [withApostrophe.lowercased().replacingOccurrences(of: "'", with: "")])
            }
        }
    }

    @Test(arguments: [
        ("Praca przymusowa, łańcuch i źródło", ["praca", "przymusowa", "lancuch", "i", "zrodlo"], ["praca", "przymusowa", "łańcuch", "i", "źródło"]),
        ("Exploatare în muncă, țară, şef", ["exploatare", "in", "munca", "tara", "sef"], ["exploatare", "în", "muncă", "țară", "şef"]),
        ("Išnaudojimas darbe, ženklai", ["isnaudojimas", "darbe", "zenklai"], ["išnaudojimas", "darbe", "ženklai"]),
        ("Dấu hiệu nhận biết", ["dau", "hieu", "nhan", "biet"], ["dấu", "hiệu", "nhận", "biết"]),
        ("Shfrytëzimi në punë, çështje", ["shfrytezimi", "ne", "pune", "ceshtje"], ["shfrytëzimi", "në", "punë", "çështje"]),
    ])
    func diacriticsFoldButExactFormsStay(text: String, folded expected: [String], exact expectedExact: [String]) {
        #expect(folded(text) == expected)
        #expect(exact(text) == expectedExact)
    }

    @Test func vietnameseWrittenDecomposedFoldsTheSame() {
        // The same word typed with combining marks (NFD) instead of precomposed letters.
        #expect(folded("Vie\u{0302}\u{0323}t") == folded("Việt"))
        #expect(folded("Việt") == ["viet"])
    }

    @Test func arabicVowelMarksTatweelAndLetterFormsFold() {
        #expect(folded("العَلامَاتُ") == folded("العلامات"))
        #expect(folded("إنسان أمان") == ["انسان", "امان"])
        #expect(folded("عـــمل") == ["عمل"])
        #expect(folded("مساعدة") == ["مساعده"])
    }

    @Test func scriptsWithoutSpacesBecomeOverlappingPairs() {
        #expect(folded("现代奴隶") == ["现代", "代奴", "奴隶"])
        #expect(folded("奴 slavery") == ["奴", "slavery"])
        #expect(SearchTokenizer.tokens("现代奴隶 help").map(\.position) == [0, 1, 2, 3])
    }

    @Test func upperAndLowerCaseMatch() {
        #expect(folded("ŁAŃCUCH") == folded("łańcuch"))
        #expect(exact("ŁAŃCUCH") == ["łańcuch"])
    }

    @Test func otherFormsShareTheStartOfAWord() {
        #expect(SearchTokenizer.matchPrefix("praca", isLast: false) == "prac")
        #expect(SearchTokenizer.matchPrefix("przymusowa", isLast: false) == "przymuso")
        #expect(SearchTokenizer.matchPrefix("exploited", isLast: false) == "exploit")
        #expect(SearchTokenizer.matchPrefix("county", isLast: false) == "count")  // not "coun", which "council" starts with
        #expect(SearchTokenizer.matchPrefix("nrm", isLast: false) == nil)
        #expect(SearchTokenizer.matchPrefix("nrm", isLast: true) == "nrm")
        #expect(SearchTokenizer.matchPrefix("s", isLast: true) == nil)
    }

    @Test func arabicArticleComesOffForMatching() {
        #expect(SearchTokenizer.withoutArticle("العبوديه") == "عبوديه")
        #expect(SearchTokenizer.withoutArticle("والعمل") == "عمل")
        #expect(SearchTokenizer.withoutArticle("الى") == nil)  // too short to be an article and a word
        #expect(SearchTokenizer.withoutArticle("labour") == nil)
    }
}
