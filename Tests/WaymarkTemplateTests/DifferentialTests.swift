import Foundation
import Mustache
import Testing
import WaymarkTemplate
import WaymarkTheme

/// Waymark's engine against swift-mustache, the engine themes were written for: the same
/// templates and data must give the same bytes, whitespace included.
@Suite struct DifferentialTests {
    static let data = Fields([
        "a": "A & <b>", "b": "", "n": 3, "zero": 0, "flag": true, "no": false,
        "strs": ["s1", "s2", "s3"], "empty": [Any](),
        "list": [Fields(["a": "one"]), Fields(["a": "two", "b": "bee"]), Fields(["c": "see"])],
        "obj": Fields(["a": "inner", "list": [Fields(["a": "deep"])], "flag": false]),
        "partial_name": "p1",
    ])

    static let partials = [
        "p1": "<p>{{a}}</p>\n  {{#flag}}\n  yes\n  {{/flag}}\nend\n",
        "p2": "line one\n{{> p1}}\n\tline {{b}}two\n",
        "parent": "<h>{{$title}}Default {{a}}{{/title}}</h>\n  {{$body}}\n  body default\n  {{/body}}\n{{> p1}}\n",
        "grandparent": "{{<parent}}\n{{$title}}From grandparent{{/title}}\n{{/parent}}\n",
    ]

    @Test func randomTemplatesRenderAlike() throws {
        var random = RandomTemplate(generator: SeededGenerator(state: 20_261_202))
        var differences: [String] = []
        for _ in 0..<1000 {
            let text = random.template(depth: 3)
            var templates = DifferentialTests.partials
            templates["main"] = text
            let (waymark, mustache) = try renderBoth(templates, "main", DifferentialTests.data)
            if waymark != mustache {
                differences.append("template \(text.debugDescription)\nwaymark \(waymark.debugDescription)\nmustache \(mustache.debugDescription)")
            }
        }
        #expect(differences.isEmpty, "\(differences.count) differ; first: \(differences.first ?? "")")
    }

    /// Every template of the built-in theme, with a page that has every list filled.
    @Test func builtInThemeTemplatesRenderAlike() throws {
        var templates: [String: String] = [:]
        for file in EmbeddedTheme.files where file.path.hasPrefix("templates/") && file.path.hasSuffix(".mustache") {
            templates[String(file.path.dropFirst("templates/".count).dropLast(".mustache".count))] = String(decoding: file.bytes, as: UTF8.self)
        }
        #expect(templates.count > 10)
        let link = { (label: String) in Fields(["label": label, "url": "../\(label)/", "current": label == "b", "code": "pl", "dir": "ltr"]) }
        let contact = Fields(["id": "police", "label": "Police", "number": "999", "tel": "999", "hours": "24 hours",
                              "notes": ["Say 'Police'", "Press 55 if you cannot speak"], "has_notes": true, "emergency": true])
        let page = Fields([
            "title": "Spot the <signs>", "summary": "Things to look for", "url": "./", "canonical": "https://example.org/x/",
            "content": "<p>Body</p>", "intro": "<p>Intro</p>",
            "sections": [Fields(["id": "one", "title": "One", "number": "1", "content": "<p>1</p>"])], "has_sections": true,
            "toc": [Fields(["id": "one", "text": "One", "children": [Fields(["id": "two", "text": "Two"])], "has_children": true])],
            "has_toc": true, "breadcrumbs": [link("home")], "has_breadcrumbs": true, "children": [link("a"), link("b")],
            "has_children": true, "tags": [link("tag")], "has_tags": true,
            "date": Fields(["iso": "2026-01-02", "display": "2 January 2026"]),
            "notices": [Fields(["kind": "stale", "text": "Out of date", "link_url": "../en/", "link_text": "English"])], "has_notices": true,
            "downloads": [Fields(["url": "f.pdf", "text": "Polski – flyer (PDF, 1 KB)", "lang": "pl", "language_name": "Polski"])],
            "has_downloads": true,
        ])
        let data = Fields([
            "lang": "en", "dir": "ltr", "csp": "default-src 'none'", "exit_url": "https://www.bbc.co.uk/weather",
            "t": Fields(["skip_to_content": "Skip to content", "feed": "Feed", "search_label": "Search"]),
            "site": Fields(["title": "Partnership", "description": "Modern slavery", "home_url": "../"]),
            "assets": Fields(["css_site_css": "../assets/site.css", "js_waymark_js": "../assets/waymark.js"]),
            "menu": [link("a"), link("b")], "has_menu": true, "footer_menu": [link("c")], "has_footer_menu": true,
            "languages": [link("pl"), link("ar")], "has_languages": true, "feed_url": "feed.xml",
            "alternates": [Fields(["lang": "pl", "absolute_url": "https://example.org/pl/"])], "has_alternates": true,
            "x_default": "https://example.org/", "page": page,
            "help": Fields(["contacts": [contact, contact], "has_contacts": true, "report_url": "../report/"]),
            "contacts": [contact], "has_contacts": true,
            "contact_groups": [Fields(["id": "now", "title": "In danger now", "contacts": [contact]])],
            "search": Fields(["url": "../search/", "az_url": "../a-z/", "index_url": "../search-index/", "stems_english": true]),
            "az_groups": [Fields(["letter": "A", "id": "a", "pages": [link("a")]])],
            "target": Fields(["url": "../new/", "absolute_url": "https://example.org/new/"]),
        ])
        for name in templates.keys.sorted() where !name.hasPrefix("partials/") {
            let (waymark, mustache) = try renderBoth(templates, name, data)
            #expect(waymark != nil)
            #expect(waymark == mustache, "\(name) renders differently")
        }
    }
}

