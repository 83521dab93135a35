import WaymarkCore

/// One file of a language's search index, at a path under `search-index/<language>/`.
public struct SearchIndexFile: Sendable, Hashable {
    public var path: String
    public var contents: String
}

/// Writes a ``SearchIndex`` as small JSON files a browser fetches on demand. Every file but the
/// entry point sits in a folder named by the content hash of everything in it, so hosts can cache
/// it forever, and the entry point needs only those two names:
///
/// - `meta.json` — the entry point, small and fetched fresh: the number of documents, the
///   folders' hashes (`t`, `f`, `w`), where each term shard starts (`k`), how many term shards a
///   vocabulary file covers (`g`), and the language's synonyms, folded (`y`);
/// - `t.<hash>/<n>.json` — term shards: the terms, in order, cut into runs of about
///   `maxShardBytes` (exact forms as `=form`, beside their folded form). Each shard is one JSON
///   string, `"<terms>|<postings>"`: the terms space-separated and front-coded (how many UTF-16
///   units a term shares with the one before, one base-36 digit, then the rest), then each term's
///   postings in the same order, space-separated lists of comma-separated postings, each its
///   weight as two digits and then its document less the previous posting's in base 36, left
///   out when it is 1 (the first counts from 0): `"0abuse 4ive|253,17 108"` is `abuse` in documents 3
///   (weight 25) and 4 (weight 17) and `abusive` in document 8 (weight 10). A site whose terms fit one shard has
///   it in `meta.json` (`s`), saving a request. The meta file gives each shard's first term cut to
///   the shortest prefix that still sorts after the shard before, so a word's shard is the last one
///   starting at or before it, and the words a prefix completes to sit in consecutive shards;
/// - `v.<hash>/<n>.json` — only when there is more than one term shard: the vocabulary, every
///   folded term without postings, front-coded, term shards `n·g` to `n·g + g − 1` in file `n`
///   (`meta.json` gives `w` and `g`), fetched only to correct a word that matches nothing;
/// - `f.<hash>/<n>.json` — document `n`'s address, title and sections, for showing a result with
///   its best heading and an excerpt. A result costs one request, made as soon as it is ranked.
///
/// Terms are ordered by UTF-16 code units, as JavaScript compares strings.
public enum SearchIndexFiles {
    /// The entry point's name.
    public static let metaName = "meta.json"
    static let hashLength = 8
    /// Where a build writes pages' fragments while it renders, before their folder's name is known.
    public static let pendingFragmentFolder = "f"

    /// Where document `number`'s fragment goes while the build renders pages (see ``pendingFragmentFolder``).
    public static func pendingFragmentPath(_ number: Int) -> String { pendingFragmentFolder + "/\(number).json" }

    /// The fragments' folder: `f.` and the hash of every fragment's hash, so any change renames it.
    public static func fragmentFolder(_ index: SearchIndex) -> String {
        "f." + hashed(index.fragments.map(\.hash).joined(separator: ","))
    }

