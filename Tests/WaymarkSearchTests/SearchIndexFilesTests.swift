import Foundation
import Testing
import WaymarkSearch

private func site(pages: Int) -> [SearchDocument] {
    let words = ["signs", "slavery", "labour", "county", "lines", "cuckooing", "helpline", "praca", "przymusowa", "łańcuch",
                 "lancuch", "sygnały", "exploitation", "support", "partner", "council", "police", "charity", "training"]
    return (0..<pages).map { n in
        SearchDocument(url: "/page-\(n)/", title: "Page \(n) \(words[n % words.count])", sections: [
            .init(anchor: nil, heading: "", text: (0..<40).map { words[($0 * 7 + n) % words.count] + "\($0 % 5)" }.joined(separator: " ")),
            .init(anchor: "more-\(n)", heading: "More about \(words[(n + 3) % words.count])", text: "Contact <b>us</b> \"now\"."),
        ])
    }
}

private func json<T>(_ file: SearchIndexFile?, as type: T.Type) throws -> T {
    let file = try #require(file)
    return try #require(try JSONSerialization.jsonObject(with: Data(file.contents.utf8)) as? T)
}

/// Decodes `[d0, w0, Δd1, w1, …]` back to documents.
private func documents(_ flat: [Int]) -> [Int] {
    var doc = 0
    return stride(from: 0, to: flat.count, by: 2).map { doc += flat[$0]; return doc }
}

