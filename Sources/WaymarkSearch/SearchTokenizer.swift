import Foundation
import WaymarkCore

/// A word of a page or a query, as the search index stores it.
public struct SearchToken: Sendable, Hashable {
    /// Lowercased, as written: ranks exact forms higher ("łańcuch").
    public var exact: String
    /// Lowercased with diacritics and letter variants folded away: what matching uses
    /// ("lancuch"), so a reader typing without Polish or Vietnamese accents still finds the page.
    public var folded: String
    /// Position among the text's tokens, for phrases and excerpts.
    public var position: Int
}

/// Receives a text's words as UTF-8, lowercased (`exact`) and folded, as ``SearchTokenizer``
/// reads them; the buffers are valid only during the call.
protocol TokenSink {
    mutating func word(exact: UnsafeBufferPointer<UInt8>, folded: UnsafeBufferPointer<UInt8>)
}

/// Splits text into search tokens for any of the site's languages.
///
/// Words are runs of letters and digits. Scripts written without spaces between words (Chinese,
/// Japanese, Thai, Lao, Khmer, Myanmar) have no word boundaries to find without a dictionary, so
/// each run of them becomes overlapping two-character tokens — the usual approach for static
/// search, which matches any query of two characters or more.
public enum SearchTokenizer {
    /// The tokens of `text`, in order.
    public static func tokens(_ text: String) -> [SearchToken] {
        var list = TokenList()
        scan(text, into: &list)
        return list.tokens
    }

