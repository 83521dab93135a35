import Foundation
import WaymarkCore

/// Adds the preview's script and overlay to a copy of a page; the snapshot's bytes stay as built.
enum HTMLInjection {
    /// `head` goes before `</head>` (or `</body>`, or the end); `body` right after the `<body…>` tag
    /// (or where `head` went when there is no body tag).
    static func inject(into page: Data, head: String, body: String) -> Data {
        let bytes = [UInt8](page)
        var insertions: [(Int, String)] = []
        let headAt = find("</head", in: bytes) ?? find("</body", in: bytes) ?? bytes.count
        insertions.append((headAt, head))
        if !body.isEmpty { insertions.append((bodyContentStart(bytes) ?? headAt, "\n" + body + "\n")) }
        var out = Data(capacity: bytes.count + head.utf8.count + body.utf8.count + 2)
        var copied = 0
        for (offset, text) in insertions.sorted(by: { $0.0 < $1.0 }) {
            out.append(contentsOf: bytes[copied..<offset])
            out.append(contentsOf: Array(text.utf8))
            copied = offset
        }
        out.append(contentsOf: bytes[copied...])
        return out
    }

    /// The `lang` and `dir` of the page's `<html>` tag, e.g. (`ar`, `rtl`).
    static func documentLanguage(_ page: Data) -> (language: String?, direction: String?) {
        let bytes = [UInt8](page.prefix(8_192))
        guard let start = find("<html", in: bytes), let end = bytes[start...].firstIndex(of: UInt8(ascii: ">")) else { return (nil, nil) }
        let tag = String(decoding: bytes[start..<end], as: UTF8.self)
        return (attribute("lang", in: tag), attribute("dir", in: tag)?.lowercased())
    }

    /// Just after the `>` of `<body …>`.
    private static func bodyContentStart(_ bytes: [UInt8]) -> Int? {
        var from = 0
        while let start = find("<body", in: bytes, from: from) {
            let next = start + 5
            guard next < bytes.count else { return nil }
            // `<bodyguard>` is not the body tag.
            if [UInt8(ascii: ">"), 0x20, 0x09, 0x0A, 0x0D, UInt8(ascii: "/")].contains(bytes[next]) {
                return bytes[next...].firstIndex(of: UInt8(ascii: ">")).map { $0 + 1 }
            }
            from = next
        }
        return nil
    }

    /// The value of `name="…"` (or single quotes, or bare) in a tag's text.
    private static func attribute(_ name: String, in tag: String) -> String? {
        let pattern = "[\\s]\(name)\\s*=\\s*(?:\"([^\"]*)\"|'([^']*)'|([^\\s>]+))"
        guard let regex = try? NSRegularExpression(pattern: pattern, options: [.caseInsensitive]),
              let match = regex.firstMatch(in: tag, range: NSRange(tag.startIndex..., in: tag)) else { return nil }
        for group in 1...3 {
            if let range = Range(match.range(at: group), in: tag) { return String(tag[range]) }
        }
        return nil
    }

    /// Offset of `needle` (ASCII, matched without regard to case) in `bytes`.
    static func find(_ needle: String, in bytes: [UInt8], from: Int = 0) -> Int? {
        let pattern = Array(needle.lowercased().utf8)
        guard !pattern.isEmpty, bytes.count >= pattern.count, from <= bytes.count - pattern.count else { return nil }
        outer: for start in from...(bytes.count - pattern.count) {
            for (offset, expected) in pattern.enumerated() where bytes[start + offset].asciiLowercased != expected {
                continue outer
            }
            return start
        }
        return nil
    }
}
