import Foundation
import Testing
@testable import WaymarkMarkdown

@Suite struct NestingLimitTests {
    @Test func thirtyTwoLevelsAreRead() {
        // 16 quotes, 15 list items and emphasis: 32 levels.
        let text = String(repeating: "> ", count: 16) + String(repeating: "- ", count: 15) + "*word*\n"
        let document = MarkdownParser.parse(text, firstLine: 1)
        #expect(document.issues.isEmpty)
        #expect(!document.blocks.isEmpty)
    }

    @Test func thirtyThreeLevelsAreAnErrorAtTheirLine() {
        let text = "Intro.\n\n" + String(repeating: "> ", count: 16) + String(repeating: "- ", count: 16) + "*word*\n"
        let document = MarkdownParser.parse(text, firstLine: 10)
        #expect(document.blocks.isEmpty)
        #expect(document.issues.map(\.line) == [12])
        #expect(document.issues.first?.isError == true)
        // The renderer reports it with its own issues.
        let rendered = HTMLRenderer(resolveLink: { .href($0.destination) }).render(document)
        #expect(rendered.issues == document.issues)
    }

    @Test func aTooDeepTableCellIsShownAsWritten() {
        let cell = String(repeating: "*a ", count: 40) + "b" + String(repeating: "* c", count: 40)
        #expect(MarkdownParser.parseInlines(cell, line: 3) == [.text(cell)])
    }

    @Test func manySameNamedHeadingsGetNumberedIdsQuickly() {
        var ids = HeadingIDs()
        #expect(["Same", "Same 1", "Same", "Same", "Other", "Same"].map { ids.next(for: $0) } == ["same", "same-1", "same-2", "same-3", "other", "same-4"])
        let started = Date()
        var many = HeadingIDs()
        for _ in 0..<100_000 { _ = many.next(for: "Same") }
        #expect(many.next(for: "Same") == "same-100000")
        #expect(Date().timeIntervalSince(started) < 5)
    }
}
