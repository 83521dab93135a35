import Foundation
import WaymarkCore

/// One document's words, counted with title and heading weight, and its fragment file (what a
/// result shows). Analysing is the costly part of indexing and needs nothing from other documents,
/// so the build does it on the threads that render pages, writes the fragment there, and keeps
/// only the counts: building the ``SearchIndex`` is then merging.
public struct AnalysedDocument: Sendable {
    /// The fragment's JSON, until it has been written (see ``withoutFragmentText()``).
    public private(set) var fragmentJSON: String?
    /// The fragment's content hash, part of its file name.
    public let fragmentHash: String
    /// Folded terms, their weighted frequencies in headings and text, and whether the title has them, in step.
    let terms: TermList
    let frequencies: [Float]
    let inTitle: [Bool]
    /// The forms terms were written in that differ from them (`łańcuch` for `lancuch`), each with
    /// the number of its term in `terms` and its frequency.
    let forms: TermList
    let formTerms: [Int32]
    let formFrequencies: [Float]
    /// Sum of weighted frequencies: the document's length for BM25.
    let length: Float
    let weight: Float

    public init(_ document: SearchDocument) {
        var counter = TermCounter()
        counter.weight = SearchIndex.titleWeight
        counter.inTitle = true
        SearchTokenizer.scan(document.title, into: &counter)
        counter.inTitle = false
        for section in document.sections {
            counter.weight = SearchIndex.headingWeight
            SearchTokenizer.scan(section.heading, into: &counter)
            counter.weight = SearchIndex.bodyWeight
            SearchTokenizer.scan(section.text, into: &counter)
        }
        let json = SearchIndexFiles.fragmentJSON(document)
        fragmentJSON = json
        fragmentHash = SearchIndexFiles.hashed(json)
        terms = counter.terms.list
        frequencies = counter.counts
        inTitle = counter.titleFlags
        forms = counter.forms.list
        formTerms = counter.formTerms
        formFrequencies = counter.formCounts
        length = counter.length
        weight = document.weight
    }

    /// The same analysis without the fragment's text, once the caller has written the file: a
    /// large site's text need not stay in memory until the index is built.
    public func withoutFragmentText() -> AnalysedDocument {
        var copy = self
        copy.fragmentJSON = nil
        return copy
    }
}

/// Counts a document's words as the tokenizer reads them, by their bytes. Title words are
/// marked and counted with nothing (their weight is the title flag); heading and body words
/// count their weight.
private struct TermCounter: TokenSink {
    var terms = TermTable(capacity: 256)
    var counts: [Float] = []
    var titleFlags: [Bool] = []
    var forms = TermTable()
    var formTerms: [Int32] = []
    var formCounts: [Float] = []
    var length: Float = 0
    var weight: Float = 0
    var inTitle = false

    mutating func word(exact: UnsafeBufferPointer<UInt8>, folded: UnsafeBufferPointer<UInt8>) {
        let term = count(folded)
        if let article = SearchTokenizer.articleLength(folded) { _ = count(UnsafeBufferPointer(rebasing: folded[article...])) }
        if !inTitle { length += weight }
        if !SearchTokenizer.sameBytes(exact, folded) {
            let (form, isNew) = forms.number(of: exact)
            if isNew {
                formTerms.append(Int32(term))
                formCounts.append(0)
            }
            formCounts[form] += weight
        }
    }

    private mutating func count(_ folded: UnsafeBufferPointer<UInt8>) -> Int {
        let (term, isNew) = terms.number(of: folded)
        if isNew {
            counts.append(0)
            titleFlags.append(false)
        }
        if inTitle { titleFlags[term] = true } else { counts[term] += weight }
        return term
    }
}

/// An inverted index of one language's documents, scored BM25-style with title and heading
/// weight. ``SearchIndexFiles`` writes it out in shards; the browser script scores the same way,
/// and ``search(_:limit:)`` is the reference it is tested against.
public struct SearchIndex: Sendable {
    /// One document's weight for one term.
    public struct Posting: Sendable, Hashable {
        // Stored small: a large site has millions of postings.
        private let storedDocument: UInt32
        private let storedWeight: UInt8

