import Foundation
import WaymarkCore

/// Reads the text a visitor sees out of a page's rendered content HTML, cut into sections at
/// every `h2` and `h3` that has an id, so a search result can link to the heading nearest its words.
///
/// It reads Waymark's own output (and any raw HTML a site allows), not arbitrary web pages: it
/// skips scripts, styles, SVG, templates and the headings' "copy link" anchors, turns block
/// boundaries into spaces, and decodes the character references the renderer writes.
public enum HTMLText {
    /// The sections of `html`; text before the first heading has no anchor.
    public static func sections(_ html: String) -> [SearchDocument.Section] {
        var html = html
        return html.withUTF8 { bytes in
            var reader = Reader(bytes: bytes)
            reader.run()
            reader.finishSection()
            return reader.sections
        }
    }

    /// Elements whose content is not text a visitor reads.
    static let skipped: Set<String> = ["script", "style", "svg", "template", "noscript", "button"]
    /// Elements that separate words even when the HTML has no space between them.
    static let blocks: Set<String> = [
        "p", "div", "li", "ul", "ol", "dl", "dt", "dd", "br", "hr", "h1", "h2", "h3", "h4", "h5", "h6", "td", "th", "tr",
        "table", "caption", "blockquote", "pre", "section", "article", "aside", "figure", "figcaption", "details", "summary",
        "header", "footer", "nav", "main", "address",
    ]

    /// What a tag name means to the reader.
    enum TagKind: Equatable {
        case skipped, block, heading, anchor, other
    }

    /// A tag name of up to 16 bytes, lowercased and packed into one integer, so a tag is
    /// classified by comparing integers: no string is made or hashed per tag.
    struct PackedName: Hashable {
        let value: UInt128

        init?<Bytes: Collection<UInt8>>(_ bytes: Bytes) {
            guard bytes.count <= 16 else { return nil }
            var value: UInt128 = 0
            for byte in bytes { value = value << 8 | UInt128(byte.asciiLowercased) }
            self.value = value
        }

        init(_ name: String) { self = PackedName(Array(name.utf8))! }
    }

    static let kinds = KindTable(
        blocks.map { (PackedName($0), TagKind.block) } + skipped.map { (PackedName($0), TagKind.skipped) }
            + [(PackedName("h2"), .heading), (PackedName("h3"), .heading), (PackedName("a"), .anchor)])

    static func kind(of name: PackedName?) -> TagKind {
        name.map { kinds[$0] } ?? .other
    }

    /// The tag names that mean something, in a small open-addressing table hashed by one
    /// multiplication: a `Dictionary` lookup hashed every tag of every page with SipHash.
    struct KindTable: Sendable {
        private var names: [UInt128?]
        private var values: [TagKind]

        init(_ entries: [(PackedName, TagKind)]) {
            names = Array(repeating: nil, count: KindTable.size)
            values = Array(repeating: .other, count: KindTable.size)
            for (name, kind) in entries {
                var slot = KindTable.slot(name.value)
                while let taken = names[slot], taken != name.value { slot = (slot + 1) & (KindTable.size - 1) }
                names[slot] = name.value
                values[slot] = kind
            }
        }

        subscript(name: PackedName) -> TagKind {
            var slot = KindTable.slot(name.value)
            while let taken = names[slot] {
                if taken == name.value { return values[slot] }
                slot = (slot + 1) & (KindTable.size - 1)
            }
            return .other
        }

        /// Four times the names there are, so probes are short.
        private static let size = 256

        private static func slot(_ value: UInt128) -> Int {
            let folded = UInt64(truncatingIfNeeded: value) ^ UInt64(truncatingIfNeeded: value >> 64)
            return Int(truncatingIfNeeded: (folded &* 0x9E37_79B9_7F4A_7C15) >> 56)
        }
    }

    private struct Reader {
        let bytes: UnsafeBufferPointer<UInt8>
        var position = 0
        var sections: [SearchDocument.Section] = []
        var anchor: String?
        var heading: [UInt8] = []
        var text: [UInt8] = []
        /// The heading element being read (`h2`/`h3`), if any.
        var openHeading: PackedName?
        /// The element being skipped and how deeply it is nested in itself.
        var skipping: (name: PackedName?, depth: Int)?

