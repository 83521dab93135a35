import Testing
import WaymarkMarkdown

private func render(_ markdown: String, anchors: Bool = false,
                    directive: @escaping (MarkdownDirective, Bool) -> DirectiveResolution = { d, block in .html(block ? "<div>\(d.argument)</div>" : "[\(d.argument)]") })
    -> RenderedMarkdown {
    HTMLRenderer(headingAnchorLabel: anchors ? "Link to this section" : nil, resolveLink: { .href($0.destination) }, resolveDirective: directive)
        .render(MarkdownParser.parse(markdown))
}

@Suite struct PipeTableTests {
    @Test func tableWithAlignmentCaptionAndInlineFormatting() {
        let html = render("""
        Table: Referrals by **year**

        | Year | Adults | Notes |
        |:-----|-------:|:-----:|
        | 2022 | 41 | `a|b` is split, *so* escape: a \\| b |
        | 2023 | 52 |
        """).html
        #expect(html == """
        <div class="table-scroll">
        <table>
        <caption>Referrals by <strong>year</strong></caption>
        <thead>
        <tr>
        <th scope="col" class="align-left">Year</th>
        <th scope="col" class="align-right">Adults</th>
        <th scope="col" class="align-center">Notes</th>
        </tr>
        </thead>
        <tbody>
        <tr>
        <td class="align-left">2022</td>
        <td class="align-right">41</td>
        <td class="align-center">`a</td>
        </tr>
        <tr>
        <td class="align-left">2023</td>
        <td class="align-right">52</td>
        <td class="align-center"></td>
        </tr>
        </tbody>
        </table>
        </div>

        """)
    }

    @Test func escapedPipesStayInTheirCell() {
        let html = render("| A | B |\n|---|---|\n| x \\| y | *z* |\n").html
        #expect(html.contains("<td>x | y</td>\n<td><em>z</em></td>"))
    }

    @Test func cellsThatLookLikeBlocksStayText() {
        let html = render("| Step | Note |\n|---|---|\n| 1. Refer | - consent |\n| # 2 | > quoted |\n").html
        #expect(html.contains("<td>1. Refer</td>\n<td>- consent</td>"))
        #expect(html.contains("<td># 2</td>\n<td>&gt; quoted</td>"))
    }

    @Test func notATableWithoutADelimiterRow() {
        #expect(render("a | b\nc | d\n").html == "<p>a | b\nc | d</p>\n")
        #expect(render("| a | b |\n|---|\n").html.hasPrefix("<p>"))
    }
}

@Suite struct TaskListTests {
    @Test func taskItemsBecomeChecklistItems() {
        #expect(render("- [ ] Appears frightened\n- [x] Has no documents\n- plain\n").html == """
        <ul class="checklist">
        <li class="checklist-item">Appears frightened</li>
        <li class="checklist-item checked">Has no documents</li>
        <li>plain</li>
        </ul>

        """)
        #expect(render("- [link](x.md)\n").html == "<ul>\n<li><a href=\"x.md\">link</a></li>\n</ul>\n")
    }
}

@Suite struct DirectiveTests {
    @Test func inlineAndBlockDirectives() {
        #expect(render("Call {{contact helpline}} now.").html == "<p>Call [helpline] now.</p>\n")
        #expect(render("{{contact helpline}}\n").html == "<div>helpline</div>\n")
        #expect(render("Not one: {{ 1 }} and {{{ or }}.").html == "<p>Not one: {{ 1 }} and {{{ or }}.</p>\n")
        #expect(render("Spaced: {{ contact  helpline }}.").html == "<p>Spaced: [helpline].</p>\n")
    }

    @Test func textThatStartsLikeADirectiveMustBeOne() {
        let result = render("Intro\nCall {{contact}} or {{contact a b}}\nor {{contact helpline")
        #expect(result.issues.map(\.line) == [2, 2, 3])
        #expect(result.issues.map(\.message) == [
            "the directive '{{contact}}' needs one word after 'contact', such as the id of a contact",
            "the directive '{{contact a b}}' should have one word after 'contact', but has 2",
            "the directive '{{contact helpline' is not closed with '}}' on the same line",
        ])
        #expect(!result.html.contains("{{"))
    }

    @Test func brokenDirectivesAreErrorsAtTheirLine() {
        let result = render("Intro\nCall {{contact helpine}}.") { _, _ in .broken("no such contact", help: "did you mean 'helpline'?") }
        #expect(result.issues == [MarkdownIssue(line: 2, isError: true, message: "no such contact", help: "did you mean 'helpline'?")])
    }
}

@Suite struct SectionAndAnchorTests {
    @Test func documentSplitsAtLevelTwoHeadings() {
        let result = render("Intro text.\n\n## First step\n\nDo this.\n\n### If yes\n\nThen.\n\n## Second step\n\nDone.\n", anchors: true)
        #expect(result.intro == "<p>Intro text.</p>\n")
        #expect(result.sections.map(\.id) == ["first-step", "second-step"])
        #expect(result.sections.map(\.title) == ["First step", "Second step"])
        #expect(result.sections[0].html == "<p>Do this.</p>\n<div class=\"heading-wrap\"><h3 id=\"if-yes\">If yes</h3><a class=\"heading-anchor\" href=\"#if-yes\" aria-label=\"Link to this section: If yes\">#</a></div>\n<p>Then.</p>\n")
        #expect(result.html.contains("<div class=\"heading-wrap\"><h2 id=\"first-step\">First step</h2><a class=\"heading-anchor\" href=\"#first-step\" aria-label=\"Link to this section: First step\">#</a></div>\n"))
        #expect(render("#### Deep", anchors: true).html == "<h4 id=\"deep\">Deep</h4>\n")
    }
}

@Suite struct PhoneNumberScannerTests {
    @Test func findsHandTypedNumbersWithTheirLines() {
        let document = MarkdownParser.parse("Call the Helpline on 0800 121 700.\nOr **+44 800 555 111**.\n\n- In 2020-2023 we met 999 times, 12345678901 no\n\n`0800 000 0000`\n", firstLine: 4)
        let found = PhoneNumberScanner.candidates(in: document)
        #expect(found.map(\.text) == ["0800 121 700", "+44 800 555 111"])
        #expect(found.map(\.digits) == ["0800121700", "0800555111"])
        #expect(found.map(\.line) == [4, 5])
    }
}
