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
    try runProgram(waymarkExecutable(), arguments, in: directory)
}

/// Runs `executable` with `arguments` in `directory`, standard input empty, and captures its output.
func runProgram(_ executable: URL, _ arguments: [String], in directory: String) throws -> CommandResult {
    let process = Process()
    process.executableURL = executable
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

/// A mistake a person can make: one file written with `contents`, and the text its message holds.
struct Mistake: CustomTestStringConvertible, Sendable {
    var name: String
    var file: String
    var contents: Data
    var expected: String
    var testDescription: String { name }

    init(_ name: String, _ file: String, _ text: String, _ expected: String) {
        self.init(name, file, Data(text.utf8), expected)
    }
    init(_ name: String, _ file: String, _ contents: Data, _ expected: String) {
        self.name = name
        self.file = file
        self.contents = contents
        self.expected = expected
    }
}

/// Builds `goodSite` with the default theme, makes `mistake`, and builds again: expects exit
/// status 1, the expected message, the closing line, output/ byte for byte as before and no
/// `output.*` folder left beside it. Returns what the failed build printed.
@discardableResult
func expectRejected(_ mistake: Mistake, goodSite: [String: String], in temp: TempDir) throws -> String {
    try temp.write(goodSite)
    let theme = ["--theme", Repo.root + "/theme"]
    let first = try runWaymark(["build", "--quiet"] + theme, in: temp.path)
    #expect(first.status == 0, "the good site should build: \(first.stderr)")
    let before = readTree(temp.path + "/output")
    #expect(!before.isEmpty)

    try temp.writeData(mistake.file, mistake.contents)
    let second = try runWaymark(["build"] + theme, in: temp.path)
    #expect(second.status == 1)
    #expect(second.stderr.contains(mistake.expected), "stderr was:\n\(second.stderr)")
    #expect(second.stderr.hasSuffix("— nothing was published; output is unchanged.\n"))
    #expect(readTree(temp.path + "/output") == before, "output/ changed after a failed build")
    let leftovers = try FileManager.default.contentsOfDirectory(atPath: temp.path).filter { $0.hasPrefix("output.") }
    #expect(leftovers.isEmpty, "staging folders left behind: \(leftovers)")
    return second.stderr
}