    /// The files for `index`: `meta.json`, the term shards and the fragments whose text the index
    /// still holds (a build writes the others to ``pendingFragmentPath(_:)`` and renames that folder
    /// to ``fragmentFolder(_:)``). `maxShardBytes` bounds a term shard unless one term alone is
    /// bigger. A small site's terms, up to `singleShardBytes` in all, go in one shard: a visitor's
    /// first query then fetches every word at once (a few kilobytes compressed) and later ones none.
    public static func make(_ index: SearchIndex, maxShardBytes: Int = 16_000, singleShardBytes: Int = 64_000,
                            vocabularyBytes: Int = 12_000, synonyms: [[String]] = []) -> [SearchIndexFile] {
        var entries: [(key: String, term: String, postings: String)] = []
        for (term, list) in index.postings { entries.append((term, term, encoded(list))) }
        for (form, list) in index.exactPostings { entries.append((SearchTokenizer.fold(form), "=" + form, encoded(list))) }
        entries.sort { $0.key != $1.key ? utf16Less($0.key, $1.key) : utf16Less($0.term, $1.term) }

        var shards: [String] = []
        var starts: [String] = []
        let sizes = entries.map { ($0.key, $0.term.utf8.count + $0.postings.utf8.count + 2) }
        let total = sizes.reduce(0) { $0 + $1.1 + 1 }
        let runs = shardRuns(sizes, maxBytes: total <= singleShardBytes ? total + 2 : maxShardBytes)
        for run in runs {
            let terms = frontCodedTerms(entries[run].map(\.term)).joined(separator: " ")
            shards.append(JSON.string(terms + "|" + entries[run].map(\.postings).joined(separator: " ")))
            let previous = run.lowerBound > 0 ? entries[run.lowerBound - 1].key : nil
            starts.append(previous.map { shortestPrefix(of: entries[run.lowerBound].key, after: $0) } ?? "")
        }
        let shardHash = hashed(shards.map(hashed).joined(separator: ","))
        let fragments = fragmentFolder(index)
        let inlineShard = shards.count == 1 ? ",\"s\":" + shards[0] : ""
        var files = inlineShard.isEmpty
            ? shards.enumerated().map { SearchIndexFile(path: "t.\(shardHash)/\($0.offset).json", contents: $0.element) } : []
        // A site with one shard gives the browser every term with its first query; a larger one
        // gets a terms-only vocabulary for corrections, fetched only when a word matches nothing.
        var vocabularyMeta = ""
        if runs.count > 1 {
            let termRuns = runs.map { run in entries[run].filter { !$0.term.hasPrefix("=") }.map(\.term) }
            let vocabulary = self.vocabulary(termRuns, index: index, targetBytes: vocabularyBytes)
            let vocabularyHash = hashed(vocabulary.shards.map(hashed).joined(separator: ","))
            files += vocabulary.shards.enumerated().map { SearchIndexFile(path: "v.\(vocabularyHash)/\($0.offset).json", contents: $0.element) }
            vocabularyMeta = ",\"w\":" + JSON.string(vocabularyHash) + ",\"g\":\(vocabulary.group)"
        }
        for (number, fragment) in index.fragments.enumerated() {
            if let json = fragment.json { files.append(SearchIndexFile(path: "\(fragments)/\(number).json", contents: json)) }
        }
        let groups = SearchSynonyms.folded(synonyms)
        let synonymMeta = groups.isEmpty ? "" : ",\"y\":[" + groups.map { "[" + $0.map(JSON.string).joined(separator: ",") + "]" }.joined(separator: ",") + "]"
        let meta = "{\"v\":6,\"n\":\(index.fragments.count),\"t\":" + JSON.string(shardHash)
            + ",\"f\":" + JSON.string(String(fragments.dropFirst(2)))
            + ",\"k\":[" + starts.map(JSON.string).joined(separator: ",") + "]" + vocabularyMeta + synonymMeta + inlineShard + "}"
        return [SearchIndexFile(path: metaName, contents: meta)] + files
    }

    /// The vocabulary's files: the folded terms of `group` consecutive term shards each (so a
    /// vocabulary shard's range is known from the term shards' starts, and `meta.json` needs only
    /// the group size), about `targetBytes` a file. Each file is one JSON string of entries joined
    /// by commas, each entry its term's ``SearchSpelling/frequencyClass(_:)`` and how many UTF-16
    /// units it shares with the term before, as base-36 digits, then the rest of the term:
    /// `"20signs,17ificant"` is "signs" (class 2) and "significant" (class 1).
    static func vocabulary(_ termRuns: [[String]], index: SearchIndex, targetBytes: Int) -> (group: Int, shards: [String]) {
        let bytes = termRuns.reduce(0) { $0 + $1.reduce(0) { $0 + $1.utf8.count + 3 } } / 2  // about half is shared starts
        let group = max(1, Int((Double(targetBytes) * Double(termRuns.count) / Double(max(1, bytes))).rounded()))
        let shards = stride(from: 0, to: termRuns.count, by: group).map { first in
            frontCoded(termRuns[first..<min(termRuns.count, first + group)].joined(), index: index)
        }
        return (group, shards)
    }

    /// One vocabulary file's JSON (see ``vocabulary(_:index:targetBytes:)``).
    static func frontCoded(_ terms: some Sequence<String>, index: SearchIndex) -> String {
        let digits = Array("0123456789abcdefghijklmnopqrstuvwxyz")
        let terms = Array(terms)
        let coded = zip(terms, frontCodedTerms(terms)).map { term, coded in
            String(digits[SearchSpelling.frequencyClass(index.postings[term]?.count ?? 0)]) + coded
        }
        return JSON.string(coded.joined(separator: ","))
    }

    /// Each term as how many UTF-16 units it shares with the term before (one base-36 digit, so
    /// at most 35, and whole scalars only, so no entry starts inside a surrogate pair), then the rest.
    static func frontCodedTerms(_ terms: [String]) -> [String] {
        let digits = Array("0123456789abcdefghijklmnopqrstuvwxyz")
        var previous: [Unicode.Scalar] = []
        return terms.map { term in
            let scalars = Array(term.unicodeScalars)
            var shared = 0, sharedUnits = 0
            while shared < min(scalars.count, previous.count), scalars[shared] == previous[shared],
                  sharedUnits + scalars[shared].utf16.count <= 35 {
                sharedUnits += scalars[shared].utf16.count
                shared += 1
            }
            previous = scalars
            return String(digits[sharedUnits]) + String(String.UnicodeScalarView(scalars[shared...]))
        }
    }

    public static func hashed(_ json: String) -> String {
        var json = json
        return json.withUTF8 { ContentHash.hex($0, length: hashLength) }
    }

    /// JavaScript's string order.
    public static func utf16Less(_ a: String, _ b: String) -> Bool { a.utf16.lexicographicallyPrecedes(b.utf16) }

