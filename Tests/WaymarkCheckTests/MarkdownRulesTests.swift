import Foundation
import Testing
@testable import WaymarkCheck
import WaymarkCore

/// Rule `id`'s findings on one page; the body starts on line 4 of the file.
private func check(_ id: String, _ body: String, page: String = "page.md", title: String = "Test page",
                   frontMatter: String = "", siteYAML: String = "", files: [String: Data] = [:]) throws -> [Diagnostic] {
    try MarkdownRulesSite.findings(id, body, page: page, title: title, frontMatter: frontMatter, siteYAML: siteYAML, files: files)
}

private let images: [String: Data] = [
    "images/map.svg": MarkdownRulesSite.svg, "images/photo.jpg": MarkdownRulesSite.svg,
    "images/humber-map-2024.png": MarkdownRulesSite.svg, "images/divider.svg": MarkdownRulesSite.svg,
    "images/logo.png": MarkdownRulesSite.svg,
]

@Suite struct ImageAltRuleTests {
    @Test func anImageWithNoDescriptionIsReportedByTheBuildUnderThisRule() throws {
        let found = try check("image-alt", "Intro.\n\n![](images/map.svg)\n", files: images)
        #expect(found.map(\.location.line) == [6])
        #expect(found.first?.summary == "image 'images/map.svg' has no description")
        #expect(found.first?.help?.contains("![](images/map.svg \"decorative\")") == true)
        #expect(found.first?.severity == .warning)
    }

    @Test func fileNamesAndCameraNamesAreNotDescriptions() throws {
        let found = try check("image-alt", """
        ![map.svg](images/map.svg)

        ![IMG_0042](images/photo.jpg)

        ![humber-map-2024](images/humber-map-2024.png)

        ![Screenshot 2024-05-01 at 10.22.31](images/photo.jpg)
        """, files: images)
        #expect(found.map(\.location.line) == [4, 6, 8, 10])
        #expect(found.first?.summary == "the description of image 'images/map.svg' is a file name ('map.svg'), which tells someone who cannot see the image nothing")
        #expect(found.allSatisfy { $0.severity == .warning && $0.summary.contains("is a file name") })
    }

    @Test func aWordForImageIsNotADescriptionInEnglishOrThePagesLanguage() throws {
        let english = try check("image-alt", "![Photo](images/photo.jpg)\n\n![Image 2](images/map.svg)\n\n![LOGO.](images/logo.png)\n", files: images)
        #expect(english.map(\.location.line) == [4, 6, 8])
        #expect(english.first?.summary == "the description of image 'images/photo.jpg' is only 'Photo', which does not say what it shows")
        let polish = try check("image-alt", "![Zdjęcie](images/photo.jpg)\n\n![logo](images/logo.png)\n", page: "page.pl.md", files: images)
        #expect(polish.map(\.location.line) == [4, 6])
        let arabic = try check("image-alt", "![صورة](images/photo.jpg)\n", page: "page.ar.md", files: images)
        #expect(arabic.map(\.location.line) == [4])
        #expect(arabic.first?.severity == .warning)
    }

    @Test func aDecorativeImageWithADescriptionIsReported() throws {
        let found = try check("image-alt", "![A wavy line](images/divider.svg \"decorative\")\n", files: images)
        #expect(found.map(\.location.line) == [4])
        #expect(found.first?.summary == "image 'images/divider.svg' is marked decorative, so its description 'A wavy line' will not be read out")
    }

    @Test func describedAndDecorativeImagesPass() throws {
        let found = try check("image-alt", """
        ![Schematic map of the four council areas around the Humber](images/map.svg)

        ![](images/divider.svg "decorative")

        - > ![Hull City Council logo](images/logo.png)

        ![Map](images/map.svg)
        """, files: images)
        #expect(found.isEmpty)
        // A Polish word is only a word for image on a Polish page ("obraz" is also a painting).
        #expect(try check("image-alt", "![Obraz](images/photo.jpg)\n", page: "page.ro.md", files: images).isEmpty)
    }

