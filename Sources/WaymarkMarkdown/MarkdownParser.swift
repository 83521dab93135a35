import CCmark
import WaymarkCore

/// Parses CommonMark with cmark and copies the result into a ``MarkdownDocument``.
///
/// This is the only file in Waymark that touches cmark's C pointers: the C tree is freed before
/// `parse` returns.
public enum MarkdownParser {
    /// Parses `source`. `firstLine` is the file line of the source's first line, so positions
    /// count from the top of the file even after front matter was cut off.
    public static func parse(_ source: String, firstLine: Int = 1) -> MarkdownDocument {
        var source = source
        let root: OpaquePointer? = source.withUTF8 { buffer in
            buffer.withMemoryRebound(to: CChar.self) { chars in
                cmark_parse_document(chars.baseAddress, chars.count, CMARK_OPT_SOURCEPOS)
            }
        }
        guard let root else { return MarkdownDocument(blocks: []) }
        defer { cmark_node_free(root) }
        // Converting, rendering and comparing the tree all recurse, so a tree nested deeper
        // than the limit is refused before any of them runs (cmark parses and frees without
        // recursing).
        if let line = NestingLimit.firstLineTooDeep(root) {
            return MarkdownDocument(blocks: [], issues: [NestingLimit.issue(line: line + firstLine - 1)])
        }
        let lines = source.containsUTF8Byte { $0 == UInt8(ascii: "|") } ? source.split(separator: "\n", omittingEmptySubsequences: false) : []
        let converter = Converter(lineOffset: firstLine - 1, sourceLines: lines)
        return MarkdownDocument(blocks: converter.blocks(under: root))
    }

    /// Parses one line of inline Markdown (a table cell), as if it were a paragraph on `line`.
    /// Text that would start a block (`1. `, `- `, `# `, `> `) is escaped first: in a cell it is
    /// just text.
    static func parseInlines(_ text: String, line: Int) -> [MarkdownInline] {
        if let inlines = inlinesOfParagraph(text, line: line) { return inlines }
        return inlinesOfParagraph(escapingBlockStart(text), line: line) ?? []
    }

    private static func inlinesOfParagraph(_ text: String, line: Int) -> [MarkdownInline]? {
        let document = parse(text, firstLine: line)
        // The whole row was already checked as a paragraph; a cell that is still too deep is shown as it is written.
        if !document.issues.isEmpty { return [.text(text)] }
        switch document.blocks.first {
        case .paragraph(let inlines, _)?: return inlines
        case .directive(let directive)?: return [.directive(directive)]
        case nil: return []
        default: return nil
        }
    }

    /// Puts a backslash before the character that would make `text` a heading, quote, list,
    /// rule or code fence rather than a paragraph.
    static func escapingBlockStart(_ text: String) -> String {
        guard let first = text.first else { return text }
        if "#>-+*=_`~".contains(first) { return "\\" + text }
        let digits = text.prefix { $0.isASCII && $0.isNumber }
        if !digits.isEmpty, digits.count < text.count {
            let marker = text[text.index(text.startIndex, offsetBy: digits.count)]
            if marker == "." || marker == ")" { return digits + "\\" + text.dropFirst(digits.count) }
        }
        return text
    }
}

/// How deeply Markdown may nest: block quotes, list items, emphasis, links and images inside
/// each other, counted together.
///
/// Real pages need a handful of levels (the example site's deepest is 2: a link in a list item); 32 leaves room for
/// any honest page while keeping the recursive steps after parsing far from the stack's end.
public enum NestingLimit {
    public static let maximumDepth = 32

    /// The problem reported at `line`.
    static func issue(line: Int) -> MarkdownIssue {
        MarkdownIssue(
            line: line, isError: true,
            message: "this text is nested more than \(maximumDepth) levels deep (block quotes, lists, emphasis or links inside each other)",
            help: "remove some of the '>', '-' or '*' marks at the start of the line or around the words; pages rarely need more than 4 levels")
    }

    /// The source line (counted from the parsed text's first line) of the first node nested
    /// deeper than ``maximumDepth``, or nil. Walks with cmark's iterator, so it does not recurse.
    static func firstLineTooDeep(_ root: OpaquePointer) -> Int? {
        guard let iterator = cmark_iter_new(root) else { return nil }
        defer { cmark_iter_free(iterator) }
        var depth = 0
        while true {
            let event = cmark_iter_next(iterator)
            if event == CMARK_EVENT_DONE { return nil }
            guard let node = cmark_iter_get_node(iterator), counts(cmark_node_get_type(node)) else { continue }
            if event == CMARK_EVENT_EXIT {
                depth -= 1
            } else if event == CMARK_EVENT_ENTER {
                depth += 1
                if depth > maximumDepth { return line(of: node) }
            }
        }
    }

    /// Containers a reader sees as one level; lists count by their items, paragraphs not at all.
    private static func counts(_ type: cmark_node_type) -> Bool {
        switch type {
        case CMARK_NODE_BLOCK_QUOTE, CMARK_NODE_ITEM, CMARK_NODE_EMPH, CMARK_NODE_STRONG, CMARK_NODE_LINK, CMARK_NODE_IMAGE: true
        default: false
        }
    }

    /// Inline nodes may carry no position; their nearest block's line is used then.
    private static func line(of node: OpaquePointer) -> Int {
        var current: OpaquePointer? = node
        while let candidate = current {
            let line = Int(cmark_node_get_start_line(candidate))
            if line > 0 { return line }
            current = cmark_node_parent(candidate)
        }
        return 1
    }
}