        public var document: Int { Int(storedDocument) }
        /// BM25's term-frequency part, length-normalised, scaled to 1…``maxWeight``: the browser
        /// only multiplies it by the term's IDF, so no document lengths need downloading.
        public var weight: Int { Int(storedWeight) }

        init(document: Int, weight: Int) {
            storedDocument = UInt32(document)
            storedWeight = UInt8(weight)
        }
    }

    public static let titleWeight: Float = 3, headingWeight: Float = 2, bodyWeight: Float = 1
    /// The largest stored weight; two decimal digits keep postings short.
    public static let maxWeight = 99
    static let k1: Float = 1.2, b: Float = 0.5

    /// The documents, when the index was made from them (the build keeps only their analysis).
    public let documents: [SearchDocument]
    /// Each document's fragment: its JSON if not yet written, and its hash.
    public let fragments: [(json: String?, hash: String)]
    /// Folded term → postings, by document.
    public let postings: [String: [Posting]]
    /// Exact form → postings, only for folded terms the site writes in more than one way
    /// (`łańcuch` and `lancuch`): elsewhere every match is exact, so the bonus would change nothing.
    public let exactPostings: [String: [Posting]]

    public init(documents: [SearchDocument]) {
        self.init(analysed: documents.map(AnalysedDocument.init), documents: documents)
    }

    public init(analysed: [AnalysedDocument], documents: [SearchDocument] = []) {
        var builder = SearchIndexBuilder()
        for item in analysed { builder.add(item) }
        self = builder.finish(documents: documents)
    }

    init(documents: [SearchDocument], fragments: [(json: String?, hash: String)], postings: [String: [Posting]],
         exactPostings: [String: [Posting]]) {
        self.documents = documents
        self.fragments = fragments
        self.postings = postings
        self.exactPostings = exactPostings
    }

    /// How much of a term's weight comes from being in the title; the rest is BM25 over headings
    /// and text. A page whose title has the word comes before pages that only use it often.
    static let titleShare: Float = 0.5

