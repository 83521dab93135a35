/// A Markdown document as plain Swift values, copied out of cmark's C tree.
///
/// Every block knows the line it starts on, and every link and image the line it sits on, so
/// problems can be reported as `file:line`.
public struct MarkdownDocument: Sendable, Equatable {
    public var blocks: [MarkdownBlock]
    public init(blocks: [MarkdownBlock]) { self.blocks = blocks }
}

/// A block-level element.
public indirect enum MarkdownBlock: Sendable, Equatable {
    case paragraph([MarkdownInline], line: Int)
    case heading(level: Int, [MarkdownInline], line: Int)
    case blockQuote([MarkdownBlock], line: Int)
    case list(MarkdownList, line: Int)
    case codeBlock(info: String, literal: String, line: Int)
    case htmlBlock(String, line: Int)
    case thematicBreak(line: Int)

    /// The line the block starts on.
    public var line: Int {
        switch self {
        case .paragraph(_, let line), .heading(_, _, let line), .blockQuote(_, let line), .list(_, let line),
             .codeBlock(_, _, let line), .htmlBlock(_, let line), .thematicBreak(let line):
            return line
        }
    }
}

/// An ordered or bullet list.
public struct MarkdownList: Sendable, Equatable {
    public var ordered: Bool
    public var start: Int
    /// Tight lists render items without `<p>` around their paragraphs.
    public var tight: Bool
    public var items: [[MarkdownBlock]]

    public init(ordered: Bool, start: Int, tight: Bool, items: [[MarkdownBlock]]) {
        self.ordered = ordered
        self.start = start
        self.tight = tight
        self.items = items
    }
}

/// An inline element.
public indirect enum MarkdownInline: Sendable, Equatable {
    case text(String)
    case softBreak
    case lineBreak
    case code(String)
    case html(String, line: Int)
    case emphasis([MarkdownInline])
    case strong([MarkdownInline])
    case link(destination: String, title: String, [MarkdownInline], line: Int)
    case image(source: String, title: String, [MarkdownInline], line: Int)
}

extension Array where Element == MarkdownInline {
    /// The text a reader sees, without markup: used for heading ids, TOC entries and alt text.
    public var plainText: String {
        var out = ""
        appendPlainText(to: &out)
        return out
    }

    func appendPlainText(to out: inout String) {
        for inline in self {
            switch inline {
            case .text(let text), .code(let text): out += text
            case .softBreak, .lineBreak: out += " "
            case .html: break
            case .emphasis(let children), .strong(let children),
                 .link(_, _, let children, _), .image(_, _, let children, _):
                children.appendPlainText(to: &out)
            }
        }
    }
}
