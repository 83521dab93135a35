/// What the tokenizer needs to know of each scalar from U+0080 to U+2FFF — whether it is part
/// of a word, its lowercase and its fold, as UTF-8 — worked out once from the Unicode properties
/// and ``SearchTokenizer/foldLowercased(_:)``, so most non-ASCII words (Polish, Romanian,
/// Vietnamese, Arabic…) are cased and folded by table lookups instead of `String.lowercased()`.
/// Kept flat: one byte buffer per table and where each scalar's bytes start. The buffers are
/// filled once, never changed and freed with the tables, so the tokenizer reads a scalar's bytes
/// in place, without a copy or a reference count.
final class ScalarTables: @unchecked Sendable {
    private static let first: UInt32 = 0x80
    private let wordParts: [Bool]
    private let lowerStorage: UnsafeMutableBufferPointer<UInt8>, lowerStarts: [Int32]
    private let foldStorage: UnsafeMutableBufferPointer<UInt8>, foldStarts: [Int32]

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
        lowerStorage = ScalarTables.stored(lowerBytes)
        self.lowerStarts = lowerStarts
        foldStorage = ScalarTables.stored(foldBytes)
        self.foldStarts = foldStarts
    }

    deinit {
        lowerStorage.deallocate()
        foldStorage.deallocate()
    }

    private static func stored(_ bytes: [UInt8]) -> UnsafeMutableBufferPointer<UInt8> {
        let storage = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: bytes.count)
        _ = storage.initialize(from: bytes)
        return storage
    }

    /// For scalars from U+0080 up to the tables' end only.
    func isWordPart(_ scalar: Unicode.Scalar) -> Bool { wordParts[Int(scalar.value - ScalarTables.first)] }

    /// The scalar's lowercase form as UTF-8, from the tables' own storage.
    func lowercase(_ scalar: Unicode.Scalar) -> UnsafeBufferPointer<UInt8> {
        let slot = Int(scalar.value - ScalarTables.first)
        return UnsafeBufferPointer(rebasing: lowerStorage[Int(lowerStarts[slot])..<Int(lowerStarts[slot + 1])])
    }

    /// The scalar's folded form as UTF-8, from the tables' own storage.
    func fold(_ scalar: Unicode.Scalar) -> UnsafeBufferPointer<UInt8> {
        let slot = Int(scalar.value - ScalarTables.first)
        return UnsafeBufferPointer(rebasing: foldStorage[Int(foldStarts[slot])..<Int(foldStarts[slot + 1])])
    }
}

extension SearchTokenizer {
    /// Built on first use, once per process.
    static let tables = ScalarTables(end: foldTableEnd)
}
