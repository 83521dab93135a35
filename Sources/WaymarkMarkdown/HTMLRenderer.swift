import WaymarkCore

/// One entry of a page's table of contents: an `h2`, with the `h3`s under it as children.
public struct TableOfContentsEntry: Sendable, Equatable {
    public var id: String
    public var text: String
    public var children: [TableOfContentsEntry]

    public init(id: String, text: String, children: [TableOfContentsEntry] = []) {
        self.id = id
        self.text = text
        self.children = children
    }
}

/// What the renderer needs to know about a link, handed to the site's resolver.
public struct LinkReference: Sendable, Equatable {
    public var destination: String
    public var line: Int
    public var isImage: Bool
}

/// The resolver's answer: the `href` to write, or why the link is broken.
public enum LinkResolution: Sendable, Equatable {
    case href(String)
    /// A page in another language than the one linking to it (not translated yet): written with
    /// `hreflang` so the reader is not surprised.
    case foreignHref(String, language: String)
    case broken(String, help: String?)
}

/// A problem in the Markdown itself, by line.
public struct MarkdownIssue: Sendable, Equatable {
    public var line: Int
    public var isError: Bool
    public var message: String
    public var help: String?
    /// The `waymark check` rule this problem belongs to (`image-alt`), so the site's and the
    /// page's `checks:` levels apply to it; nil for problems that cannot be turned off.
    public var rule: String?

    public init(line: Int, isError: Bool, message: String, help: String?, rule: String? = nil) {
        self.line = line
        self.isError = isError
        self.message = message
        self.help = help
        self.rule = rule
    }
}

/// A part of a page's rendered HTML, made into text only when it is asked for: most layouts
/// show the whole page, never its intro or its sections, and making each a `String` copied and
/// checked every page's HTML twice more.
public struct HTMLPart: Sendable, Equatable {
    private let source: RenderedBytes
    private let range: Range<Int>

    init(_ source: RenderedBytes, _ range: Range<Int>) {
        self.source = source
        self.range = range
    }

    public var html: String { String(decoding: source.bytes[range], as: UTF8.self) }

    public static func == (lhs: HTMLPart, rhs: HTMLPart) -> Bool { lhs.html == rhs.html }
}

/// A rendered page's HTML as bytes, shared by the parts cut from it.
final class RenderedBytes: Sendable {
    let bytes: [UInt8]
    init(_ bytes: [UInt8]) { self.bytes = bytes }
}

/// A part of a page that starts at an `h2`.
public struct RenderedSection: Sendable, Equatable {
    public var id: String
    /// The heading's old id, to keep on the page as well (see ``HeadingAnchor``).
    public var alias: String?
    public var title: String
    /// The section's HTML without its heading.
    public var part: HTMLPart

    public var html: String { part.html }
}

/// What the site inserts for a directive, or why it cannot.
public enum DirectiveResolution: Sendable, Equatable {
    case html(String)
    case broken(String, help: String?)
}

/// The result of rendering one document.
public struct RenderedMarkdown: Sendable {
    public var html: String
    /// The HTML before the first `h2`.
    public var introPart: HTMLPart
    public var intro: String { introPart.html }
    /// The document split at its `h2` headings.
    public var sections: [RenderedSection]
    public var tableOfContents: [TableOfContentsEntry]
    /// How many `h2`/`h3` headings the page has: the site decides whether that makes a TOC.
    public var sectionHeadingCount: Int
    /// Every heading id on the page, for checking `page.md#id` links.
    public var headingIDs: [String]
    /// Each old heading id kept on the page, and the id its heading has now.
    public var headingAliases: [String: String]
    public var issues: [MarkdownIssue]
}

/// Renders a ``MarkdownDocument`` to HTML5, applying every site rule in one place: heading ids,
/// link rewriting, `rel="noreferrer"` on external links, and the raw-HTML policy.
public struct HTMLRenderer {
    public var allowRawHTML: Bool
    public var reservedIDs: Set<String>
    /// When set, each `h2` and `h3` gets a copyable link to itself, labelled with this text.
    public var headingAnchorLabel: String?
    public var resolveLink: (LinkReference) -> LinkResolution
    /// Inserts `{{name argument}}`; `isBlock` is true when it stands alone in a paragraph.
    public var resolveDirective: (MarkdownDirective, _ isBlock: Bool) -> DirectiveResolution
    /// Text shown after a link to a page in another language ("(in English)"), by language code.
    public var foreignLinkNote: (String) -> String? = { _ in nil }

