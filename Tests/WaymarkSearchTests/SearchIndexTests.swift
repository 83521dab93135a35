import Testing
import WaymarkSearch

/// A small site in three languages with queries whose right answers are known.
private let documents = [
    SearchDocument(url: "/spot-the-signs/", title: "Spot the signs of modern slavery", sections: [
        .init(anchor: nil, heading: "", text: "Victims may not see themselves as victims."),
        .init(anchor: "physical-appearance", heading: "Physical appearance", text: "Injuries, tiredness, the same clothes every day."),
        .init(anchor: "criminal-exploitation", heading: "Criminal exploitation", text: "County lines, cuckooing and forced begging."),
    ]),
    SearchDocument(url: "/news/county-lines-training/", title: "Training on county lines", sections: [
        .init(anchor: nil, heading: "", text: "Frontline staff learned how county lines gangs exploit children."),
    ]),
    SearchDocument(url: "/report/", title: "Report a concern", sections: [
        .init(anchor: nil, heading: "", text: "Call the Modern Slavery Helpline. You do not need to be sure about the signs."),
    ]),
    SearchDocument(url: "/pl/spot-the-signs/", title: "Rozpoznaj sygnały", sections: [
        .init(anchor: "praca-przymusowa", heading: "Praca przymusowa", text: "Łańcuch zależności: długi, groźby, brak dokumentów."),
    ]),
    SearchDocument(url: "/pl/report/", title: "Zgłoś problem", sections: [
        .init(anchor: nil, heading: "", text: "Zadzwoń na infolinię. Praca bez umowy może być sygnałem."),
    ]),
    SearchDocument(url: "/ar/spot-the-signs/", title: "تعرّف على العلامات", sections: [
        .init(anchor: nil, heading: "", text: "قد يصعب التعرّف على ضحايا العبودية الحديثة."),
    ]),
]

@Suite struct SearchIndexTests {
    let index = SearchIndex(documents: documents)

    private func urls(_ query: String) -> [String] { index.search(query).map { documents[$0.document].url } }

    @Test(arguments: [
        ("signs", "/spot-the-signs/"),
        ("county lines", "/news/county-lines-training/"),
        ("cuck", "/spot-the-signs/"),
        ("helpline", "/report/"),
        ("praca przymusowa", "/pl/spot-the-signs/"),
        ("praca przymusowa", "/pl/spot-the-signs/"),
        ("lancuch", "/pl/spot-the-signs/"),
        ("ZGŁOŚ", "/pl/report/"),
        ("العلامات", "/ar/spot-the-signs/"),
    ])
    func relevantPageComesFirst(query: String, expected: String) {
        #expect(urls(query).first == expected, "\(query) → \(urls(query))")
    }

    @Test func everyWordMustMatchWhenAnyPageHasThemAll() {
        #expect(urls("county begging") == ["/spot-the-signs/"])
        #expect(urls("nonsenseword").isEmpty)
        #expect(urls("").isEmpty)
        // No page has both, so pages with the most of the words come back rather than nothing.
        #expect(urls("signs nonsenseword") == ["/spot-the-signs/", "/report/"])
    }

    @Test func resultsPointAtTheBestSection() throws {
        let result = try #require(index.search("cuckooing").first)
        #expect(documents[result.document].sections[result.section].anchor == "criminal-exploitation")
        let appearance = try #require(index.search("injuries").first)
        #expect(documents[appearance.document].sections[appearance.section].anchor == "physical-appearance")
    }

    @Test func titleAndHeadingWordsWeighMore() {
        // "signs" is in the title of one page and only in the body of another.
        #expect(urls("signs") == ["/spot-the-signs/", "/report/"])
    }

    @Test func exactFormsRankAboveFoldedOnes() {
        let pair = SearchIndex(documents: [
            SearchDocument(url: "/a/", title: "Lancuch", sections: []),
            SearchDocument(url: "/b/", title: "Łańcuch", sections: []),
        ])
        #expect(pair.search("łańcuch").map(\.document) == [1, 0])
        #expect(pair.search("lancuch").count == 2)
    }

    @Test func inflectedFormsMatchBelowTheWordItself() {
        let pages = SearchIndex(documents: [
            SearchDocument(url: "/a/", title: "Wyzysk w pracy", sections: []),
            SearchDocument(url: "/b/", title: "Praca przymusowa", sections: []),
            SearchDocument(url: "/c/", title: "Przemoc", sections: []),
        ])
        #expect(pages.search("praca").map(\.document) == [1, 0])
        #expect(pages.search("pracy").map(\.document) == [0, 1])
    }

    @Test func arabicWordsMatchWithAndWithoutTheArticle() {
        #expect(urls("علامات") == ["/ar/spot-the-signs/"])
        #expect(urls("العلامات") == ["/ar/spot-the-signs/"])
    }

    @Test func aTitleWithTheWordComesBeforeFrequentUseInText() {
        let pages = SearchIndex(documents: [
            SearchDocument(url: "/a/", title: "Training day", sections: [
                .init(anchor: nil, heading: "", text: Array(repeating: "People are exploited here.", count: 8).joined(separator: " ")),
            ]),
            SearchDocument(url: "/b/", title: "Exploited to give evidence", sections: [.init(anchor: nil, heading: "", text: "Support in court.")]),
        ])
        #expect(pages.search("exploited").map(\.document) == [1, 0])
    }

    @Test func aRareFormDoesNotOutrankTheWordTyped() {
        // Nine pages use "exploited"; one only "exploitative", a rare word with a high IDF of its own.
        var documents = (0..<9).map { SearchDocument(url: "/\($0)/", title: "Page \($0)", sections: [.init(anchor: nil, heading: "", text: "They were exploited.")]) }
        documents.append(SearchDocument(url: "/rare/", title: "Page rare", sections: [.init(anchor: nil, heading: "", text: "An exploitative job.")]))
        let results = SearchIndex(documents: documents).search("exploited")
        #expect(results.count == 10)
        #expect(results.last?.document == 9)
    }
}
