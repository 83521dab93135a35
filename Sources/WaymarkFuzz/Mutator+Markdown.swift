import Foundation

extension Mutator {
    mutating func applyMarkdown(_ mutation: Mutation, to data: Data) -> (Data, String) {
        var file = TextLines(data)
        let body = file.bodyRegion
        let at = body.isEmpty ? file.lines.count : body.lowerBound + random.below(body.count + 1)
        let snippet: String
        switch mutation {
        case .insertDirective: snippet = inline(random.pick(TrickyValues.markdown))
        case .insertLink: snippet = inline(random.pick(TrickyValues.links))
        case .insertRawHTML: snippet = random.pick(TrickyValues.rawHTML)
        case .hugeTable: snippet = hugeTable()
        default: preconditionFailure("\(mutation) is not a Markdown mutation")
        }
        file.lines.insert(Array(snippet.utf8), at: at)
        let shown = snippet.count > 60 ? "\(snippet.prefix(60))… (\(snippet.utf8.count) bytes)" : snippet
        return (file.data, "line \(at + 1): \(shown)")
    }

    /// The snippet on a line of its own, or inside a sentence, list item or heading.
    private mutating func inline(_ snippet: String) -> String {
        random.pick(["", "Call ", "- ", "## ", "> ", "| a | "]) + snippet + random.pick(["", " now.", " |"])
    }

    private mutating func hugeTable() -> String {
        let columns = 2 + random.below(30), rows = random.pick([50, 500, 3_000])
        let cell = random.pick(["x", "{{contact helpline}}", "[a](report.md)", "**b**", ""])
        let header = "|" + (0..<columns).map { " h\($0) |" }.joined()
        let rule = "|" + String(repeating: "---|", count: columns)
        // Ragged rows: some too short, some too long, as real pasted tables are.
        let body = (0..<rows).map { row in "|" + String(repeating: " \(cell) |", count: max(1, columns + row % 3 - 1)) }
        return ([header, rule] + body).joined(separator: "\n")
    }
}
