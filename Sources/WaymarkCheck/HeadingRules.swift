import Foundation
import WaymarkCore
import WaymarkMarkdown

/// Rules on a page's headings. Screen reader users move around a page by its headings and
/// hear their levels, so the outline has to be whole: the page title is the one level-1
/// heading (every layout shows it as such), the body starts at level 2, and no level is skipped.
enum HeadingRules {
    static let order = RuleInfo(id: "heading-order", title: "headings in order, without skipped levels")
    static let empty = RuleInfo(id: "heading-empty", title: "headings with text")
    static let repeatsTitle = RuleInfo(id: "heading-repeats-title", title: "headings that do not repeat the page title")

    static let rules = [
        PageRule(order) { context, _ in orderProblems(MarkdownWalk.headings(context.document), in: context) },
        PageRule(empty) { context, _ in MarkdownWalk.headings(context.document).compactMap { emptyProblem($0, in: context) } },
        PageRule(repeatsTitle) { context, _ in MarkdownWalk.headings(context.document).compactMap { repeatProblem($0, in: context) } },
    ]

    /// `##` for level 2.
    private static func marks(_ level: Int) -> String { String(repeating: "#", count: level) }

    private static func orderProblems(_ headings: [PageHeading], in context: PageContext) -> [Diagnostic] {
        var previous = 1
        var problems: [Diagnostic] = []
        for heading in headings {
            let location = context.location(line: heading.line)
            if heading.level == 1 {
                problems.append(.finding(order, location, "this is a level-1 heading (#), but the page title is the only top-level heading",
                                         help: "make it a level-2 heading (##); the title in the front matter is shown as the page's main heading"))
            } else if heading.level > previous + 1 {
                let from = previous == 1 ? "the page title (level 1)" : "level \(previous) (\(marks(previous)))"
                problems.append(.finding(order, location, "this heading jumps from \(from) to level \(heading.level) (\(marks(heading.level))), skipping level \(previous + 1)",
                                         help: "make it a level-\(previous + 1) heading (\(marks(previous + 1))), or add the missing level-\(previous + 1) heading above it"))
            }
            previous = heading.level
        }
        return problems
    }

    private static func emptyProblem(_ heading: PageHeading, in context: PageContext) -> Diagnostic? {
        guard !heading.inlines.hasInsertedContent,
              heading.inlines.readableText.allSatisfy(\.isWhitespace) else { return nil }
        return .finding(empty, context.location(line: heading.line), "this heading has no text, so a screen reader announces an empty heading",
                        help: "write the heading's words after the \(marks(heading.level)), or delete the line")
    }

    private static func repeatProblem(_ heading: PageHeading, in context: PageContext) -> Diagnostic? {
        let text = heading.inlines.readableText
        let key = PhraseKey.spacing(text)
        guard !key.isEmpty, key == PhraseKey.spacing(context.page.title) else { return nil }
        return .finding(repeatsTitle, context.location(line: heading.line), "this heading repeats the page title '\(context.page.title)'",
                        help: "the title is already shown at the top of the page; give this part a heading that says what it is about, or delete the line")
    }
}

extension PhraseKey {
    /// Case and spacing left out, punctuation kept: `Report  a Concern` → `report a concern`.
    static func spacing(_ text: String) -> String {
        text.precomposedStringWithCanonicalMapping.lowercased().split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }
}
