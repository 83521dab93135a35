/// Typo tolerance: a query word that matches nothing is replaced by the closest word the same
/// language's index has, the way the browser script does it (`correction` in search.js).
///
/// Closest means fewest edits — a letter inserted, deleted or changed, or two neighbours swapped
/// (optimal string alignment, so "teh" → "the" is one edit) — at most one for words of three to
/// seven letters and two from eight; then the commonest (by a document-frequency class, so the
/// browser can rank the same way from a terms-only vocabulary); then the first in order.
///
/// The first letter must be right, or be one of the word's first two swapped, or an extra letter
/// typed before the word: people rarely get a word's first letter wrong (studies of spelling
/// errors put it at under a tenth), and keeping it lets a large site's browser fetch only the part
/// of the vocabulary that starts with one letter instead of all of it. Words with digits (phone
/// numbers, years) are never corrected, nor words shorter than three letters.
public enum SearchSpelling {
    /// Letters below which a word is not corrected: "hul" → "hull", but not two-letter words.
    public static let minimumLength = 3
    /// Letters from which two edits are allowed.
    public static let twoEditsLength = 8

    /// How many edits a word of `length` letters may be corrected by.
    public static func maxEdits(length: Int) -> Int {
        length >= twoEditsLength ? 2 : length >= minimumLength ? 1 : 0
    }

    /// Whether a query word (its folded key) may be corrected at all.
    public static func isCorrectable(_ key: String) -> Bool {
        let scalars = Array(key.unicodeScalars)
        return scalars.count >= minimumLength
            && !scalars.contains { $0.properties.numericType != nil || SearchTokenizer.isUnspacedScript($0) }
    }

    /// The starts a correction of `key` may have: its first letter; its second and first (the two
    /// swapped); its second and third (an extra letter typed first). A large site's browser
    /// fetches the vocabulary for these starts only.
    public static func candidateStarts(_ key: String) -> [String] {
        let s = Array(key.unicodeScalars).map { String($0) }
        guard s.count >= 3 else { return s.isEmpty ? [] : [s[0]] }
        var starts = [s[0]]
        for start in [s[1] + s[0], s[1] + s[2]] where !start.hasPrefix(s[0]) && !starts.contains(start) { starts.append(start) }
        return starts
    }

    /// Whether `term` begins as a correction of `key` may (see ``candidateStarts(_:)``).
    static func startsRight(_ term: String, for starts: [String]) -> Bool {
        starts.contains { term.hasPrefix($0) }
    }

    /// The optimal-string-alignment distance of `a` and `b` (insertions, deletions, changes and
    /// swaps of neighbours count one each), or nil when it is more than `limit`.
    public static func distance(_ a: [Unicode.Scalar], _ b: [Unicode.Scalar], limit: Int) -> Int? {
        if abs(a.count - b.count) > limit { return nil }
        if a.isEmpty || b.isEmpty { return max(a.count, b.count) }
        var before = [Int](repeating: 0, count: b.count + 1)  // row i - 2
        var previous = Array(0...b.count)                      // row i - 1
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            var rowMin = i
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                var d = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] { d = min(d, before[j - 2] + 1) }
                current[j] = d
                rowMin = min(rowMin, d)
            }
            if rowMin > limit { return nil }
            (before, previous, current) = (previous, current, before)
        }
        return previous[b.count] <= limit ? previous[b.count] : nil
    }

    /// A document frequency's class, the base-2 logarithm (1 → 0, 2–3 → 1, 4–7 → 2 …, at most
    /// 35): what the vocabulary stores, one base-36 digit per term.
    public static func frequencyClass(_ documentFrequency: Int) -> Int {
        guard documentFrequency > 1 else { return 0 }
        return min(35, Int.bitWidth - 1 - documentFrequency.leadingZeroBitCount)
    }

    /// The best correction of `key` among `terms` (folded terms with their frequency class), or
    /// nil when none is close enough. `key` itself is never returned.
    public static func correction(of key: String, among terms: some Sequence<(term: String, frequencyClass: Int)>) -> String? {
        guard isCorrectable(key) else { return nil }
        let typed = Array(key.unicodeScalars)
        let limit = maxEdits(length: typed.count)
        let starts = candidateStarts(key)
        var best: (distance: Int, frequencyClass: Int, term: String)?
        for (term, frequencyClass) in terms where term != key && startsRight(term, for: starts) && isCorrectable(term) {
            guard let d = distance(typed, Array(term.unicodeScalars), limit: limit) else { continue }
            if let current = best {
                if d > current.distance { continue }
                if d == current.distance && frequencyClass < current.frequencyClass { continue }
                if d == current.distance && frequencyClass == current.frequencyClass
                    && !SearchIndexFiles.utf16Less(term, current.term) { continue }
            }
            best = (d, frequencyClass, term)
        }
        return best?.term
    }
}
