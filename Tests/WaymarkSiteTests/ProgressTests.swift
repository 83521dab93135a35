import Foundation
import Testing
@testable import WaymarkCLI
import WaymarkSite

/// Collects what a line or a build reports, from any thread.
final class Recorder<Item: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var stored: [Item] = []
    func add(_ item: Item) { lock.lock(); stored.append(item); lock.unlock() }
    var items: [Item] { lock.lock(); defer { lock.unlock() }; return stored }
}

/// A clock the test moves by hand.
final class ManualClock: @unchecked Sendable {
    private let lock = NSLock()
    private var seconds = 100.0
    func advance(_ by: Double) { lock.lock(); seconds += by; lock.unlock() }
    var now: Double { lock.lock(); defer { lock.unlock() }; return seconds }
}

@Suite("Progress line")
struct ProgressLineTests {
    private func line(delay: Double = 2) -> (ProgressLine, Recorder<String>, ManualClock) {
        let written = Recorder<String>(), clock = ManualClock()
        let line = ProgressLine(delay: delay, write: { written.add($0) }, clock: { clock.now })
        return (line, written, clock)
    }

    @Test func staysSilentForQuickWork() {
        let (line, written, clock) = line()
        line.report(BuildProgressEvent(stage: "Rendering pages", done: 10, total: 20, unit: "pages"))
        clock.advance(1.9)
        line.report(BuildProgressEvent(stage: "Rendering pages", done: 20, total: 20, unit: "pages"))
        line.finish()
        #expect(written.items.isEmpty)
    }

    @Test func redrawsOneLineInPlaceAfterTheDelayAndRubsItOut() {
        let (line, written, clock) = line()
        clock.advance(2.5)
        line.report(BuildProgressEvent(stage: "Rendering pages", done: 4096, total: 10000, unit: "pages"))
        line.report(BuildProgressEvent(stage: "Rendering pages", done: 4608, total: 10000, unit: "pages"))  // too soon
        clock.advance(0.2)
        line.report(BuildProgressEvent(stage: "Rendering pages", done: 5120, total: 10000, unit: "pages"))
        line.report(BuildProgressEvent(stage: "Writing the search index", done: 1, total: 3, unit: "files"))  // new stage
        line.finish()
        #expect(written.items == [
            "\r\u{1B}[2KRendering pages: 4,096 of 10,000 pages (40%)",
            "\r\u{1B}[2KRendering pages: 5,120 of 10,000 pages (51%)",
            "\r\u{1B}[2KWriting the search index: 1 of 3 files (33%)",
            "\r\u{1B}[2K",
        ])
    }

    @Test func alwaysShowsTheEndOfAStage() {
        let (line, written, clock) = line(delay: 0)
        line.report(BuildProgressEvent(stage: "Rendering pages", done: 1, total: 2, unit: "pages"))
        line.report(BuildProgressEvent(stage: "Rendering pages", done: 2, total: 2, unit: "pages"))
        clock.advance(0.01)
        line.report(BuildProgressEvent(stage: "Publishing"))
        #expect(written.items == ["\r\u{1B}[2KRendering pages: 1 of 2 pages (50%)", "\r\u{1B}[2KRendering pages: 2 of 2 pages (100%)",
                                  "\r\u{1B}[2KPublishing…"])
    }

    @Test func groupsThousands() {
        #expect(ProgressLine.grouped(7) == "7")
        #expect(ProgressLine.grouped(1000) == "1,000")
        #expect(ProgressLine.grouped(100000) == "100,000")
        #expect(ProgressLine.grouped(1234567) == "1,234,567")
    }
}

@Suite("Build progress")
struct BuildProgressTests {
    @Test func aBuildReportsEveryStageAndCountsPagesAndIndexFiles() throws {
        let temp = try TempDir()
        defer { temp.cleanUp() }
        let events = Recorder<BuildProgressEvent>()
        var options = BuildOptions(sourceDirectory: Repo.root + "/content", outputDirectory: temp.path + "/out")
        options.progress = { events.add($0) }
        let report = try SiteBuilder(options: options).build().get()
        let pages = report.pagesPerLanguage.reduce(0) { $0 + $1.count }
        let stages = events.items.map(\.stage).reduce(into: [String]()) { if $0.last != $1 { $0.append($1) } }
        #expect(stages == ["Reading content", "Checking the site", "Rendering pages", "Building the search index",
                           "Writing the search index", "Publishing"])
        let rendered = events.items.filter { $0.stage == "Rendering pages" }
        #expect(rendered.first?.done == 0)
        #expect(rendered.last?.done == rendered.last?.total)
        #expect(rendered.allSatisfy { $0.unit == "pages" && $0.total >= pages })
        #expect(zip(rendered, rendered.dropFirst()).allSatisfy { $0.done < $1.done })
        let index = events.items.filter { $0.stage == "Writing the search index" }
        let indexFiles = readTree(temp.path + "/out").keys.filter { $0.hasPrefix("search-index/") && !$0.contains("/f.") }
        #expect(index.last?.total == index.count)
        #expect(index.count >= indexFiles.count)
    }

    @Test func theCommandDrawsTheLineOnlyOnATerminal() throws {
        let temp = try TempDir()
        defer { temp.cleanUp() }
        let command = [waymarkExecutable().path, "build", "--source", Repo.root + "/content", "--output", temp.path + "/out"]
            .map { "'" + $0 + "'" }.joined(separator: " ")
        // script(1) gives the command a terminal; its own output is that terminal's transcript.
        let onTerminal = try runShell("WAYMARK_PROGRESS_DELAY=0 script -qefc \"\(command)\" /dev/null", in: temp.path)
        #expect(onTerminal.status == 0, "\(onTerminal.stderr)")
        #expect(onTerminal.stdout.contains("\r\u{1B}[2KRendering pages: "))
        #expect(onTerminal.stdout.contains("\u{1B}[2KPublishing…\r\u{1B}[2K"))
        #expect(onTerminal.stdout.contains("Built "))

        let quiet = try runShell("WAYMARK_PROGRESS_DELAY=0 script -qefc \"\(command) --quiet\" /dev/null", in: temp.path)
        #expect(quiet.status == 0)
        #expect(!quiet.stdout.contains("\u{1B}"))

        let dumb = try runShell("TERM=dumb WAYMARK_PROGRESS_DELAY=0 script -qefc \"\(command)\" /dev/null", in: temp.path)
        #expect(dumb.status == 0)
        #expect(!dumb.stdout.contains("\u{1B}") && dumb.stdout.contains("Built "))

        let piped = try runShell("WAYMARK_PROGRESS_DELAY=0 \(command)", in: temp.path)
        #expect(piped.status == 0)
        #expect(!piped.stderr.contains("\u{1B}") && !piped.stdout.contains("\u{1B}"))
        #expect(piped.stdout.contains("Built "))
    }

    private func runShell(_ line: String, in directory: String) throws -> CommandResult {
        try runProgram(URL(fileURLWithPath: "/bin/sh"), ["-c", line], in: directory)
    }
}
