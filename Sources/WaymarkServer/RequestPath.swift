import Foundation

/// The path of a request, percent-decoded exactly once and checked to stay inside the site.
///
/// FlyingFox's `request.path` is standardised *and* decoded (`/a%2f..%2f..` comes out as
/// `/a/../..`), so the server reads the raw target instead and refuses anything that could name a
/// file outside the site, rather than trying to repair it.
struct RequestPath: Equatable {
    /// Decoded, starting with `/`, e.g. `/pl/o nas/`.
    let decoded: String
    /// As the browser sent it, still percent-encoded; safe to echo in a `Location` header.
    let raw: String

    /// Longer addresses than this are refused: no page of a site needs one.
    static let maximumLength = 2_048

    /// Why a path was refused; each one is answered with 400.
    enum Refusal: Error, Equatable {
        case tooLong, notAbsolute, badEscape, encodedSeparator, controlCharacter, notUTF8, dotSegment, emptySegment
    }

    static func parse(_ raw: String) -> Result<RequestPath, Refusal> {
        guard raw.utf8.count <= maximumLength else { return .failure(.tooLong) }
        guard raw.hasPrefix("/") else { return .failure(.notAbsolute) }
        switch decode(Array(raw.utf8)) {
        case .failure(let refusal): return .failure(refusal)
        case .success(let bytes):
            guard let decoded = String(validating: bytes, as: UTF8.self) else { return .failure(.notUTF8) }
            if let refusal = checkSegments(decoded) { return .failure(refusal) }
            return .success(RequestPath(decoded: decoded, raw: raw))
        }
    }

    /// One pass of percent-decoding; `%2F` and `\` (either way) would let a segment hide a separator.
    private static func decode(_ input: [UInt8]) -> Result<[UInt8], Refusal> {
        var out = [UInt8]()
        out.reserveCapacity(input.count)
        var index = 0
        while index < input.count {
            var byte = input[index]
            if byte == UInt8(ascii: "%") {
                guard index + 2 < input.count, let high = hex(input[index + 1]), let low = hex(input[index + 2]) else {
                    return .failure(.badEscape)
                }
                byte = high << 4 | low
                if byte == UInt8(ascii: "/") { return .failure(.encodedSeparator) }
                index += 2
            }
            if byte == UInt8(ascii: "\\") { return .failure(.encodedSeparator) }
            if byte < 0x20 || byte == 0x7F { return .failure(.controlCharacter) }
            out.append(byte)
            index += 1
        }
        return .success(out)
    }

    private static func checkSegments(_ decoded: String) -> Refusal? {
        let segments = decoded.split(separator: "/", omittingEmptySubsequences: false).dropFirst()
        for (position, segment) in segments.enumerated() {
            if segment == "." || segment == ".." { return .dotSegment }
            // Only the last segment may be empty: that is the trailing slash of `/about/`.
            if segment.isEmpty, position < segments.count - 1 { return .emptySegment }
        }
        return nil
    }

    private static func hex(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
        default: nil
        }
    }
}
