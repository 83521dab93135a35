import WaymarkCore

/// Gives headings stable, unique ids derived from their text, the way GitHub, GitLab and Hugo
/// make them (`## Who we are — and what we do` → `who-we-are--and-what-we-do`), so an anchor
/// copied from a Markdown preview lands on the published page.
public struct HeadingIDs: Sendable {
    /// How a heading's text becomes an id.
    public enum Style: Sendable {
        /// GitHub's: see ``HeadingIDs/slug(_:)``.
        case github
        /// Waymark's before GitHub's: every run of other characters one hyphen (``Slug/make(_:fallback:)``).
        /// Kept to recognise links written to, and pages published with, the old ids.
        case legacy
    }

    /// The id of a heading whose text leaves nothing (`## 🎉`); GitHub would give it an empty id,
    /// which no link can name.
    public static let fallback = "section"

    private let style: Style
    private var used: Set<String>
    /// Per base slug, the suffix to try next: ids are only ever added, so every smaller suffix is
    /// still taken, and a page of many same-named headings is not quadratic.
    private var nextSuffix: [String: Int] = [:]

    /// `reserved` are ids the theme already uses on every page (such as `main-content`).
    public init(reserved: Set<String> = [], style: Style = .github) {
        used = reserved
        self.style = style
    }

    /// A slug of `text` not handed out before on this page: the second `x` is `x-1`, the third
    /// `x-2`, skipping any suffix already taken, as GitHub numbers them.
    public mutating func next(for text: String) -> String {
        let base = style == .github ? HeadingIDs.slug(text) : HeadingIDs.legacySlug(text)
        var candidate = base
        var counter = nextSuffix[base] ?? 1
        if used.contains(candidate) { candidate = "\(base)-\(counter)" }
        while used.contains(candidate) {
            counter += 1
            candidate = "\(base)-\(counter)"
        }
        if candidate != base { nextSuffix[base] = counter + 1 }
        used.insert(candidate)
        return candidate
    }

    /// GitHub's id for a heading's text (github-slugger's, which Hugo's `github` ids and GitLab's
    /// follow): lowercased; every character removed that is not a letter, a mark, a decimal or
    /// letter number, connector punctuation (`_`), a hyphen or a space; then each space a hyphen.
    /// Nothing is trimmed or collapsed: `C++ & you` → `c--you`.
    public static func slug(_ text: String) -> String {
        asciiSlug(text) ?? unicodeSlug(text)
    }

    /// ``slug(_:)`` by the Unicode rule, for any text.
    static func unicodeSlug(_ text: String) -> String {
        var out = String.UnicodeScalarView()
        for scalar in text.lowercased().unicodeScalars where keeps(scalar) {
            out.append(scalar == " " ? "-" : scalar)
        }
        return out.isEmpty ? fallback : String(out)
    }

    /// ``slug(_:)`` of ASCII text, by bytes (nil for any other): ASCII letters, digits, `_` and
    /// `-` are kept, a space becomes `-`, and every other ASCII character is punctuation, a
    /// symbol or a control, which GitHub drops. Most headings are ASCII, and the Unicode
    /// property lookups cost more than the rest of making a page's ids.
    static func asciiSlug(_ text: String) -> String? {
        var text = text
        return text.withUTF8 { bytes -> String? in
            var out: [UInt8] = []
            out.reserveCapacity(bytes.count)
            for byte in bytes {
                switch byte {
                case 0x80...: return nil
                case 0x41...0x5A: out.append(byte + 0x20)
                case 0x61...0x7A, 0x30...0x39, 0x5F, 0x2D: out.append(byte)
                case 0x20: out.append(0x2D)
                default: continue
                }
            }
            return out.isEmpty ? fallback : String(decoding: out, as: UTF8.self)
        }
    }

    /// The id Waymark gave the text before it followed GitHub.
    public static func legacySlug(_ text: String) -> String {
        Slug.make(text, fallback: fallback)
    }

