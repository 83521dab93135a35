import Foundation
import WaymarkCheck

/// Folders and programs the flyer printing tests share.
enum FlyerPrintSupport {
    static let repo = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let theme = repo.appendingPathComponent("theme").path
    static let exampleContent = repo.appendingPathComponent("content").path
    static let longFlyers = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("Fixtures/long-flyers/content").path

    static let chromium = Chromium.find(environment: ProcessInfo.processInfo.environment)
    static let noChromium = "Chromium is not installed (apt install chromium, or set WAYMARK_CHROMIUM): the flyer print tests need it"

    /// A new empty folder under the system's temporary folder.
    static func temporaryFolder(_ name: String) -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("waymark-\(name)-" + UUID().uuidString).path
        try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    /// A copy of the long-flyers fixture's content folder in `folder`, with `extra` files
    /// (path inside the content folder → text) added.
    static func longFlyersCopy(in folder: String, adding extra: [String: String] = [:]) throws -> String {
        let content = folder + "/content"
        try FileManager.default.copyItem(atPath: longFlyers, toPath: content)
        for (path, text) in extra { try Data(text.utf8).write(to: URL(fileURLWithPath: content + "/" + path)) }
        return content
    }

    /// What `program arguments` printed on standard output (read on a thread of its own so a
    /// long output cannot fill the pipe), or nil when it failed or took longer than `timeout`.
    static func output(of program: String, _ arguments: [String], timeout: Double = 60) -> String? {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: program)
        process.arguments = arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = FileHandle.nullDevice
        process.standardInput = FileHandle.nullDevice
        let box = OutputBox()
        let read = DispatchSemaphore(value: 0)
        Thread.detachNewThread {
            box.data = pipe.fileHandleForReading.readDataToEndOfFile()
            read.signal()
        }
        guard (try? process.run()) != nil else { return nil }
        if read.wait(timeout: .now() + timeout) == .timedOut {
            process.terminate()
            return nil
        }
        process.waitUntilExit()
        return process.terminationStatus == 0 ? String(decoding: box.data, as: UTF8.self) : nil
    }

    /// `pdfinfo`'s page count, or nil when poppler is not installed.
    static func pdfinfoPages(_ pdf: String) -> Int? {
        guard let pdfinfo = ["/usr/bin/pdfinfo", "/usr/local/bin/pdfinfo", "/opt/homebrew/bin/pdfinfo"]
            .first(where: FileManager.default.isExecutableFile(atPath:)),
            let text = output(of: pdfinfo, [pdf]),
            let line = text.split(separator: "\n").first(where: { $0.hasPrefix("Pages:") }) else { return nil }
        return Int(line.dropFirst("Pages:".count).trimmingCharacters(in: .whitespaces))
    }

    /// Runs `body` for each item on threads of their own, two at a time (each runs Chromium).
    static func inParallel<T: Sendable, R: Sendable>(_ items: [T], _ body: @escaping @Sendable (T) -> R) -> [R] {
        let results = ResultsBox<R>(count: items.count)
        let group = DispatchGroup()
        let gate = DispatchSemaphore(value: 2)
        for (index, item) in items.enumerated() {
            group.enter()
            Thread.detachNewThread {
                gate.wait()
                results.set(index, body(item))
                gate.signal()
                group.leave()
            }
        }
        group.wait()
        return results.values
    }
}

private final class OutputBox: @unchecked Sendable {
    var data = Data()
}

private final class ResultsBox<R>: @unchecked Sendable {
    private let lock = NSLock()
    private var slots: [R?]
    init(count: Int) { slots = Array(repeating: nil, count: count) }
    func set(_ index: Int, _ value: R) { lock.withLock { slots[index] = value } }
    var values: [R] { lock.withLock { slots.map { $0! } } }
}
