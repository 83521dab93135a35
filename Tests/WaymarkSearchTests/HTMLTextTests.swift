import Testing
@testable import WaymarkSearch

@Suite struct HTMLTextTests {
    /// The tag table answers for every name it holds, in any case, and for no other.
    @Test func everyTagNameIsClassifiedAsListed() {
        var expected: [String: HTMLText.TagKind] = ["h2": .heading, "h3": .heading, "a": .anchor]
        for name in HTMLText.blocks where expected[name] == nil { expected[name] = .block }
        for name in HTMLText.skipped { expected[name] = .skipped }
        for (name, kind) in expected {
            #expect(HTMLText.kind(of: HTMLText.PackedName(name)) == kind, "\(name)")
            #expect(HTMLText.kind(of: HTMLText.PackedName(name.uppercased())) == kind, "\(name)")
        }
        for name in ["span", "em", "strong", "h7", "lii", "pp", "abbr", "b", "i", "img", "tbody", "scripts", "x"] {
            #expect(HTMLText.kind(of: HTMLText.PackedName(name)) == .other, "\(name)")
        }
        #expect(HTMLText.kind(of: nil) == .other)
    }

    /// Whitespace collapsing, eight bytes at a time where it can, against the plain rule.
    @Test func whitespaceCollapsesAsTheSimpleRuleSays() {
        let pieces = [" ", "  ", "\n", "\t", "\r\n", "a", "word", "łańcuch", "longerwordwithoutspaces", "\u{1}", "x y"]
        var state: UInt64 = 20_261_203
        for _ in 0..<3_000 {
            var text = ""
            for _ in 0..<12 {
                state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
                text += pieces[Int(state >> 33) % pieces.count]
            }
            // By bytes: as a Character, CR LF is one, which no single separator matches.
            let expected = Array(text.utf8).split(whereSeparator: { [0x20, 0x0A, 0x09, 0x0D].contains($0) })
                .map { String(decoding: $0, as: UTF8.self) }.joined(separator: " ")
            #expect(HTMLText.normalise(Array(text.utf8)) == expected, "\(text.debugDescription)")
        }
    }

    @Test func headingsWithIdsStartSections() {
        let html = """
        <p>Modern slavery is <strong>hidden</strong>.</p>
        <div class="heading-wrap"><h2 id="signs">Spot the <em>signs</em></h2><a class="heading-anchor" href="#signs" aria-label="Link to this section: Spot the signs">#</a></div>
        <ul><li>Injuries</li><li>Tiredness</li></ul>
        <h3 id="children">In children</h3>
        <p>Going missing&nbsp;from school &amp; care.</p>
        <h4>Small heading</h4><p>Still children.</p>
        """
        #expect(HTMLText.sections(html) == [
            .init(anchor: nil, heading: "", text: "Modern slavery is hidden."),
            .init(anchor: "signs", heading: "Spot the signs", text: "Injuries Tiredness"),
            .init(anchor: "children", heading: "In children", text: "Going missing from school & care. Small heading Still children."),
        ])
    }

    @Test func scriptsStylesAndButtonsAreNotText() {
        let html = "<p>Call <a href=\"tel:+448000121700\"><bdi dir=\"ltr\">0800 0121 700</bdi></a></p><script type=\"application/ld+json\">{\"x\":1}</script><style>p{}</style><button>Copy</button>"
        #expect(HTMLText.sections(html) == [.init(anchor: nil, heading: "", text: "Call 0800 0121 700")])
    }

    @Test func characterReferencesDecode() {
        #expect(HTMLText.sections("<p>&lt;b&gt; &quot;x&quot; &#39;y&#x27; &#8217; &unknown; AT&T</p>").first?.text == "<b> \"x\" 'y' ’ &unknown; AT&T")
    }

    @Test func emptyContentHasNoSections() {
        #expect(HTMLText.sections("").isEmpty)
        #expect(HTMLText.sections("<div>\n</div>").isEmpty)
    }
}
