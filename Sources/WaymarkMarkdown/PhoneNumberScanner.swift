import WaymarkCore

/// Finds text that looks like a UK phone number typed by hand into a page, so the site can warn
/// when it is not one of the published contacts (a digit dropped from a helpline number is a
/// safety defect, not a typo).
public enum PhoneNumberScanner {
    /// A number-like run of text and the line it is on.
    public struct Candidate: Sendable, Equatable {
        public var text: String
        /// Digits only, with `+44` written as a leading 0.
        public var digits: String
        public var line: Int
    }

    /// Every run of digits (with single spaces or hyphens between groups) that starts with 0 and
    /// has 10 or 11 digits, or starts with +44. Code is not prose and is skipped.
    public static func candidates(in document: MarkdownDocument) -> [Candidate] {
        var found: [Candidate] = []
        for block in document.blocks { scan(block, into: &found) }
        return found
    }

    private static func scan(_ block: MarkdownBlock, into found: inout [Candidate]) {
        switch block {
        case .paragraph(let inlines, let line), .heading(_, let inlines, let line):
            var current = line
            scan(inlines, line: &current, into: &found)
        case .blockQuote(let blocks, _):
            for child in blocks { scan(child, into: &found) }
        case .list(let list, _):
            for item in list.items { for child in item { scan(child, into: &found) } }
        case .table(let table, let line):
            for cell in table.header + table.rows.flatMap({ $0 }) {
                var current = line
                scan(cell, line: &current, into: &found)
            }
        case .codeBlock, .htmlBlock, .thematicBreak, .directive:
            break
        }
    }

    private static func scan(_ inlines: [MarkdownInline], line: inout Int, into found: inout [Candidate]) {
        for inline in inlines {
            switch inline {
            case .text(let text): found.append(contentsOf: numbers(in: text, line: line))
            case .softBreak, .lineBreak: line += 1
            case .emphasis(let children), .strong(let children), .link(_, _, let children, _):
                scan(children, line: &line, into: &found)
            case .code, .html, .image, .directive: break
            }
        }
    }

    /// Number-like runs in one piece of text. Works on UTF-8 bytes: it reads every word of
    /// every page, and only ASCII digits, `+`, spaces and hyphens can make a phone number.
    static func numbers(in text: String, line: Int) -> [Candidate] {
        var result: [Candidate] = []
        // Most text nodes hold no digit at all; they need no copy of their bytes.
        guard text.containsUTF8Byte(where: isDigit) else { return result }
        let bytes = Array(text.utf8)
        var index = 0
        while index < bytes.count {
            let startsRun = isDigit(bytes[index]) || (bytes[index] == plus && index + 1 < bytes.count && isDigit(bytes[index + 1]))
            // A number glued to a word ("A1", "x0800…") is not a phone number; any non-ASCII byte
            // before it counts as part of a word.
            guard startsRun, index == 0 || !isWordByte(bytes[index - 1]) else {
                index += 1
                continue
            }
            var end = index + 1
            while end < bytes.count {
                if isDigit(bytes[end]) {
                    end += 1
                } else if bytes[end] == space || bytes[end] == hyphen, end + 1 < bytes.count, isDigit(bytes[end + 1]) {
                    end += 1
                } else {
                    break
                }
            }
            let run = bytes[index..<end]
            var digits = String(decoding: run.filter(isDigit), as: UTF8.self)
            if run.starts(with: [plus, UInt8(ascii: "4"), UInt8(ascii: "4")]) { digits = "0" + digits.dropFirst(2) }
            if digits.hasPrefix("0"), (10...11).contains(digits.count) {
                result.append(Candidate(text: String(decoding: run, as: UTF8.self), digits: digits, line: line))
            }
            index = end
        }
        return result
    }

    private static let plus = UInt8(ascii: "+"), space = UInt8(ascii: " "), hyphen = UInt8(ascii: "-")

    private static func isDigit(_ byte: UInt8) -> Bool { byte >= 0x30 && byte <= 0x39 }

    private static func isWordByte(_ byte: UInt8) -> Bool {
        isDigit(byte) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A) || byte >= 0x80
    }
}
