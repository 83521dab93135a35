/// A Markdown document as plain Swift values, copied out of cmark's C tree.
///
/// Every block knows the line it starts on, and every link and image the line it sits on, so
/// problems can be reported as `file:line`.
public struct MarkdownDocument: Sendable, Equatable {
    public var blocks: [MarkdownBlock]
    /// Problems found while parsing, such as text nested too deeply to read (then `blocks` is
    /// empty); the renderer reports them with its own.
    public var issues: [MarkdownIssue]
    public init(blocks: [MarkdownBlock], issues: [MarkdownIssue] = []) {
        self.blocks = blocks
        self.issues = issues
    }
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
    /// A GitHub-style pipe table.
    case table(MarkdownTable, line: Int)
    /// A paragraph holding nothing but a directive (`{{contact helpline}}`): rendered as a block.
    case directive(MarkdownDirective)

    /// The line the block starts on.
    public var line: Int {
        switch self {
        case .paragraph(_, let line), .heading(_, _, let line), .blockQuote(_, let line), .list(_, let line),
             .codeBlock(_, _, let line), .htmlBlock(_, let line), .thematicBreak(let line), .table(_, let line):
            return line
        case .directive(let directive):
            return directive.line
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
    /// For each item: nil for an ordinary item, false for `[ ]`, true for `[x]` (task lists).
    public var tasks: [Bool?]

    public init(ordered: Bool, start: Int, tight: Bool, items: [[MarkdownBlock]], tasks: [Bool?]? = nil) {
        self.ordered = ordered
        self.start = start
        self.tight = tight
        self.items = items
        self.tasks = tasks ?? Array(repeating: nil, count: items.count)
    }

    /// True when any item is a task: the list is a checklist.
    public var isChecklist: Bool { tasks.contains { $0 != nil } }
}

/// A pipe table: a header row, alignment per column, body rows, and an optional caption.
public struct MarkdownTable: Sendable, Equatable {
    public enum Alignment: String, Sendable {
        case none, left, center, right
    }

    public var caption: [MarkdownInline]?
    public var alignments: [Alignment]
    public var header: [[MarkdownInline]]
    public var rows: [[[MarkdownInline]]]

    public init(caption: [MarkdownInline]? = nil, alignments: [Alignment], header: [[MarkdownInline]], rows: [[[MarkdownInline]]]) {
        self.caption = caption
        self.alignments = alignments
        self.header = header
        self.rows = rows
    }
}

/// `{{name argument}}` written in text: a request for the site to insert something, such as a
/// contact's phone number.
public struct MarkdownDirective: Sendable, Equatable {
    public var name: String
    public var argument: String
    public var line: Int
    /// Why text that starts like a directive is not one (`{{contact}}`, `{{contact helpline`),
    /// so the mistake is reported instead of the braces being published as text.
    public var malformed: String?

    public init(name: String, argument: String, line: Int, malformed: String? = nil) {
        self.name = name
        self.argument = argument
        self.line = line
        self.malformed = malformed
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
    case directive(MarkdownDirective)
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
            case .html, .directive: break
            case .emphasis(let children), .strong(let children),
                 .link(_, _, let children, _), .image(_, _, let children, _):
                children.appendPlainText(to: &out)
            }
        }
    }
}
