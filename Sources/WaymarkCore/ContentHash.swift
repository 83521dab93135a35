/// A short, stable fingerprint of bytes, used in asset file names so hosts can cache them forever.
///
/// FNV-1a (64-bit) is enough here: it only has to change when the file changes, it is not a
/// security boundary, and it keeps the build free of a cryptography dependency.
public enum ContentHash {
    /// 64-bit FNV-1a of `bytes`.
    @inlinable public static func fnv1a<Bytes: Sequence>(_ bytes: Bytes) -> UInt64 where Bytes.Element == UInt8 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in bytes {
            hash ^= UInt64(byte)
            hash &*= 0x0000_0100_0000_01b3
        }
        return hash
    }

    /// The first `length` lowercase hex digits of the fingerprint.
    @inlinable public static func hex<Bytes: Sequence>(_ bytes: Bytes, length: Int = 10) -> String where Bytes.Element == UInt8 {
        let digits = String(fnv1a(bytes), radix: 16)
        let padded = String(repeating: "0", count: max(0, 16 - digits.count)) + digits
        return String(padded.prefix(length))
    }
}
