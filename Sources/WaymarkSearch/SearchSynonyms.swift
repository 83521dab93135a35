/// Synonyms and abbreviations a site declares for one language (`NRM` and `National Referral
/// Mechanism`): a query with one of a group's words or phrases also finds pages with another,
/// which must then have all of that phrase's words. Applied when searching, not when indexing, so
/// changing them changes no shard, only the language's `meta.json`; search.js does the same
/// (`synonymSpans`).
public enum SearchSynonyms {
    /// Where a group's member occurs in a query's keys.
    public struct Span: Sendable, Equatable {
        public var range: Range<Int>
        public var group: Int
        public var member: Int

        public init(range: Range<Int>, group: Int, member: Int) {
            self.range = range
            self.group = group
            self.member = member
        }
    }

    /// The members of `groups` (each member its words' keys) found in `keys`, left to right, never
    /// overlapping; at each place the longest member that fits wins.
    public static func spans(_ keys: [String], groups: [[[String]]]) -> [Span] {
        var found: [Span] = []
        var i = 0
        while i < keys.count {
            var best: Span?
            for (g, group) in groups.enumerated() {
                for (m, member) in group.enumerated() where !member.isEmpty && i + member.count <= keys.count {
                    if Array(keys[i..<(i + member.count)]) == member, member.count > (best?.range.count ?? 0) {
                        best = Span(range: i..<(i + member.count), group: g, member: m)
                    }
                }
            }
            if let best {
                found.append(best)
                i = best.range.upperBound
            } else {
                i += 1
            }
        }
        return found
    }

    /// The groups as `meta.json` ships them: each member folded, its words joined by one space.
    public static func folded(_ groups: [[String]]) -> [[String]] {
        groups.map { group in
            var seen: Set<String> = []
            return group.map { SearchTokenizer.tokens($0).map(\.folded).joined(separator: " ") }
                .filter { !$0.isEmpty && seen.insert($0).inserted }
        }
        .filter { $0.count >= 2 }
    }
}