/// A term shard read as the browser reads it: `"<front-coded terms>|<postings>"` (see
/// ``SearchIndexFiles``) back to `term → [gap, weight, gap, weight, …]`.
private func decodedShard(_ contents: String?) throws -> [String: [Int]] {
    let contents = try #require(contents)
    return try decodedShard(text: try #require(try JSONSerialization.jsonObject(with: Data(contents.utf8), options: .fragmentsAllowed) as? String))
}

private func decodedShard(text: String) throws -> [String: [Int]] {
    let halves = text.split(separator: "|", maxSplits: 1, omittingEmptySubsequences: false)
    try #require(halves.count == 2)
    let terms = halves[0].split(separator: " "), lists = halves[1].split(separator: " ")
    try #require(terms.count == lists.count)
    var previous: [UInt16] = []
    var out: [String: [Int]] = [:]
    for (coded, list) in zip(terms, lists) {
        let shared = try #require(Int(String(coded.prefix(1)), radix: 36))
        previous = Array(previous.prefix(shared)) + Array(coded.dropFirst().utf16)
        out[String(decoding: previous, as: UTF16.self)] = try list.split(separator: ",").flatMap { posting -> [Int] in
            let weight = try #require(Int(posting.prefix(2)))
            return [posting.count > 2 ? try #require(Int(posting.dropFirst(2), radix: 36)) : 1, weight]
        }
    }
    return out
}

private func meta(_ files: [SearchIndexFile]) throws -> [String: Any] {
    try json(files.first { $0.path == SearchIndexFiles.metaName }, as: [String: Any].self)
}

@Suite struct SearchIndexFilesTests {
    /// A fragment is JSON any parser reads back to the same texts, whatever they hold.
    @Test func fragmentsReadBackExactlyWhateverTheTextHolds() throws {
        let tricky = "quote \" backslash \\ tab \t line\nCR\r bell \u{7} <script> łańcuch 🙂"
        let document = SearchDocument(url: "/a \"b\"/", title: tricky, sections: [
            .init(anchor: nil, heading: "", text: "plain"),
            .init(anchor: "x<y", heading: tricky, text: tricky + tricky),
        ])
        let json = SearchIndexFiles.fragmentJSON(document)
        #expect(!json.contains("<"), "no '<' for a script element to end at")
        let parsed = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        #expect(parsed["u"] as? String == document.url)
        #expect(parsed["t"] as? String == tricky)
        let sections = try #require(parsed["s"] as? [[String]])
        #expect(sections == [["", "", "plain"], ["x<y", tricky, tricky + tricky]])
    }

    @Test func everyTermIsInTheShardItsStartNames() throws {
        let index = SearchIndex(documents: site(pages: 300))
        let files = SearchIndexFiles.make(index, maxShardBytes: 4_000, singleShardBytes: 0)
        let entry = try meta(files)
        #expect(entry["n"] as? Int == 300)
        let starts = try #require(entry["k"] as? [String])
        let shardFolder = "t." + (try #require(entry["t"] as? String))
        #expect(starts.count > 5, "a 300-page site should be split into several shards")
        #expect(starts.first == "")
        #expect(zip(starts, starts.dropFirst()).allSatisfy { SearchIndexFiles.utf16Less($0, $1) }, "\(starts)")
        #expect(files.filter { $0.path.hasPrefix(shardFolder + "/") }.count == starts.count)
        for (term, postings) in index.postings {
            let number = SearchIndexFiles.shard(for: term, starts: starts)
            let shard = try decodedShard(files.first { $0.path == "\(shardFolder)/\(number).json" }?.contents)
            let flat = try #require(shard[term], "\(term) is not in shard \(number), which starts at \(starts[number])")
            #expect(documents(flat) == postings.map(\.document))
            #expect(stride(from: 1, to: flat.count, by: 2).map { flat[$0] } == postings.map(\.weight))
        }
        // The site writes both "łańcuch" and "lancuch", so the exact form has postings, beside the folded one.
        let number = SearchIndexFiles.shard(for: "lancuch", starts: starts)
        let shard = try decodedShard(files.first { $0.path == "\(shardFolder)/\(number).json" }?.contents)
        #expect(shard["=łańcuch"] != nil && shard["lancuch"] != nil)
    }

    @Test func shardsStaySmallAndFragmentsAreNamedByTheirFolder() throws {
        let index = SearchIndex(documents: site(pages: 600))
        let files = SearchIndexFiles.make(index, maxShardBytes: 6_000, singleShardBytes: 0)
        for file in files where file.path.hasPrefix("t.") {
            let shard = try decodedShard(file.contents)
            let keys = Set(shard.keys.map { $0.hasPrefix("=") ? SearchTokenizer.fold(String($0.dropFirst())) : $0 })
            #expect(file.contents.utf8.count <= 6_000 || keys.count == 1, "\(file.path) is \(file.contents.utf8.count) bytes: \(keys.sorted())")
        }
        let folder = "f." + (try #require(try meta(files)["f"] as? String))
        #expect(folder == SearchIndexFiles.fragmentFolder(index))
        #expect(files.filter { $0.path.hasPrefix(folder + "/") }.count == 600)
        let fragmentFile = files.first { $0.path == "\(folder)/599.json" }
        let fragment = try json(fragmentFile, as: [String: Any].self)
        #expect(fragment["u"] as? String == "/page-599/")
        #expect((fragment["s"] as? [[String]])?.last == ["more-599", "More about support", "Contact <b>us</b> \"now\"."])
        // Text that could end a script element or break the JSON is escaped.
        #expect(fragmentFile!.contents.contains("Contact \\u003cb>us\\u003c/b> \\\"now\\\"."))
    }

    @Test func fragmentsAlreadyWrittenAreLeftOut() throws {
        let analysed = site(pages: 10).map { AnalysedDocument($0) }
        let index = SearchIndex(analysed: analysed.enumerated().map { $0.offset < 8 ? $0.element.withoutFragmentText() : $0.element })
        let folder = SearchIndexFiles.fragmentFolder(index)
        #expect(folder == SearchIndexFiles.fragmentFolder(SearchIndex(analysed: analysed)), "the folder's name depends on content, not on who writes it")
        #expect(SearchIndexFiles.make(index).filter { $0.path.hasPrefix(folder + "/") }.map(\.path) == [folder + "/8.json", folder + "/9.json"])
    }

    @Test func aShardStartIsTheShortestPrefixAfterThePreviousShard() throws {
        let words = ["apple", "apricot", "banana", "bandage", "band", "cherry"]
        let index = SearchIndex(documents: words.map { SearchDocument(url: "/\($0)/", title: $0, sections: []) })
        let files = SearchIndexFiles.make(index, maxShardBytes: 12, singleShardBytes: 0)  // one term a shard
        #expect(try meta(files)["k"] as? [String] == ["", "apr", "b", "band", "banda", "c"])
    }

    @Test func aSmallSiteHasOneShardInItsMetaFile() throws {
        func shards(pages: Int, singleShardBytes: Int = 64_000) -> Int {
            SearchIndexFiles.make(SearchIndex(documents: site(pages: pages)), singleShardBytes: singleShardBytes)
                .filter { $0.path.hasPrefix("t.") }.count
        }
        let index = SearchIndex(documents: site(pages: 150))
        let files = SearchIndexFiles.make(index)
        let entry = try meta(files)
        #expect(!files.contains { $0.path.hasPrefix("t.") }, "the one shard is in meta.json, saving a request")
        #expect(entry["k"] as? [String] == [""])
        let shard = try decodedShard(text: try #require(entry["s"] as? String))
        #expect(Set(shard.keys.filter { !$0.hasPrefix("=") }) == Set(index.postings.keys))
        for (term, postings) in index.postings {
            #expect(documents(shard[term] ?? []) == postings.map(\.document), "\(term)")
        }
        #expect(shards(pages: 150) == 0)
        #expect(shards(pages: 150, singleShardBytes: 0) > 1, "150 pages' terms are more than one 16 kB shard")
        #expect(shards(pages: 2_000) > 1)
    }

    @Test func filesAreReproducibleAndNamedByContent() throws {
        let first = SearchIndexFiles.make(SearchIndex(documents: site(pages: 50)))
        let second = SearchIndexFiles.make(SearchIndex(documents: site(pages: 50)))
        #expect(first == second)
        let changed = SearchIndexFiles.make(SearchIndex(documents: site(pages: 51)))
        #expect(try meta(changed)["t"] as? String != meta(first)["t"] as? String)
        #expect(try meta(changed)["f"] as? String != meta(first)["f"] as? String)
    }

    /// Decodes a vocabulary file: `"<class><shared><rest>,…"` in base 36.
    private func vocabulary(_ file: SearchIndexFile) throws -> [(term: String, frequencyClass: Int)] {
        let text = try #require(try JSONSerialization.jsonObject(with: Data(file.contents.utf8), options: .fragmentsAllowed) as? String)
        var previous: [UInt16] = []
        return text.split(separator: ",").map { entry in
            let units = Array(entry.utf16)
            let shared = Int(String(UnicodeScalar(units[1])!), radix: 36)!
            previous = Array(previous.prefix(shared)) + units.dropFirst(2)
            return (String(decoding: previous, as: UTF16.self), Int(String(UnicodeScalar(units[0])!), radix: 36)!)
        }
    }

    @Test func aLargeSiteHasAVocabularyGroupedByTermShards() throws {
        let index = SearchIndex(documents: site(pages: 300))
        let files = SearchIndexFiles.make(index, maxShardBytes: 4_000, singleShardBytes: 0, vocabularyBytes: 600)
        let entry = try meta(files)
        let starts = try #require(entry["k"] as? [String])
        let folder = "v." + (try #require(entry["w"] as? String))
        let group = try #require(entry["g"] as? Int)
        #expect(group >= 1)
        var all: [String] = []
        for (number, file) in files.filter({ $0.path.hasPrefix(folder + "/") }).sorted(by: { $0.path.count != $1.path.count ? $0.path.count < $1.path.count : $0.path < $1.path }).enumerated() {
            #expect(file.path == "\(folder)/\(number).json")
            for (term, frequencyClass) in try vocabulary(file) {
                // Each term is in the file of its term shard's group, with its frequency class.
                #expect(SearchIndexFiles.shard(for: term, starts: starts) / group == number, "\(term) in \(file.path)")
                #expect(frequencyClass == SearchSpelling.frequencyClass(index.postings[term]!.count))
                all.append(term)
            }
        }
        #expect(all == index.postings.keys.sorted(by: SearchIndexFiles.utf16Less), "every folded term once, in order")
        #expect(try meta(SearchIndexFiles.make(SearchIndex(documents: site(pages: 20))))["w"] == nil, "one shard holds every term already")
    }

    @Test func synonymsGoInTheMetaFileFolded() throws {
        let files = SearchIndexFiles.make(SearchIndex(documents: site(pages: 5)), synonyms: [["NRM", "National Referral Mechanism"], ["Łańcuch", "chain"]])
        #expect(try meta(files)["y"] as? [[String]] == [["nrm", "national referral mechanism"], ["lancuch", "chain"]])
        #expect(try meta(SearchIndexFiles.make(SearchIndex(documents: site(pages: 5))))["y"] == nil)
    }
}
