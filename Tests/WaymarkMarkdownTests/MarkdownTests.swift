import Testing
import WaymarkMarkdown

private func render(_ markdown: String, firstLine: Int = 1, allowRawHTML: Bool = false,
                    resolve: @escaping (LinkReference) -> LinkResolution = { .href($0.destination) }) -> RenderedMarkdown {
    HTMLRenderer(allowRawHTML: allowRawHTML, reservedIDs: ["main-content"], resolveLink: resolve)
        .render(MarkdownParser.parse(markdown, firstLine: firstLine))
}

@Suite struct RendererTests {
    @Test func headingsGetStableUniqueIDsAndATableOfContents() {
        let result = render("## Who we are\n\n### Board\n\n## Who we are\n\n## Main content\n")
        #expect(result.html == """
        <h2 id="who-we-are">Who we are</h2>
        <h3 id="board">Board</h3>
        <h2 id="who-we-are-1">Who we are</h2>
        <h2 id="main-content-1">Main content</h2>

        """)
        #expect(result.tableOfContents == [
            TableOfContentsEntry(id: "who-we-are", text: "Who we are", children: [TableOfContentsEntry(id: "board", text: "Board")]),
            TableOfContentsEntry(id: "who-we-are-1", text: "Who we are"),
            TableOfContentsEntry(id: "main-content-1", text: "Main content"),
        ])
        #expect(result.sectionHeadingCount == 4)
    }

    @Test func externalLinksDoNotLeakTheReferrer() {
        let html = render("[GOV.UK](https://www.gov.uk/) and [us](report.md)").html
        #expect(html == "<p><a href=\"https://www.gov.uk/\" class=\"external\" rel=\"noreferrer\">GOV.UK</a> and <a href=\"report.md\">us</a></p>\n")
    }

    @Test func linksAreResolvedWithTheirOwnFileLine() {
        var seen: [LinkReference] = []
        let result = render("Intro\ntext [first](a.md)\nmore\n[second](b.md)\n", firstLine: 5) { reference in
            seen.append(reference)
            return reference.destination == "b.md" ? .broken("no such page", help: "check it") : .href("/a/")
        }
        #expect(seen.map(\.line) == [6, 8])
        #expect(result.issues == [MarkdownIssue(line: 8, isError: true, message: "no such page", help: "check it")])
        #expect(result.html.contains("<a href=\"/a/\">first</a>"))
    }

    @Test func rawHTMLIsLeftOutWithAWarningUnlessAllowed() {
        let markdown = "Text\n\n<div class=\"x\">boxed</div>\n\nInline <b>bold</b>.\n"
        let safe = render(markdown)
        #expect(!safe.html.contains("<div"))
        #expect(!safe.html.contains("<b>"))
        #expect(safe.issues.map(\.line) == [3, 5])
        #expect(safe.issues.allSatisfy { !$0.isError })
        let allowed = render(markdown, allowRawHTML: true)
        #expect(allowed.html.contains("<div class=\"x\">boxed</div>"))
        #expect(allowed.html.contains("<b>bold</b>"))
        #expect(allowed.issues.isEmpty)
    }

    @Test func imagesNeedADescription() {
        let result = render("![](map.png)\n\n![Map of the area](map.png)")
        #expect(result.html.contains("<img src=\"map.png\" alt=\"\">"))
        #expect(result.html.contains("<img src=\"map.png\" alt=\"Map of the area\">"))
        #expect(result.issues.count == 1)
        #expect(result.issues.first?.message.contains("no description") == true)
        #expect(result.issues.first?.rule == "image-alt")
    }

    @Test func decorativeImagesHaveAnEmptyAltAndNoTitle() {
        let result = render("![](divider.svg \"decorative\")\n\n![A wave](wave.svg \" Decorative \")\n\n![Map](map.png \"The four areas\")")
        #expect(result.html.contains("<img src=\"divider.svg\" alt=\"\">"))
        // Marked decorative, so its description is not read out (waymark check reports that).
        #expect(result.html.contains("<img src=\"wave.svg\" alt=\"\">"))
        #expect(result.html.contains("<img src=\"map.png\" alt=\"Map\" title=\"The four areas\">"))
        #expect(result.issues.isEmpty)
    }

    @Test func codeAndTextAreEscaped() {
        let html = render("Use `<br>` & friends\n\n```swift\nlet x = 1 < 2\n```\n").html
        #expect(html == "<p>Use <code>&lt;br&gt;</code> &amp; friends</p>\n<pre><code class=\"language-swift\">let x = 1 &lt; 2\n</code></pre>\n")
    }

    @Test func tightAndLooseLists() {
        #expect(render("- a\n- b\n").html == "<ul>\n<li>a</li>\n<li>b</li>\n</ul>\n")
        #expect(render("1. a\n\n2. b\n").html == "<ol>\n<li><p>a</p>\n</li>\n<li><p>b</p>\n</li>\n</ol>\n")
        #expect(render("3. c\n").html == "<ol start=\"3\">\n<li>c</li>\n</ol>\n")
    }

    @Test func blockQuotesBreaksAndRules() {
        #expect(render("> quoted\n\n---\n\nline  \nbreak").html == "<blockquote>\n<p>quoted</p>\n</blockquote>\n<hr>\n<p>line<br>\nbreak</p>\n")
    }

    @Test func plainTextOfInlines() {
        let document = MarkdownParser.parse("## Call **999** in an [emergency](x.md)")
        guard case .heading(_, let inlines, _) = document.blocks.first else {
            Issue.record("expected a heading")
            return
        }
        #expect(inlines.plainText == "Call 999 in an emergency")
    }
}
