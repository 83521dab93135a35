import Foundation
import Testing
@testable import WaymarkServer

@Suite struct ServingTests {
    @Test func pagesAndPrettyAddresses() async throws {
        try await withPreview(samplePages) { _, port in
            let home = try await RawHTTP.send(port: port, target: "/")
            #expect(home.status == 200)
            #expect(home.text.contains("<h1>Home</h1>"))
            let about = try await RawHTTP.send(port: port, target: "/about/")
            #expect(about.status == 200)
            #expect(about.text.contains("<h1>About us</h1>"))
            let direct = try await RawHTTP.send(port: port, target: "/about/index.html")
            #expect(direct.status == 200)
        }
    }

    @Test func folderWithoutSlashRedirects() async throws {
        try await withPreview(samplePages) { _, port in
            let response = try await RawHTTP.send(port: port, target: "/about")
            #expect(response.status == 301)
            #expect(response.headers["location"] == "/about/")
            let withQuery = try await RawHTTP.send(port: port, target: "/about?x=1")
            #expect(withQuery.headers["location"] == "/about/?x=1")
        }
    }

    @Test func missingPageIsTheSitesOwn404WithStatus404() async throws {
        try await withPreview(samplePages) { _, port in
            let response = try await RawHTTP.send(port: port, target: "/no-such-page/")
            #expect(response.status == 404)
            #expect(response.text.contains("<h1>Page not found</h1>"))
            #expect(response.headers["content-type"] == "text/html; charset=utf-8")
            #expect(response.text.contains(PreviewPaths.script))
        }
    }

    @Test func missingPageWithoutA404PageIsPlainText() async throws {
        try await withPreview(["index.html": "<html><body>x</body></html>"]) { _, port in
            let response = try await RawHTTP.send(port: port, target: "/nope")
            #expect(response.status == 404)
            #expect(response.headers["content-type"] == "text/plain; charset=utf-8")
            #expect(response.text == "Page not found.\n")
        }
    }

    @Test func folderWithoutIndexIsNeverListed() async throws {
        try await withPreview(samplePages) { _, port in
            let response = try await RawHTTP.send(port: port, target: "/assets/")
            #expect(response.status == 404)
            #expect(!response.text.contains("site.css"))
        }
    }

    @Test func headSendsHeadersOnly() async throws {
        try await withPreview(samplePages) { _, port in
            let get = try await RawHTTP.send(port: port, target: "/assets/site.css")
            let head = try await RawHTTP.send(port: port, method: "HEAD", target: "/assets/site.css")
            #expect(head.status == 200)
            #expect(head.body.isEmpty)
            #expect(head.headers["content-length"] == String(get.body.count))
            #expect(head.headers["content-type"] == "text/css; charset=utf-8")
        }
    }

    @Test(arguments: ["POST", "PUT", "DELETE", "OPTIONS", "PATCH"])
    func otherMethodsAre405(method: String) async throws {
        try await withPreview(samplePages) { _, port in
            let response = try await RawHTTP.send(port: port, method: method, target: "/")
            #expect(response.status == 405)
            #expect(response.headers["allow"] == "GET, HEAD")
        }
    }

    @Test func mediaTypesAndCharsets() async throws {
        let expected = [
            "/assets/site.css": "text/css; charset=utf-8",
            "/assets/app.js": "text/javascript; charset=utf-8",
            "/data.json": "application/json; charset=utf-8",
            "/feed.xml": "application/xml; charset=utf-8",
            "/logo.svg": "image/svg+xml; charset=utf-8",
            "/photo.JPG": "image/jpeg",
            "/font.woff2": "font/woff2",
            "/site.webmanifest": "application/manifest+json; charset=utf-8",
            "/notes.txt": "text/plain; charset=utf-8",
            "/archive.bin": "application/octet-stream",
            "/about/": "text/html; charset=utf-8",
        ]
        try await withPreview(samplePages) { _, port in
            for (path, type) in expected {
                let response = try await RawHTTP.send(port: port, target: path)
                #expect(response.status == 200, "\(path)")
                #expect(response.headers["content-type"] == type, "\(path)")
                #expect(response.headers["cache-control"] == "no-store")
                #expect(response.headers["x-content-type-options"] == "nosniff")
            }
        }
    }

    @Test func mediaTypeTable() {
        #expect(MediaType.forPath("a/b.PNG") == "image/png")
        #expect(MediaType.forPath("x.avif") == "image/avif")
        #expect(MediaType.forPath("favicon.ico") == "image/x-icon")
        #expect(MediaType.forPath("doc.pdf") == "application/pdf")
        #expect(MediaType.forPath("a.gif") == "image/gif")
        #expect(MediaType.forPath("a.webp") == "image/webp")
        #expect(MediaType.forPath("a.woff") == "font/woff")
        #expect(MediaType.forPath("a.jpeg") == "image/jpeg")
        #expect(MediaType.forPath(".htaccess") == "application/octet-stream")
        #expect(MediaType.forPath("README") == "application/octet-stream")
    }

    @Test func basePathIsStrippedAndRootRedirects() async throws {
        let configuration = PreviewServerConfiguration(basePath: "partnership")
        try await withPreview(samplePages, configuration: configuration) { _, port in
            let root = try await RawHTTP.send(port: port, target: "/")
            #expect(root.status == 301)
            #expect(root.headers["location"] == "/partnership/")
            let bare = try await RawHTTP.send(port: port, target: "/partnership")
            #expect(bare.headers["location"] == "/partnership/")
            let home = try await RawHTTP.send(port: port, target: "/partnership/")
            #expect(home.status == 200)
            #expect(home.text.contains("<h1>Home</h1>"))
            let about = try await RawHTTP.send(port: port, target: "/partnership/about")
            #expect(about.headers["location"] == "/partnership/about/")
            let outside = try await RawHTTP.send(port: port, target: "/about/")
            #expect(outside.status == 404)
            #expect(!outside.text.contains("About us"))
        }
    }

    @Test func encodedNamesAreDecodedOnce() async throws {
        let files = ["o nas/index.html": "<html><body>spaced</body></html>", "100%25.txt": "literal"]
        try await withPreview(files) { _, port in
            let spaced = try await RawHTTP.send(port: port, target: "/o%20nas/")
            #expect(spaced.status == 200)
            #expect(spaced.text.contains("spaced"))
            // `%2525` decodes once to `%25`, the file's real name; twice would give `%`.
            let literal = try await RawHTTP.send(port: port, target: "/100%2525.txt")
            #expect(literal.text == "literal")
        }
    }
}
