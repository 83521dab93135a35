import Foundation
import WaymarkCheck
import WaymarkContent
import WaymarkCore
import WaymarkSite

/// Paths into the repository, found from this file so tests run from any directory.
enum NewRepo {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path
    /// Until the default theme is built into the binary, builds are given the repository's.
    static let theme = root + "/theme"
}

/// The day every test's new site is made on and checked on, so review dates never drift.
let testDay = "2026-01-15"

/// A fresh temporary folder; `cleanUp` removes it.
struct NewTemp {
    let path: String
    init() throws {
        path = FileManager.default.temporaryDirectory.appendingPathComponent("waymark-new-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }
    func cleanUp() { try? FileManager.default.removeItem(atPath: path) }

    func read(_ relative: String) -> String? {
        FileManager.default.contents(atPath: path + "/" + relative).map { String(decoding: $0, as: UTF8.self) }
    }

    func write(_ relative: String, _ text: String) throws {
        let full = path + "/" + relative
        try FileManager.default.createDirectory(atPath: (full as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try Data(text.utf8).write(to: URL(fileURLWithPath: full))
    }

    /// Every file under the folder, relative path → text.
    func tree() -> [String: String] {
        var files: [String: String] = [:]
        let enumerator = FileManager.default.enumerator(atPath: path)
        while let relative = enumerator?.nextObject() as? String {
            var isFolder: ObjCBool = false
            if FileManager.default.fileExists(atPath: path + "/" + relative, isDirectory: &isFolder), !isFolder.boolValue {
                files[relative] = read(relative)
            }
        }
        return files
    }
}

/// What the `waymark` binary did.
struct Run {
    var status: Int32
    var stdout: String
    var stderr: String
}

/// Runs the built `waymark` executable in `directory`, with no terminal attached.
func waymark(_ arguments: [String], in directory: String) throws -> Run {
    let process = Process()
    process.executableURL = waymarkBinary()
    process.arguments = arguments
    process.currentDirectoryURL = URL(fileURLWithPath: directory)
    let out = Pipe(), err = Pipe()
    process.standardOutput = out
    process.standardError = err
    process.standardInput = FileHandle.nullDevice
    try process.run()
    let stdout = out.fileHandleForReading.readDataToEndOfFile()
    let stderr = err.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return Run(status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self), stderr: String(decoding: stderr, as: UTF8.self))
}

/// The `waymark` binary SwiftPM built beside this test bundle.
func waymarkBinary() -> URL {
    var folder = Bundle.main.bundleURL
    for _ in 0..<3 {
        let candidate = folder.appendingPathComponent("waymark")
        if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
        folder = folder.deletingLastPathComponent()
    }
    return URL(fileURLWithPath: NewRepo.root + "/.build/debug/waymark")
}

/// Builds the site whose content is `content` with the repository's theme.
func build(_ content: String, output: String) -> Result<BuildReport, BuildFailure> {
    SiteBuilder(options: BuildOptions(sourceDirectory: content, themeDirectory: NewRepo.theme, outputDirectory: output)).build()
}

/// `waymark check` on `content`, counting from the test day.
func check(_ content: String) -> CheckReport {
    ContentChecker(options: CheckOptions(build: BuildOptions(sourceDirectory: content, themeDirectory: NewRepo.theme, outputDirectory: content + "/../output"),
                                         today: CalendarDate(testDay)!)).run()
}

/// A new site made by the binary in `temp/site`, with these options.
func makeSite(in temp: NewTemp, _ options: [String] = []) throws -> Run {
    try waymark(["new", "site", "site", "--today", testDay] + options, in: temp.path)
}
