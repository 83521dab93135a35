import Testing
@testable import WaymarkMarkdown

private func render(_ markdown: String, anchorLabel: String? = nil) -> RenderedMarkdown {
    HTMLRenderer(reservedIDs: ["main-content"], headingAnchorLabel: anchorLabel, resolveLink: { .href($0.destination) })
        .render(MarkdownParser.parse(markdown))
}

/// Heading ids as GitHub makes them. The expected ids were worked out, independently of this
/// code, with github-slugger's rule (Unicode categories removed unless alphabetic) in JavaScript,
/// whose lowercasing is the one github-slugger uses; that rule reproduces github-slugger's own
/// GitHub-checked fixtures.
@Suite struct HeadingIDTests {
    @Test(arguments: [
        ("Who we are — and what we do", "who-we-are--and-what-we-do"),
        ("Who we are", "who-we-are"),
        ("Step 5a: if the adult consents, make an NRM referral", "step-5a-if-the-adult-consents-make-an-nrm-referral"),
        ("heading with an _ underscore", "heading-with-an-_-underscore"),
        ("snake_case_name", "snake_case_name"),
        ("😄 unicode emoji", "-unicode-emoji"),
        ("Help 🆘 now", "help--now"),
        ("Two  spaces", "two--spaces"),
        ("   padded   ", "---padded---"),
        ("(Leading and trailing)", "leading-and-trailing"),
        ("-a-", "-a-"),
        ("Why?", "why"),
        ("...and then", "and-then"),
        ("¿Qué pasa?", "qué-pasa"),
        ("C++", "c"),
        ("Q&A", "qa"),
        ("1. Step one", "1-step-one"),
        ("C# and F#", "c-and-f"),
        ("Don’t wait", "dont-wait"),
        ("Don't wait", "dont-wait"),
        ("“Quoted” words", "quoted-words"),
        ("Phone: 0800 121 700", "phone-0800-121-700"),
        ("£5 or €5", "5-or-5"),
        ("² and ½", "-and-"),
        ("Chapter Ⅻ", "chapter-ⅻ"),
        ("tab\there", "tabhere"),
        ("non\u{00A0}breaking", "nonbreaking"),
        ("İstanbul", "i̇stanbul"),
        ("Zgłoś problem", "zgłoś-problem"),
        ("Gdzie szukać pomocy?", "gdzie-szukać-pomocy"),
        ("ŻÓŁĆ", "żółć"),
        ("Dấu hiệu nhận biết", "dấu-hiệu-nhận-biết"),
        ("Những dấu hiệu: Lao động cưỡng bức", "những-dấu-hiệu-lao-động-cưỡng-bức"),
        ("علامات الاستعباد", "علامات-الاستعباد"),
        ("ما هو العمل القسري؟", "ما-هو-العمل-القسري"),
        ("الخطوة ٣", "الخطوة-٣"),
        ("Kaip atpažinti išnaudojimą?", "kaip-atpažinti-išnaudojimą"),
        ("ĄČĘĖĮŠŲŪŽ", "ąčęėįšųūž"),
        ("Į ką kreiptis", "į-ką-kreiptis"),
        ("Știri și noutăți", "știri-și-noutăți"),
        ("Çfarë duhet të bëni", "çfarë-duhet-të-bëni"),
        ("Who? What? Where?", "who-what-where"),
        ("A–B", "ab"),
        ("a/b testing", "ab-testing"),
        ("e-mail & phone", "e-mail--phone"),
        ("10% off", "10-off"),
        ("Step 1 — call 999", "step-1--call-999"),
        ("multi\nline", "multiline"),
    ])
    func githubSlugs(text: String, id: String) {
        #expect(HeadingIDs.slug(text) == id)
        // Not only equal as Swift compares text (which ignores composition): the same characters.
        #expect(HeadingIDs.slug(text).unicodeScalars.elementsEqual(id.unicodeScalars))
    }

    @Test func theASCIIFastPathFollowsTheUnicodeRuleForEveryASCIICharacter() {
        for value in 0..<128 {
            let character = String(UnicodeScalar(UInt8(value)))
            for text in [character, "Ab" + character + "9 z", character + character] {
                #expect(HeadingIDs.asciiSlug(text) == HeadingIDs.unicodeSlug(text), "U+\(String(value, radix: 16))")
            }
        }
        #expect(HeadingIDs.asciiSlug("Café") == nil)
    }

    @Test func aHeadingOfNothingAnIDCanHoldGetsTheFallback() {
        #expect(HeadingIDs.slug("🎉") == "section")
        #expect(HeadingIDs.slug("—") == "section")
        #expect(HeadingIDs.slug("?!") == "section")
        #expect(HeadingIDs.fallback == "section")
    }

    @Test func decomposedLettersKeepTheirMarksAsWritten() {
        // "Dấu" typed as d, a, combining circumflex, combining acute: GitHub keeps those
        // characters, so its id is decomposed too; Waymark does not normalise, to match it.
        let decomposed = "D\u{0061}\u{0302}\u{0301}u hi\u{0065}\u{0323}\u{0302}u"
        let id = HeadingIDs.slug(decomposed)
        #expect(Array(id.unicodeScalars) == Array("d\u{0061}\u{0302}\u{0301}u-hi\u{0065}\u{0323}\u{0302}u".unicodeScalars))
        #expect(Array(HeadingIDs.slug("Dấu hiệu").unicodeScalars) == Array("dấu-hiệu".unicodeScalars))
    }

