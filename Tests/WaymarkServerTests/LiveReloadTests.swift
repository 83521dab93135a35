import Foundation
import Testing
import WaymarkCore
@testable import WaymarkServer

/// One open event stream, read with deadlines.
final class EventStreamClient: @unchecked Sendable {
    let socket: RawSocket
    private(set) var received = ""

    init(port: UInt16, query: String = "lang=en&dir=", origin: String? = nil) async throws {
        let originLine = origin.map { "Origin: \($0)\r\n" } ?? ""
        let request = "GET \(PreviewPaths.events)?\(query) HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\n\(originLine)Accept: text/event-stream\r\n\r\n"
        socket = try RawSocket(port: port)
        try socket.send(Array(request.utf8))
    }

    /// Reads until `text` has arrived (5 s at most); true when it did.
    func wait(for text: String) async throws -> Bool {
        if received.contains(text) { return true }
        let socket = socket
        let already = received
        let bytes = try await offThread {
            socket.read(for: 20) { String(decoding: $0, as: UTF8.self).contains(text) || (already + String(decoding: $0, as: UTF8.self)).contains(text) }
        }
        received += String(decoding: bytes, as: UTF8.self)
        return received.contains(text)
    }
}

@Suite struct LiveReloadTests {
    @Test func reloadArrivesAfterPublishAndTheNewPageIsServed() async throws {
        try await withPreview(samplePages) { server, port in
            let client = try await EventStreamClient(port: port)
            #expect(try await client.wait(for: "\"sequence\":0}\n\n"))
            #expect(client.received.contains("HTTP/1.1 200"))
            #expect(client.received.lowercased().contains("content-type: text/event-stream; charset=utf-8"))
            #expect(client.received.lowercased().contains("transfer-encoding: chunked"))
            #expect(client.received.contains("retry: 1000"))
            #expect(client.received.contains("event: hello\ndata: {\"failed\":false,\"generation\":1,\"instance\":\""))
            #expect(await server.hub.subscriberCount == 1)

            var changed = samplePages
            changed["about/index.html"] = "<html><head></head><body><h1>About us, rewritten</h1></body></html>"
            await server.hub.publish(snapshot(changed, generation: 7), change: .reload)
            #expect(try await client.wait(for: "event: reload\ndata: {\"failed\":false,\"generation\":7,\"sequence\":1}"))
            let page = try await RawHTTP.send(port: port, target: "/about/")
            #expect(page.text.contains("About us, rewritten"))
        }
    }

    @Test func stylesheetAndDiagnosticsEvents() async throws {
        let configuration = PreviewServerConfiguration(strings: polish)
        try await withPreview(samplePages, configuration: configuration) { server, port in
            let client = try await EventStreamClient(port: port, query: "lang=pl&dir=")
            #expect(try await client.wait(for: "event: hello"))
            await server.hub.publish(snapshot(samplePages, generation: 2), change: .stylesheets(["/assets/site.1.css": "/assets/site.2.css"]))
            #expect(try await client.wait(for: "event: css\ndata: {\"failed\":false,\"generation\":2,\"overlay\":\"\",\"sequence\":1,\"stylesheets\":{\"/assets/site.1.css\":\"/assets/site.2.css\"}}"))
            await server.hub.publish(snapshot(samplePages, generation: 3, diagnostics: brokenBuild), change: .diagnostics)
            #expect(try await client.wait(for: "event: diagnostics\ndata: {\"failed\":true,\"generation\":3,\"overlay\":\"<section"))
            #expect(client.received.contains("Nie udało się przebudować serwisu"))
            #expect(client.received.contains("content/about.md:4: error: front matter field &#39;titel&#39; is not known"))
        }
    }

    @Test func sameOriginIsAllowedOnTheEventStream() async throws {
        try await withPreview(samplePages) { _, port in
            let client = try await EventStreamClient(port: port, origin: "http://localhost:\(port)")
            #expect(try await client.wait(for: "event: hello"))
        }
    }

    @Test func closedTabIsForgottenAndPingsKeepIdleStreamsAlive() async throws {
        let configuration = PreviewServerConfiguration(pingInterval: .milliseconds(100))
        try await withPreview(samplePages, configuration: configuration) { server, port in
            var client: EventStreamClient? = try await EventStreamClient(port: port)
            #expect(try await client?.wait(for: ": ping\n\n") == true)
            #expect(await server.hub.subscriberCount == 1)
            client = nil
            let deadline = ContinuousClock.now + .seconds(5)
            while await server.hub.subscriberCount > 0, ContinuousClock.now < deadline {
                try await Task.sleep(for: .milliseconds(50))
            }
            #expect(await server.hub.subscriberCount == 0)
        }
    }

    @Test func hubBuffersAtMostItsLimitForAStuckReader() async throws {
        let hub = PreviewHub(snapshot: snapshot(samplePages, generation: 0), bufferLimit: 3)
        let stream = await hub.subscribe()
        for generation in 1...10 { await hub.publish(snapshot(samplePages, generation: generation), change: .reload) }
        await hub.disconnectAll()
        var sequences: [Int] = []
        for await event in stream { sequences.append(event.sequence) }
        // The newest three survive; the gap tells the browser to reload.
        #expect(sequences == [8, 9, 10])
    }

    @Test func publishOnlySendsAfterTheSnapshotIsInPlace() async throws {
        let hub = PreviewHub(snapshot: snapshot(["index.html": "old"], generation: 1))
        let stream = await hub.subscribe()
        var iterator = stream.makeAsyncIterator()
        #expect(await iterator.next()?.kind == .hello)
        await hub.publish(snapshot(["index.html": "new"], generation: 2), change: .reload)
        let event = await iterator.next()
        #expect(event?.kind == .reload)
        #expect(event?.generation == 2)
        #expect(await hub.snapshot.files.contents(of: "index.html") == Data("new".utf8))
    }

    @Test func stopEndsStreamsAndFreesThePort() async throws {
        let hub = PreviewHub(snapshot: snapshot(samplePages, generation: 1))
        let server = PreviewHTTPServer(hub: hub, configuration: PreviewServerConfiguration(port: 0))
        let port = try await server.start()
        let client = try await EventStreamClient(port: port)
        #expect(try await client.wait(for: "event: hello"))
        try await withDeadline(seconds: 10) { await server.stop() }
        #expect(try await client.wait(for: "0\r\n\r\n"))
        let again = PreviewHTTPServer(hub: hub, configuration: PreviewServerConfiguration(port: port))
        #expect(try await again.start() == port)
        await again.stop()
    }

    @Test func busyPortIsReportedInPlainWords() async throws {
        try await withPreview(samplePages) { _, port in
            let second = PreviewHTTPServer(hub: PreviewHub(snapshot: snapshot([:], generation: 0)),
                                           configuration: PreviewServerConfiguration(port: port))
            await #expect(throws: PreviewServerError(summary: "the preview could not use port \(port) on 127.0.0.1: another program is using it",
                                                     help: "stop the other program (perhaps another waymark serve), or choose another port")) {
                _ = try await second.start()
            }
        }
    }
}
