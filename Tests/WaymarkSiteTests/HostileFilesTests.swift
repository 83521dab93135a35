import Foundation
import Testing

/// Files as they arrive from Windows machines, word processors and shared drives: other line
/// endings, byte-order marks, other encodings, symbolic links, named pipes. Each builds the same
/// site, or fails with a message naming the file and line and leaves output/ as it was, and
/// none can make a build hang or read outside the site.
@Suite struct HostileFilesTests {
    // MARK: - Line endings and byte-order marks

    @Test(arguments: ["CRLF", "CR", "BOM"])
    func exampleSiteBuildsTheSameWhateverTheLineEndings(_ variant: String) throws {
        let temp = try TempDir()
        defer { temp.cleanUp() }
        for copy in ["lf", "changed"] { try copyExampleSite(to: temp.path + "/" + copy) }
        let changed = try convertTextFiles(under: temp.path + "/changed") { bytes in
            switch variant {
            case "CRLF": return replacingLF(bytes, with: [0x0D, 0x0A])
            case "CR": return replacingLF(bytes, with: [0x0D])
            default: return [0xEF, 0xBB, 0xBF] + bytes
            }
        }
        #expect(changed > 60, "only \(changed) files were converted")
        var trees: [[String: Data]] = []
        for copy in ["lf", "changed"] {
            let result = try runBounded(["build", "--source", "content", "--theme", "theme", "--output", "out"], in: temp.path + "/" + copy)
            #expect(result.status == 0, "\(copy): \(result.stderr)")
            trees.append(readTree(temp.path + "/\(copy)/out"))
        }
        #expect(trees[0].count > 400)
        #expect(Set(trees[0].keys) == Set(trees[1].keys))
        let different = trees[0].keys.filter { trees[0][$0] != trees[1][$0] }.sorted()
        #expect(different.isEmpty, "\(variant) build differs in \(different.prefix(5))")
    }

