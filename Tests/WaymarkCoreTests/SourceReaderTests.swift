import Dispatch
import Foundation
import Testing
import WaymarkCore

/// A temporary folder for one test, removed at the end.
private struct Folder {
    let path: String
    init() throws {
        path = FileManager.default.temporaryDirectory.appendingPathComponent("waymark-reader-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }
    func cleanUp() { try? FileManager.default.removeItem(atPath: path) }

    func write(_ relative: String, _ bytes: [UInt8]) throws {
        let full = path + "/" + relative
        try FileManager.default.createDirectory(atPath: (full as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try Data(bytes).write(to: URL(fileURLWithPath: full))
    }
    func write(_ relative: String, _ text: String) throws { try write(relative, Array(text.utf8)) }
    func link(_ relative: String, to target: String) throws {
        try FileManager.default.createSymbolicLink(atPath: path + "/" + relative, withDestinationPath: target)
    }
    func fifo(_ relative: String) {
        #expect(mkfifo(path + "/" + relative, 0o644) == 0)
    }
}

/// Runs `body` on another thread and fails the test, instead of hanging it, if it has not
/// returned within `seconds`.
private func within<T: Sendable>(_ seconds: Double, _ body: @escaping @Sendable () -> T) -> T? {
    let done = DispatchSemaphore(value: 0)
    let box = ResultBox<T>()
    DispatchQueue.global().async {
        box.set(body())
        done.signal()
    }
    guard done.wait(timeout: .now() + seconds) == .success else {
        Issue.record("still running after \(seconds) s")
        return nil
    }
    return box.get()
}

private final class ResultBox<T: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var value: T?
    func set(_ new: T) { lock.withLock { value = new } }
    func get() -> T? { lock.withLock { value } }
}

/// The diagnostic of a refused read, or nil when the read worked or found nothing.
private func refusal<T>(_ result: Result<T, SourceReader.Failure>) -> Diagnostic? {
    if case .failure(.refused(let diagnostic)) = result { return diagnostic }
    return nil
}

@Suite struct TextDecodingTests {
    static let lf = "---\ntitle: Café\n---\n\nFirst line.\nSecond line.\n"

    @Test(arguments: ["\r\n", "\r", "\n"])
    func lineEndingsBecomeLF(_ ending: String) throws {
        let bytes = Array(TextDecodingTests.lf.replacingOccurrences(of: "\n", with: ending).utf8)
        #expect(try TextDecoding.decode(bytes).get() == TextDecodingTests.lf)
        #expect(try TextDecoding.decode([0xEF, 0xBB, 0xBF] + bytes).get() == TextDecodingTests.lf)
        // "Second" is on line 6 whichever line ending the file uses.
        let second = try #require(bytes.firstRange(of: Array("Second".utf8)))
        #expect(TextDecoding.line(at: second.lowerBound, in: bytes) == 6)
    }

    @Test func mixedEndingsCountOneLineEach() throws {
        let bytes = Array("a\r\nb\rc\nd\r\r\ne".utf8)
        #expect(try TextDecoding.decode(bytes).get() == "a\nb\nc\nd\n\ne")
        #expect(TextDecoding.line(at: bytes.count - 1, in: bytes) == 6)
    }

    @Test func utf16IsRecognisedWithAndWithoutByteOrderMark() {
        let text = "---\ntitle: Report\n---\nCall 999.\n"
        let little = text.utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
        let big = text.utf16.flatMap { [UInt8($0 >> 8), UInt8($0 & 0xFF)] }
        #expect(TextDecoding.decode([0xFF, 0xFE] + little) == .failure(.utf16(bigEndian: false, offset: 0)))
        #expect(TextDecoding.decode([0xFE, 0xFF] + big) == .failure(.utf16(bigEndian: true, offset: 0)))
        #expect(TextDecoding.decode(little) == .failure(.utf16(bigEndian: false, offset: 1)))
        #expect(TextDecoding.decode(big) == .failure(.utf16(bigEndian: true, offset: 0)))
    }

    @Test func nulAndInvalidBytesAreFoundWhereTheyAre() {
        #expect(TextDecoding.decode(Array("title: a\nbody\u{0}\n".utf8)) == .failure(.nul(offset: 13)))
        #expect(TextDecoding.decode(Array("ok\r\nCaf".utf8) + [0xE9]) == .failure(.notUTF8(offset: 7)))
        #expect(TextDecoding.decode([0x61, 0xC0, 0x80]) == .failure(.notUTF8(offset: 1)))  // overlong NUL
        #expect(TextDecoding.decode([0x61, 0xED, 0xA0, 0x80]) == .failure(.notUTF8(offset: 1)))  // surrogate
        #expect(TextDecoding.decode([0xE2, 0x82]) == .failure(.notUTF8(offset: 0)))  // cut short
        #expect(TextDecoding.windows1252(0x92) == "’")
        #expect(TextDecoding.windows1252(0xE9) == "é")
        #expect(TextDecoding.windows1252(0x81) == nil)
    }
}

@Suite struct SourceReaderTests {
    @Test func readsTextNormalisedAndBytesAsTheyAre() throws {
        let folder = try Folder()
        defer { folder.cleanUp() }
        try folder.write("pages/a.md", [0xEF, 0xBB, 0xBF] + Array("one\r\ntwo\rthree\n".utf8))
        let reader = SourceReader(root: folder.path, displayRoot: "content")
        #expect(try reader.text("pages/a.md").get() == "one\ntwo\nthree\n")
        #expect(try reader.bytes("pages/a.md").get() == [0xEF, 0xBB, 0xBF] + Array("one\r\ntwo\rthree\n".utf8))
        guard case .failure(.missing) = reader.text("pages/none.md") else { Issue.record("a missing file should be .missing"); return }
        #expect(try reader.optionalText("none.yaml").get() == nil)
    }

    @Test func encodingProblemsNameTheFileLineAndHowToResave() throws {
        let folder = try Folder()
        defer { folder.cleanUp() }
        let reader = SourceReader(root: folder.path, displayRoot: "content")
        try folder.write("cp1252.md", Array("---\r\ntitle: Report\r\nsummary: Don".utf8) + [0x92] + Array("t wait\r\n---\r\n".utf8))
        let windows = try #require(refusal(reader.text("cp1252.md")))
        #expect(windows.headline == "content/cp1252.md:3: error: this file is not saved as UTF-8 text: the character after 'summary: Don' is not UTF-8 (it looks like '’' saved in the older Windows-1252 encoding)")
        #expect(windows.help?.contains("in Notepad, File → Save As → Encoding: UTF-8") == true)
        #expect(windows.help?.contains("Plain Text → Unicode (UTF-8)") == true)

        try folder.write("partners.csv", Array("name,type\n\"Caf".utf8) + [0xE9, 0x22] + Array(",charity\n".utf8))
        let csv = try #require(refusal(reader.text("partners.csv")))
        #expect(csv.location == SourceLocation(file: "content/partners.csv", line: 2))
        #expect(csv.help?.contains("\"CSV UTF-8 (Comma delimited)\"") == true)

        try folder.write("unicode.yaml", [0xFF, 0xFE] + "title: T\n".utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] })
        #expect(refusal(reader.text("unicode.yaml"))?.headline == "content/unicode.yaml:1: error: this file is saved as UTF-16 ('Unicode'), but Waymark reads only UTF-8 text")

        try folder.write("nul.md", Array("a\nb\nc\u{0}".utf8))
        #expect(refusal(reader.text("nul.md"))?.location == SourceLocation(file: "content/nul.md", line: 3))
        #expect(refusal(reader.text("nul.md"))?.summary.hasPrefix("this file contains a NUL byte") == true)
    }

    @Test func oversizeFilesAreRefusedNotRead() throws {
        let folder = try Folder()
        defer { folder.cleanUp() }
        try folder.write("huge.md", [UInt8](repeating: 0x61, count: SourceReader.textSizeLimit + 1))
        try folder.write("limit.md", [UInt8](repeating: 0x61, count: SourceReader.textSizeLimit))
        let reader = SourceReader(root: folder.path, displayRoot: "content")
        #expect(refusal(reader.text("huge.md"))?.headline == "content/huge.md: error: this file is larger than 16 MiB, the most Waymark reads for a page, settings or theme file")
        #expect(try reader.text("limit.md").get().utf8.count == SourceReader.textSizeLimit)
        #expect(refusal(reader.bytes("limit.md", limit: 1024))?.summary == "this file is larger than 1024 bytes, the most Waymark reads for a page, settings or theme file")
        #expect(try reader.bytes("huge.md").get().count == SourceReader.textSizeLimit + 1)
    }

    @Test func namedPipeIsNeverWaitedOn() throws {
        let folder = try Folder()
        defer { folder.cleanUp() }
        folder.fifo("pipe.md")
        let reader = SourceReader(root: folder.path, displayRoot: "content")
        let diagnostic = within(10) { refusal(reader.text("pipe.md")) }
        #expect(diagnostic??.headline == "content/pipe.md: error: this is a named pipe (FIFO), not an ordinary file, so it was not read")
    }

    @Test func linksAreNotFollowedAndPathsStayInside() throws {
        let folder = try Folder(), outside = try Folder()
        defer { folder.cleanUp(); outside.cleanUp() }
        try outside.write("secret.txt", "password")
        try folder.write("real.md", "inside")
        try folder.link("secret.md", to: outside.path + "/secret.txt")
        try folder.link("away", to: outside.path)
        try folder.link("again.md", to: "real.md")
        let reader = SourceReader(root: folder.path, displayRoot: "content")
        let resolved = try #require(realpath(outside.path, nil).map { pointer in defer { free(pointer) }; return String(cString: pointer) })
        #expect(refusal(reader.text("secret.md"))?.headline
                == "content/secret.md: error: this is a symbolic link to \(resolved)/secret.txt, which is outside the 'content' folder; Waymark never reads or publishes files outside it")
        #expect(refusal(reader.bytes("away/secret.txt"))?.location == SourceLocation(file: "content/away"))
        #expect(refusal(reader.text("again.md"))?.summary == "this is a symbolic link; Waymark does not follow links, so it was not read")
        #expect(refusal(reader.text("../\(URL(fileURLWithPath: outside.path).lastPathComponent)/secret.txt"))?.summary
                == "this path leads outside the 'content' folder, so it was not read")
        #expect(refusal(reader.text("/etc/passwd")) != nil)
    }

    @Test func theRootItselfMayBeALink() throws {
        let folder = try Folder(), shared = try Folder()
        defer { folder.cleanUp(); shared.cleanUp() }
        try shared.write("site.yaml", "title: T\n")
        try folder.link("content", to: shared.path)
        let reader = SourceReader(root: folder.path + "/content", displayRoot: "content")
        #expect(try reader.text("site.yaml").get() == "title: T\n")
        #expect(FileTree.list(root: folder.path + "/content").files == ["site.yaml"])
    }

    @Test(.enabled(if: getuid() != 0, "root may read every file"))
    func unreadableFileIsAnError() throws {
        let folder = try Folder()
        defer { folder.cleanUp() }
        try folder.write("locked.md", "x")
        #expect(chmod(folder.path + "/locked.md", 0) == 0)
        let reader = SourceReader(root: folder.path, displayRoot: "content")
        #expect(refusal(reader.text("locked.md"))?.summary == "this file could not be read: you do not have permission to open it")
    }
}

