import Foundation

extension Mutator {
    mutating func applyBytes(_ mutation: Mutation, to data: Data) -> (Data, String) {
        var bytes = [UInt8](data)
        switch mutation {
        case .flipBit:
            guard !bytes.isEmpty else { return (data, "empty file") }
            let at = random.below(bytes.count), bit = random.below(8)
            bytes[at] ^= UInt8(1 << bit)
            return (Data(bytes), "byte \(at) bit \(bit)")
        case .insertRandomBytes:
            let at = position(in: bytes.count), count = 1 + random.below(16)
            bytes.insert(contentsOf: (0..<count).map { _ in UInt8(truncatingIfNeeded: random.next()) }, at: at)
            return (Data(bytes), "\(count) at \(at)")
        case .deleteBytes:
            guard !bytes.isEmpty else { return (data, "empty file") }
            let at = random.below(bytes.count), count = min(bytes.count - at, 1 + random.below(64))
            bytes.removeSubrange(at..<(at + count))
            return (Data(bytes), "\(count) at \(at)")
        case .duplicateBytes:
            guard !bytes.isEmpty else { return (data, "empty file") }
            let at = random.below(bytes.count), count = min(bytes.count - at, 1 + random.below(256))
            bytes.insert(contentsOf: bytes[at..<(at + count)], at: at + count)
            return (Data(bytes), "\(count) at \(at)")
        case .insertInvalidUTF8:
            // A stray Latin-1 byte, a broken two-byte sequence, an encoded surrogate, an overlong '/'.
            let sequences: [[UInt8]] = [[0xFF], [0xE9], [0xC3, 0x28], [0xED, 0xA0, 0x80], [0xC0, 0xAF], [0xF8, 0x88, 0x80, 0x80, 0x80]]
            let choice = random.below(sequences.count), at = position(in: bytes.count)
            bytes.insert(contentsOf: sequences[choice], at: at)
            return (Data(bytes), "\(sequences[choice].map { String($0, radix: 16) }.joined(separator: " ")) at \(at)")
        case .insertNUL:
            let at = position(in: bytes.count)
            bytes.insert(0, at: at)
            return (Data(bytes), "at \(at)")
        case .addBOM:
            return (Data([0xEF, 0xBB, 0xBF] + bytes), "")
        case .crlfLineEndings:
            return (Data(bytes.flatMap { $0 == 0x0A ? [0x0D, 0x0A] : [$0] }), "")
        case .crLineEndings:
            return (Data(bytes.map { $0 == 0x0A ? 0x0D : $0 }), "")
        case .utf16:
            // What "Save as Unicode" in some Windows editors writes.
            let text = String(decoding: bytes, as: UTF8.self)
            let bigEndian = random.chance(50)
            let units = text.utf16.flatMap { unit -> [UInt8] in
                bigEndian ? [UInt8(unit >> 8), UInt8(unit & 0xFF)] : [UInt8(unit & 0xFF), UInt8(unit >> 8)]
            }
            return (Data((bigEndian ? [0xFE, 0xFF] : [0xFF, 0xFE]) + units), bigEndian ? "big-endian" : "little-endian")
        default:
            preconditionFailure("\(mutation) is not a byte mutation")
        }
    }
}
