#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Turns the bytes of a source file into text: strips a UTF-8 byte-order mark, turns Windows
/// (CR LF) and old Mac (CR) line endings into LF, and explains files that are not UTF-8.
///
/// Every line ending stays one line ending, so line numbers are the same as in the file. The
/// common case (valid UTF-8, LF endings) costs two `memchr` scans and the standard library's
/// validation; only files with CRs are rewritten, in one pass over the bytes.
public enum TextDecoding {
    /// Why bytes are not text Waymark can read.
    public enum Problem: Error, Sendable, Hashable {
        /// Saved as UTF-16 ("Unicode" in Notepad); `offset` is the first byte that shows it.
        case utf16(bigEndian: Bool, offset: Int)
        /// A NUL byte, which no text file contains.
        case nul(offset: Int)
        /// A byte sequence that is not UTF-8 (often Windows-1252: `0xE9` for é).
        case notUTF8(offset: Int)

        public var offset: Int {
            switch self {
            case .utf16(_, let offset), .nul(let offset), .notUTF8(let offset): return offset
            }
        }
    }

    /// The text of `bytes`, or the first problem found. Offsets in a problem are into `bytes`.
    public static func decode(_ bytes: [UInt8]) -> Result<String, Problem> {
        if let problem = utf16Problem(bytes) { return .failure(problem) }
        var normalised = bytes
        normaliseLineEndings(&normalised)
        // The standard library's validation is the fast path; the slow scan below runs only to
        // name the offending byte of a file that has already failed.
        if let text = String(validating: normalised, as: UTF8.self) { return .success(text) }
        return .failure(.notUTF8(offset: firstInvalidUTF8Offset(bytes) ?? 0))
    }

    /// The line (from 1) that byte `offset` is on, counting LF, CR LF and lone CR as one break each.
    public static func line(at offset: Int, in bytes: [UInt8]) -> Int {
        var line = 1
        var index = 0
        let end = min(offset, bytes.count)
        while index < end {
            if bytes[index] == 0x0A {
                line += 1
            } else if bytes[index] == 0x0D {
                line += 1
                if index + 1 < end, bytes[index + 1] == 0x0A { index += 1 }
            }
            index += 1
        }
        return line
    }

    /// The text on the line of `offset` before it (valid UTF-8 up to the first bad byte), for
    /// pointing at the spot in a message.
    public static func textBefore(_ offset: Int, in bytes: [UInt8]) -> String {
        var start = min(offset, bytes.count)
        while start > 0, bytes[start - 1] != 0x0A, bytes[start - 1] != 0x0D, offset - start < 200 { start -= 1 }
        return String(decoding: bytes[start..<min(offset, bytes.count)], as: UTF8.self)
    }

    // MARK: - Steps

    /// A UTF-16 byte-order mark, or NUL bytes; nil when neither.
    static func utf16Problem(_ bytes: [UInt8]) -> Problem? {
        if bytes.count >= 2, bytes[0] == 0xFF, bytes[1] == 0xFE { return .utf16(bigEndian: false, offset: 0) }
        if bytes.count >= 2, bytes[0] == 0xFE, bytes[1] == 0xFF { return .utf16(bigEndian: true, offset: 0) }
        guard let nul = firstNUL(bytes) else { return nil }
        // Without a byte-order mark, UTF-16 shows itself as zero bytes on one side of each pair:
        // every ASCII letter, space and line break has a zero high byte.
        let sample = bytes.prefix(4096)
        var even = 0, odd = 0
        for (index, byte) in sample.enumerated() where byte == 0 {
            if index % 2 == 0 { even += 1 } else { odd += 1 }
        }
        let pairs = max(sample.count / 2, 1)
        if odd >= 4, odd * 8 >= pairs, even * 8 <= odd { return .utf16(bigEndian: false, offset: nul) }
        if even >= 4, even * 8 >= pairs, odd * 8 <= even { return .utf16(bigEndian: true, offset: nul) }
        return .nul(offset: nul)
    }

    static func firstNUL(_ bytes: [UInt8]) -> Int? {
        bytes.withUnsafeBufferPointer { buffer in
            guard let base = buffer.baseAddress, let hit = memchr(base, 0, buffer.count) else { return nil }
            return base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
        }
    }

    /// Removes a leading UTF-8 byte-order mark and rewrites CR LF and lone CR as LF, in place.
    static func normaliseLineEndings(_ bytes: inout [UInt8]) {
        let hasBOM = bytes.count >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF
        let hasCR = bytes.withUnsafeBufferPointer { buffer in
            buffer.baseAddress.map { memchr($0, 0x0D, buffer.count) != nil } ?? false
        }
        guard hasBOM || hasCR else { return }
        let count = bytes.withUnsafeMutableBufferPointer { buffer -> Int in
            var read = hasBOM ? 3 : 0
            var write = 0
            let end = buffer.count
            while read < end {
                let byte = buffer[read]
                read += 1
                if byte == 0x0D {
                    buffer[write] = 0x0A
                    if read < end, buffer[read] == 0x0A { read += 1 }
                } else {
                    buffer[write] = byte
                }
                write += 1
            }
            return write
        }
        bytes.removeLast(bytes.count - count)
    }

    /// Offset of the first byte that does not start or continue a valid UTF-8 sequence
    /// (overlong forms, surrogates and values past U+10FFFF included).
    static func firstInvalidUTF8Offset(_ bytes: [UInt8]) -> Int? {
        var index = 0
        while index < bytes.count {
            let lead = bytes[index]
            let length: Int
            var low: UInt8 = 0x80, high: UInt8 = 0xBF
            switch lead {
            case 0x00...0x7F: index += 1; continue
            case 0xC2...0xDF: length = 2
            case 0xE0: length = 3; low = 0xA0
            case 0xE1...0xEC, 0xEE...0xEF: length = 3
            case 0xED: length = 3; high = 0x9F
            case 0xF0: length = 4; low = 0x90
            case 0xF1...0xF3: length = 4
            case 0xF4: length = 4; high = 0x8F
            default: return index
            }
            for step in 1..<length {
                guard index + step < bytes.count else { return index }
                let byte = bytes[index + step]
                let range: ClosedRange<UInt8> = step == 1 ? low...high : 0x80...0xBF
                if !range.contains(byte) { return index }
            }
            index += length
        }
        return nil
    }

    /// What a byte means in Windows-1252, the usual encoding of text that is not UTF-8 on
    /// Windows in Western Europe; nil for the five bytes it leaves undefined.
    public static func windows1252(_ byte: UInt8) -> Character? {
        switch byte {
        case 0x00...0x7F, 0xA0...0xFF: return Character(Unicode.Scalar(byte))
        default:
            let table: [UInt32?] = [
                0x20AC, nil, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, nil, 0x017D, nil,
                nil, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, nil, 0x017E, 0x0178,
            ]
            return table[Int(byte - 0x80)].flatMap(Unicode.Scalar.init).map(Character.init)
        }
    }
}