    /// Hands each word of `text` to `sink` in order, without making a list of them: the index
    /// counts a page's words as they are read.
    static func scan<Sink: TokenSink>(_ text: String, into sink: inout Sink) {
        var text = text
        text.withUTF8 { bytes in
            // The sink is passed in, not stored: a stored copy would share its dictionaries with
            // the caller's, and the first word counted would copy them whole.
            // Room for a word lowercased and, after it, folded (no word is longer than the text),
            // and for the last eight-byte store past an ASCII word's end.
            let scratch = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: 2 * bytes.count + 16)
            defer { scratch.deallocate() }
            var scanner = Scanner<Sink>(bytes: bytes, scratch: scratch)
            scanner.run(into: &sink)
        }
    }

    private struct TokenList: TokenSink {
        var tokens: [SearchToken] = []
        mutating func word(exact: UnsafeBufferPointer<UInt8>, folded: UnsafeBufferPointer<UInt8>) {
            let lower = String(decoding: exact, as: UTF8.self)
            let fold = SearchTokenizer.sameBytes(exact, folded) ? lower : String(decoding: folded, as: UTF8.self)
            tokens.append(SearchToken(exact: lower, folded: fold, position: tokens.count))
        }
    }

    /// Cuts UTF-8 text into tokens. ASCII, most of what any page holds, takes a fast path: no
    /// scalar decoding, and lowercasing by arithmetic.
    private struct Scanner<Sink: TokenSink> {
        let bytes: UnsafeBufferPointer<UInt8>
        /// The word being read: where it starts, where its last letter ends (so apostrophes after
        /// it are left out), and whether it is all ASCII.
        var wordStart = -1, wordEnd = -1
        var wordIsASCII = true
        var unspaced: [Unicode.Scalar] = []
        /// Where ASCII words are lowercased and folded, written in place.
        let scratch: UnsafeMutableBufferPointer<UInt8>

        init(bytes: UnsafeBufferPointer<UInt8>, scratch: UnsafeMutableBufferPointer<UInt8>) {
            self.bytes = bytes
            self.scratch = scratch
        }

        mutating func run(into sink: inout Sink) {
            var index = 0
            while index < bytes.count {
                let byte = bytes[index]
                if byte < 0x80 {
                    if (byte >= 0x61 && byte <= 0x7A) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x30 && byte <= 0x39) {
                        // Unspaced characters are only ever waiting between words (one flushes
                        // the word before it is kept), so only a word's first letter flushes them.
                        if wordStart < 0 {
                            flushUnspaced(into: &sink)
                            wordStart = index
                        }
                        wordEnd = index + 1
                    } else if !(byte == 0x27 && wordStart >= 0) {  // "don't": the apostrophe joins
                        flushWord(into: &sink)
                        flushUnspaced(into: &sink)
                    }
                    index += 1
                    continue
                }
                let (scalar, length) = decode(at: index)
                if SearchTokenizer.isUnspacedScript(scalar) {
                    flushWord(into: &sink)
                    unspaced.append(scalar)
                } else if SearchTokenizer.isWordPart(scalar) {
                    if wordStart < 0 {
                        flushUnspaced(into: &sink)
                        wordStart = index
                    }
                    wordEnd = index + length
                    wordIsASCII = false
                } else if scalar.value == 0x2019, wordStart >= 0 {
                    wordIsASCII = false
                } else {
                    flushWord(into: &sink)
                    flushUnspaced(into: &sink)
                }
                index += length
            }
            flushWord(into: &sink)
            flushUnspaced(into: &sink)
        }

        func decode(at index: Int) -> (Unicode.Scalar, Int) {
            let lead = bytes[index]
            let length = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 1
            guard length > 1, index + length <= bytes.count else { return ("\u{FFFD}", 1) }
            var value = UInt32(lead) & (length == 2 ? 0x1F : length == 3 ? 0x0F : 0x07)
            for offset in 1..<length { value = value << 6 | UInt32(bytes[index + offset] & 0x3F) }
            return (Unicode.Scalar(value) ?? "\u{FFFD}", length)
        }

        mutating func flushWord(into sink: inout Sink) {
            guard wordStart >= 0 else { return }
            let slice = UnsafeBufferPointer(rebasing: bytes[wordStart..<wordEnd])
            if wordIsASCII {
                emitASCII(slice, into: &sink)
            } else if let cased = tableCased(slice) {
                sink.word(exact: cased.lower, folded: cased.fold)
            } else {
                var exact = String(decoding: slice, as: UTF8.self).lowercased()
                var folded = SearchTokenizer.foldLowercased(exact)
                exact.withUTF8 { lower in folded.withUTF8 { fold in sink.word(exact: lower, folded: fold) } }
            }
            wordStart = -1
            wordEnd = -1
            wordIsASCII = true
        }

        /// An ASCII word lowercased eight bytes at a time, and without apostrophes for its folded
        /// form; without one (nearly every word) both forms are the same bytes. Its bytes are
        /// letters, digits and apostrophes, and setting bit 5 lowercases a letter and leaves a
        /// digit or an apostrophe as it is.
        func emitASCII(_ slice: UnsafeBufferPointer<UInt8>, into sink: inout Sink) {
            let count = slice.count
            let source = UnsafeRawPointer(slice.baseAddress!), target = UnsafeMutableRawPointer(scratch.baseAddress!)
            var apostrophes: UInt64 = 0
            var offset = 0
            while offset + 8 <= count {
                let lower = source.loadUnaligned(fromByteOffset: offset, as: UInt64.self) | Self.bit5
                target.storeBytes(of: lower, toByteOffset: offset, as: UInt64.self)
                apostrophes |= Self.zeroBytes(lower ^ Self.apostrophes)
                offset += 8
            }
            while offset < count {
                let lower = slice[offset] | 0x20
                scratch[offset] = lower
                if lower == 0x27 { apostrophes = 1 }
                offset += 1
            }
            let exact = UnsafeBufferPointer(rebasing: scratch[0..<count])
            guard apostrophes != 0 else { return sink.word(exact: exact, folded: exact) }
            var end = count
            for index in 0..<count where scratch[index] != 0x27 {
                scratch[end] = scratch[index]
                end += 1
            }
            sink.word(exact: exact, folded: UnsafeBufferPointer(rebasing: scratch[count..<end]))
        }

        private static var bit5: UInt64 { 0x2020_2020_2020_2020 }
        private static var apostrophes: UInt64 { 0x2727_2727_2727_2727 }

        /// Non-zero when any byte of `word` is zero.
        private static func zeroBytes(_ word: UInt64) -> UInt64 {
            (word &- 0x0101_0101_0101_0101) & ~word & 0x8080_8080_8080_8080
        }

        /// The word lowercased and folded scalar by scalar from ``ScalarTables`` into the scratch
        /// buffer's two halves; nil when it has a scalar beyond the tables, or grows past its half
        /// (then whole-word lowercasing and folding decide).
        func tableCased(_ slice: UnsafeBufferPointer<UInt8>) -> (lower: UnsafeBufferPointer<UInt8>, fold: UnsafeBufferPointer<UInt8>)? {
            let half = scratch.count / 2
            var lower = TableWriter(buffer: UnsafeMutableBufferPointer(rebasing: scratch[0..<half]))
            var fold = TableWriter(buffer: UnsafeMutableBufferPointer(rebasing: scratch[half...]))
            var index = 0
            while index < slice.count {
                let byte = slice[index]
                if byte < 0x80 {
                    let lowered = byte.asciiLowercased
                    guard lower.append(lowered), lowered == 0x27 || fold.append(lowered) else { return nil }
                    index += 1
                    continue
                }
                let (scalar, length) = decode(at: wordStart + index)
                guard scalar.value < SearchTokenizer.foldTableEnd,
                      lower.append(SearchTokenizer.tables.lowercase(scalar)),
                      fold.append(SearchTokenizer.tables.fold(scalar)) else { return nil }
                index += length
            }
            return (lower.written, fold.written)
        }

        mutating func flushUnspaced(into sink: inout Sink) {
            guard !unspaced.isEmpty else { return }
            if unspaced.count == 1 {
                var text = String(String.UnicodeScalarView(unspaced))
                text.withUTF8 { sink.word(exact: $0, folded: $0) }
            } else {
                for index in 0..<(unspaced.count - 1) {
                    var pair = String(String.UnicodeScalarView(unspaced[index...(index + 1)]))
                    pair.withUTF8 { sink.word(exact: $0, folded: $0) }
                }
            }
            unspaced.removeAll()
        }
    }

    /// The part of a query word that other forms of it share, for languages that change the ends
    /// of words ("praca", "pracy", "pracą"; "exploit", "exploited"): a five-letter word less its
    /// last letter, a six-letter word likewise, a longer one less two ("county" → "count", so not
    /// "council"). Terms starting with it match, ranked below the word itself. The last word of a
    /// query, still being typed, matches as a prefix from two letters. Nil when only the whole
    /// word should match.
    public static func matchPrefix(_ folded: String, isLast: Bool) -> String? {
        let letters = Array(folded)
        if letters.count >= 5 { return String(letters.prefix(letters.count - (letters.count >= 7 ? 2 : 1))) }
        if isLast && letters.count >= 2 { return folded }
        return nil
    }

    /// Whether two words are the same bytes; the tokenizer passes one buffer as both forms of a
    /// word that folding leaves as it is.
    static func sameBytes(_ a: UnsafeBufferPointer<UInt8>, _ b: UnsafeBufferPointer<UInt8>) -> Bool {
        guard a.count == b.count else { return false }
        guard a.baseAddress != b.baseAddress, !a.isEmpty else { return true }
        return memcmp(a.baseAddress!, b.baseAddress!, a.count) == 0
    }

    /// Arabic's definite article and the particles written joined to it ("ال", "وال", "بال"…):
    /// a word with one is also indexed without, so "عبودية" finds "العبودية" and the other way round.
    static let arabicArticles = ["\u{0648}\u{0627}\u{0644}", "\u{0628}\u{0627}\u{0644}", "\u{0643}\u{0627}\u{0644}",
                                 "\u{0641}\u{0627}\u{0644}", "\u{0644}\u{0644}", "\u{0627}\u{0644}"]

    /// `folded` without a leading Arabic article, when what is left is at least three letters.
    public static func withoutArticle(_ folded: String) -> String? {
        var text = folded
        return text.withUTF8 { bytes in
            articleLength(bytes).map { String(decoding: UnsafeBufferPointer(rebasing: bytes[$0...]), as: UTF8.self) }
        }
    }

    static let arabicArticleBytes = arabicArticles.map { Array($0.utf8) }

    /// How many bytes of the folded word `bytes` are a leading Arabic article (see
    /// ``withoutArticle(_:)``), or nil.
    static func articleLength(_ bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        // U+0600–U+06FF: lead bytes D8–DB.
        guard let first = bytes.first, first >= 0xD8, first <= 0xDB else { return nil }
        for article in arabicArticleBytes where bytes.count >= article.count && bytes.prefix(article.count).elementsEqual(article) {
            let scalarsLeft = bytes[article.count...].reduce(0) { $0 + ($1 & 0xC0 == 0x80 ? 0 : 1) }
            return scalarsLeft >= 3 ? article.count : nil
        }
        return nil
    }

    /// Lowercase text with accents, letter variants and apostrophes removed: `Łańcuch` → `lancuch`,
    /// `Việt` → `viet`, `ș` and `ş` → `s`, Arabic vowel marks and letter forms unified.
    public static func fold(_ text: String) -> String { foldLowercased(text.lowercased()) }

    /// ``fold(_:)`` of text that is already lowercase.
    static func foldLowercased(_ lower: String) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(lower.utf8.count)
        for scalar in lower.unicodeScalars {
            let value = scalar.value
            if value < 0x80 {
                if value != 0x27 { out.append(UInt8(value)) }
            } else if value < foldTableEnd {
                out += foldTable[Int(value) - 0x80]
            } else {
                return slowFold(lower)  // beyond the table (e.g. Hangul): decompose the whole word
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// Scalars below this have their fold looked up in ``foldTable``.
    static let foldTableEnd: UInt32 = 0x3000

    /// The UTF-8 of what each scalar from U+0080 to U+2FFF folds to (itself, for most): Latin,
    /// Greek, Cyrillic, Arabic, Vietnamese and the rest, made once from ``slowFold(_:)``.
    static let foldTable: [[UInt8]] = (UInt32(0x80)..<foldTableEnd).map { value in
        guard let scalar = Unicode.Scalar(value) else { return [] }
        return Array(slowFold(String(Character(scalar))).utf8)
    }

    /// The definition of folding: lowercase, canonical decomposition, marks dropped, then letters
    /// that do not decompose mapped by hand.
    static func slowFold(_ text: String) -> String {
        var out = String.UnicodeScalarView()
        for scalar in text.lowercased().decomposedStringWithCanonicalMapping.unicodeScalars {
            switch scalar.properties.generalCategory {
            case .nonspacingMark, .enclosingMark, .spacingMark:
                continue
            default:
                break
            }
            if let replacement = letterFolds[scalar] {
                out.append(contentsOf: replacement.unicodeScalars)
            } else if scalar == "\u{0640}" || scalar == "'" || scalar == "\u{2019}" {
                continue  // Arabic tatweel (stretching, not a letter) and apostrophes
            } else {
                out.append(scalar)
            }
        }
        return String(out)
    }

    /// Letters that do not decompose into a base letter and a mark.
    static let letterFolds: [Unicode.Scalar: String] = [
        "ł": "l", "đ": "d", "ð": "d", "ø": "o", "ß": "ss", "æ": "ae", "œ": "oe", "ı": "i", "þ": "th", "ħ": "h",
        // Arabic: hamza forms of alef to alef, alef maqsura to ya, ta marbuta to ha.
        "\u{0623}": "\u{0627}", "\u{0625}": "\u{0627}", "\u{0622}": "\u{0627}", "\u{0671}": "\u{0627}",
        "\u{0649}": "\u{064A}", "\u{0629}": "\u{0647}",
    ]

    static func isWordPart(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value < foldTableEnd ? tables.isWordPart(scalar) : hasWordPartProperties(scalar)
    }

    /// Letters, digits and the marks that belong to them.
    static func hasWordPartProperties(_ scalar: Unicode.Scalar) -> Bool {
        let properties = scalar.properties
        return properties.isAlphabetic || properties.numericType != nil
            || properties.generalCategory == .nonspacingMark || properties.generalCategory == .spacingMark
    }

    /// Han, Hiragana, Katakana, Thai, Lao, Khmer and Myanmar.
    static func isUnspacedScript(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x3040...0x30FF, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xF900...0xFAFF, 0x20000...0x2FA1F,  // kana, Han
             0x0E00...0x0E7F, 0x0E80...0x0EFF, 0x1780...0x17FF, 0x1000...0x109F:  // Thai, Lao, Khmer, Myanmar
            return true
        default:
            return false
        }
    }
}

/// Appends bytes to a fixed buffer, refusing what does not fit.
private struct TableWriter {
    let buffer: UnsafeMutableBufferPointer<UInt8>
    var count = 0

    var written: UnsafeBufferPointer<UInt8> { UnsafeBufferPointer(rebasing: buffer[0..<count]) }

    mutating func append(_ byte: UInt8) -> Bool {
        guard count < buffer.count else { return false }
        buffer[count] = byte
        count += 1
        return true
    }

    mutating func append(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard count + bytes.count <= buffer.count else { return false }
        for byte in bytes {
            buffer[count] = byte
            count += 1
        }
        return true
    }
}