private struct Converter {
    let lineOffset: Int
    /// The source's lines, kept only when it has a `|` that might start a table.
    let sourceLines: [Substring]

    func blocks(under parent: OpaquePointer) -> [MarkdownBlock] {
        var result: [MarkdownBlock] = []
        var node = cmark_node_first_child(parent)
        while let current = node {
            if let block = block(current) { result.append(block) }
            node = cmark_node_next(current)
        }
        return PipeTables.attachCaptions(result)
    }

    func block(_ node: OpaquePointer) -> MarkdownBlock? {
        let line = Int(cmark_node_get_start_line(node)) + lineOffset
        switch cmark_node_get_type(node) {
        case CMARK_NODE_PARAGRAPH:
            if !sourceLines.isEmpty, let table = table(node, line: line) { return .table(table, line: line) }
            var inlineLine = line
            let content = inlines(under: node, line: &inlineLine)
            if let directive = Directives.standalone(content) { return .directive(directive) }
            return .paragraph(content, line: line)
        case CMARK_NODE_HEADING:
            var inlineLine = line
            return .heading(level: Int(cmark_node_get_heading_level(node)), inlines(under: node, line: &inlineLine), line: line)
        case CMARK_NODE_BLOCK_QUOTE:
            return .blockQuote(blocks(under: node), line: line)
        case CMARK_NODE_LIST:
            return .list(list(node), line: line)
        case CMARK_NODE_CODE_BLOCK:
            return .codeBlock(info: string(cmark_node_get_fence_info(node)), literal: string(cmark_node_get_literal(node)), line: line)
        case CMARK_NODE_HTML_BLOCK:
            return .htmlBlock(string(cmark_node_get_literal(node)), line: line)
        case CMARK_NODE_THEMATIC_BREAK:
            return .thematicBreak(line: line)
        default:
            return nil
        }
    }

    func list(_ node: OpaquePointer) -> MarkdownList {
        var items: [[MarkdownBlock]] = []
        var tasks: [Bool?] = []
        var item = cmark_node_first_child(node)
        while let current = item {
            let (blocks, task) = TaskLists.strip(blocks(under: current))
            items.append(blocks)
            tasks.append(task)
            item = cmark_node_next(current)
        }
        return MarkdownList(
            ordered: cmark_node_get_list_type(node) == CMARK_ORDERED_LIST,
            start: Int(cmark_node_get_list_start(node)),
            tight: cmark_node_get_list_tight(node) != 0,
            items: items,
            tasks: tasks
        )
    }

    /// A paragraph whose source lines form a pipe table, read from the raw lines so escaped
    /// pipes (`\|`) stay inside their cell.
    func table(_ node: OpaquePointer, line: Int) -> MarkdownTable? {
        let first = Int(cmark_node_get_start_line(node)), last = Int(cmark_node_get_end_line(node))
        let indent = Int(cmark_node_get_start_column(node)) - 1
        guard last > first, first >= 1, last <= sourceLines.count else { return nil }
        var lines: [Substring] = []
        for raw in sourceLines[(first - 1)..<last] {
            let prefix = raw.prefix(indent)
            guard prefix.allSatisfy({ $0 == " " || $0 == "\t" }) else { return nil }
            lines.append(raw.dropFirst(prefix.count))
        }
        return PipeTables.table(lines: lines, firstLine: line)
    }

    /// Inline children; `line` advances at each line break so links know their own line.
    func inlines(under parent: OpaquePointer, line: inout Int) -> [MarkdownInline] {
        var result: [MarkdownInline] = []
        var node = cmark_node_first_child(parent)
        while let current = node {
            let converted = inline(current, line: &line)
            if case .text(let text) = converted, Directives.mayContainDirective(text) {
                result.append(contentsOf: Directives.split(text, line: line))
            } else {
                result.append(converted)
            }
            node = cmark_node_next(current)
        }
        return result
    }

    func inline(_ node: OpaquePointer, line: inout Int) -> MarkdownInline {
        switch cmark_node_get_type(node) {
        case CMARK_NODE_SOFTBREAK:
            line += 1
            return .softBreak
        case CMARK_NODE_LINEBREAK:
            line += 1
            return .lineBreak
        case CMARK_NODE_CODE:
            return .code(string(cmark_node_get_literal(node)))
        case CMARK_NODE_HTML_INLINE:
            return .html(string(cmark_node_get_literal(node)), line: line)
        case CMARK_NODE_EMPH:
            return .emphasis(inlines(under: node, line: &line))
        case CMARK_NODE_STRONG:
            return .strong(inlines(under: node, line: &line))
        case CMARK_NODE_LINK:
            let start = line
            let children = inlines(under: node, line: &line)
            return .link(destination: string(cmark_node_get_url(node)), title: string(cmark_node_get_title(node)), children, line: start)
        case CMARK_NODE_IMAGE:
            let start = line
            let children = inlines(under: node, line: &line)
            return .image(source: string(cmark_node_get_url(node)), title: string(cmark_node_get_title(node)), children, line: start)
        default:
            return .text(string(cmark_node_get_literal(node)))
        }
    }

    func string(_ pointer: UnsafePointer<CChar>?) -> String {
        guard let pointer else { return "" }
        return String(cString: pointer)
    }
}
