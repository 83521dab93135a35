import Foundation
import Testing
@testable import WaymarkServer

/// `waymark serve` run as a user runs it: a real process on a free port, real files edited, the
/// reload event awaited, the new page fetched. Every wait has a deadline and every test stops
/// its server.
@Suite struct ServeCommandTests {
    /// A running `waymark serve` on a copy of a fixture site.
    final class Preview: @unchecked Sendable {
        let folder: String
        let process = Process()
        private let output = Pipe()
        private let lock = NSLock()
        private var printed = ""
        private(set) var port: UInt16 = 0

        /// `withTheme: false` leaves out the theme folder, so the built-in theme is used.
        init(withTheme: Bool = true) throws {
            folder = FileManager.default.temporaryDirectory.appendingPathComponent("waymark-serve-\(UUID().uuidString)").path
            let repo = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            try FileManager.default.copyItem(atPath: repo + "/Tests/WaymarkSiteTests/Fixtures/multilingual/content", toPath: folder + "/content")
            if withTheme { try FileManager.default.copyItem(atPath: repo + "/theme", toPath: folder + "/theme") }
            process.executableURL = ServeCommandTests.waymark(repo: repo)
            process.arguments = ["serve", "--port", "0"]
            process.currentDirectoryURL = URL(fileURLWithPath: folder)
            process.standardOutput = output
            process.standardError = output
            let handle = output.fileHandleForReading
            handle.readabilityHandler = { [weak self] handle in
                let data = handle.availableData
                guard let self, !data.isEmpty else { return }
                self.lock.withLock { self.printed += String(decoding: data, as: UTF8.self) }
            }
            try process.run()
        }

        var text: String { lock.withLock { printed } }

        /// Waits (60 s at most) for the "Serving … at http://localhost:PORT/" line.
        func waitUntilServing() async throws {
            for _ in 0..<600 {
                if let line = text.split(separator: "\n").first(where: { $0.hasPrefix("Serving ") }),
                   let range = line.range(of: "localhost:"), let port = UInt16(line[range.upperBound...].prefix { $0.isNumber }) {
                    self.port = port
                    return
                }
                if !process.isRunning { break }
                try await Task.sleep(for: .milliseconds(100))
            }
            throw ClientError(description: "waymark serve did not start:\n\(text)")
        }

        func write(_ path: String, _ contents: String) throws {
            try contents.write(toFile: folder + "/" + path, atomically: true, encoding: .utf8)
        }

        func get(_ target: String, host: String? = nil) async throws -> RawResponse {
            try await RawHTTP.send(port: port, target: target, host: host)
        }

        /// Ctrl-C, as a person stops it; the exit status.
        func stop() -> Int32 {
            if process.isRunning {
                process.interrupt()
                let deadline = Date().addingTimeInterval(15)
                while process.isRunning && Date() < deadline { usleep(20_000) }
                if process.isRunning { process.terminate() }
            }
            process.waitUntilExit()
            output.fileHandleForReading.readabilityHandler = nil
            try? FileManager.default.removeItem(atPath: folder)
            return process.terminationStatus
        }
    }

    static func waymark(repo: String) -> URL {
        var folder = Bundle.main.bundleURL
        for _ in 0..<3 {
            let candidate = folder.appendingPathComponent("waymark")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
            folder = folder.deletingLastPathComponent()
        }
        return URL(fileURLWithPath: repo + "/.build/debug/waymark")
    }

    /// Reads the event stream until `text` arrives, for up to a minute (a full rebuild on a
    /// loaded machine can take a while).
    static func wait(_ client: EventStreamClient, for text: String) async throws -> Bool {
        for _ in 0..<12 where try await !client.wait(for: text) {}
        return client.received.contains(text)
    }

    static func body(_ response: RawResponse) -> String { String(decoding: response.body, as: UTF8.self) }

