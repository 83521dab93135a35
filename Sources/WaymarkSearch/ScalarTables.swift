/// What the tokenizer needs to know of each scalar from U+0080 to U+2FFF — whether it is part
/// of a word, its lowercase and its fold, as UTF-8 — worked out once from the Unicode properties
/// and ``SearchTokenizer/foldLowercased(_:)``, so most non-ASCII words (Polish, Romanian,
/// Vietnamese, Arabic…) are cased and folded by table lookups instead of `String.lowercased()`.
/// Kept flat: one byte array per table and where each scalar's bytes start.
struct ScalarTables: Sendable {
    private static let first: UInt32 = 0x80
    private let wordParts: [Bool]
    private let lowerBytes: [UInt8], lowerStarts: [Int32]
    private let foldBytes: [UInt8], foldStarts: [Int32]

    init(end: UInt32) {
        var wordParts: [Bool] = [], lowerBytes: [UInt8] = [], lowerStarts: [Int32] = [0]
        var foldBytes: [UInt8] = [], foldStarts: [Int32] = [0]
        for value in ScalarTables.first..<end {
            let scalar = Unicode.Scalar(value) ?? "\u{FFFD}"
            let lower = String(Character(scalar)).lowercased()
            wordParts.append(SearchTokenizer.hasWordPartProperties(scalar))
            lowerBytes += lower.utf8
            lowerStarts.append(Int32(lowerBytes.count))
            foldBytes += SearchTokenizer.foldLowercased(lower).utf8
            foldStarts.append(Int32(foldBytes.count))
        }
        self.wordParts = wordParts
        self.lowerBytes = lowerBytes
        self.lowerStarts = lowerStarts
        self.foldBytes = foldBytes
        self.foldStarts = foldStarts
    }

    /// For scalars from U+0080 up to the tables' end only.
    func isWordPart(_ scalar: Unicode.Scalar) -> Bool { wordParts[Int(scalar.value - ScalarTables.first)] }

    func appendLowercase(_ scalar: Unicode.Scalar, to out: inout [UInt8]) {
        let slot = Int(scalar.value - ScalarTables.first)
        out += lowerBytes[Int(lowerStarts[slot])..<Int(lowerStarts[slot + 1])]
    }

    func appendFold(_ scalar: Unicode.Scalar, to out: inout [UInt8]) {
        let slot = Int(scalar.value - ScalarTables.first)
        out += foldBytes[Int(foldStarts[slot])..<Int(foldStarts[slot + 1])]
    }
}

extension SearchTokenizer {
    /// Built on first use, once per process.
    static let tables = ScalarTables(end: foldTableEnd)
}
