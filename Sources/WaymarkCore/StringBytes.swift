import Foundation

extension String {
    /// Whether any byte of the text's UTF-8 satisfies `predicate`, scanned as one contiguous buffer:
    /// going through `utf8` byte by byte costs many times more, and callers ask this of every piece
    /// of text a build writes (escaping HTML and JSON). Inlinable, so the predicate is inlined into
    /// the loop instead of called for each byte from another module.
    @inlinable public func containsUTF8Byte(where predicate: (UInt8) -> Bool) -> Bool {
        var text = self
        return text.withUTF8 { $0.contains(where: predicate) }
    }

    /// Appends the string's UTF-8 to `out` with each byte that `needsEscape` written by
    /// `escape` instead, copying the runs between such bytes whole: HTML and JSON escaping both
    /// run over every piece of text a build writes. Inlinable, for the same reason as
    /// ``containsUTF8Byte(where:)``.
    @inlinable public func appendUTF8(to out: inout [UInt8], escaping needsEscape: (UInt8) -> Bool,
                                      with escape: (UInt8, inout [UInt8]) -> Void) {
        var text = self
        text.withUTF8 { bytes in
            var runStart = 0
            for index in 0..<bytes.count where needsEscape(bytes[index]) {
                if runStart < index { out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<index])) }
                escape(bytes[index], &out)
                runStart = index + 1
            }
            if runStart < bytes.count { out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart...])) }
        }
    }
}

extension UInt8 {
    /// The byte with an ASCII capital letter made small, every other byte as it is: lowercasing
    /// by arithmetic, for the scans that read text as UTF-8.
    @inlinable public var asciiLowercased: UInt8 { self >= 0x41 && self <= 0x5A ? self + 0x20 : self }
}

extension String {
    /// The text with `%XX` escapes decoded, or nil when one is malformed, as Foundation's
    /// `removingPercentEncoding`; text without `%` is returned as it is, without the trip
    /// through CFString that made decoding every link of a page cost more than resolving it.
    public var percentDecoded: String? {
        containsUTF8Byte { $0 == UInt8(ascii: "%") } ? removingPercentEncoding : self
    }
}
