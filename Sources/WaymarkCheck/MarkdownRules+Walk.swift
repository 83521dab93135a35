import WaymarkMarkdown

/// A link as written on a page: `[children](destination "title")`.
struct PageLink: Sendable {
    var destination: String
    var title: String
    var children: [MarkdownInline]
    var line: Int
}

/// An image as written on a page: `![children](source "title")`.
struct PageImage: Sendable {
    var source: String
    var title: String
    var children: [MarkdownInline]
    var line: Int

    var isDecorative: Bool { ImageDescription.isDecorative(title: title) }
}

/// One heading of the page's body.
struct PageHeading: Sendable {
    var level: Int
    var inlines: [MarkdownInline]
    var line: Int
}

/// Finds things in a document wherever they are nested: in list items, block quotes, table
/// cells and captions, emphasis and links. Everything comes out in reading order.
enum MarkdownWalk {
    /// Every block, each before the blocks inside it.
    static func blocks(_ blocks: [MarkdownBlock]) -> [MarkdownBlock] {
        var out: [MarkdownBlock] = []
        appendBlocks(blocks, to: &out)
        return out
    }

    private static func appendBlocks(_ blocks: [MarkdownBlock], to out: inout [MarkdownBlock]) {
        for block in blocks {
            out.append(block)
            switch block {
            case .blockQuote(let children, _): appendBlocks(children, to: &out)
            case .list(let list, _): for item in list.items { appendBlocks(item, to: &out) }
            default: break
            }
        }
    }

    /// Each run of inline text with the line of the block it is in.
    static func inlineRuns(_ document: MarkdownDocument) -> [(inlines: [MarkdownInline], line: Int)] {
        blocks(document.blocks).flatMap { block -> [(inlines: [MarkdownInline], line: Int)] in
            switch block {
            case .paragraph(let inlines, let line), .heading(_, let inlines, let line):
                return [(inlines, line)]
            case .table(let table, let line):
                let cells = [table.caption ?? []] + table.header + table.rows.flatMap { $0 }
                return cells.map { ($0, line) }
            default:
                return []
            }
        }
    }

    /// Every inline, each before the inlines inside it.
    static func inlines(_ document: MarkdownDocument) -> [MarkdownInline] {
        var out: [MarkdownInline] = []
        for run in inlineRuns(document) { appendInlines(run.inlines, to: &out) }
        return out
    }

    private static func appendInlines(_ inlines: [MarkdownInline], to out: inout [MarkdownInline]) {
        for inline in inlines {
            out.append(inline)
            switch inline {
            case .emphasis(let children), .strong(let children), .link(_, _, let children, _), .image(_, _, let children, _):
                appendInlines(children, to: &out)
            default: break
            }
        }
    }

    static func links(_ document: MarkdownDocument) -> [PageLink] {
        inlines(document).compactMap { inline in
            guard case .link(let destination, let title, let children, let line) = inline else { return nil }
            return PageLink(destination: destination, title: title, children: children, line: line)
        }
    }

    static func images(_ document: MarkdownDocument) -> [PageImage] {
        inlines(document).compactMap { inline in
            guard case .image(let source, let title, let children, let line) = inline else { return nil }
            return PageImage(source: source, title: title, children: children, line: line)
        }
    }

    static func headings(_ document: MarkdownDocument) -> [PageHeading] {
        blocks(document.blocks).compactMap { block in
            guard case .heading(let level, let inlines, let line) = block else { return nil }
            return PageHeading(level: level, inlines: inlines, line: line)
        }
    }
}

extension Array where Element == MarkdownInline {
    /// What a screen reader reads: the text, with decorative images' descriptions left out
    /// (the renderer writes `alt=""` for them).
    var readableText: String {
        var out = ""
        for inline in self {
            switch inline {
            case .text(let text), .code(let text): out += text
            case .softBreak, .lineBreak: out += " "
            case .html, .directive: break
            case .emphasis(let children), .strong(let children), .link(_, _, let children, _):
                out += children.readableText
            case .image(_, let title, let children, _):
                if !ImageDescription.isDecorative(title: title) { out += children.readableText }
            }
        }
        return out
    }

    /// Whether part of the text is only known once the page is built (a `{{contact}}` number)
    /// or is raw HTML: then the rules cannot tell what a reader hears and say nothing.
    var hasInsertedContent: Bool {
        contains { inline in
            switch inline {
            case .html, .directive: return true
            case .emphasis(let children), .strong(let children), .link(_, _, let children, _):
                return children.hasInsertedContent
            default: return false
            }
        }
    }
}
