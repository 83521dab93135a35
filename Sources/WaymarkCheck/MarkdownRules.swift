/// Accessibility rules on a page's Markdown: images, links, headings, tables.
enum MarkdownRules {
    static let all: [PageRule] = []
}
