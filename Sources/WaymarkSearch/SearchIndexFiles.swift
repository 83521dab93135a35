import WaymarkCore

/// One file of a language's search index, at a path under `search/<language>/`.
public struct SearchIndexFile: Sendable, Hashable {
    public var path: String
    public var contents: String
}

/// Writes a ``SearchIndex`` as small JSON files a browser fetches on demand, each named by its
/// content hash so hosts can cache it forever:
///
/// - `meta.<hash>.json` — the entry point: the number of documents, which term shard holds which
///   prefix, and the names of the document tables;
/// - `t/<prefix>.<hash>.json` — term shards: every term starting with the prefix, with its
///   postings flattened as `[document, section, weight, …]` (exact forms under `=term`). A shard
///   that grows past the size limit is split by a longer prefix, so a query downloads little even
///   on a large site; a term belongs to the longest shard prefix that starts it;
/// - `d/<n>.<hash>.json` — the hashes of 256 documents' fragments, so fragment names need not all
///   sit in the meta file;
/// - `f/<document>.<hash>.json` — one document's address, title and sections, for results and
///   excerpts.
public enum SearchIndexFiles {
    /// Documents per table file.
    public static let documentsPerTable = 256

    /// The files for `index`; `maxShardBytes` bounds a term shard unless one term alone is bigger.
    public static func make(_ index: SearchIndex, maxShardBytes: Int = 12_000) -> (meta: String, files: [SearchIndexFile]) {
        var files: [SearchIndexFile] = []
        var shardNames: [(String, String)] = []
        let terms = (Array(index.postings.keys) + index.exactPostings.keys.map { "=" + $0 }).sorted()
        for (prefix, members) in shards(terms, index: index, maxBytes: maxShardBytes) {
            let json = shardJSON(members, index: index)
            let hash = ContentHash.hex(Array(json.utf8))
            files.append(SearchIndexFile(path: "t/\(prefix).\(hash).json", contents: json))
            shardNames.append((prefix, hash))
        }
        var fragmentHashes: [String] = []
        for (number, document) in index.documents.enumerated() {
            let json = fragmentJSON(document)
            let hash = ContentHash.hex(Array(json.utf8))
            fragmentHashes.append(hash)
            files.append(SearchIndexFile(path: "f/\(number).\(hash).json", contents: json))
        }
        var tableHashes: [String] = []
        for (number, start) in stride(from: 0, to: fragmentHashes.count, by: documentsPerTable).enumerated() {
            let slice = fragmentHashes[start..<min(start + documentsPerTable, fragmentHashes.count)]
            let json = "[" + slice.map(JSON.string).joined(separator: ",") + "]"
            let hash = ContentHash.hex(Array(json.utf8))
            tableHashes.append(hash)
            files.append(SearchIndexFile(path: "d/\(number).\(hash).json", contents: json))
        }
        let meta = "{\"v\":1,\"n\":\(index.documents.count),\"k\":{"
            + shardNames.map { JSON.string($0.0) + ":" + JSON.string($0.1) }.joined(separator: ",")
            + "},\"d\":[" + tableHashes.map(JSON.string).joined(separator: ",") + "]}"
        let metaFile = SearchIndexFile(path: "meta.\(ContentHash.hex(Array(meta.utf8))).json", contents: meta)
        return (metaFile.path, [metaFile] + files)
    }

    /// The shard prefix a term is looked up under: the longest of `prefixes` that starts it.
    public static func shardPrefix(for term: String, among prefixes: Set<String>) -> String? {
        let key = shardKey(term)
        var length = key.count
        while length > 0 {
            let candidate = String(key.prefix(length))
            if prefixes.contains(candidate) { return candidate }
            length -= 1
        }
        return nil
    }

    /// Exact forms live with their folded form, so one fetch serves both.
    static func shardKey(_ term: String) -> String {
        term.hasPrefix("=") ? SearchTokenizer.fold(String(term.dropFirst())) : term
    }

    /// Groups sorted terms by a two-character prefix, splitting groups that are too big by one
    /// character more, until each fits or cannot be split.
    static func shards(_ terms: [String], index: SearchIndex, maxBytes: Int) -> [(String, [String])] {
        func split(_ members: [String], depth: Int) -> [(String, [String])] {
            var groups: [String: [String]] = [:]
            for term in members { groups[String(shardKey(term).prefix(depth)), default: []].append(term) }
            return groups.keys.sorted().flatMap { prefix -> [(String, [String])] in
                let group = groups[prefix]!
                let tooBig = shardJSON(group, index: index).utf8.count > maxBytes
                let deeper = group.filter { shardKey($0).count > depth }
                // Terms are finite, so splitting by ever longer prefixes ends.
                guard tooBig, !deeper.isEmpty else { return [(prefix, group)] }
                let stay = group.filter { shardKey($0).count <= depth }
                return (stay.isEmpty ? [] : [(prefix, stay)]) + split(deeper, depth: depth + 1)
            }
        }
        return split(terms, depth: 2)
    }

    static func shardJSON(_ terms: [String], index: SearchIndex) -> String {
        "{" + terms.map { term -> String in
            let list = term.hasPrefix("=") ? index.exactPostings[String(term.dropFirst())]! : index.postings[term]!
            return JSON.string(term) + ":[" + list.map { "\($0.document),\($0.section),\($0.weight)" }.joined(separator: ",") + "]"
        }.joined(separator: ",") + "}"
    }

    static func fragmentJSON(_ document: SearchDocument) -> String {
        let sections = document.sections.map { section in
            "[" + JSON.string(section.anchor ?? "") + "," + JSON.string(section.heading) + "," + JSON.string(section.text) + "]"
        }
        return "{\"u\":" + JSON.string(document.url) + ",\"t\":" + JSON.string(document.title) + ",\"s\":[" + sections.joined(separator: ",") + "]}"
    }
}

/// Minimal JSON writing with a fixed key order, so the index is byte-for-byte reproducible.
enum JSON {
    static func string(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case "<": out += "\\u003c"
            default:
                if scalar.value < 0x20 {
                    let hex = String(scalar.value, radix: 16)
                    out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }
}