    public init(allowRawHTML: Bool = false, reservedIDs: Set<String> = [], headingAnchorLabel: String? = nil,
                resolveLink: @escaping (LinkReference) -> LinkResolution,
                resolveDirective: @escaping (MarkdownDirective, Bool) -> DirectiveResolution = { directive, _ in
                    .broken("'{{\(directive.name) …}}' is not something Waymark can insert", help: nil)
                }) {
        self.allowRawHTML = allowRawHTML
        self.reservedIDs = reservedIDs
        self.headingAnchorLabel = headingAnchorLabel
        self.resolveLink = resolveLink
        self.resolveDirective = resolveDirective
    }

    /// Renders `document`.
    public func render(_ document: MarkdownDocument) -> RenderedMarkdown {
        var state = RenderState(anchors: HeadingAnchor.plan(for: document.blocks, reserved: reservedIDs))
        state.out.reserveCapacity(4096)
        for block in document.blocks { render(block, tight: false, into: &state) }
        let marks = state.sectionMarks
        let introEnd = marks.first?.start ?? state.out.count
        let bytes = RenderedBytes(state.out)
        let sections = marks.indices.map { index in
            let end = index + 1 < marks.count ? marks[index + 1].start : state.out.count
            return RenderedSection(id: marks[index].anchor.id, alias: marks[index].anchor.alias, title: marks[index].title,
                                   part: HTMLPart(bytes, marks[index].headingEnd..<end))
        }
        return RenderedMarkdown(
            html: String(decoding: state.out, as: UTF8.self),
            introPart: HTMLPart(bytes, 0..<introEnd),
            sections: sections,
            tableOfContents: state.toc,
            sectionHeadingCount: state.sectionHeadings,
            headingIDs: state.anchors.map(\.id),
            headingAliases: Dictionary(state.anchors.compactMap { anchor in anchor.alias.map { ($0, anchor.id) } },
                                       uniquingKeysWith: { first, _ in first }),
            issues: document.issues + state.issues
        )
    }

    private struct RenderState {
        var out: [UInt8] = []
        /// Every heading's id and old id, in order, planned before rendering.
        let anchors: [HeadingAnchor]
        var headingsRendered = 0
        var toc: [TableOfContentsEntry] = []
        var sectionHeadings = 0
        /// Where each `h2` starts and ends in `out`, to cut the document into sections.
        var sectionMarks: [(anchor: HeadingAnchor, title: String, start: Int, headingEnd: Int)] = []

        init(anchors: [HeadingAnchor]) { self.anchors = anchors }

        /// The next heading's anchor.
        mutating func nextAnchor() -> HeadingAnchor {
            defer { headingsRendered += 1 }
            return anchors[headingsRendered]
        }
        var issues: [MarkdownIssue] = []

        mutating func write(_ text: StaticString) {
            text.withUTF8Buffer { out.append(contentsOf: $0) }
        }
        mutating func raw(_ text: String) { out.append(contentsOf: text.utf8) }
        mutating func escaped(_ text: String) { HTMLEscape.append(text, to: &out) }
    }

    private func render(_ block: MarkdownBlock, tight: Bool, into state: inout RenderState) {
        switch block {
        case .paragraph(let inlines, _):
            if tight {
                render(inlines, into: &state)
            } else {
                state.write("<p>")
                render(inlines, into: &state)
                state.write("</p>\n")
            }
        case .heading(let level, let inlines, _):
            renderHeading(level: level, inlines, into: &state)
        case .blockQuote(let blocks, _):
            state.write("<blockquote>\n")
            for child in blocks { render(child, tight: false, into: &state) }
            state.write("</blockquote>\n")
        case .list(let list, _):
            renderList(list, into: &state)
        case .codeBlock(let info, let literal, _):
            let language = info.split(separator: " ").first.map(String.init) ?? ""
            if language.isEmpty {
                state.write("<pre><code>")
            } else {
                state.write("<pre><code class=\"language-")
                state.escaped(language)
                state.write("\">")
            }
            state.escaped(literal)
            state.write("</code></pre>\n")
        case .htmlBlock(let html, let line):
            if allowRawHTML {
                state.raw(html)
            } else {
                state.issues.append(rawHTMLIssue(line: line))
            }
        case .thematicBreak:
            state.write("<hr>\n")
        case .table(let table, _):
            renderTable(table, into: &state)
        case .directive(let directive):
            renderDirective(directive, isBlock: true, into: &state)
        }
    }