    static func quantise(_ tf: Float, norm: Float, inTitle: Bool, weight: Float) -> Int {
        let text = tf * (k1 + 1) / (tf + norm) / (k1 + 1)
        let part = weight * (titleShare * (inTitle ? 1 : 0) + (1 - titleShare) * text)
        return min(maxWeight, max(1, Int((part * Float(maxWeight)).rounded())))
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

    /// Documents matching every word of `query` (the last word also as a prefix), best first; when
    /// no document has every word, those with the most of them. A word that matches nothing is
    /// replaced by its ``SearchSpelling`` correction unless `exact`; a word or phrase of one of
    /// `synonyms`' groups also finds the group's others. With `stemsEnglish`, a word also matches
    /// the terms with its ``Porter2`` stem, as search.js does on English pages.
    public func search(_ query: String, limit: Int = 10, synonyms: [[String]] = [], exact: Bool = false,
                       stemsEnglish: Bool = false) -> [Result] {
        let plan = self.plan(query, synonyms: synonyms, exact: exact, stemsEnglish: stemsEnglish)
        var scores: [Int: Double] = [:]
        var unitsMatched: [Int: Int] = [:]
        for unit in plan.units {
            // A unit counts once per document, by its best alternative the document has every word of.
            var best: [Int: Double] = [:]
            for alternative in unit {
                var total: [Int: Double] = [:], count: [Int: Int] = [:]
                for (word, factor) in alternative {
                    for (doc, score) in wordScores(word) {
                        total[doc, default: 0] += score * factor
                        count[doc, default: 0] += 1
                    }
                    if factor == 1, word.token.exact != word.token.folded, let list = exactPostings[word.token.exact] {
                        for posting in list { scores[posting.document, default: 0] += SearchIndex.exactBonus * Double(posting.weight) / Double(SearchIndex.maxWeight) }
                    }
                }
                for (doc, score) in total where count[doc] == alternative.count { best[doc] = max(best[doc] ?? 0, score) }
            }
            for (doc, score) in best {
                scores[doc, default: 0] += score
                unitsMatched[doc, default: 0] += 1
            }
        }
        let words = plan.units.flatMap { $0.flatMap { $0.map(\.word) } }
        let most = unitsMatched.values.max() ?? 0
        return unitsMatched.filter { $0.value == most }.keys.map { doc in
            Result(document: doc, section: doc < documents.count ? bestSection(of: documents[doc], for: words) : 0, score: scores[doc] ?? 0)
        }
        .sorted { ($0.score, -$0.document) > ($1.score, -$1.document) }
        .prefix(limit).map { $0 }
    }

    /// The corrections ``search(_:limit:synonyms:exact:)`` makes to `query`: typed key → correction.
    public func corrections(_ query: String, synonyms: [[String]] = [], stemsEnglish: Bool = false) -> [String: String] {
        plan(query, synonyms: synonyms, exact: false, stemsEnglish: stemsEnglish).corrections
    }

    /// A word's score in each document it matches: its best form's IDF times weight.
    func wordScores(_ word: QueryWord) -> [Int: Double] {
        var terms = postings[word.key] != nil ? [word.key] : []
        if word.hasOtherForms { terms += postings.keys.filter { $0 != word.key && word.matches($0) }.sorted() }
        // A word counts once per document: by its best-scoring form, not the sum of its forms.
        var matched: [Int: Double] = [:]
        // Every form is as rare as the word typed (or, while typing, its commonest completion):
        // a rare form must not outrank the word itself.
        let ceiling = SearchIndex.idf(documentFrequency: postings[word.key]?.count ?? terms.map { postings[$0]!.count }.max() ?? 0,
                                      documents: fragments.count)
        for term in terms {
            let list = postings[term]!
            let own = SearchIndex.idf(documentFrequency: list.count, documents: fragments.count)
            // A whole-word match counts more than another form or a completion.
            let idf = term == word.key ? own : min(own, ceiling)
            let completion = word.factor(term)
            for posting in list {
                let score = idf * Double(posting.weight) / Double(SearchIndex.maxWeight) * completion
                matched[posting.document] = max(matched[posting.document] ?? 0, score)
            }
        }
        return matched
    }

    /// A query as it is scored: units, each a list of alternatives (the words typed, or a synonym
    /// of them), each a list of words with the factor their scores count by.
    struct Plan {
        var units: [[[(word: QueryWord, factor: Double)]]]
        var corrections: [String: String]
    }

    /// How much a corrected word counts: less than a shared-start match of a word typed right.
    static let correctionFactor = 0.25
    /// How much a synonym's match counts against the words typed.
    static let synonymFactor = 0.8

    func plan(_ query: String, synonyms: [[String]], exact: Bool, stemsEnglish: Bool) -> Plan {
        let tokens = SearchTokenizer.tokens(query)
        var words = tokens.enumerated().map { QueryWord($1, isLast: $0 == tokens.count - 1, stems: stemsEnglish) }
        var factors = [Double](repeating: 1, count: words.count)
        let groups = synonyms.map { group in group.map { SearchTokenizer.tokens($0).map { QueryWord($0, isLast: false, stems: stemsEnglish) } } }
        let groupKeys = groups.map { $0.map { $0.map(\.key) } }
        var corrections: [String: String] = [:]
        if !exact {
            let covered = SearchSynonyms.spans(words.map(\.key), groups: groupKeys).flatMap { Array($0.range) }
            lazy var vocabulary = postings.map { (term: $0.key, frequencyClass: SearchSpelling.frequencyClass($0.value.count)) }
            for (i, word) in words.enumerated() where !covered.contains(i) {
                // Not when the index has the word or words starting with it (it may be a word
                // still being typed); otherwise when nothing matches it, or the correction is
                // commoner than every other form sharing its start ("helpine" is "helpline",
                // not "helping").
                let forms = postings.keys.filter(word.matches)
                if forms.contains(where: { $0.hasPrefix(word.key) || word.sameStem($0) }) { continue }
                guard let corrected = SearchSpelling.correction(of: word.key, among: vocabulary) else { continue }
                let correctedClass = SearchSpelling.frequencyClass(postings[corrected]!.count)
                if forms.contains(where: { SearchSpelling.frequencyClass(postings[$0]!.count) >= correctedClass }) { continue }
                corrections[word.key] = corrected
                words[i] = QueryWord(SearchToken(exact: corrected, folded: corrected, position: word.token.position),
                                     isLast: i == words.count - 1, stems: stemsEnglish)
                factors[i] = SearchIndex.correctionFactor
            }
        }
        let spans = SearchSynonyms.spans(words.map(\.key), groups: groupKeys)
        var units: [[[(word: QueryWord, factor: Double)]]] = []
        var i = 0
        while i < words.count {
            if let span = spans.first(where: { $0.range.lowerBound == i }) {
                var alternatives = [span.range.map { (word: words[$0], factor: factors[$0]) }]
                for (n, member) in groups[span.group].enumerated() where n != span.member {
                    alternatives.append(member.map { (word: $0, factor: SearchIndex.synonymFactor) })
                }
                units.append(alternatives)
                i = span.range.upperBound
            } else {
                units.append([[(words[i], factors[i])]])
                i += 1
            }
        }
        return Plan(units: units, corrections: corrections)
    }

    /// How much a term counts that shares the word's start, or (English) its stem.
    static let prefixFactor = 0.5, stemFactor = 0.8, exactBonus = 0.25

    /// A word of a query: the key it is looked up by (without an Arabic article), the start its
    /// other forms share, if they match too, and in English its ``Porter2`` stem, which other
    /// words with the same stem match by (`queryWord` in search.js).
    struct QueryWord {
        let token: SearchToken
        let key: String
        let prefix: String?
        /// The stem, and the start every word with that stem is looked for under: the stem less its
        /// last letter ("happi" is the stem of "happy"). Nil outside English, and for stems under
        /// three letters.
        let stem: (stem: String, start: String)?

        init(_ token: SearchToken, isLast: Bool, stems: Bool = false) {
            self.token = token
            key = SearchTokenizer.withoutArticle(token.folded) ?? token.folded
            prefix = SearchTokenizer.matchPrefix(key, isLast: isLast)
            let stem = stems ? Porter2.stem(key) : ""
            self.stem = stem.count >= 3 ? (stem, String(stem.dropLast())) : nil
        }

        /// Whether terms other than the key itself can match.
        var hasOtherForms: Bool { prefix != nil || stem != nil }

        /// Whether `term`, not the key itself, has the word's stem.
        func sameStem(_ term: String) -> Bool {
            guard let stem, term != key, term.hasPrefix(stem.start) else { return false }
            return Porter2.stem(term) == stem.stem
        }

        /// Whether an indexed term (or a text's word, by its key) is this word or another form of it.
        func matches(_ term: String) -> Bool {
            term == key || prefix.map(term.hasPrefix) == true || sameStem(term)
        }

        /// How much a match of `term` counts: the word itself fully, a form with its stem less, one
        /// sharing its start less still.
        func factor(_ term: String) -> Double {
            term == key ? 1 : sameStem(term) ? SearchIndex.stemFactor : SearchIndex.prefixFactor
        }
    }

    /// The section where the query's words occur most (heading words count double), the first on a tie.
    func bestSection(of document: SearchDocument, for words: [QueryWord]) -> Int {
        func count(_ text: String) -> Int {
            SearchTokenizer.tokens(text).reduce(0) { total, token in
                let key = SearchTokenizer.withoutArticle(token.folded) ?? token.folded
                return total + (words.contains { $0.matches(key) } ? 1 : 0)
            }
        }
        var best = 0, bestCount = 0
        for (index, section) in document.sections.enumerated() {
            let matches = 2 * count(section.heading) + count(section.text)
            if matches > bestCount { best = index; bestCount = matches }
        }
        return best
    }
}

/// Builds a ``SearchIndex`` one document at a time, keeping only raw counts: a build can merge
/// each batch of rendered pages and let their analysis go, so memory does not grow with every
/// page's word list. BM25 needs the average length, so weights are worked out at the end.
public struct SearchIndexBuilder: Sendable {
    private struct Raw: Sendable {
        let document: UInt32
        let frequency: Float
        let inTitle: Bool
    }

