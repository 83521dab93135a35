import Foundation
import Testing
@testable import WaymarkServer

@Suite struct SafetyTests {
    static let attempts = [
        "/../etc/passwd", "/%2e%2e/", "/%2e%2e/etc/passwd", "/a%2f..%2f..", "/..%5c", "/..%5c..%5cetc",
        "/a\\..\\b", "/a%00.html", "/index.html%00", "/./index.html", "/about/../index.html",
        "//etc/passwd", "/%2E%2E%2F", "/%zz", "/%e2%82", "http://evil.example/", "*",
        "/" + String(repeating: "a", count: 3_000),
    ]

    @Test(arguments: attempts)
    func pathsOutsideTheSiteAreRefused(target: String) async throws {
        let files = samplePages.merging(["etc/passwd": "SECRET"]) { a, _ in a }
        try await withPreview(files) { _, port in
            let response = try await RawHTTP.send(port: port, target: target)
            #expect(response.status == 400, "\(target) gave \(response.status)")
            #expect(response.text == "This address cannot be part of the site.\n")
            #expect(!response.text.contains("SECRET"))
            #expect(!response.text.contains("<h1>Home</h1>"))
        }
    }

    @Test func decodingRules() throws {
        #expect(RequestPath.parse("/a%2fb") == .failure(.encodedSeparator))
        #expect(RequestPath.parse("/a%5Cb") == .failure(.encodedSeparator))
        #expect(RequestPath.parse("/%2e%2e/x") == .failure(.dotSegment))
        #expect(RequestPath.parse("/a%00") == .failure(.controlCharacter))
        #expect(RequestPath.parse("/a%0d%0aSet-Cookie:x") == .failure(.controlCharacter))
        #expect(RequestPath.parse("/%ff") == .failure(.notUTF8))
        #expect(RequestPath.parse("/a%2") == .failure(.badEscape))
        #expect(RequestPath.parse("a") == .failure(.notAbsolute))
        #expect(RequestPath.parse("/a//b") == .failure(.emptySegment))
        #expect(try RequestPath.parse("/o%20nas/").get().decoded == "/o nas/")
        #expect(try RequestPath.parse("/%25").get().decoded == "/%")
    }

    @Test(arguments: ["evil.example", "evil.example:1313", "localhost.evil.example", "127.0.0.1.nip.io", "localhost:1", "[::1]:2", "localhost:abc"])
    func foreignHostIsRefused(host: String) async throws {
        try await withPreview(samplePages) { _, port in
            let response = try await RawHTTP.send(port: port, target: "/", host: host)
            #expect(response.status == 403, "Host \(host)")
            #expect(response.text.contains("This preview only answers at addresses on this computer"))
            #expect(!response.text.contains("<h1>Home</h1>"))
        }
    }

    @Test func localHostsAreAccepted() async throws {
        let configuration = PreviewServerConfiguration(allowedHosts: ["my-laptop.local"])
        try await withPreview(samplePages, configuration: configuration) { _, port in
            for host in ["localhost", "LOCALHOST:\(port)", "127.0.0.1:\(port)", "[::1]:\(port)", "[::1]", "my-laptop.local:\(port)"] {
                let response = try await RawHTTP.send(port: port, target: "/", host: host)
                #expect(response.status == 200, "Host \(host)")
            }
        }
    }

    @Test func hostPolicyShapes() {
        let policy = HostPolicy(bindAddress: "192.168.1.20", port: 8080, extraHosts: ["fe80::1"])
        #expect(policy.allowsHost("192.168.1.20:8080"))
        #expect(policy.allowsHost("[fe80::1]:8080"))
        #expect(!policy.allowsHost("192.168.1.21:8080"))
        #expect(!policy.allowsHost("localhost:8080:8080"))
        #expect(policy.allowsOrigin("http://localhost:8080"))
        #expect(!policy.allowsOrigin("http://localhost"))
        #expect(!policy.allowsOrigin("https://localhost:8080"))
        #expect(!policy.allowsOrigin("null"))
        #expect(HostPolicy(bindAddress: "0.0.0.0", port: 80, extraHosts: []).allowsOrigin("http://localhost"))
        #expect(!HostPolicy(bindAddress: "0.0.0.0", port: 80, extraHosts: []).allowsHost("0.0.0.0"))
    }

    @Test(arguments: ["http://evil.example", "http://evil.example:1313", "null", "https://localhost", "http://localhost:1"])
    func foreignOriginIsRefusedOnTheEventStream(origin: String) async throws {
        try await withPreview(samplePages) { _, port in
            let response = try await RawHTTP.send(port: port, target: PreviewPaths.events, headers: ["Origin": origin])
            #expect(response.status == 403, "Origin \(origin)")
            #expect(response.headers["content-type"] == "text/plain; charset=utf-8")
        }
    }
}