    /// A term's postings in a shard: `<weight, two digits><gap, base 36>,…`, the gap from the
    /// previous document (from 0 for the first) left out when it is 1, the commonest gap.
    static func encoded(_ list: [SearchIndex.Posting]) -> String {
        var out = ""
        var previous = 0
        for (index, posting) in list.enumerated() {
            if index > 0 { out += "," }
            if posting.weight < 10 { out += "0" }
            out += String(posting.weight)
            let gap = posting.document - previous
            if gap != 1 { out += String(gap, radix: 36) }
            previous = posting.document
        }
        return out
    }

    /// Consecutive runs of entries of at most `maxBytes` (unless one key's entries alone are
    /// more), never splitting one key's entries.
    static func shardRuns(_ entries: [(key: String, bytes: Int)], maxBytes: Int) -> [Range<Int>] {
        var groups: [(range: Range<Int>, bytes: Int)] = []
        for (index, entry) in entries.enumerated() {
            if index > 0, entries[index - 1].key == entry.key {
                groups[groups.count - 1].range = groups[groups.count - 1].range.lowerBound..<(index + 1)
                groups[groups.count - 1].bytes += entry.bytes + 1
            } else {
                groups.append((index..<(index + 1), entry.bytes + 1))
            }
        }
        var runs: [Range<Int>] = []
        var start = 0, bytes = 1
        for group in groups {
            if group.range.lowerBound > start, bytes + group.bytes > maxBytes {
                runs.append(start..<group.range.lowerBound)
                start = group.range.lowerBound
                bytes = 1
            }
            bytes += group.bytes
        }
        if start < entries.count { runs.append(start..<entries.count) }
        return runs
    }

    /// The shortest start of `key` that sorts after `previous` (which sorts before `key`).
    static func shortestPrefix(of key: String, after previous: String) -> String {
        var prefix = ""
        for character in key {
            prefix.append(character)
            if utf16Less(previous, prefix) { return prefix }
        }
        return key
    }

    /// The shard holding `term`, given each shard's start: the last that starts at or before it.
    public static func shard(for term: String, starts: [String]) -> Int {
        let key = term.hasPrefix("=") ? SearchTokenizer.fold(String(term.dropFirst())) : term
        return (starts.lastIndex { !utf16Less(key, $0) }) ?? 0
    }

    /// `{"u": url, "t": title, "s": [[anchor, heading, text], …]}`.
    public static func fragmentJSON(_ document: SearchDocument) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(document.sections.reduce(64) { $0 + $1.text.utf8.count + $1.heading.utf8.count + 16 })
        append("{\"u\":", to: &out)
        JSON.append(document.url, to: &out)
        append(",\"t\":", to: &out)
        JSON.append(document.title, to: &out)
        append(",\"s\":[", to: &out)
        for (index, section) in document.sections.enumerated() {
            append(index == 0 ? "[" : ",[", to: &out)
            JSON.append(section.anchor ?? "", to: &out)
            out.append(UInt8(ascii: ","))
            JSON.append(section.heading, to: &out)
            out.append(UInt8(ascii: ","))
            JSON.append(section.text, to: &out)
            out.append(UInt8(ascii: "]"))
        }
        append("]}", to: &out)
        return String(decoding: out, as: UTF8.self)
    }

    private static func append(_ text: StaticString, to out: inout [UInt8]) {
        text.withUTF8Buffer { out.append(contentsOf: $0) }
    }
}

/// Minimal JSON writing with a fixed key order, so the index is byte-for-byte reproducible.
enum JSON {
    static func string(_ text: String) -> String {
        // Most text needs no escaping; copy it whole.
        if !text.containsUTF8Byte(where: needsEscape) { return "\"" + text + "\"" }
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count + 16)
        append(text, to: &out)
        return String(decoding: out, as: UTF8.self)
    }

    /// Appends `text` quoted and escaped.
    static func append(_ text: String, to out: inout [UInt8]) {
        out.append(0x22)
        text.appendUTF8(to: &out, escaping: needsEscape) { appendEscape($0, to: &$1) }
        out.append(0x22)
    }

    /// Control characters, `"`, `\\` and `<` (so a fragment can never close a script element).
    @inline(__always)
    private static func needsEscape(_ byte: UInt8) -> Bool {
        byte < 0x20 || byte == 0x22 || byte == 0x5C || byte == 0x3C
    }

    private static func appendEscape(_ byte: UInt8, to out: inout [UInt8]) {
        switch byte {
        case 0x22: out += [0x5C, 0x22]
        case 0x5C: out += [0x5C, 0x5C]
        case 0x0A: out += [0x5C, 0x6E]
        case 0x0D: out += [0x5C, 0x72]
        case 0x09: out += [0x5C, 0x74]
        case 0x3C: out += Array("\\u003c".utf8)
        default:
            let hex = String(byte, radix: 16)
            out += Array(("\\u" + String(repeating: "0", count: 4 - hex.count) + hex).utf8)
        }
    }
}
