import Foundation
import WaymarkCore
import WaymarkMarkdown

/// `table-header`: tables whose first row names no column. A screen reader reads each cell with
/// its column's name; without names, a row of numbers is only numbers. Pipe tables always have
/// a header row in their syntax, so the rule looks for one left blank.
enum TableHeaderRule {
    static let info = RuleInfo(id: "table-header", title: "tables whose columns have names")

    static let rule = PageRule(info) { context, _ in
        MarkdownWalk.blocks(context.document.blocks).compactMap { block in
            guard case .table(let table, let line) = block else { return nil }
            return problem(with: table, at: context.location(line: line))
        }
    }

    private static func problem(with table: MarkdownTable, at location: SourceLocation) -> Diagnostic? {
        let blank = table.header.allSatisfy { !$0.hasInsertedContent && $0.readableText.allSatisfy(\.isWhitespace) }
        guard blank else { return nil }
        if table.header.count == 1 {
            return .finding(info, location, "this table has one column and no heading, so it is a list set out as a table",
                            help: "write it as a list, one '- ' line per item, or put the column's name in the first row")
        }
        return .finding(info, location, "this table's header row is empty, so its columns have no names",
                        help: "write each column's name in the first row, e.g. | Service | Phone number |")
    }
}