    private func renderDirective(_ directive: MarkdownDirective, isBlock: Bool, into state: inout RenderState) {
        if let problem = directive.malformed {
            state.issues.append(MarkdownIssue(line: directive.line, isError: true, message: problem,
                                              help: "write it on one line as {{\(directive.name.isEmpty ? "contact" : directive.name) id}}, e.g. {{contact helpline}}; to show braces as text, put them in backticks"))
            return
        }
        switch resolveDirective(directive, isBlock) {
        case .html(let html):
            state.raw(html)
            if isBlock { state.write("\n") }
        case .broken(let message, let help):
            state.issues.append(MarkdownIssue(line: directive.line, isError: true, message: message, help: help))
        }
    }

    private func renderTable(_ table: MarkdownTable, into state: inout RenderState) {
        state.write("<div class=\"table-scroll\">\n<table>\n")
        if let caption = table.caption {
            state.write("<caption>")
            render(caption, into: &state)
            state.write("</caption>\n")
        }
        state.write("<thead>\n<tr>\n")
        for (column, cell) in table.header.enumerated() {
            renderCell(cell, isHeader: true, alignment: table.alignments[column], into: &state)
        }
        state.write("</tr>\n</thead>\n")
        if !table.rows.isEmpty {
            state.write("<tbody>\n")
            for row in table.rows {
                state.write("<tr>\n")
                for (column, cell) in row.enumerated() {
                    renderCell(cell, isHeader: false, alignment: table.alignments[column], into: &state)
                }
                state.write("</tr>\n")
            }
            state.write("</tbody>\n")
        }
        state.write("</table>\n</div>\n")
    }

    private func renderCell(_ cell: [MarkdownInline], isHeader: Bool, alignment: MarkdownTable.Alignment, into state: inout RenderState) {
        state.write(isHeader ? "<th scope=\"col\"" : "<td")
        if alignment != .none {
            state.write(" class=\"align-")
            state.raw(alignment.rawValue)
            state.write("\"")
        }
        state.write(">")
        render(cell, into: &state)
        state.write(isHeader ? "</th>\n" : "</td>\n")
    }

    private func renderHeading(level: Int, _ inlines: [MarkdownInline], into state: inout RenderState) {
        let text = inlines.plainText
        let anchor = state.nextAnchor()
        let id = anchor.id
        if level == 2 {
            state.toc.append(TableOfContentsEntry(id: id, text: text))
            state.sectionHeadings += 1
        } else if level == 3 {
            state.sectionHeadings += 1
            if state.toc.isEmpty {
                state.toc.append(TableOfContentsEntry(id: id, text: text))
            } else {
                state.toc[state.toc.count - 1].children.append(TableOfContentsEntry(id: id, text: text))
            }
        }
        let start = state.out.count
        let anchored = headingAnchorLabel != nil && (level == 2 || level == 3)
        if anchored { state.write("<div class=\"heading-wrap\">") }
        let digit = UInt8(ascii: "0") + UInt8(clamping: level)
        state.out.append(contentsOf: [UInt8(ascii: "<"), UInt8(ascii: "h"), digit])
        state.write(" id=\"")
        state.escaped(id)
        state.write("\">")
        if let alias = anchor.alias {
            // Empty, so nothing is shown or read out: it is only somewhere for old links to land.
            state.write("<span id=\"")
            state.escaped(alias)
            state.write("\"></span>")
        }
        render(inlines, into: &state)
        state.out.append(contentsOf: [UInt8(ascii: "<"), UInt8(ascii: "/"), UInt8(ascii: "h"), digit, UInt8(ascii: ">")])
        if let label = headingAnchorLabel, anchored {
            state.write("<a class=\"heading-anchor\" href=\"#")
            state.escaped(id)
            state.write("\" aria-label=\"")
            state.escaped(label + ": " + text)
            state.write("\">#</a></div>")
        }
        state.write("\n")
        if level == 2 { state.sectionMarks.append((anchor, text, start, state.out.count)) }
    }