    @Test func fileNameAndWordMatching() {
        #expect(ImageAltRule.looksLikeFileName("DSC01234", source: "a.jpg"))
        #expect(ImageAltRule.looksLikeFileName("PXL_20240101_101010", source: "a.jpg"))
        #expect(ImageAltRule.looksLikeFileName("images/map.PNG", source: "a.jpg"))
        #expect(!ImageAltRule.looksLikeFileName("Map", source: "map.png"))
        #expect(!ImageAltRule.looksLikeFileName("Image of the 2015 Act's front page", source: "act.png"))
        #expect(!ImageAltRule.looksLikeFileName("Imgur", source: "a.png"))
    }
}

@Suite struct LinkTextRuleTests {
    @Test func vagueLinkTextIsReported() throws {
        let found = try check("link-text", """
        To report, [click here](https://example.org/report).

        [Read more…](https://example.org/about)

        [**Here**](https://example.org/a)
        """)
        #expect(found.map(\.location.line) == [4, 6, 8])
        #expect(found.first?.summary == "the link text 'click here' does not say where the link goes")
        #expect(found.first?.help == "say where it leads, in words that make sense on their own: [what the reader will find there](https://example.org/report), not [click here](https://example.org/report)")
        #expect(found.allSatisfy { $0.severity == .warning })
    }

    @Test func vagueTextIsFoundInThePagesLanguageAndInEnglish() throws {
        let polish = try check("link-text", "[Czytaj więcej](https://example.org/a)\n\n[here](https://example.org/b)\n", page: "page.pl.md")
        #expect(polish.map(\.location.line) == [4, 6])
        #expect(polish.first?.summary == "the link text 'Czytaj więcej' does not say where the link goes")
        // Written with a cedilla ş, as Romanian often is typed.
        let romanian = try check("link-text", "[Citeşte mai mult](https://example.org/a)\n", page: "page.ro.md")
        #expect(romanian.map(\.location.line) == [4])
        let arabic = try check("link-text", "[اضغط هنا](https://example.org/a)\n", page: "page.ar.md")
        #expect(arabic.map(\.location.line) == [4])
        let vietnamese = try check("link-text", "[Xem thêm](https://example.org/a)\n", page: "page.vi.md")
        #expect(vietnamese.map(\.location.line) == [4])
    }

    @Test func webAddressesAsTextAreReported() throws {
        let found = try check("link-text", "See <https://example.org/report>.\n\n[www.example.org](https://www.example.org/)\n\n[example.org/help](https://example.org/help)\n")
        #expect(found.map(\.location.line) == [4, 6, 8])
        #expect(found.first?.summary == "the link text is an address ('https://example.org/report'), which is hard to listen to and does not say what is there")
    }

    @Test func namesAndFlyersMayShowTheAddress() throws {
        #expect(try check("link-text", "[GOV.UK](https://www.gov.uk/)\n").isEmpty)
        // A flyer is printed, and a reader of paper needs the address to type.
        let flyer = try check("link-text", "Visit <https://example.org/report>.\n\n[click here](https://example.org/a)\n", frontMatter: "layout: flyer")
        #expect(flyer.map(\.location.line) == [7])
    }

    @Test func linksWithNoTextAreReported() throws {
        let found = try check("link-text", "[](https://example.org/a)\n\n[![](images/logo.png)](https://example.org/b)\n\n[![A line](images/divider.svg \"decorative\")](https://example.org/c)\n", files: images)
        #expect(found.map(\.location.line) == [4, 6, 8])
        #expect(found.first?.summary == "this link has no text, so a screen reader can only read out its address")
        #expect(found[1].summary == "this link is an image with no description, so a screen reader can only read out its address")
        #expect(found[1].severity == .warning)
    }

    @Test func linksThatMakeSenseOnTheirOwnPass() throws {
        let found = try check("link-text", """
        - [Report a concern](https://example.org/report)
        - [Read more about the partnership](https://example.org/about)
        - Email <help@example.org> or [help@example.org](mailto:help@example.org)
        - Ring [0800 121 700](tel:+448001210700)
        - [![Hull City Council website](images/logo.png)](https://example.org/hull)
        - [tutaj](https://example.org/a) is only vague on a Polish page
        """, files: images)
        #expect(found.isEmpty)
    }

