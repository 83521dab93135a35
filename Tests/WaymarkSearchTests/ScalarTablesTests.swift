import Testing
@testable import WaymarkSearch

/// The tokenizer cases and folds non-ASCII words scalar by scalar from tables; it must give
/// exactly what lowercasing and folding the whole word gives.
@Suite struct ScalarTablesTests {
    private func expectWhole(_ word: String) {
        let tokens = SearchTokenizer.tokens(word)
        #expect(tokens.count == 1, "\(word.debugDescription) is one word")
        guard let token = tokens.first else { return }
        let lower = word.lowercased()
        #expect(token.exact == lower, "\(word.debugDescription)")
        #expect(token.folded == SearchTokenizer.foldLowercased(lower), "\(word.debugDescription)")
    }

    @Test func everyScalarOfTheTablesCasesAndFoldsAsWholeWordsDo() {
        var checked = 0
        for value in UInt32(0x80)..<SearchTokenizer.foldTableEnd {
            guard let scalar = Unicode.Scalar(value), !SearchTokenizer.isUnspacedScript(scalar) else { continue }
            #expect(SearchTokenizer.isWordPart(scalar) == SearchTokenizer.hasWordPartProperties(scalar))
            // Between letters, so marks have a letter to sit on and the word does not end there.
            guard SearchTokenizer.hasWordPartProperties(scalar) else { continue }
            expectWhole("Ab" + String(scalar) + "Cd" + String(scalar))
            checked += 1
        }
        #expect(checked > 5_000)
    }

    @Test func wordsOfTheSiteLanguagesAndSomeHardCases() {
        for word in ["Łańcuch", "ȘTIINȚĂ", "Việt", "NGƯỜI", "Lietuvių", "Shqipëri", "العبودية", "ΟΔΟΣ", "ΣΊΣΥΦΟΣ", "İstanbul",
                     "STRAßE", "Ǆungla", "ᏣᎳᎩ", "Ꭰa", "don’t", "O’NEILL", "e\u{301}te\u{301}"] {
            expectWhole(word)
        }
    }
}