@Suite struct FileTreeTests {
    @Test func linksAndSpecialFilesAreReportedNotFollowed() throws {
        let folder = try Folder(), outside = try Folder()
        defer { folder.cleanUp(); outside.cleanUp() }
        try folder.write("index.md", "x")
        try folder.write("about/team.md", "x")
        try folder.write(".git/config", "x")
        try outside.write("passwd", "secret")
        try folder.link("about/self", to: ".")
        try folder.link("about/up", to: "..")
        try folder.link("about/copy.md", to: "team.md")
        try folder.link("gone.md", to: "nowhere.md")
        try folder.link("a.md", to: "b.md")
        try folder.link("b.md", to: "a.md")
        try folder.link("passwd.md", to: outside.path + "/passwd")
        try folder.link(".hidden", to: outside.path)
        folder.fifo("about/pipe.md")

        let listing = try #require(within(10) { FileTree.list(root: folder.path) })
        #expect(listing.files == ["about/team.md", "index.md"])
        let kinds = Dictionary(uniqueKeysWithValues: listing.findings.map { ($0.path, $0.kind) })
        let resolved = try #require(realpath(outside.path, nil).map { pointer in defer { free(pointer) }; return String(cString: pointer) })
        #expect(kinds == [
            "about/self": .linkInside(isFolder: true),
            "about/up": .linkInside(isFolder: true),
            "about/copy.md": .linkInside(isFolder: false),
            "gone.md": .danglingLink(target: "nowhere.md"),
            "a.md": .linkLoop,
            "b.md": .linkLoop,
            "passwd.md": .linkOutside(resolved: resolved + "/passwd"),
            "about/pipe.md": .specialFile(description: "a named pipe (FIFO)"),
        ])
        let messages = listing.findings.map { $0.diagnostic(displayRoot: "content") }
        #expect(messages.filter { $0.severity == .error }.map(\.location.file) == ["content/passwd.md"])
        #expect(messages.contains { $0.headline == "content/about/self: warning: this is a symbolic link; Waymark does not follow links, so it was skipped" && $0.help == "copy the folder instead of linking to it" })
        #expect(messages.contains { $0.headline == "content/gone.md: warning: this is a symbolic link to 'nowhere.md', which does not exist; Waymark does not follow links, so it was skipped" })
    }

    @Test func aSubfolderIsListedRelativeToTheRoot() throws {
        let folder = try Folder()
        defer { folder.cleanUp() }
        try folder.write("templates/page.mustache", "x")
        try folder.write("templates/partials/head.mustache", "x")
        try folder.write("assets/site.css", "x")
        #expect(FileTree.list(root: folder.path, folder: "templates").files == ["templates/page.mustache", "templates/partials/head.mustache"])
        #expect(FileTree.list(root: folder.path, folder: "missing").files.isEmpty)
        try folder.link("linked", to: "templates")
        #expect(FileTree.list(root: folder.path, folder: "linked").findings == [FileFinding(path: "linked", kind: .linkInside(isFolder: true))])
    }
}
