/// Escaping for text placed in HTML and XML.
public enum HTMLEscape {
    /// Escapes `& < > " '` so text can sit in content or a quoted attribute.
    public static func escape(_ text: String) -> String {
        guard text.containsUTF8Byte(where: needsEscape) else { return text }
        var out = [UInt8]()
        out.reserveCapacity(text.utf8.count + 16)
        append(text, to: &out)
        return String(decoding: out, as: UTF8.self)
    }

    /// Appends `text` escaped to a byte buffer; the Markdown renderer's hot path, so it copies
    /// runs of ordinary bytes at once instead of byte by byte.
    public static func append(_ text: String, to out: inout [UInt8]) {
        text.appendUTF8(to: &out, escaping: needsEscape) { appendEntity(for: $0, to: &$1) }
    }

    /// `" & ' < >` as bits of one mask (all are below 64): letters, most of any text, fail the
    /// first comparison.
    @inline(__always)
    static func needsEscape(_ byte: UInt8) -> Bool {
        byte < 64 && (0x5000_00C4_0000_0000 as UInt64) >> UInt64(byte) & 1 == 1
    }

    static func appendEntity(for byte: UInt8, to out: inout [UInt8]) {
        let entity: StaticString
        switch byte {
        case 0x26: entity = "&amp;"
        case 0x3C: entity = "&lt;"
        case 0x3E: entity = "&gt;"
        case 0x22: entity = "&quot;"
        default: entity = "&#39;"
        }
        entity.withUTF8Buffer { out.append(contentsOf: $0) }
    }
}