    @Test func duplicatesAreNumberedAsGitHubNumbersThem() {
        // github-slugger's fixtures, in order.
        var ids = HeadingIDs()
        #expect(["echo", "echo", "echo 1", "echo-1", "echo"].map { ids.next(for: $0) } == ["echo", "echo-1", "echo-1-1", "echo-1-2", "echo-2"])
        var more = HeadingIDs()
        #expect(["foxtrot-1", "foxtrot", "foxtrot"].map { more.next(for: $0) } == ["foxtrot-1", "foxtrot", "foxtrot-2"])
        var golf = HeadingIDs()
        #expect(["golf", "golf", "golf"].map { golf.next(for: $0) } == ["golf", "golf-1", "golf-2"])
        var reserved = HeadingIDs(reserved: ["main-content"])
        #expect(reserved.next(for: "Main content") == "main-content-1")
    }

    @Test func theOldIDsAreStillMadeForAliases() {
        #expect(HeadingIDs.legacySlug("Who we are — and what we do") == "who-we-are-and-what-we-do")
        #expect(HeadingIDs.legacySlug("heading with an _ underscore") == "heading-with-an-underscore")
        #expect(HeadingIDs.legacySlug("🎉") == "section")
        var old = HeadingIDs(style: .legacy)
        #expect(["Q&A", "Q & A"].map { old.next(for: $0) } == ["q-a", "q-a-1"])
    }

    @Test func anOldIDIsKeptOnlyWhenItDiffersAndNoHeadingHasItNow() {
        let plan = HeadingAnchor.plan(idTexts: ["Who we are — and what we do", "Who we are", "A–B", "A B", "Main content"],
                                      legacyTexts: ["Who we are — and what we do", "Who we are", "A–B", "A B", "Main content"],
                                      reserved: ["main-content"])
        #expect(plan == [
            HeadingAnchor(id: "who-we-are--and-what-we-do", alias: "who-we-are-and-what-we-do"),
            HeadingAnchor(id: "who-we-are"),
            // Its old id, a-b, is the next heading's id now: that heading keeps it.
            HeadingAnchor(id: "ab"),
            // Before, the second a-b was numbered.
            HeadingAnchor(id: "a-b", alias: "a-b-1"),
            HeadingAnchor(id: "main-content-1"),
        ])
    }

    @Test func theHeadingCarriesItsOldIDInAnEmptySpan() {
        let result = render("## Who we are — and what we do\n\ntext\n\n## Who we are\n", anchorLabel: "Link to this section")
        #expect(result.html.contains("""
            <h2 id="who-we-are--and-what-we-do"><span id="who-we-are-and-what-we-do"></span>Who we are — and what we do</h2>\
            <a class="heading-anchor" href="#who-we-are--and-what-we-do"
            """))
        #expect(result.html.contains("<h2 id=\"who-we-are\">Who we are</h2>"))
        #expect(result.headingIDs == ["who-we-are--and-what-we-do", "who-we-are"])
        #expect(result.headingAliases == ["who-we-are-and-what-we-do": "who-we-are--and-what-we-do"])
        // The table of contents and the sections use the new ids; a section knows its old one.
        #expect(result.tableOfContents.map(\.id) == ["who-we-are--and-what-we-do", "who-we-are"])
        #expect(result.sections.map(\.id) == ["who-we-are--and-what-we-do", "who-we-are"])
        #expect(result.sections.map(\.alias) == ["who-we-are-and-what-we-do", nil])
        #expect(!result.sections[0].html.contains("<span id="))
    }

    @Test func inlineMarkupCountsAsTheTextItShows() {
        let result = render("## Call **999** in an [emergency](x.md) or `ring` *now*\n")
        #expect(result.headingIDs == ["call-999-in-an-emergency-or-ring-now"])
        #expect(result.headingAliases.isEmpty)
    }

    @Test func anImageInAHeadingAddsNothingToItsID() {
        // GitHub reads the heading's text, where an image has none; the old id had its description.
        let result = render("## ![Logo](logo.png) About us\n")
        #expect(result.headingIDs == ["-about-us"])
        #expect(result.headingAliases == ["logo-about-us": "-about-us"])
        #expect(result.tableOfContents.map(\.text) == ["Logo About us"])
    }

    @Test func headingsInListsAndQuotesAreNumberedInOrder() {
        let result = render("## Q&A\n\n> ## Q&A\n\n- ## Q & A\n")
        #expect(result.headingIDs == ["qa", "qa-1", "q--a"])
        #expect(result.headingAliases == ["q-a": "qa", "q-a-1": "qa-1", "q-a-2": "q--a"])
        #expect(result.html.contains("<blockquote>\n<h2 id=\"qa-1\"><span id=\"q-a-1\"></span>Q&amp;A</h2>"))
    }

    @Test func aLineBreakInAHeadingIsDroppedNotAHyphen() {
        let result = render("Two\nlines\n===\n")
        #expect(result.headingIDs == ["twolines"])
        #expect(result.headingAliases == ["two-lines": "twolines"])
    }
}
