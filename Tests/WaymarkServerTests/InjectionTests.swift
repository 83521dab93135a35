import Foundation
import Testing
import WaymarkCore
@testable import WaymarkServer

@Suite struct InjectionTests {
    @Test func scriptGoesIntoHTMLOnlyAndStoredBytesStay() async throws {
        let hub = PreviewHub(snapshot: snapshot(samplePages, generation: 1))
        let server = PreviewHTTPServer(hub: hub, configuration: PreviewServerConfiguration(port: 0))
        let port = try await server.start()
        defer { Task { await server.stop() } }
        let page = try await RawHTTP.send(port: port, target: "/about/")
        let tag = "<link rel=\"stylesheet\" href=\"/__waymark/overlay.css\"><script src=\"/__waymark/live.js\" data-events=\"/__waymark/events\""
        #expect(page.text.contains(tag))
        // Before </head>, and the rest of the page exactly as built.
        let original = samplePages["about/index.html"]!
        let injected = page.text
        let start = try #require(injected.range(of: "<link rel=\"stylesheet\" href=\"/__waymark/overlay.css\">"))
        let end = try #require(injected.range(of: "defer></script>\n"))
        #expect(String(injected[..<start.lowerBound]) + String(injected[end.upperBound...]) == original)
        #expect(injected[end.upperBound...].hasPrefix("</head>"))
        #expect(page.headers["content-length"] == String(page.body.count))
        #expect(!page.text.contains("data-waymark-overlay"))

        let css = try await RawHTTP.send(port: port, target: "/assets/site.css")
        #expect(css.text == samplePages["assets/site.css"])
        let stored = await hub.snapshot.files.contents(of: "about/index.html")
        #expect(stored == Data(original.utf8))
        await server.stop()
    }

    @Test func liveScriptAndOverlayStylesheetAreServed() async throws {
        try await withPreview(samplePages) { _, port in
            let script = try await RawHTTP.send(port: port, target: PreviewPaths.script)
            #expect(script.status == 200)
            #expect(script.headers["content-type"] == "text/javascript; charset=utf-8")
            #expect(script.text.contains("new EventSource(address())"))
            #expect(script.text.contains("location.reload()"))
            let css = try await RawHTTP.send(port: port, target: PreviewPaths.stylesheet)
            #expect(css.headers["content-type"] == "text/css; charset=utf-8")
            #expect(css.text.contains(".waymark-overlay :focus-visible"))
            let other = try await RawHTTP.send(port: port, target: "/__waymark/secret")
            #expect(other.status == 404)
        }
    }

    @Test func pageWithoutHeadOrBody() {
        let page = Data("<p>bare</p>".utf8)
        let out = HTMLInjection.inject(into: page, head: "<s>", body: "<o>")
        #expect(String(decoding: out, as: UTF8.self) == "<p>bare</p><s>\n<o>\n")
        let upper = HTMLInjection.inject(into: Data("<HTML><HEAD></HEAD><BODY id=b><p>x</p></BODY></HTML>".utf8), head: "<s>", body: "<o>")
        #expect(String(decoding: upper, as: UTF8.self) == "<HTML><HEAD><s></HEAD><BODY id=b>\n<o>\n<p>x</p></BODY></HTML>")
    }

    @Test func noScriptInTheNonHTMLFilesOrScriptFile() async throws {
        try await withPreview(samplePages) { _, port in
            for path in ["/assets/app.js", "/data.json", "/logo.svg", "/feed.xml"] {
                let response = try await RawHTTP.send(port: port, target: path)
                #expect(!response.text.contains("__waymark"), "\(path)")
            }
        }
    }
}
