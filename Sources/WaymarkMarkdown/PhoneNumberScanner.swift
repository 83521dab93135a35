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

    /// Number-like runs in one piece of text.
    static func numbers(in text: String, line: Int) -> [Candidate] {
        var result: [Candidate] = []
        let characters = Array(text)
        var index = 0
        while index < characters.count {
            let startsRun = characters[index].isASCII && characters[index].isNumber
                || (characters[index] == "+" && index + 1 < characters.count && characters[index + 1].isNumber)
            guard startsRun, index == 0 || !(characters[index - 1].isLetter || characters[index - 1].isNumber) else {
                index += 1
                continue
            }
            var end = index + 1
            while end < characters.count {
                if characters[end].isASCII && characters[end].isNumber {
                    end += 1
                } else if (characters[end] == " " || characters[end] == "-"), end + 1 < characters.count,
                          characters[end + 1].isASCII, characters[end + 1].isNumber {
                    end += 1
                } else {
                    break
                }
            }
            let run = String(characters[index..<end])
            var digits = run.filter(\.isNumber)
            if run.hasPrefix("+44") { digits = "0" + digits.dropFirst(2) }
            if digits.hasPrefix("0"), (10...11).contains(digits.count) {
                result.append(Candidate(text: run, digits: digits, line: line))
            }
            index = end
        }
        return result
    }
}