    /// Whether GitHub keeps `scalar` in an id. The removed categories are github-slugger's, which
    /// its authors check against GitHub's own pages; a character that is also alphabetic (a
    /// circled letter) stays.
    static func keeps(_ scalar: Unicode.Scalar) -> Bool {
        if scalar == " " || scalar == "-" { return true }
        switch scalar.properties.generalCategory {
        case .otherNumber,
             .openPunctuation, .closePunctuation, .initialPunctuation, .finalPunctuation, .otherPunctuation, .dashPunctuation,
             .mathSymbol, .currencySymbol, .modifierSymbol, .otherSymbol,
             .control, .privateUse, .format, .unassigned,
             .spaceSeparator, .lineSeparator, .paragraphSeparator:
            return scalar.properties.isAlphabetic
        default:
            return true
        }
    }
}

/// The id a heading gets and, when the id Waymark gave it before differs, that old id, kept on
/// the page so links to it still land.
public struct HeadingAnchor: Sendable, Equatable {
    public var id: String
    public var alias: String?

    public init(id: String, alias: String? = nil) {
        self.id = id
        self.alias = alias
    }

    /// The anchors of a page's headings, in order. `idTexts` are the texts ids are made from (what
    /// GitHub reads: no image descriptions), `legacyTexts` those the old ids were made from. An
    /// old id is kept only when no heading has it as its id now, so an alias never hides a heading.
    public static func plan(idTexts: [String], legacyTexts: [String], reserved: Set<String>) -> [HeadingAnchor] {
        var current = HeadingIDs(reserved: reserved, style: .github)
        var legacy = HeadingIDs(reserved: reserved, style: .legacy)
        let ids = idTexts.map { current.next(for: $0) }
        let old = legacyTexts.map { legacy.next(for: $0) }
        let taken = Set(ids)
        return zip(ids, old).map { id, old in
            HeadingAnchor(id: id, alias: old == id || taken.contains(old) ? nil : old)
        }
    }
}

extension HeadingAnchor {
    /// The anchors of every heading in `blocks`, in the order the renderer meets them (headings
    /// inside lists and quotes included), made before rendering so an old id can be checked
    /// against every new one on the page.
    static func plan(for blocks: [MarkdownBlock], reserved: Set<String>) -> [HeadingAnchor] {
        var headings: [[MarkdownInline]] = []
        collectHeadings(blocks, into: &headings)
        return plan(idTexts: headings.map(\.headingIDText), legacyTexts: headings.map(\.plainText), reserved: reserved)
    }

    /// Must visit every block the renderer can render a heading in, in the renderer's order: the
    /// renderer takes the anchors one by one as it meets headings.
    private static func collectHeadings(_ blocks: [MarkdownBlock], into headings: inout [[MarkdownInline]]) {
        for block in blocks {
            switch block {
            case .heading(_, let inlines, _): headings.append(inlines)
            case .blockQuote(let children, _): collectHeadings(children, into: &headings)
            case .list(let list, _): for item in list.items { collectHeadings(item, into: &headings) }
            case .paragraph, .codeBlock, .htmlBlock, .thematicBreak, .table, .directive: break
            }
        }
    }
}

extension Array where Element == MarkdownInline {
    /// The text GitHub makes a heading's id from: the text the heading shows, so a line break is
    /// a line break (which the id drops, where ``plainText`` has a space) and an image adds nothing.
    var headingIDText: String {
        var out = ""
        appendHeadingIDText(to: &out)
        return out
    }

    private func appendHeadingIDText(to out: inout String) {
        for inline in self {
            switch inline {
            case .text(let text), .code(let text): out += text
            case .softBreak, .lineBreak: out += "\n"
            case .html, .directive, .image: break
            case .emphasis(let children), .strong(let children), .link(_, _, let children, _):
                children.appendHeadingIDText(to: &out)
            }
        }
    }
}