    @Test(.timeLimit(.minutes(3))) func editsReloadOpenPagesWithTheNewContent() async throws {
        let preview = try Preview()
        defer { #expect(preview.stop() == 0, "waymark serve should stop cleanly on Ctrl-C:\n\(preview.text)") }
        try await preview.waitUntilServing()
        let home = try await preview.get("/")
        #expect(home.status == 200 && home.headers["content-type"] == "text/html; charset=utf-8")
        #expect(ServeCommandTests.body(home).contains("<script src=\"/__waymark/live.js\" data-events=\"/__waymark/events\""))

        let events = try await EventStreamClient(port: preview.port)
        #expect(try await ServeCommandTests.wait(events, for: "event: hello"))
        try preview.write("content/report.md", "---\ntitle: Report\n---\nCall the police on 999. Freshly saved text.\n")
        #expect(try await ServeCommandTests.wait(events, for: "event: reload"))
        #expect(ServeCommandTests.body(try await preview.get("/report/")).contains("Freshly saved text."))

        try FileManager.default.createDirectory(atPath: preview.folder + "/content/guides", withIntermediateDirectories: true)
        try preview.write("content/guides/new-guide.md", "---\ntitle: A new guide\n---\nWritten in a new folder.\n")
        #expect(try await ServeCommandTests.wait(events, for: "\"generation\":3"))
        let guide = try await preview.get("/guides/new-guide/")
        #expect(guide.status == 200 && ServeCommandTests.body(guide).contains("Written in a new folder."))
        #expect(!FileManager.default.fileExists(atPath: preview.folder + "/output"), "the preview must never write output/")
    }

    @Test(.timeLimit(.minutes(3))) func aFailedRebuildShowsTheProblemOverTheLastGoodPages() async throws {
        let preview = try Preview()
        defer { #expect(preview.stop() == 0) }
        try await preview.waitUntilServing()
        let events = try await EventStreamClient(port: preview.port)
        #expect(try await ServeCommandTests.wait(events, for: "event: hello"))

        try preview.write("content/report.md", "---\ntitle: Report\n---\nIntro.\n\nSee [the signs](spot-the-sings.md).\n")
        #expect(try await ServeCommandTests.wait(events, for: "event: diagnostics"))
        let broken = ServeCommandTests.body(try await preview.get("/report/"))
        #expect(broken.contains("content/report.md:6: error: the link &#39;spot-the-sings.md&#39;") || broken.contains("content/report.md:6: error: the link 'spot-the-sings.md'"),
                "the overlay should show the terminal's message:\n\(broken.prefix(3000))")
        #expect(broken.contains("role=\"alert\""))
        #expect(!broken.contains("See <a"), "the last good page is served, not the broken one")
        #expect(preview.text.contains("content/report.md:6: error: the link 'spot-the-sings.md'"), "the terminal shows it too:\n\(preview.text)")

        try preview.write("content/report.md", "---\ntitle: Report\n---\nIntro.\n\nSee [the signs](signs.md).\n")
        #expect(try await ServeCommandTests.wait(events, for: "event: reload"))
        let fixed = ServeCommandTests.body(try await preview.get("/report/"))
        #expect(!fixed.contains("role=\"alert\"") && fixed.contains("See <a"))
    }

    @Test(.timeLimit(.minutes(3))) func withoutAThemeFolderTheBuiltInThemeIsServedAndANewFolderIsPickedUp() async throws {
        let preview = try Preview(withTheme: false)
        defer { #expect(preview.stop() == 0, "\(preview.text)") }
        try await preview.waitUntilServing()
        let home = ServeCommandTests.body(try await preview.get("/"))
        #expect(home.contains(##"<a class="skip-link" href="#main-content">Skip to main content</a>"##), "\(home.prefix(2000))")
        let events = try await EventStreamClient(port: preview.port)
        #expect(try await ServeCommandTests.wait(events, for: "event: hello"))

        // The theme folder appears while the preview runs, holding one changed text.
        try FileManager.default.createDirectory(atPath: preview.folder + "/theme/i18n", withIntermediateDirectories: true)
        try preview.write("theme/i18n/en.yaml", "skip_to_content: Jump to the content\n")
        #expect(try await ServeCommandTests.wait(events, for: "event: reload"))
        let changed = ServeCommandTests.body(try await preview.get("/"))
        #expect(changed.contains(##"<a class="skip-link" href="#main-content">Jump to the content</a>"##), "\(preview.text)")
    }

    @Test(.timeLimit(.minutes(2))) func refusesPathsOutsideTheSiteAndForeignHosts() async throws {
        let preview = try Preview()
        defer { #expect(preview.stop() == 0) }
        try await preview.waitUntilServing()
        for target in ["/../etc/passwd", "/%2e%2e/%2e%2e/etc/passwd", "/a%2f..%2f..%2fetc%2fpasswd", "/..%5c..%5cetc%5cpasswd"] {
            let response = try await preview.get(target)
            #expect(response.status == 400, "\(target) gave \(response.status)")
            #expect(!ServeCommandTests.body(response).contains("root:"))
        }
        #expect(try await preview.get("/", host: "evil.example").status == 403)
        #expect(try await preview.get("/", host: "localhost:\(preview.port)").status == 200)
    }

    @Test(.timeLimit(.minutes(2))) func aPortInUseIsAClearError() async throws {
        let first = try Preview()
        defer { _ = first.stop() }
        try await first.waitUntilServing()
        let process = Process()
        process.executableURL = ServeCommandTests.waymark(repo: "")
        process.arguments = ["serve", "--port", String(first.port), "--source", first.folder + "/content", "--theme", first.folder + "/theme"]
        let errors = Pipe()
        process.standardError = errors
        process.standardOutput = Pipe()
        try process.run()
        let text = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 1)
        #expect(text.contains("error: the preview could not use port \(first.port) on 127.0.0.1: another program is using it"), "\(text)")
        #expect(text.contains("help: stop the other program (perhaps another waymark serve), or choose another port"))
    }
}
