import Yams

/// A reader for the YAML nearly every page's front matter is: one `key: value` per line, each
/// value a one-line plain or quoted text or a `[flow, list]` of plain words. It builds the same
/// node tree Yams would, marks included, in a tenth of the time; for anything else (nesting, block
/// lists, escapes, comments after a value, tabs, CR, duplicate keys, characters YAML refuses) it
/// answers nil and the caller asks Yams, which also gives the messages for mistakes.
///
/// A test compares it with Yams on every front matter of the fixture sites and on generated
/// near-misses.
enum FlatYAML {
    /// The document's root mapping, or nil when `text` is not in the flat subset.
    static func compose(_ text: String, resolver: Resolver) -> Node? {
        guard FlatMark.works else { return nil }
        var text = text
        return text.withUTF8 { bytes in
            guard allPrintable(bytes) else { return nil }
            var reader = LineReader(bytes: bytes, resolver: resolver)
            return reader.document()
        }
    }

    /// Whether no byte could make libyaml stop or read a line break other than LF: control
    /// characters (tab and CR too), DEL, C1 controls (NEL among them), U+2028/9, U+FEFF,
    /// U+FFFE/F.
    static func allPrintable(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            if byte < 0x20 && byte != 0x0A || byte == 0x7F { return false }
            if byte == 0xC2, index + 1 < bytes.count, bytes[index + 1] < 0xA0 { return false }
            if byte == 0xE2, index + 2 < bytes.count, bytes[index + 1] == 0x80, bytes[index + 2] == 0xA8 || bytes[index + 2] == 0xA9 { return false }
            if byte == 0xEF, index + 2 < bytes.count,
               bytes[index + 1] == 0xBB && bytes[index + 2] == 0xBF || bytes[index + 1] == 0xBF && bytes[index + 2] >= 0xBE { return false }
            index += 1
        }
        return true
    }
}

/// Reads the flat subset line by line.
private struct LineReader {
    let bytes: UnsafeBufferPointer<UInt8>
    let resolver: Resolver
    var lineStart = 0
    var lineNumber = 0

    init(bytes: UnsafeBufferPointer<UInt8>, resolver: Resolver) {
        self.bytes = bytes
        self.resolver = resolver
    }

    mutating func document() -> Node? {
        var pairs: [(Node, Node)] = []
        var keys: Set<String> = []
        while lineStart < bytes.count {
            lineNumber += 1
            var end = lineStart
            while end < bytes.count, bytes[end] != 0x0A { end += 1 }
            defer { lineStart = end + 1 }
            if end == lineStart || bytes[lineStart] == UInt8(ascii: "#") { continue }
            guard let pair = entry(lineStart..<end), keys.insert(pair.0.scalar!.string).inserted else { return nil }
            pairs.append(pair)
        }
        guard let first = pairs.first?.0.mark else { return nil }
        return .mapping(Node.Mapping(pairs, tag(), .any, first))
    }

    /// `key: value` on one line.
    private func entry(_ line: Range<Int>) -> (Node, Node)? {
        var colon = line.lowerBound
        while colon < line.upperBound, Self.isKeyByte(bytes[colon]) { colon += 1 }
        guard colon > line.lowerBound, bytes[line.lowerBound] != UInt8(ascii: "-"),
              colon + 1 < line.upperBound, bytes[colon] == UInt8(ascii: ":"), bytes[colon + 1] == Self.space else { return nil }
        var start = colon + 1
        while start < line.upperBound, bytes[start] == Self.space { start += 1 }
        let end = trimmedEnd(start, line.upperBound)
        guard start < end else { return nil }
        let key = scalar(line.lowerBound..<colon, style: .plain)
        let value: Node?
        switch bytes[start] {
        case UInt8(ascii: "\""): value = quoted(start..<end, quote: UInt8(ascii: "\""), style: .doubleQuoted)
        case UInt8(ascii: "'"): value = quoted(start..<end, quote: UInt8(ascii: "'"), style: .singleQuoted)
        case UInt8(ascii: "["): value = flowList(start..<end)
        default: value = plain(start..<end)
        }
        return value.map { (key, $0) }
    }

    /// `"text"` or `'text'` with nothing after it but spaces (already trimmed), and no escape.
    private func quoted(_ range: Range<Int>, quote: UInt8, style: Node.Scalar.Style) -> Node? {
        guard range.count >= 2, bytes[range.upperBound - 1] == quote else { return nil }
        let inner = range.lowerBound + 1..<range.upperBound - 1
        for index in inner where bytes[index] == quote || bytes[index] == UInt8(ascii: "\\") && quote == UInt8(ascii: "\"") { return nil }
        return scalar(inner, style: style, markAt: range.lowerBound)
    }

