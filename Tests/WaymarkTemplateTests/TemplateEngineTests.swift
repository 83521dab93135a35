import Testing
@testable import WaymarkTemplate

/// What themes rely on, one behaviour at a time. (The random templates of ``DifferentialTests``
/// check whitespace and nesting against swift-mustache.)
@Suite struct TemplateEngineTests {
    static let data = Fields([
        "name": "Ann & <Bob>", "empty_text": "", "flag": true, "no": false, "n": 4,
        "words": ["pear", "apple", "fig"], "none": [Any](),
        "people": [Fields(["name": "One"]), Fields(["name": "Two", "role": "lead"]), Fields([:])],
        "page": Fields(["title": "Spot the signs", "lang": "pl"]),
        "tree": Fields(["text": "root", "children": [Fields(["text": "leaf", "children": [Any]()])]]),
    ])

    @Test func escapesVariablesButNotTripleOrAmpersand() throws {
        #expect(try render("{{name}}|{{{name}}}|{{& name}}", TemplateEngineTests.data) == "Ann &amp; &lt;Bob&gt;|Ann & <Bob>|Ann & <Bob>")
        #expect(try render("{{q}}", Fields(["q": "\"it's\""])) == "&quot;it&#39;s&quot;")
        #expect(try render("{{flag}} {{no}} {{n}} [{{missing}}]", TemplateEngineTests.data) == "true false 4 []")
    }

    @Test func namesClimbOutwardsButDottedPartsDoNot() throws {
        let data = TemplateEngineTests.data
        // `name` is missing on the third person, so the outer name is used.
        #expect(try render("{{#people}}{{name}};{{/people}}", data) == "One;Two;Ann &amp; &lt;Bob&gt;;")
        #expect(try render("{{#people}}{{.name}};{{/people}}", data) == "One;Two;;")
        #expect(try render("{{#page}}{{title}}/{{page.title}}/{{page.name}}{{/page}}", data) == "Spot the signs/Spot the signs/")
        #expect(try render("{{#words}}{{.}} {{/words}}", data) == "pear apple fig ")
    }

    @Test func sectionsTestLoopAndPush() throws {
        let data = TemplateEngineTests.data
        #expect(try render("{{#flag}}y{{/flag}}{{#no}}n{{/no}}{{^no}}N{{/no}}{{^flag}}Y{{/flag}}", data) == "yN")
        #expect(try render("{{#none}}x{{/none}}{{^none}}empty{{/none}}{{^words}}x{{/words}}", data) == "empty")
        #expect(try render("{{#missing}}x{{/missing}}{{^missing}}absent{{/missing}}", data) == "absent")
        // Text, even empty text, is a value a section shows once (swift-mustache's rule).
        #expect(try render("{{#empty_text}}[{{.}}]{{/empty_text}}{{#name}}{{.}}{{/name}}", data) == "[]Ann &amp; &lt;Bob&gt;")
    }