        init(bytes: UnsafeBufferPointer<UInt8>) {
            self.bytes = bytes
            text.reserveCapacity(bytes.count)
        }

        mutating func run() {
            while position < bytes.count {
                if bytes[position] == UInt8(ascii: "<") {
                    readTag()
                } else {
                    let start = position
                    position = find(UInt8(ascii: "<"), from: position) ?? bytes.count
                    if skipping == nil { appendText(bytes[start..<position]) }
                }
            }
        }

        /// The first `byte` at or after `start`: `memchr`, which reads many bytes a step, as this
        /// reads every byte of every page.
        func find(_ byte: UInt8, from start: Int) -> Int? {
            guard start < bytes.count, let base = bytes.baseAddress,
                  let found = memchr(base + start, Int32(byte), bytes.count - start) else { return nil }
            return base.distance(to: found.assumingMemoryBound(to: UInt8.self))
        }

        mutating func finishSection() {
            let body = HTMLText.normalise(text)
            if anchor != nil || !body.isEmpty {
                sections.append(.init(anchor: anchor, heading: HTMLText.normalise(heading), text: body))
            }
            text.removeAll(keepingCapacity: true)
            heading.removeAll()
        }

        mutating func appendText(_ slice: Slice<UnsafeBufferPointer<UInt8>>) {
            let hasReference = find(UInt8(ascii: "&"), from: slice.startIndex).map { $0 < slice.endIndex } ?? false
            let plain = UnsafeBufferPointer(rebasing: slice)
            if openHeading != nil {
                if hasReference { heading += HTMLText.decodeReferences(slice) } else { heading.append(contentsOf: plain) }
            } else {
                if hasReference { text += HTMLText.decodeReferences(slice) } else { text.append(contentsOf: plain) }
            }
        }

        mutating func space() {
            if openHeading != nil { heading.append(0x20) } else { text.append(0x20) }
        }

        mutating func readTag() {
            let start = position
            guard let end = find(UInt8(ascii: ">"), from: position) else {
                appendText(bytes[position...])
                position = bytes.count
                return
            }
            position = end + 1
            let tag = bytes[(start + 1)..<end]
            if tag.first == UInt8(ascii: "!") || tag.first == UInt8(ascii: "?") { return }  // comment, doctype
            let closing = tag.first == UInt8(ascii: "/")
            let nameBytes = tag.dropFirst(closing ? 1 : 0).prefix { HTMLText.isNameByte($0) }
            let name = PackedName(nameBytes)
            if let skip = skipping {
                if name == skip.name { skipping = closing ? (skip.depth == 1 ? nil : (name, skip.depth - 1)) : (name, skip.depth + 1) }
                return
            }
            let kind = HTMLText.kind(of: name)
            if !closing && (kind == .skipped || (kind == .anchor && HTMLText.attribute(HTMLText.classNeedle, in: tag)?.split(separator: " ").contains("heading-anchor") == true)) {
                if tag.last != UInt8(ascii: "/") { skipping = (name, 1) }
                return
            }
            if kind == .heading {
                if closing, openHeading == name {
                    openHeading = nil
                } else if !closing, let id = HTMLText.attribute(HTMLText.idNeedle, in: tag) {
                    finishSection()
                    anchor = id
                    openHeading = name
                    return
                }
            }
            if kind == .block || kind == .heading { space() }
        }
    }

