import Foundation
import WaymarkCheck
import WaymarkContent
import WaymarkCore
import WaymarkSite

/// Paths into the repository, found from this file so tests run from any directory.
enum CheckRepo {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path
    static let theme = root + "/theme"
}

/// A small site written into a fresh temporary folder: `site.yaml` in English and Polish plus
/// the files given, checked with the repository's theme.
struct CheckSite {
    let root: String
    var content: String { root + "/content" }

    static let settings = """
        title: Test partnership
        base_url: https://example.org/
        default_language: en
        languages:
          - {code: en, name: English, direction: ltr}
          - {code: pl, name: Polski, direction: ltr}

        """

    /// `files` are content paths → text; `site.yaml` is added unless given, `extraSettings`
    /// appended to it.
    init(_ files: [String: String], extraSettings: String = "") throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("waymark-check-\(UUID().uuidString)").path
        var all = files
        if all["site.yaml"] == nil { all["site.yaml"] = CheckSite.settings + extraSettings }
        if all["index.md"] == nil { all["index.md"] = "---\ntitle: Home\n---\n\nWelcome.\n" }
        for (path, text) in all {
            let full = content + "/" + path
            try FileManager.default.createDirectory(atPath: (full as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            try Data(text.utf8).write(to: URL(fileURLWithPath: full))
        }
    }

    func cleanUp() { try? FileManager.default.removeItem(atPath: root) }

    /// Runs the checker on the site as of `today`.
    func check(today: String = "2026-06-01", strict: Bool = false) -> CheckReport {
        var options = CheckOptions(build: BuildOptions(sourceDirectory: content, themeDirectory: CheckRepo.theme, outputDirectory: root + "/output"),
                                   today: CalendarDate(today)!)
        options.strict = strict
        return ContentChecker(options: options).run()
    }

    /// Runs the `waymark` executable in the site's folder.
    func run(_ arguments: [String]) throws -> (status: Int32, stdout: String, stderr: String) {
        let process = Process()
        process.executableURL = CheckSite.executable()
        process.arguments = arguments
        process.currentDirectoryURL = URL(fileURLWithPath: root)
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        let stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: stdout, as: UTF8.self), String(decoding: stderr, as: UTF8.self))
    }

    /// The `waymark` binary SwiftPM built beside this test bundle.
    static func executable() -> URL {
        var folder = Bundle.main.bundleURL
        for _ in 0..<3 {
            let candidate = folder.appendingPathComponent("waymark")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
            folder = folder.deletingLastPathComponent()
        }
        return URL(fileURLWithPath: CheckRepo.root + "/.build/debug/waymark")
    }
}

extension CheckReport {
    /// The problems rule `id` found.
    func problems(_ id: String) -> [Diagnostic] { problems.filter { $0.rule == id } }
}
