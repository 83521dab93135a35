import Foundation

/// Terms as bytes, numbered in the order they were added, all in one buffer, each with its hash:
/// a page's words, or a language's vocabulary, without a `String` (and a hash of it) per word.
struct TermList: Sendable {
    private(set) var bytes: [UInt8] = []
    /// Term `n` is `bytes[ends[n]..<ends[n + 1]]`.
    private(set) var ends: [Int32] = [0]
    private(set) var hashes: [UInt64] = []

    var count: Int { hashes.count }

    mutating func append(_ term: UnsafeBufferPointer<UInt8>, hash: UInt64) {
        bytes.append(contentsOf: term)
        ends.append(Int32(bytes.count))
        hashes.append(hash)
    }

    /// Calls `body` with term `number`'s bytes.
    func withTerm<Result>(_ number: Int, _ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result {
        bytes.withUnsafeBufferPointer { all in
            body(UnsafeBufferPointer(rebasing: all[Int(ends[number])..<Int(ends[number + 1])]))
        }
    }

    func string(_ number: Int) -> String {
        withTerm(number) { String(decoding: $0, as: UTF8.self) }
    }

    /// Whether term `number` is `term`.
    func hasTerm(_ number: Int, equalTo term: UnsafeBufferPointer<UInt8>) -> Bool {
        let start = Int(ends[number]), end = Int(ends[number + 1])
        guard end - start == term.count else { return false }
        return bytes.withUnsafeBufferPointer { all in
            term.isEmpty || memcmp(all.baseAddress! + start, term.baseAddress!, term.count) == 0
        }
    }

    /// Eight bytes at a time, each word multiplied in, then mixed so the low bits the table
    /// uses depend on every byte. Only the tables use it (nothing written depends on it), and a
    /// byte-at-a-time hash was a tenth of the time spent counting words.
    static func hash(_ term: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var hash = 0x9e37_79b9_7f4a_7c15 ^ UInt64(term.count)
        guard let base = UnsafeRawPointer(term.baseAddress) else { return mix(hash) }
        var offset = 0
        while offset + 8 <= term.count {
            hash = (hash ^ base.loadUnaligned(fromByteOffset: offset, as: UInt64.self)) &* 0xff51_afd7_ed55_8ccd
            hash ^= hash >> 29
            offset += 8
        }
        if offset < term.count {
            var tail: UInt64 = 0
            for index in offset..<term.count { tail |= UInt64(term[index]) << (8 * UInt64(index - offset)) }
            hash = (hash ^ tail) &* 0xc4ce_b9fe_1a85_ec53
        }
        return mix(hash)
    }

    private static func mix(_ value: UInt64) -> UInt64 {
        var hash = value ^ (value >> 33)
        hash &*= 0xd6e8_feb8_6659_fd93
        return hash ^ (hash >> 32)
    }
}

/// A ``TermList`` with an open-addressing hash table over it, to find a term's number.
struct TermTable: Sendable {
    private(set) var list = TermList()
    /// Term numbers, -1 for empty; a power of two long, never more than half full.
    private var slots: [Int32]

    init(capacity: Int = 32) {
        var size = 16
        while size < capacity * 2 { size *= 2 }
        slots = [Int32](repeating: -1, count: size)
    }

    var count: Int { list.count }

    /// The number of `term` (whose ``TermList/hash(_:)`` is `hash`), added if new.
    mutating func number(of term: UnsafeBufferPointer<UInt8>, hash: UInt64) -> (number: Int, isNew: Bool) {
        let mask = slots.count - 1
        var slot = Int(truncatingIfNeeded: hash) & mask
        while true {
            let found = Int(slots[slot])
            if found < 0 { break }
            if list.hashes[found] == hash && list.hasTerm(found, equalTo: term) { return (found, false) }
            slot = (slot + 1) & mask
        }
        let number = list.count
        list.append(term, hash: hash)
        slots[slot] = Int32(number)
        if list.count * 2 > slots.count { grow() }
        return (number, true)
    }

    mutating func number(of term: UnsafeBufferPointer<UInt8>) -> (number: Int, isNew: Bool) {
        number(of: term, hash: TermList.hash(term))
    }

    private mutating func grow() {
        slots = [Int32](repeating: -1, count: slots.count * 2)
        let mask = slots.count - 1
        for (number, hash) in list.hashes.enumerated() {
            var slot = Int(truncatingIfNeeded: hash) & mask
            while slots[slot] >= 0 { slot = (slot + 1) & mask }
            slots[slot] = Int32(number)
        }
    }
}
