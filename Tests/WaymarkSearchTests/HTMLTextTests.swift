import Testing
import WaymarkSearch

@Suite struct HTMLTextTests {
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
