import Foundation
import WaymarkCore

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

    /// FNV-1a, then mixed so the low bits the table uses depend on every byte.
    static func hash(_ term: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var hash = ContentHash.fnv1a(term)
        hash ^= hash >> 32
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