    private var fragments: [(json: String?, hash: String)] = []
    private var lengths: [Float] = []
    private var weights: [Float] = []
    /// Folded terms and their postings, by term number.
    private var vocabulary = TermTable(capacity: 4096)
    private var postings: [[Raw]] = []
    /// Whether each term is written without accents somewhere (so a variant competes with the plain form).
    private var writtenPlain: [Bool] = []
    /// Forms written differently from their folded term, each with its term's number and postings.
    private var forms = TermTable(capacity: 1024)
    private var formTerms: [Int32] = []
    private var formPostings: [[Raw]] = []

    public init() {}

    /// Adds the next document; documents are numbered in the order they are added.
    public mutating func add(_ item: AnalysedDocument) {
        let doc = UInt32(fragments.count)
        fragments.append((item.fragmentJSON, item.fragmentHash))
        lengths.append(item.length)
        weights.append(item.weight)
        var variantSums = [Float](repeating: 0, count: item.terms.count)
        var hasVariants = [Bool](repeating: false, count: item.terms.count)
        for (form, term) in item.formTerms.enumerated() {
            variantSums[Int(term)] += item.formFrequencies[form]
            hasVariants[Int(term)] = true
        }
        var numbers = [Int32](repeating: 0, count: item.terms.count)
        for index in 0..<item.terms.count {
            let (term, isNew) = item.terms.withTerm(index) { vocabulary.number(of: $0, hash: item.terms.hashes[index]) }
            if isNew {
                postings.append([])
                writtenPlain.append(false)
            }
            let tf = item.frequencies[index]
            postings[term].append(Raw(document: doc, frequency: tf, inTitle: item.inTitle[index]))
            if !hasVariants[index] || variantSums[index] < tf { writtenPlain[term] = true }
            numbers[index] = Int32(term)
        }
        for index in 0..<item.forms.count {
            let (form, isNew) = item.forms.withTerm(index) { forms.number(of: $0, hash: item.forms.hashes[index]) }
            if isNew {
                formTerms.append(numbers[Int(item.formTerms[index])])
                formPostings.append([])
            }
            formPostings[form].append(Raw(document: doc, frequency: item.formFrequencies[index], inTitle: false))
        }
    }

