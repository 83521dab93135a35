import Foundation
import Testing
import WaymarkSite

/// Paths into the repository, found from this file so tests run from any directory.
enum Repo {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path
    static let fixtures = root + "/Tests/WaymarkSiteTests/Fixtures"
    static let testTheme = fixtures + "/theme"
}

/// A fresh temporary folder, removed by the caller with `cleanUp`.
struct TempDir {
    let path: String
    init() throws {
        path = FileManager.default.temporaryDirectory.appendingPathComponent("waymark-test-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }
    func cleanUp() { try? FileManager.default.removeItem(atPath: path) }

    /// Writes `files` (path → text) under this folder.
    func write(_ files: [String: String]) throws {
        for (path, text) in files { try writeData(path, Data(text.utf8)) }
    }

    func writeData(_ path: String, _ data: Data) throws {
        let full = self.path + "/" + path
        try FileManager.default.createDirectory(atPath: (full as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try data.write(to: URL(fileURLWithPath: full))
    }
}

/// Every file under `root`, relative path → bytes.
func readTree(_ root: String) -> [String: Data] {
    var files: [String: Data] = [:]
    guard let enumerator = FileManager.default.enumerator(atPath: root) else { return files }
    while let relative = enumerator.nextObject() as? String {
        var isDirectory: ObjCBool = false
        let full = root + "/" + relative
        if FileManager.default.fileExists(atPath: full, isDirectory: &isDirectory), !isDirectory.boolValue {
            files[relative] = FileManager.default.contents(atPath: full)
        }
    }
    return files
}

func text(_ tree: [String: Data], _ path: String) -> String {
    tree[path].map { String(decoding: $0, as: UTF8.self) } ?? ""
}

/// Runs the built `waymark` executable and captures its output and exit status.
struct CommandResult {
    var status: Int32
    var stdout: String
    var stderr: String
}

func runWaymark(_ arguments: [String], in directory: String) throws -> CommandResult {
    let process = Process()
    process.executableURL = waymarkExecutable()
    process.arguments = arguments
    process.currentDirectoryURL = URL(fileURLWithPath: directory)
    let out = Pipe(), err = Pipe()
    process.standardOutput = out
    process.standardError = err
    try process.run()
    let stdout = out.fileHandleForReading.readDataToEndOfFile()
    let stderr = err.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return CommandResult(status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self), stderr: String(decoding: stderr, as: UTF8.self))
}

/// The `waymark` binary SwiftPM built beside this test bundle.
func waymarkExecutable() -> URL {
    var folder = Bundle.main.bundleURL
    for _ in 0..<3 {
        let candidate = folder.appendingPathComponent("waymark")
        if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
        folder = folder.deletingLastPathComponent()
    }
    return URL(fileURLWithPath: Repo.root + "/.build/debug/waymark")
}

/// Builds the fixture site `Fixtures/<name>/content` with the minimal test theme into a fresh
/// folder; returns the folder (clean it up), every file written, and the build report.
func buildFixture(_ name: String) throws -> (TempDir, [String: Data], BuildReport) {
    let temp = try TempDir()
    let options = BuildOptions(sourceDirectory: Repo.fixtures + "/\(name)/content", themeDirectory: Repo.testTheme, outputDirectory: temp.path + "/out")
    let report = try SiteBuilder(options: options).build().get()
    return (temp, readTree(temp.path + "/out"), report)
}