    @Test func linksInsideQuotesListsAndTablesAreFound() throws {
        let found = try check("link-text", """
        > - Item with [here](https://example.org/a)

        | Service | Link |
        |---|---|
        | Helpline | [more](https://example.org/b) |
        """)
        // A link in a table row has the row's own line.
        #expect(found.map(\.location.line) == [4, 8])
    }
}

@Suite struct DownloadLinkRuleTests {
    private let flyer = ["files/flyer.pdf": MarkdownRulesSite.pdf(bytes: 4096)]

    @Test func aLinkToAFileMustSayItsFormatAndSize() throws {
        let found = try check("download-link", """
        [Flyer](files/flyer.pdf)

        [Flyer (PDF)](files/flyer.pdf)

        [Annual plan (2 MB)](https://example.org/plan.docx)
        """, files: flyer)
        #expect(found.map(\.location.line) == [4, 6, 8])
        #expect(found.map(\.summary) == [
            "the link to 'files/flyer.pdf' does not say it is a PDF file or how big it is",
            "the link to 'files/flyer.pdf' does not say how big the file is",
            "the link to 'https://example.org/plan.docx' does not say it is a Word file",
        ])
        // The suggestion uses the file's real size.
        #expect(found.first?.help == "add the format and size in brackets at the end of the link text: [Flyer (PDF, 4 KB)](files/flyer.pdf)")
        #expect(found.allSatisfy { $0.severity == .warning })
    }

    @Test func aWrongSizeIsReportedWithTheRealOne() throws {
        let found = try check("download-link", "[Flyer (PDF, 40 KB)](files/flyer.pdf)\n\n[Flyer (PDF, 0.5 MB)](files/flyer.pdf)\n", files: flyer)
        #expect(found.map(\.location.line) == [4, 6])
        #expect(found.first?.summary == "the link says 'files/flyer.pdf' is 40 KB, but the file is 4 KB")
        #expect(found.last?.summary == "the link says 'files/flyer.pdf' is 0.5 MB, but the file is 4 KB")
        #expect(found.first?.help == "change the size in the link text to 4 KB")
    }

    @Test func linksThatSayFormatAndSizePass() throws {
        let found = try check("download-link", """
        [Flyer (PDF, 4 KB)](files/flyer.pdf)

        [Flyer (pdf, 6kB)](files/flyer.pdf)

        [Our report](https://example.org/report) is a page, not a file.
        """, files: flyer)
        #expect(found.isEmpty)
        let polish = try check("download-link", "[Plan (Word, 1,2 MB)](https://example.org/plan.docx)\n\n[Ulotka (PDF, 4 KB)](files/flyer.pdf)\n",
                               page: "page.pl.md", files: flyer)
        #expect(polish.isEmpty)
    }

    @Test func sizesAreReadAndWrittenInTheReadersConventions() throws {
        let english = try #require(LanguageTag("en"))
        let polish = try #require(LanguageTag("pl"))
        #expect(SizeText.format(1_258_291, language: english) == "1.2 MB")
        #expect(SizeText.format(1_258_291, language: polish) == "1,2 MB")
        #expect(SizeText.format(4096, language: english) == "4 KB")
        #expect(SizeText.format(20 * 1024 * 1024, language: english) == "20 MB")
        #expect(SizeText.format(812, language: english) == "1 KB")
        #expect(SizeText.format(4097, language: english) == "5 KB")
        #expect(SizeText.firstSize(in: SizeText.tokens("Plan (PDF, 1,234 KB)"), language: english) == SizeText.Size(bytes: 1_263_616, text: "1,234 KB"))
        #expect(SizeText.firstSize(in: SizeText.tokens("Plan (PDF, 1,2 MB)"), language: polish)?.bytes == 1.2 * 1_048_576.0)
        #expect(SizeText.firstSize(in: SizeText.tokens("(PDF، ٤ كيلوبايت)"), language: try #require(LanguageTag("ar"))) == SizeText.Size(bytes: 4096, text: "٤ كيلوبايت"))
        #expect(SizeText.firstSize(in: SizeText.tokens("Step 2 of the plan (PDF)"), language: english) == nil)
    }
}