    @Test func errorInACRLFFileNamesTheRightLine() throws {
        let temp = try TempDir()
        defer { temp.cleanUp() }
        try temp.write(BadInputTests.goodSite)
        try temp.write(["content/report.md": "---\r\ntitle: Report\r\ntitel: Oops\r\n---\r\nText\r\n",
                        "content/index.md": "---\rtitle: Home\rsummary: [oops\r---\rText\r"])
        let result = try runBounded(["build", "--theme", Repo.root + "/theme"], in: temp.path)
        #expect(result.status == 1)
        #expect(result.stderr.contains("content/report.md:3: error: front matter field 'titel' is not known\n    3 | titel: Oops\n    help: did you mean 'title'?"),
                "stderr was:\n\(result.stderr)")
        #expect(result.stderr.contains("content/index.md:4: error: the settings could not be read"), "stderr was:\n\(result.stderr)")
        #expect(result.stderr.contains("    4 | ---\n"), "the lone-CR file's line 4 is quoted: \(result.stderr)")
    }

    // MARK: - Encodings

    struct Case: CustomTestStringConvertible, Sendable {
        var name: String
        var file: String
        var contents: [UInt8]
        var expected: [String]
        var testDescription: String { name }
    }

    static let cases: [Case] = [
        Case(name: "UTF-16 page with a byte-order mark", file: "content/report.md",
             contents: [0xFF, 0xFE] + utf16LE("---\r\ntitle: Report\r\n---\r\nCall 999.\r\n"),
             expected: ["content/report.md:1: error: this file is saved as UTF-16 ('Unicode'), but Waymark reads only UTF-8 text",
                        "help: save it again as UTF-8: in Notepad, File → Save As → Encoding: UTF-8; in Word, Save As → Plain Text → Unicode (UTF-8); in VS Code, click the encoding in the status bar → Save with Encoding → UTF-8"]),
        Case(name: "UTF-16 partner list without a byte-order mark", file: "content/_data/partners.csv",
             contents: utf16LE("name,type,areas,email\r\nHull City Council,local-authority,all,info@hull.gov.uk\r\n"),
             expected: ["content/_data/partners.csv:1: error: this file is saved as UTF-16 ('Unicode')",
                        "help: save it again as UTF-8: in Excel, File → Save As → \"CSV UTF-8 (Comma delimited)\""]),
        Case(name: "Windows-1252 contacts", file: "content/_data/contacts.yaml",
             contents: Array("- id: helpline\r\n  label: Helpline\r\n  number: 08000 121 700\r\n  group: advice\r\n  hours: Open 24/7 ".utf8) + [0x96] + Array(" free\r\n".utf8),
             expected: ["content/_data/contacts.yaml:5: error: this file is not saved as UTF-8 text: the character after 'hours: Open 24/7 ' is not UTF-8 (it looks like '–' saved in the older Windows-1252 encoding)",
                        "help: save it again as UTF-8: in Notepad"]),
        Case(name: "Windows-1252 partner list", file: "content/_data/partners.csv",
             contents: Array("name,type,areas,email\nHull City Council,local-authority,all,info@hull.gov.uk\nCaf".utf8) + [0xE9] + Array(" Hope,charity,all,hello@example.org\n".utf8),
             expected: ["content/_data/partners.csv:3: error: this file is not saved as UTF-8 text: the character after 'Caf' is not UTF-8 (it looks like 'é' saved in the older Windows-1252 encoding)",
                        "help: save it again as UTF-8: in Excel, File → Save As → \"CSV UTF-8 (Comma delimited)\""]),
        Case(name: "NUL bytes in a theme's interface text", file: "theme/i18n/en.yaml",
             contents: Array("skip_link: Skip\n\u{0}\u{0}".utf8),
             expected: ["theme/i18n/en.yaml:2: error: this file contains a NUL byte (character 0)"]),
    ]

    @Test(arguments: cases)
    func fileInAnotherEncodingIsExplainedAndOutputKept(_ mistake: Case) throws {
        let temp = try TempDir()
        defer { temp.cleanUp() }
        try temp.write(BadInputTests.goodSite)
        try copyTree(Repo.root + "/theme", to: temp.path + "/theme")
        let first = try runBounded(["build", "--quiet"], in: temp.path)
        #expect(first.status == 0, "the good site should build: \(first.stderr)")
        let before = readTree(temp.path + "/output")
        #expect(!before.isEmpty)

        try temp.writeData(mistake.file, Data(mistake.contents))
        let second = try runBounded(["build"], in: temp.path)
        #expect(second.status == 1)
        for line in mistake.expected {
            #expect(second.stderr.contains(line), "expected \(line)\nstderr was:\n\(second.stderr)")
        }
        try expectOutputUnchanged(temp, before: before, after: second)
    }

    // MARK: - Links and special files

    @Test func linksToFilesOutsideTheSiteStopTheBuildAndAreNeverPublished() throws {
        let temp = try TempDir()
        defer { temp.cleanUp() }
        try temp.write(BadInputTests.goodSite.merging(["outside/secret.txt": "TOP-SECRET-4711\n"]) { a, _ in a })
        try copyTree(Repo.root + "/theme", to: temp.path + "/theme")
        let first = try runBounded(["build", "--quiet"], in: temp.path)
        #expect(first.status == 0, "\(first.stderr)")
        let before = readTree(temp.path + "/output")

        let secret = try resolved(temp.path + "/outside/secret.txt")
        try link(temp.path + "/content/passwd.md", to: "/etc/passwd")
        try link(temp.path + "/content/files/secret.txt", to: "../../outside/secret.txt")
        let second = try runBounded(["build"], in: temp.path)
        #expect(second.status == 1)
        for expected in [
            "content/passwd.md: error: this is a symbolic link to /etc/passwd, which is outside the 'content' folder; Waymark never reads or publishes files outside it",
            "content/files/secret.txt: error: this is a symbolic link to \(secret), which is outside the 'content' folder",
            "help: copy the file into 'content' instead of linking to it",
        ] {
            #expect(second.stderr.contains(expected), "expected \(expected)\nstderr was:\n\(second.stderr)")
        }
        try expectOutputUnchanged(temp, before: before, after: second)

        // The theme is read before the content, so its link is tried on its own.
        try FileManager.default.removeItem(atPath: temp.path + "/content/passwd.md")
        try FileManager.default.removeItem(atPath: temp.path + "/content/files")
        try link(temp.path + "/theme/assets/secret.css", to: secret)
        let third = try runBounded(["build"], in: temp.path)
        #expect(third.status == 1)
        #expect(third.stderr.contains("theme/assets/secret.css: error: this is a symbolic link to \(secret), which is outside the 'theme' folder"),
                "stderr was:\n\(third.stderr)")
        try expectOutputUnchanged(temp, before: before, after: third)
        let published = readTree(temp.path + "/output").values.map { String(decoding: $0, as: UTF8.self) }
        #expect(!published.contains { $0.contains("TOP-SECRET-4711") || $0.contains("root:x:0:0") })
    }

    @Test func folderLinksToItselfAndItsParentAreSkippedNotFollowed() throws {
        let temp = try TempDir()
        defer { temp.cleanUp() }
        try temp.write(BadInputTests.goodSite.merging(["content/about/index.md": "---\ntitle: About\n---\nWho we are.\n"]) { a, _ in a })
        let theme = ["--theme", Repo.root + "/theme"]
        let plain = try runBounded(["build", "--quiet"] + theme, in: temp.path)
        #expect(plain.status == 0, "\(plain.stderr)")
        let without = readTree(temp.path + "/output")

        try link(temp.path + "/content/about/self", to: ".")
        try link(temp.path + "/content/about/up", to: "..")
        let linked = try runBounded(["build"] + theme, in: temp.path)
        #expect(linked.status == 0, "\(linked.stderr)")
        for folder in ["self", "up"] {
            #expect(linked.stderr.contains("content/about/\(folder): warning: this is a symbolic link; Waymark does not follow links, so it was skipped\n    help: copy the folder instead of linking to it"),
                    "stderr was:\n\(linked.stderr)")
        }
        let with = readTree(temp.path + "/output")
        #expect(with.count == without.count)
        #expect(with == without)
    }

    @Test func danglingLinksLoopsAndPipesAreSkippedWithWarnings() throws {
        let temp = try TempDir()
        defer { temp.cleanUp() }
        try temp.write(BadInputTests.goodSite)
        try copyTree(Repo.root + "/theme", to: temp.path + "/theme")
        let plain = try runBounded(["build", "--quiet"], in: temp.path)
        #expect(plain.status == 0, "\(plain.stderr)")
        let without = readTree(temp.path + "/output")

        for root in ["content", "theme/assets"] {
            try link(temp.path + "/\(root)/gone.md", to: "missing.md")
            try link(temp.path + "/\(root)/a.md", to: "b.md")
            try link(temp.path + "/\(root)/b.md", to: "a.md")
            #expect(mkfifo(temp.path + "/\(root)/pipe.md", 0o644) == 0)
        }
        let result = try runBounded(["build"], in: temp.path)
        #expect(result.status == 0, "\(result.stderr)")
        for root in ["content", "theme/assets"] {
            for expected in [
                "\(root)/gone.md: warning: this is a symbolic link to 'missing.md', which does not exist; Waymark does not follow links, so it was skipped",
                "\(root)/a.md: warning: this is a symbolic link that leads back to itself through other links; Waymark does not follow links, so it was skipped",
                "\(root)/b.md: warning: this is a symbolic link that leads back to itself",
                "\(root)/pipe.md: warning: this is a named pipe (FIFO), not an ordinary file, so it was skipped",
            ] {
                #expect(result.stderr.contains(expected), "expected \(expected)\nstderr was:\n\(result.stderr)")
            }
        }
        #expect(readTree(temp.path + "/output") == without)
    }

    @Test func aPipeWhereSiteSettingsBelongIsRefusedPromptly() throws {
        let temp = try TempDir()
        defer { temp.cleanUp() }
        try temp.write(BadInputTests.goodSite.filter { $0.key != "content/site.yaml" })
        #expect(mkfifo(temp.path + "/content/site.yaml", 0o644) == 0)
        let result = try runBounded(["build", "--theme", Repo.root + "/theme"], in: temp.path)
        #expect(result.status == 1)
        #expect(result.stderr.contains("content/site.yaml: error: this is a named pipe (FIFO), not an ordinary file, so it was not read"), "stderr was:\n\(result.stderr)")
    }

    // MARK: - Helpers

    /// Runs `waymark`, failing (and stopping it) if it takes longer than `seconds`.
    private func runBounded(_ arguments: [String], in directory: String, seconds: Double = 60) throws -> CommandResult {
        let process = Process()
        process.executableURL = waymarkExecutable()
        process.arguments = arguments
        process.currentDirectoryURL = URL(fileURLWithPath: directory)
        let logs = FileManager.default.temporaryDirectory.appendingPathComponent("waymark-run-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: logs, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: logs) }
        let out = logs.appendingPathComponent("out"), err = logs.appendingPathComponent("err")
        FileManager.default.createFile(atPath: out.path, contents: nil)
        FileManager.default.createFile(atPath: err.path, contents: nil)
        process.standardOutput = try FileHandle(forWritingTo: out)
        process.standardError = try FileHandle(forWritingTo: err)
        try process.run()
        let deadline = Date().addingTimeInterval(seconds)
        while process.isRunning && Date() < deadline { usleep(20_000) }
        if process.isRunning {
            process.terminate()
            process.waitUntilExit()
            Issue.record("waymark \(arguments.joined(separator: " ")) was still running after \(seconds) s")
        }
        process.waitUntilExit()
        return CommandResult(status: process.terminationStatus,
                             stdout: String(decoding: (try? Data(contentsOf: out)) ?? Data(), as: UTF8.self),
                             stderr: String(decoding: (try? Data(contentsOf: err)) ?? Data(), as: UTF8.self))
    }

    private func expectOutputUnchanged(_ temp: TempDir, before: [String: Data], after result: CommandResult) throws {
        #expect(result.stderr.hasSuffix("— nothing was published; output is unchanged.\n"), "stderr was:\n\(result.stderr)")
        #expect(readTree(temp.path + "/output") == before, "output/ changed after a failed build")
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: temp.path).filter { $0.hasPrefix("output.") }
        #expect(leftovers.isEmpty, "staging folders left behind: \(leftovers)")
    }

    private func copyExampleSite(to folder: String) throws {
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        try copyTree(Repo.root + "/content", to: folder + "/content")
        try copyTree(Repo.root + "/theme", to: folder + "/theme")
    }

    private func copyTree(_ source: String, to destination: String) throws {
        try FileManager.default.copyItem(atPath: source, toPath: destination)
    }

    /// Rewrites every text file (pages, YAML, CSV, templates, stylesheets); returns how many.
    private func convertTextFiles(under root: String, _ transform: ([UInt8]) -> [UInt8]) throws -> Int {
        var count = 0
        for (relative, data) in readTree(root) where ["md", "yaml", "csv", "mustache", "css"].contains((relative as NSString).pathExtension) {
            try Data(transform([UInt8](data))).write(to: URL(fileURLWithPath: root + "/" + relative))
            count += 1
        }
        return count
    }

    private func link(_ path: String, to target: String) throws {
        try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: path, withDestinationPath: target)
    }

    private func resolved(_ path: String) throws -> String {
        let pointer = try #require(realpath(path, nil))
        defer { free(pointer) }
        return String(cString: pointer)
    }
}

private func replacingLF(_ bytes: [UInt8], with ending: [UInt8]) -> [UInt8] {
    var out: [UInt8] = []
    out.reserveCapacity(bytes.count + bytes.count / 16)
    for byte in bytes {
        if byte == 0x0A { out += ending } else { out.append(byte) }
    }
    return out
}

private func utf16LE(_ text: String) -> [UInt8] {
    text.utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
}
