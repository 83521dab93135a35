import WaymarkContent
import WaymarkCore
import WaymarkMarkdown

/// Finds the links to other sites written on a page and in site.yaml's menus.
enum ExternalLinkFinder {
    /// Every `http(s)` link and image on the page, at its line, in reading order.
    static func links(in document: MarkdownDocument, file: String) -> [ExternalLink] {
        var found: [ExternalLink] = []
        for block in document.blocks { collect(block, file: file, into: &found) }
        return found
    }

    /// `url:` entries of the menu and footer menu that point at other sites, at their `url:` line.
    static func menuLinks(in config: SiteConfig) -> [ExternalLink] {
        (config.menu + config.footerMenu).compactMap { item in
            guard case .url(let url) = item.target, isExternal(url) else { return nil }
            return ExternalLink(url: url, location: item.location)
        }
    }

    /// `http://…`, `https://…` and `//host/…` (which readers' browsers open over https).
    static func isExternal(_ destination: String) -> Bool {
        LinkKind(destination) == .external
    }

    private static func collect(_ block: MarkdownBlock, file: String, into found: inout [ExternalLink]) {
        switch block {
        case .paragraph(let inlines, _), .heading(_, let inlines, _):
            collect(inlines, file: file, into: &found)
        case .blockQuote(let blocks, _):
            for child in blocks { collect(child, file: file, into: &found) }
        case .list(let list, _):
            for child in list.items.joined() { collect(child, file: file, into: &found) }
        case .table(let table, _):
            let cells = [table.caption ?? []] + table.header + table.rows.joined()
            for cell in cells { collect(cell, file: file, into: &found) }
        case .codeBlock, .htmlBlock, .thematicBreak, .directive:
            break
        }
    }

    private static func collect(_ inlines: [MarkdownInline], file: String, into found: inout [ExternalLink]) {
        for inline in inlines {
            switch inline {
            case .link(let destination, _, let children, let line):
                add(destination, line: line, file: file, into: &found)
                collect(children, file: file, into: &found)
            case .image(let source, _, let children, let line):
                add(source, line: line, file: file, into: &found)
                collect(children, file: file, into: &found)
            case .emphasis(let children), .strong(let children):
                collect(children, file: file, into: &found)
            case .text, .softBreak, .lineBreak, .code, .html, .directive:
                break
            }
        }
    }

    private static func add(_ destination: String, line: Int, file: String, into found: inout [ExternalLink]) {
        guard isExternal(destination) else { return }
        found.append(ExternalLink(url: destination, location: SourceLocation(file: file, line: line)))
    }
}
