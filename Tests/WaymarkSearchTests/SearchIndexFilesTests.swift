import Foundation
import Testing
import WaymarkSearch

private func site(pages: Int) -> [SearchDocument] {
    let words = ["signs", "slavery", "labour", "county", "lines", "cuckooing", "helpline", "praca", "przymusowa", "łańcuch",
                 "sygnały", "exploitation", "support", "partner", "council", "police", "charity", "training"]
    return (0..<pages).map { n in
        SearchDocument(url: "/page-\(n)/", title: "Page \(n) \(words[n % words.count])", sections: [
            .init(anchor: nil, heading: "", text: (0..<40).map { words[($0 * 7 + n) % words.count] + "\($0 % 5)" }.joined(separator: " ")),
            .init(anchor: "more-\(n)", heading: "More about \(words[(n + 3) % words.count])", text: "Contact <b>us</b> \"now\"."),
        ])
    }
}

@Suite struct SearchIndexFilesTests {
    @Test func everyTermIsInTheShardItsPrefixNames() throws {
        let index = SearchIndex(documents: site(pages: 300))
        let (metaPath, files) = SearchIndexFiles.make(index, maxShardBytes: 4_000)
        let meta = try #require(files.first { $0.path == metaPath })
        let parsed = try #require(try JSONSerialization.jsonObject(with: Data(meta.contents.utf8)) as? [String: Any])
        #expect(parsed["n"] as? Int == 300)
        let shards = try #require(parsed["k"] as? [String: String])
        #expect(shards.count > 5, "a 300-page site should be split into several shards")
        let prefixes = Set(shards.keys)
        for (term, postings) in index.postings {
            let prefix = try #require(SearchIndexFiles.shardPrefix(for: term, among: prefixes), "no shard for \(term)")
            let file = try #require(files.first { $0.path == "t/\(prefix).\(shards[prefix]!).json" })
            let shard = try #require(try JSONSerialization.jsonObject(with: Data(file.contents.utf8)) as? [String: [Int]])
            #expect(shard[term]?.count == postings.count * 3, "\(term) in t/\(prefix)")
        }
        // Exact forms sit beside their folded form.
        let exactShard = try #require(SearchIndexFiles.shardPrefix(for: "lancuch", among: prefixes))
        #expect(files.first { $0.path.hasPrefix("t/\(exactShard).") }!.contents.contains("\"=łańcuch\":["))
    }

    @Test func shardsStaySmallAndFragmentsAreFoundThroughTables() throws {
        let index = SearchIndex(documents: site(pages: 600))
        let (metaPath, files) = SearchIndexFiles.make(index, maxShardBytes: 6_000)
        for file in files where file.path.hasPrefix("t/") {
            let shard = try #require(try JSONSerialization.jsonObject(with: Data(file.contents.utf8)) as? [String: [Int]])
            #expect(file.contents.utf8.count <= 6_000 || shard.count == 1, "\(file.path) is \(file.contents.utf8.count) bytes: \(shard.keys.sorted())")
        }
        let meta = try JSONSerialization.jsonObject(with: Data(files.first { $0.path == metaPath }!.contents.utf8)) as! [String: Any]
        let tables = meta["d"] as! [String]
        #expect(tables.count == 3)  // 600 documents, 256 per table
        let table = try JSONSerialization.jsonObject(with: Data(files.first { $0.path == "d/2.\(tables[2]).json" }!.contents.utf8)) as! [String]
        #expect(table.count == 600 - 512)
        let fragment = try #require(files.first { $0.path == "f/599.\(table.last!).json" })
        let object = try JSONSerialization.jsonObject(with: Data(fragment.contents.utf8)) as! [String: Any]
        #expect(object["u"] as? String == "/page-599/")
        // Text that could end a script element or break the JSON is escaped.
        #expect(fragment.contents.contains("Contact \\u003cb>us\\u003c/b> \\\"now\\\"."))
    }

    @Test func filesAreReproducibleAndNamedByContent() {
        let first = SearchIndexFiles.make(SearchIndex(documents: site(pages: 50)))
        let second = SearchIndexFiles.make(SearchIndex(documents: site(pages: 50)))
        #expect(first.meta == second.meta)
        #expect(first.files == second.files)
        let changed = SearchIndexFiles.make(SearchIndex(documents: site(pages: 51)))
        #expect(changed.meta != first.meta)
    }
}