    /// A plain value: no indicator first, no `: ` or ` #` inside, no `:` last.
    private func plain(_ range: Range<Int>) -> Node? {
        guard !Self.indicators.contains(bytes[range.lowerBound]), bytes[range.upperBound - 1] != UInt8(ascii: ":") else { return nil }
        for index in range.lowerBound..<range.upperBound - 1 {
            let pair = (bytes[index], bytes[index + 1])
            if pair == (UInt8(ascii: ":"), Self.space) || pair == (Self.space, UInt8(ascii: "#")) { return nil }
        }
        return scalar(range, style: .plain)
    }

    /// `[one, two words, three]`: items plain, none empty, none with flow or quote characters.
    private func flowList(_ range: Range<Int>) -> Node? {
        guard bytes[range.upperBound - 1] == UInt8(ascii: "]") else { return nil }
        var items: [Node] = []
        var start = range.lowerBound + 1
        let close = range.upperBound - 1
        while true {
            var end = start
            while end < close, bytes[end] != UInt8(ascii: ",") { end += 1 }
            var from = start
            while from < end, bytes[from] == Self.space { from += 1 }
            let to = trimmedEnd(from, end)
            if from == to {
                // Only `[]` and `[ ]` may be empty; `[a, ]` and `[, a]` are left to Yams.
                guard items.isEmpty, end == close else { return nil }
                break
            }
            guard !Self.indicators.contains(bytes[from]) else { return nil }
            for index in from..<to where Self.flowRefused.contains(bytes[index]) { return nil }
            items.append(scalar(from..<to, style: .plain))
            if end == close { break }
            start = end + 1
        }
        return .sequence(Node.Sequence(items, tag(), .any, mark(at: range.lowerBound)))
    }

    private func trimmedEnd(_ start: Int, _ end: Int) -> Int {
        var end = end
        while end > start, bytes[end - 1] == Self.space { end -= 1 }
        return end
    }

    private func scalar(_ range: Range<Int>, style: Node.Scalar.Style, markAt: Int? = nil) -> Node {
        let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self)
        return .scalar(Node.Scalar(text, tag(), style, mark(at: markAt ?? range.lowerBound)))
    }

    private func tag() -> Tag { Tag(.implicit, resolver, Self.constructor) }

    /// One for every node, as Yams' own parser shares one: `Constructor.default` builds its
    /// tables anew on each use. It is never changed after it is made.
    nonisolated(unsafe) private static let constructor = Constructor.default

    /// libyaml counts columns in Unicode scalars, from 1.
    private func mark(at offset: Int) -> Mark {
        var column = 1
        for index in lineStart..<offset where bytes[index] & 0xC0 != 0x80 { column += 1 }
        return FlatMark.make(line: lineNumber, column: column)
    }

    private static let space = UInt8(ascii: " ")

    private static func isKeyByte(_ byte: UInt8) -> Bool {
        (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A)
            || byte == UInt8(ascii: "_") || byte == UInt8(ascii: "-")
    }

    /// What may not start a plain value (YAML's indicator characters).
    private static let indicators: Set<UInt8> = Set("-?:,[]{}#&*!|>'\"%@`".utf8)
    /// What may not appear in a flow list's plain item here.
    private static let flowRefused: Set<UInt8> = Set("[]{},:#'\"".utf8)
}

/// Yams gives `Mark` no public initialiser, yet every node needs one for its line in messages.
/// A `Mark` is two `Int`s, line then column; this makes one from that layout, and checks once
/// against a mark Yams made itself, so a Yams that changed the layout only turns the fast path off.
private enum FlatMark {
    private struct Layout {
        var line: Int
        var column: Int
    }

    static func make(line: Int, column: Int) -> Mark {
        unsafeBitCast(Layout(line: line, column: column), to: Mark.self)
    }

    static let works: Bool = {
        guard MemoryLayout<Mark>.size == MemoryLayout<Layout>.size,
              let node = try? Yams.compose(yaml: "\n  key: value", Resolver.basic, .default, .utf8),
              let mark = node.mapping?.first?.value.mark else { return false }
        let made = make(line: 2, column: 8)
        return mark.line == made.line && mark.column == made.column && made.line == 2 && made.column == 8
    }()
}
