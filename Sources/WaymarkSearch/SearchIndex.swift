import Foundation
import WaymarkCore

/// An in-memory inverted index of one language's documents, scored BM25-style with title and
/// heading weight. ``SearchIndexFiles`` writes it out in shards; the same scoring runs here for
/// tests of result quality and in the browser.
public struct SearchIndex: Sendable {
    /// One document's weight for one term in one section.
    public struct Posting: Sendable, Hashable {
        public var document: Int
        public var section: Int
        /// The BM25 term-frequency part, length-normalised, times 100 and rounded: the query only
        /// multiplies it by the term's IDF, so no document lengths need downloading.
        public var weight: Int
    }

    public static let titleWeight = 3.0, headingWeight = 2.0, bodyWeight = 1.0
    static let k1 = 1.2, b = 0.75

    public let documents: [SearchDocument]
    /// Folded term → postings, sorted by document then section.
    public let postings: [String: [Posting]]
    /// `=exact` form (only where it differs from the folded one) → postings, for ranking exact forms higher.
    public let exactPostings: [String: [Posting]]

    public init(documents: [SearchDocument]) {
        self.documents = documents
        var frequencies: [String: [Int: [Int: Double]]] = [:]  // term → doc → section → weighted tf
        var exactFrequencies: [String: [Int: [Int: Double]]] = [:]
        var lengths = [Double](repeating: 0, count: documents.count)
        for (doc, document) in documents.enumerated() {
            func add(_ text: String, section: Int, weight: Double) {
                for token in SearchTokenizer.tokens(text) {
                    frequencies[token.folded, default: [:]][doc, default: [:]][section, default: 0] += weight
                    if token.exact != token.folded {
                        exactFrequencies[token.exact, default: [:]][doc, default: [:]][section, default: 0] += weight
                    }
                    lengths[doc] += weight
                }
            }
            add(document.title, section: 0, weight: SearchIndex.titleWeight)
            for (index, section) in document.sections.enumerated() {
                add(section.heading, section: index, weight: SearchIndex.headingWeight)
                add(section.text, section: index, weight: SearchIndex.bodyWeight)
            }
        }
        let average = max(1, lengths.reduce(0, +) / Double(max(1, documents.count)))
        func postingsOf(_ table: [String: [Int: [Int: Double]]]) -> [String: [Posting]] {
            table.mapValues { byDocument in
                byDocument.keys.sorted().flatMap { doc -> [Posting] in
                    let norm = SearchIndex.k1 * (1 - SearchIndex.b + SearchIndex.b * lengths[doc] / average)
                    return byDocument[doc]!.keys.sorted().map { section in
                        let tf = byDocument[doc]![section]!
                        return Posting(document: doc, section: section, weight: Int((tf * (SearchIndex.k1 + 1) / (tf + norm) * 100).rounded()))
                    }
                }
            }
        }
        postings = postingsOf(frequencies)
        exactPostings = postingsOf(exactFrequencies)
    }

    /// BM25's inverse document frequency (the "plus one" form, never negative).
    static func idf(documentFrequency: Int, documents: Int) -> Double {
        let n = Double(documents), df = Double(documentFrequency)
        return Foundation.log(1 + (n - df + 0.5) / (df + 0.5))
    }

    /// A ranked result: the document and the section that matched best.
    public struct Result: Sendable, Equatable {
        public var document: Int
        public var section: Int
        public var score: Double
    }

    /// Documents matching every word of `query` (the last word also as a prefix), best first.
    public func search(_ query: String, limit: Int = 10) -> [Result] {
        let tokens = SearchTokenizer.tokens(query)
        guard !tokens.isEmpty else { return [] }
        var documentScores: [Int: Double] = [:]
        var sectionScores: [Int: [Int: Double]] = [:]
        var matchedEveryTerm: Set<Int>?
        for (index, token) in tokens.enumerated() {
            let isLast = index == tokens.count - 1
            let terms = isLast && token.folded.count >= 2
                ? postings.keys.filter { $0.hasPrefix(token.folded) } : (postings[token.folded] != nil ? [token.folded] : [])
            var matched: Set<Int> = []
            for term in terms {
                let list = postings[term]!
                let idf = SearchIndex.idf(documentFrequency: Set(list.map(\.document)).count, documents: documents.count)
                // A whole-word match counts more than a word that only starts with the query.
                let completion = term == token.folded ? 1.0 : 0.5
                for posting in list {
                    let score = idf * Double(posting.weight) / 100 * completion
                    documentScores[posting.document, default: 0] += score
                    sectionScores[posting.document, default: [:]][posting.section, default: 0] += score
                    matched.insert(posting.document)
                }
            }
            if token.exact != token.folded, let exact = exactPostings[token.exact] {
                for posting in exact { documentScores[posting.document, default: 0] += 0.1 * Double(posting.weight) / 100 }
            }
            matchedEveryTerm = matchedEveryTerm.map { $0.intersection(matched) } ?? matched
        }
        return (matchedEveryTerm ?? []).map { doc in
            let best = sectionScores[doc]!.max { ($0.value, -$0.key) < ($1.value, -$1.key) }!.key
            return Result(document: doc, section: best, score: documentScores[doc]!)
        }
        .sorted { ($0.score, -$0.document) > ($1.score, -$1.document) }
        .prefix(limit).map { $0 }
    }
}
