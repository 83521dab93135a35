import Foundation
import Testing
import WaymarkCore
@testable import WaymarkServer

/// A running preview on 127.0.0.1 with a system-chosen port, stopped when `body` ends.
func withPreview<T>(_ files: [String: String], diagnostics: [Diagnostic] = [],
                    configuration: PreviewServerConfiguration = PreviewServerConfiguration(),
                    _ body: (PreviewHTTPServer, UInt16) async throws -> T) async throws -> T {
    var configuration = configuration
    configuration.port = 0
    let hub = PreviewHub(snapshot: snapshot(files, generation: 1, diagnostics: diagnostics))
    let server = PreviewHTTPServer(hub: hub, configuration: configuration)
    let port = try await server.start()
    do {
        let result = try await withDeadline(seconds: 20) { try await body(server, port) }
        await server.stop()
        return result
    } catch {
        await server.stop()
        throw error
    }
}

func snapshot(_ files: [String: String], generation: Int, diagnostics: [Diagnostic] = []) -> PreviewSnapshot {
    PreviewSnapshot(generation: generation, files: InMemoryFiles(files.mapValues { Data($0.utf8) }), diagnostics: diagnostics)
}

struct DeadlineExceeded: Error {}

/// Fails the test instead of hanging it.
func withDeadline<T>(seconds: Double, _ body: () async throws -> T) async throws -> T {
    let timer = Task {
        try await Task.sleep(for: .seconds(seconds))
        Issue.record("timed out after \(seconds) s")
    }
    defer { timer.cancel() }
    return try await body()
}

let samplePages: [String: String] = [
    "index.html": "<!doctype html><html lang=\"en\"><head><title>Home</title></head><body><h1>Home</h1></body></html>",
    "about/index.html": "<!doctype html><html lang=\"en\"><head><title>About</title></head><body class=\"x\"><h1>About us</h1></body></html>",
    "pl/index.html": "<!doctype html><html lang=\"pl\"><head><title>Start</title></head><body><h1>Start</h1></body></html>",
    "ar/index.html": "<!doctype html><html lang=\"ar\" dir=\"rtl\"><head><title>الرئيسية</title></head><body><h1>الرئيسية</h1></body></html>",
    "404.html": "<!doctype html><html lang=\"en\"><head><title>Not found</title></head><body><h1>Page not found</h1></body></html>",
    "assets/site.css": "body { color: black }",
    "assets/app.js": "console.log(1)",
    "data.json": "{}",
    "feed.xml": "<feed/>",
    "logo.svg": "<svg/>",
    "photo.JPG": "jpeg",
    "font.woff2": "font",
    "site.webmanifest": "{}",
    "notes.txt": "hello",
    "archive.bin": "bytes",
    "sub/empty-folder-file.css": "x",
]