    private func renderList(_ list: MarkdownList, into state: inout RenderState) {
        if list.ordered {
            if list.start == 1 {
                state.write("<ol>\n")
            } else {
                state.raw("<ol start=\"\(list.start)\">\n")
            }
        } else {
            state.write(list.isChecklist ? "<ul class=\"checklist\">\n" : "<ul>\n")
        }
        for (item, task) in zip(list.items, list.tasks) {
            switch task {
            case nil: state.write("<li>")
            case false?: state.write("<li class=\"checklist-item\">")
            case true?: state.write("<li class=\"checklist-item checked\">")
            }
            for (index, block) in item.enumerated() {
                if list.tight, index > 0, case .paragraph = block { state.write("\n") }
                render(block, tight: list.tight, into: &state)
            }
            state.write("</li>\n")
        }
        state.write(list.ordered ? "</ol>\n" : "</ul>\n")
    }

    private func render(_ inlines: [MarkdownInline], into state: inout RenderState) {
        for inline in inlines { render(inline, into: &state) }
    }

    private func render(_ inline: MarkdownInline, into state: inout RenderState) {
        switch inline {
        case .text(let text):
            state.escaped(text)
        case .softBreak:
            state.write("\n")
        case .lineBreak:
            state.write("<br>\n")
        case .code(let code):
            state.write("<code>")
            state.escaped(code)
            state.write("</code>")
        case .html(let html, let line):
            if allowRawHTML {
                state.raw(html)
            } else if state.issues.last != rawHTMLIssue(line: line) {
                // One warning per line: an opening and a closing tag are one mistake.
                state.issues.append(rawHTMLIssue(line: line))
            }
        case .emphasis(let children):
            state.write("<em>")
            render(children, into: &state)
            state.write("</em>")
        case .strong(let children):
            state.write("<strong>")
            render(children, into: &state)
            state.write("</strong>")
        case .link(let destination, let title, let children, let line):
            renderLink(destination: destination, title: title, children, line: line, into: &state)
        case .image(let source, let title, let children, let line):
            renderImage(source: source, title: title, children, line: line, into: &state)
        case .directive(let directive):
            renderDirective(directive, isBlock: false, into: &state)
        }
    }

    private func renderLink(destination: String, title: String, _ children: [MarkdownInline], line: Int, into state: inout RenderState) {
        let (href, language) = resolve(LinkReference(destination: destination, line: line, isImage: false), into: &state)
        state.write("<a href=\"")
        state.escaped(href)
        state.write("\"")
        if let language {
            state.write(" hreflang=\"")
            state.escaped(language)
            state.write("\"")
        }
        if LinkKind(destination) == .external {
            state.write(" class=\"external\" rel=\"noreferrer\"")
        }
        if !title.isEmpty {
            state.write(" title=\"")
            state.escaped(title)
            state.write("\"")
        }
        state.write(">")
        render(children, into: &state)
        state.write("</a>")
        if let language, let note = foreignLinkNote(language) {
            state.write(" <span class=\"link-language\">")
            state.escaped(note)
            state.write("</span>")
        }
    }

    private func renderImage(source: String, title: String, _ children: [MarkdownInline], line: Int, into state: inout RenderState) {
        let src = resolve(LinkReference(destination: source, line: line, isImage: true), into: &state).href
        let decorative = ImageDescription.isDecorative(title: title)
        // A decorative image is left out by screen readers only when its alt is empty, and a
        // title would be read out or shown as a tooltip, so neither is written.
        let alt = decorative ? "" : children.plainText
        if !decorative, alt.allSatisfy(\.isWhitespace) {
            state.issues.append(ImageDescription.missingIssue(source: source, line: line))
        }
        state.write("<img src=\"")
        state.escaped(src)
        state.write("\" alt=\"")
        state.escaped(alt)
        state.write("\"")
        if !title.isEmpty, !decorative {
            state.write(" title=\"")
            state.escaped(title)
            state.write("\"")
        }
        state.write(">")
    }

    /// The href to write and, for a page in another language, that language; a broken link is
    /// recorded as an issue and keeps its destination.
    private func resolve(_ reference: LinkReference, into state: inout RenderState) -> (href: String, language: String?) {
        switch resolveLink(reference) {
        case .href(let href):
            return (href, nil)
        case .foreignHref(let href, let language):
            return (href, language)
        case .broken(let message, let help):
            state.issues.append(MarkdownIssue(line: reference.line, isError: true, message: message, help: help))
            return (reference.destination, nil)
        }
    }

    private func rawHTMLIssue(line: Int) -> MarkdownIssue {
        MarkdownIssue(
            line: line, isError: false, message: "HTML in Markdown is not published, so this part was left out",
            help: "write it in Markdown instead, or set 'allow_raw_html: true' in site.yaml")
    }
}