    @Test func loopPositionsAndTransforms() throws {
        let data = TemplateEngineTests.data
        #expect(try render("{{#words}}{{#first()}}<{{/first()}}{{index()}}{{^last()}},{{/last()}}{{#last()}}>{{/last()}}{{/words}}", data) == "<0,1,2>")
        #expect(try render("{{#words}}{{#even()}}e{{/even()}}{{#odd()}}o{{/odd()}}{{/words}}", data) == "eoe")
        #expect(try render("{{#first()}}outside a loop{{/first()}}", data) == "")
        #expect(try render("{{uppercased(page.title)}} {{lowercased(name)}} {{capitalized(page.title)}} {{reversed(page.lang)}}", data)
            == "SPOT THE SIGNS ann &amp; &lt;bob&gt; Spot The Signs lp")
        #expect(try render("{{count(words)}} {{#sorted(words)}}{{.}} {{/sorted(words)}}{{#reversed(words)}}{{.}} {{/reversed(words)}}", data)
            == "3 apple fig pear fig apple pear ")
        #expect(try render("{{#empty(none)}}none{{/empty(none)}} {{plusone(n)}} {{minusone(n)}} {{#equalzero(n)}}0{{/equalzero(n)}}", data) == "none 5 3 ")
        #expect(try render("{{#first(people)}}{{name}}{{/first(people)}}{{#last(people)}}/{{name}}{{/last(people)}}", data) == "One/Ann &amp; &lt;Bob&gt;")
        #expect(try render("{{plusone(index())}}", data) == "")
        #expect(try render("{{#words}}{{plusone(index())}}{{/words}}", data) == "123")
        #expect(try render("{{unknown(name)}}", data) == "")
    }

    @Test func partialsIndentEveryLineAndRecurseThroughData() throws {
        let partials = ["item": "<li>\n{{text}}\n{{#children}}\n  {{> item}}\n{{/children}}\n</li>\n"]
        let output = try render("<ul>\n  {{> item}}\n</ul>\n", Fields(["text": "x", "children": [Fields(["text": "y", "children": [Any]()])]]), partials: partials)
        #expect(output == "<ul>\n  <li>\n  x\n    <li>\n    y\n    </li>\n  </li>\n</ul>\n")
    }

    @Test func parentsAndBlocks() throws {
        let partials = ["base": "<title>{{$title}}Site{{/title}}</title>\n{{$main}}\n<p>nothing</p>\n{{/main}}\n",
                        "layout": "{{<base}}\n{{$main}}\n<main>{{$inner}}default{{/inner}}</main>\n{{/main}}\n{{/base}}\n"]
        #expect(try render("{{<base}}{{/base}}", partials: partials) == "<title>Site</title>\n<p>nothing</p>\n")
        #expect(try render("{{<base}}\n{{$title}}Page{{/title}}\n{{/base}}\n", partials: partials) == "<title>Page</title>\n<p>nothing</p>\n")
        // The outermost template's block wins, even for blocks of its parent's parent.
        #expect(try render("{{<layout}}\n{{$inner}}mine{{/inner}}\n{{$title}}T{{/title}}\n{{/layout}}\n", partials: partials)
            == "<title>T</title>\n<main>mine</main>\n")
    }

    @Test func delimitersCommentsAndTextMode() throws {
        let data = TemplateEngineTests.data
        #expect(try render("{{=<% %>=}}<% name %> {{name}} <%={{ }}=%>{{n}}", data) == "Ann &amp; &lt;Bob&gt; {{name}} 4")
        #expect(try render("a\n  {{! a note\n  over lines }}\nb\n", data) == "a\nb\n")
        #expect(try render("{{% CONTENT_TYPE: TEXT}}{{name}}", data) == "Ann & <Bob>")
        #expect(try render("{{>*which}}", Fields(["which": "p"]), partials: ["p": "dynamic"]) == "dynamic")
    }

    @Test func syntaxErrorsSayWhatAndWhere() {
        func failure(_ text: String) -> TemplateSyntaxError? {
            do { _ = try Template(text); return nil } catch { return error }
        }
        let unclosed = failure("<p>\n{{#page}}\n<b>\n")
        #expect(unclosed?.line == 2 && unclosed?.column == 1)
        #expect(unclosed?.message == "{{#page}} is opened here but never closed")
        #expect(unclosed?.help == "add {{/page}} where the section ends")
        let wrongClose = failure("{{#a}}\n  x {{/b}}")
        #expect(wrongClose?.line == 2 && wrongClose?.column == 5)
        #expect(wrongClose?.message == "{{/b}} closes a section that is not open (the open section is {{#a}})")
        #expect(failure("{{/stray}}")?.message == "{{/stray}} closes a section that is not open (no section is open)")
        #expect(failure("{{name")?.message.hasPrefix("the tag starting {{name is not closed with }}") == true)
        #expect(failure("{{{raw}}")?.message == "{{{raw}} is not closed with }}}")
        #expect(failure("{{! open")?.message == "this comment is never closed")
        #expect(failure("{{first(a}}")?.message == "the transform in {{first(a}} does not have one ')' for each '('")
        #expect(failure("{{<base}}{{name}}{{/base}}")?.message.contains("holds something other than {{$block}}") == true)
        #expect(failure("{{=<%>=}}") != nil)
        #expect(failure("{{% CONTENT_TYPE: JSON}}") != nil)
        #expect(failure("{{$b}}x{{/b}} {{#a}}{{/a}}") == nil)
    }

    @Test func aTemplateThatIncludesItselfWithoutEndIsCutOffAndReported() throws {
        let library = TemplateLibrary(templates: ["loop": try Template("x{{> loop}}"), "fine": try Template("{{> loop}}")])
        let output = try #require(library.renderBytes(.object(Fields([:])), template: "loop"))
        #expect(output.endlessInclusion == "loop")
        #expect(output.bytes.count == RenderState.depthLimit + 1)
        let blocks = TemplateLibrary(templates: ["main": try Template("{{<base}}{{$b}}[{{$b}}{{/b}}]{{/b}}{{/base}}"), "base": try Template("{{$b}}{{/b}}")])
        #expect(blocks.renderBytes(.object(Fields([:])), template: "main")?.endlessInclusion == "b")
        #expect(library.renderBytes(.object(Fields([:])), template: "missing") == nil)
    }
}