    /// The index of every document added.
    public func finish(documents: [SearchDocument] = []) -> SearchIndex {
        let average = max(1, lengths.reduce(0, +) / Float(max(1, lengths.count)))
        let norms = lengths.map { SearchIndex.k1 * (1 - SearchIndex.b + SearchIndex.b * $0 / average) }
        func weighted(_ list: [Raw]) -> [SearchIndex.Posting] {
            list.map { raw in
                let doc = Int(raw.document)
                return SearchIndex.Posting(document: doc, weight: SearchIndex.quantise(raw.frequency, norm: norms[doc], inTitle: raw.inTitle, weight: weights[doc]))
            }
        }
        var all: [String: [SearchIndex.Posting]] = [:]
        all.reserveCapacity(vocabulary.count)
        for term in 0..<vocabulary.count { all[vocabulary.list.string(term)] = weighted(postings[term]) }
        // A form is an exact form worth ranking by only if its term is written in more than one way.
        var ways = writtenPlain.map { $0 ? 1 : 0 }
        for term in formTerms { ways[Int(term)] += 1 }
        var exact: [String: [SearchIndex.Posting]] = [:]
        for (form, term) in formTerms.enumerated() where ways[Int(term)] > 1 {
            exact[forms.list.string(form)] = weighted(formPostings[form])
        }
        return SearchIndex(documents: documents, fragments: fragments, postings: all, exactPostings: exact)
    }
}
