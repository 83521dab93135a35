import Testing
@testable import WaymarkCore

@Suite struct URLPathTests {
    @Test(arguments: [
        ("/", "/", "./"),
        ("/a/b/", "/a/", "../"),
        ("/a/", "/assets/site.css", "../assets/site.css"),
        ("/", "/strategy/", "strategy/"),
        ("/a/b/", "/a/b/c/", "c/"),
        ("/pl/report/", "/report/", "../../report/"),
        ("/a/", "/a/", "./"),
        ("/old.html", "/new/", "new/"),
    ])
    func relative(from: String, to: String, expected: String) {
        #expect(URLPath(to).relative(from: URLPath(from)) == expected)
    }

    @Test func outputFiles() {
        #expect(URLPath("/").outputFile == "index.html")
        #expect(URLPath("/strategy/").outputFile == "strategy/index.html")
        #expect(URLPath("/assets/a.css").outputFile == "assets/a.css")
    }
}

@Suite struct SlugTests {
    @Test(arguments: [
        ("Who we are", "who-we-are"),
        ("Step 5a: if the adult consents, make an NRM referral", "step-5a-if-the-adult-consents-make-an-nrm-referral"),
        ("Zgłoś problem", "zgłoś-problem"),
        ("Dấu hiệu nhận biết", "dấu-hiệu-nhận-biết"),
        ("  --  ", "fallback"),
        ("علامات الاستعباد", "علامات-الاستعباد"),
    ])
    func slugs(text: String, expected: String) {
        #expect(Slug.make(text, fallback: "fallback") == expected)
    }

    @Test func theASCIIFastPathFollowsTheCharacterRuleForEveryASCIICharacter() {
        for value in 0..<128 {
            let character = String(UnicodeScalar(UInt8(value)))
            for text in [character, "Ab" + character + "9 z", " " + character + character + "x", "\r\n" + character] {
                #expect(Slug.asciiSlug(text, fallback: "f") == Slug.characterSlug(text, fallback: "f"), "U+\(String(value, radix: 16))")
            }
        }
        #expect(Slug.asciiSlug("Zgłoś", fallback: "f") == nil)
    }
}

@Suite struct SupportTests {
    @Test func suggestsTheClosestKnownWord() {
        #expect(Suggestion.closest(to: "titel", in: ["title", "summary", "date"]) == "title")
        #expect(Suggestion.closest(to: "colour", in: ["title", "summary"]) == nil)
    }

    @Test func fingerprintIsFNV1a() {
        #expect(ContentHash.fnv1a(Array("a".utf8)) == 0xaf63dc4c8601ec8c)
        #expect(ContentHash.hex(Array("a".utf8), length: 10) == "af63dc4c86")
    }

    @Test func escapesHTML() {
        #expect(HTMLEscape.escape(#"<a href="x">Tom & 'Jerry'</a>"#) == "&lt;a href=&quot;x&quot;&gt;Tom &amp; &#39;Jerry&#39;&lt;/a&gt;")
        #expect(HTMLEscape.escape("plain") == "plain")
    }

    @Test func escapesExactlyTheFiveBytes() {
        // The mask in `needsEscape` against the five bytes spelled out, for every byte value.
        let escaped: Set<UInt8> = [0x22, 0x26, 0x27, 0x3C, 0x3E]
        for byte in 0...UInt8.max {
            #expect(HTMLEscape.needsEscape(byte) == escaped.contains(byte), "byte \(byte)")
        }
    }

    @Test(arguments: [
        ("https://www.gov.uk/", LinkKind.external), ("//cdn.example/x", .external), ("mailto:a@b.org", .otherScheme),
        ("tel:+448000121700", .otherScheme), ("#top", .fragment), ("/report/", .rootRelative), ("../report.md", .relative),
        ("files/flyer.pdf", .relative),
    ])
    func linkKinds(destination: String, kind: LinkKind) {
        #expect(LinkKind(destination) == kind)
    }

    @Test func diagnosticsSortByFileThenLine() {
        let a = Diagnostic.error(SourceLocation(file: "content/b.md", line: 2), "x")
        let b = Diagnostic.error(SourceLocation(file: "content/a.md", line: 9), "y")
        let c = Diagnostic.warning(SourceLocation(file: "content/a.md", line: 3), "z")
        #expect(Diagnostics([a, b, c, a]).sorted == [c, b, a])
        #expect(a.headline == "content/b.md:2: error: x")
    }

    @Test func languageTags() {
        #expect(LanguageTag("pl") != nil)
        #expect(LanguageTag("pt-BR") == LanguageTag("pt-br"))
        #expect(LanguageTag("english!") == nil)
        #expect(LanguageTag("e") == nil)
        #expect(LanguageTag("EN-gb")?.primary == "en")
        #expect(LanguageTag("sr-Latn-RS")?.primary == "sr")
        #expect(LanguageTag("pl")?.primary == "pl")
    }
}