@Suite struct HeadingRulesTests {
    @Test func skippedLevelsAreReported() throws {
        let found = try check("heading-order", "### Before any level 2\n\n## Fine\n\n#### Skips one\n")
        #expect(found.map(\.location.line) == [4, 8])
        #expect(found.map(\.summary) == [
            "this heading jumps from the page title (level 1) to level 3 (###), skipping level 2",
            "this heading jumps from level 2 (##) to level 4 (####), skipping level 3",
        ])
        #expect(found.last?.help == "make it a level-3 heading (###), or add the missing level-3 heading above it")
        #expect(found.allSatisfy { $0.severity == .warning })
    }

    @Test func aLevelOneHeadingInTheBodyIsReported() throws {
        let found = try check("heading-order", "Intro.\n\n# Another title\n")
        #expect(found.map(\.location.line) == [6])
        #expect(found.first?.summary == "this is a level-1 heading (#), but the page title is the only top-level heading")
    }

    @Test func anOrderlyOutlinePasses() throws {
        #expect(try check("heading-order", "## A\n\n### B\n\n#### C\n\n## D\n\n### E\n").isEmpty)
    }

    @Test func emptyHeadingsAreReported() throws {
        let found = try check("heading-empty", "## Fine\n\n##\n\n### ![](images/divider.svg \"decorative\")\n", files: images)
        #expect(found.map(\.location.line) == [6, 8])
        #expect(found.first?.summary == "this heading has no text, so a screen reader announces an empty heading")
        #expect(found.first?.help == "write the heading's words after the ##, or delete the line")
        #expect(found.first?.severity == .warning)
        #expect(try check("heading-empty", "## Who we are\n\n### `code`\n").isEmpty)
    }

    @Test func aHeadingThatRepeatsTheTitleIsReported() throws {
        let found = try check("heading-repeats-title", "## Report  a CONCERN\n\nText.\n", title: "Report a concern")
        #expect(found.map(\.location.line) == [4])
        #expect(found.first?.summary == "this heading repeats the page title 'Report a concern'")
        #expect(found.first?.severity == .warning)
        #expect(try check("heading-repeats-title", "## How to report a concern\n", title: "Report a concern").isEmpty)
    }
}

@Suite struct TableHeaderRuleTests {
    @Test func aTableWithAnEmptyHeaderRowIsReported() throws {
        let found = try check("table-header", """
        Intro.

        |   |   |
        |---|---|
        | Helpline | 0800 121 700 |

        |  |
        |--|
        | Hull |
        | Grimsby |
        """)
        #expect(found.map(\.location.line) == [6, 10])
        #expect(found.map(\.summary) == [
            "this table's header row is empty, so its columns have no names",
            "this table has one column and no heading, so it is a list set out as a table",
        ])
        #expect(found.allSatisfy { $0.severity == .warning })
    }

    @Test func aTableWithColumnNamesPasses() throws {
        // A blank corner cell above row names is a usual layout, not a missing header.
        #expect(try check("table-header", "|  | Hull | Grimsby |\n|---|---|---|\n| Adults | 3 | 4 |\n").isEmpty)
    }
}

@Suite struct MarkdownRuleLevelTests {
    @Test func theSiteCanTurnARuleOff() throws {
        let body = "[click here](https://example.org/a)\n"
        #expect(try check("link-text", body).count == 1)
        #expect(try check("link-text", body, siteYAML: "checks:\n  link-text: off").isEmpty)
    }

    @Test func aPageCanMakeAnExceptionWithAReason() throws {
        let body = "![Photo](images/photo.jpg)\n\n![](images/map.svg)\n"
        #expect(try check("image-alt", body, files: images).count == 2)
        let excepted = try check("image-alt", body, frontMatter: "checks:\n  image-alt: off\n  because: \"the images are described in the text below\"", files: images)
        #expect(excepted.isEmpty)
    }

    @Test func theSiteCanMakeARuleAnError() throws {
        let found = try check("heading-empty", "##\n", siteYAML: "checks:\n  heading-empty: error")
        #expect(found.map(\.severity) == [.error])
    }

    @Test func everyMarkdownRuleIsInTheCatalogue() {
        let ids = MarkdownRules.all.map(\.info.id)
        #expect(ids == ["image-alt", "link-text", "download-link", "heading-order", "heading-empty", "heading-repeats-title", "table-header"])
        #expect(ids.allSatisfy { RuleCatalogue.info($0) != nil })
    }
}