    static func isNameByte(_ byte: UInt8) -> Bool {
        (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z")) || (byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z"))
            || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9"))
    }

    /// What ``attribute(_:in:)`` looks for: ` class="` and ` id="`, made once.
    static let classNeedle = attributeNeedle("class"), idNeedle = attributeNeedle("id")

    static func attributeNeedle(_ name: String) -> [UInt8] { Array((" " + name + "=\"").utf8) }

    /// The value of a double-quoted attribute (Waymark writes no other kind), decoded; `needle`
    /// is the attribute's ``attributeNeedle(_:)``.
    static func attribute<Tag: Collection<UInt8>>(_ needle: [UInt8], in tag: Tag) -> String? where Tag.Index == Int, Tag.SubSequence: Collection<UInt8> {
        var index = tag.startIndex
        while index + needle.count <= tag.endIndex {
            if tag[index..<(index + needle.count)].elementsEqual(needle) {
                let valueStart = index + needle.count
                let valueEnd = tag[valueStart...].firstIndex(of: UInt8(ascii: "\"")) ?? tag.endIndex
                return String(decoding: decodeReferences(tag[valueStart..<valueEnd]), as: UTF8.self)
            }
            index += 1
        }
        return nil
    }

    static let namedReferences: [String: String] = [
        "amp": "&", "lt": "<", "gt": ">", "quot": "\"", "apos": "'", "nbsp": " ", "ndash": "–", "mdash": "—",
        "lsquo": "‘", "rsquo": "’", "ldquo": "“", "rdquo": "”", "hellip": "…", "shy": "",
    ]

    /// `&amp;`, `&#39;`, `&#x2019;` and a few named references to their characters.
    static func decodeReferences<Bytes: Collection<UInt8>>(_ slice: Bytes) -> [UInt8] where Bytes.Index == Int {
        guard slice.contains(UInt8(ascii: "&")) else { return Array(slice) }
        var out: [UInt8] = []
        out.reserveCapacity(slice.count)
        var index = slice.startIndex
        while index < slice.endIndex {
            let byte = slice[index]
            if byte == UInt8(ascii: "&"), let semicolon = slice[index..<min(slice.endIndex, index + 12)].firstIndex(of: UInt8(ascii: ";")) {
                let name = String(decoding: slice[(index + 1)..<semicolon], as: UTF8.self)
                if let character = reference(name) {
                    out += Array(character.utf8)
                    index = semicolon + 1
                    continue
                }
            }
            out.append(byte)
            index += 1
        }
        return out
    }

    static func reference(_ name: String) -> String? {
        if name.hasPrefix("#") {
            let digits = name.dropFirst()
            let value = digits.first == "x" || digits.first == "X" ? UInt32(digits.dropFirst(), radix: 16) : UInt32(digits)
            return value.flatMap(Unicode.Scalar.init).map { String(Character($0)) }
        }
        return namedReferences[name]
    }

    /// Collapses whitespace runs to one space and trims the ends.
    ///
    /// Written straight into the new string's storage: it is never longer than `bytes`, and this
    /// runs over every byte of every page's text, so eight bytes with nothing at or below a space
    /// among them are copied in one step.
    static func normalise(_ bytes: [UInt8]) -> String {
        bytes.withUnsafeBufferPointer { bytes in
            String(unsafeUninitializedCapacity: bytes.count) { out in
                guard let source = UnsafeRawPointer(bytes.baseAddress), let target = UnsafeMutableRawPointer(out.baseAddress) else { return 0 }
                var count = 0, index = 0
                var pendingSpace = false
                while index < bytes.count {
                    if !pendingSpace, count > 0, index + 8 <= bytes.count {
                        let word = source.loadUnaligned(fromByteOffset: index, as: UInt64.self)
                        if !mayHaveWhitespace(word) {
                            target.storeBytes(of: word, toByteOffset: count, as: UInt64.self)
                            count += 8
                            index += 8
                            continue
                        }
                    }
                    let byte = bytes[index]
                    // Space, LF, tab and CR as bits of one mask: one comparison for every other byte.
                    if byte <= 0x20 && (UInt64(0x1_0000_2600) >> UInt64(byte)) & 1 == 1 {
                        pendingSpace = count > 0
                    } else {
                        if pendingSpace {
                            out[count] = 0x20
                            count += 1
                        }
                        pendingSpace = false
                        out[count] = byte
                        count += 1
                    }
                    index += 1
                }
                return count
            }
        }
    }

    /// False only when no byte of `word` is at or below 0x20 (so none is whitespace); may be
    /// true without one, which only sends the bytes one by one.
    @inline(__always)
    static func mayHaveWhitespace(_ word: UInt64) -> Bool {
        (word &- 0x2121_2121_2121_2121) & ~word & 0x8080_8080_8080_8080 != 0
    }
}
