/// Accessibility rules on a page's Markdown: images, links, headings, tables. They look at the
/// page as written (its lines are the file's), wherever things are nested.
enum MarkdownRules {
    static let all: [PageRule] = [ImageAltRule.rule, LinkTextRule.rule, DownloadLinkRule.rule]
        + HeadingRules.rules + [TableHeaderRule.rule]
}
