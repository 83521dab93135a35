import Foundation
import Testing
import WaymarkCore
@testable import WaymarkServer

let polish: [String: [String: String]] = [
    "pl": ["preview_failed_title": "Nie udało się przebudować serwisu", "preview_failed_intro": "Poniższe strony…",
           "preview_warnings_title": "Ostrzeżenia", "preview_close": "Zamknij"],
    "ar": ["preview_failed_title": "تعذّرت إعادة بناء الموقع", "preview_close": "إغلاق"],
]

let brokenBuild: [Diagnostic] = [
    .error(SourceLocation(file: "content/about.md", line: 4), "front matter field 'titel' is not known", help: "did you mean 'title'? <b>"),
    .warning(SourceLocation(file: "content/news.md", line: 2), "the summary is empty"),
]

@Suite struct OverlayTests {
    @Test func failedBuildShowsTheOverlayOnEveryPage() async throws {
        try await withPreview(samplePages, diagnostics: brokenBuild) { _, port in
            let page = try await RawHTTP.send(port: port, target: "/about/")
            let text = page.text
            #expect(text.contains("<section class=\"waymark-overlay\" role=\"alert\" aria-labelledby=\"waymark-overlay-title\" dir=\"ltr\" lang=\"en\""))
            #expect(text.contains(">The site could not be rebuilt</h2>"))
            #expect(text.contains("<pre class=\"waymark-overlay-error\" dir=\"ltr\">content/about.md:4: error: front matter field &#39;titel&#39; is not known\n    help: did you mean &#39;title&#39;? &lt;b&gt;</pre>"))
            #expect(text.contains("<details class=\"waymark-overlay-warnings\"><summary>Warnings (1)</summary>"))
            #expect(text.contains("content/news.md:2: warning: the summary is empty"))
            #expect(!text.contains("<b>"))
            // Right after the body tag.
            #expect(text.contains("<body class=\"x\">\n<section class=\"waymark-overlay\""))
            let missing = try await RawHTTP.send(port: port, target: "/gone/")
            #expect(missing.status == 404)
            #expect(missing.text.contains("role=\"alert\""))
        }
    }

    @Test func overlaySpeaksThePagesLanguage() async throws {
        let configuration = PreviewServerConfiguration(strings: polish)
        try await withPreview(samplePages, diagnostics: brokenBuild, configuration: configuration) { _, port in
            let page = try await RawHTTP.send(port: port, target: "/pl/")
            #expect(page.text.contains("lang=\"pl\" data-waymark-overlay"))
            #expect(page.text.contains(">Nie udało się przebudować serwisu</h2>"))
            #expect(page.text.contains(">Zamknij</button>"))
            #expect(page.text.contains("<summary>Ostrzeżenia (1)</summary>"))
            #expect(page.text.contains("content/about.md:4: error: front matter field &#39;titel&#39; is not known"))

            let arabic = try await RawHTTP.send(port: port, target: "/ar/")
            #expect(arabic.text.contains("dir=\"rtl\" lang=\"ar\" data-waymark-overlay"))
            #expect(arabic.text.contains(">تعذّرت إعادة بناء الموقع</h2>"))
            #expect(arabic.text.contains("<pre class=\"waymark-overlay-error\" dir=\"ltr\">"))
            // Keys the Arabic table lacks come from English.
            #expect(arabic.text.contains("<summary>Warnings (1)</summary>"))

            let english = try await RawHTTP.send(port: port, target: "/")
            #expect(english.text.contains(">The site could not be rebuilt</h2>"))
        }
    }

    @Test func warningsAloneAreQuiet() {
        let overlay = ErrorOverlay(diagnostics: FormattedDiagnostic.format([brokenBuild[1]]), strings: .english).html
        #expect(overlay.hasPrefix("<section class=\"waymark-overlay waymark-overlay-quiet\" aria-labelledby=\"waymark-overlay-warnings\""))
        #expect(!overlay.contains("role=\"alert\""))
        #expect(overlay.contains("<summary id=\"waymark-overlay-warnings\">Warnings (1)</summary>"))
        #expect(ErrorOverlay(diagnostics: [], strings: .english).html == "")
    }

    @Test func overlayGoesAwayAfterAGoodBuild() async throws {
        try await withPreview(samplePages, diagnostics: brokenBuild) { server, port in
            let before = try await RawHTTP.send(port: port, target: "/")
            #expect(before.text.contains("data-waymark-overlay"))
            await server.hub.publish(snapshot(samplePages, generation: 2), change: .reload)
            let after = try await RawHTTP.send(port: port, target: "/")
            #expect(!after.text.contains("data-waymark-overlay"))
            #expect(after.text.contains("data-sequence=\"1\""))
        }
    }

    @Test func everyThemeLanguageHasTheOverlayText() throws {
        let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../theme/i18n").standardized
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".yaml") }
        #expect(files.count == 7)
        for file in files {
            let text = try String(contentsOf: folder.appendingPathComponent(file), encoding: .utf8)
            for key in OverlayStrings.keys { #expect(text.contains("\n\(key): "), "\(file) lacks \(key)") }
        }
    }
}