/// Random but balanced Mustache built from the names in ``DifferentialTests/data``.
struct RandomTemplate {
    var generator: SeededGenerator

    mutating func pick<T>(_ items: [T]) -> T { items[Int.random(in: 0..<items.count, using: &generator)] }

    mutating func chance(_ percent: Int) -> Bool { Int.random(in: 0..<100, using: &generator) < percent }

    mutating func space() -> String { pick(["", "", "  ", "\t", " "]) }

    mutating func lineEnd() -> String { pick(["", "\n", "\n", "\r\n", " \n"]) }

    /// `inParent`: inside a block that replaces a parent's; a parent there could include itself
    /// without end (both engines would overflow the stack; Waymark's stops, see TemplateEngineTests).
    mutating func template(depth: Int, inParent: Bool = false) -> String {
        var text = ""
        for _ in 0..<Int.random(in: 1...5, using: &generator) { text += part(depth: depth, inParent: inParent) }
        return text
    }

    mutating func part(depth: Int, inParent: Bool) -> String {
        let kinds = depth > 0 ? 12 : 6
        var kind = Int.random(in: 0..<kinds, using: &generator)
        if kind >= 9, kind <= 10, inParent { kind = 2 }
        switch kind {
        case 0: return pick(["x", "text ", "<&>\"'", "é", "{ }", "a}b"])
        case 1: return lineEnd() + space()
        case 2: return "{{" + pick(["a", "b", "n", "flag", "no", "obj.a", "missing", " a ", "uppercased(a)", "count(strs)", "index()"]) + "}}"
        case 3: return pick(["{{{a}}}", "{{& a}}", "{{{obj.a}}}", "{{.a}}"])
        case 4: return space() + "{{! a comment }}" + lineEnd()
        case 5: return space() + pick(["{{> p1}}", "{{> p2}}", "{{>missing}}", "{{>*partial_name}}"]) + lineEnd()
        case 6, 7, 8:
            let name = pick(["flag", "no", "list", "strs", "empty", "obj", "a", "b", "n", "missing", "first()", "last()", "obj.list", "reversed(strs)"])
            let sigil = chance(70) ? "#" : "^"
            return space() + "{{\(sigil)\(name)}}" + lineEnd() + template(depth: depth - 1, inParent: inParent) + lineEnd() + space() + "{{/\(name)}}" + lineEnd()
        case 9:
            return space() + "{{$title}}" + lineEnd() + template(depth: depth - 1, inParent: inParent) + space() + "{{/title}}" + lineEnd()
        case 10:
            var body = ""
            for block in ["title", "body"] where chance(70) {
                body += space() + "{{$\(block)}}" + lineEnd() + template(depth: depth - 1, inParent: true) + lineEnd() + space() + "{{/\(block)}}" + lineEnd()
            }
            let parent = pick(["parent", "grandparent"])
            return space() + "{{<\(parent)}}" + lineEnd() + body + space() + "{{/\(parent)}}" + lineEnd()
        default:
            return space() + "{{#list}}" + lineEnd() + "{{a}}{{#first()}}!{{/first()}}{{^last()}}, {{/last()}}" + lineEnd() + "{{/list}}"
        }
    }
}
