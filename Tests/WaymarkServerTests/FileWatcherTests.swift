import Foundation
import Testing
@testable import WaymarkServer

#if canImport(Glibc)
import Glibc
#endif

// MARK: Support

/// A temporary site folder with `content/` and a running watcher collecting its batches.
private final class WatchSession: @unchecked Sendable {
    let root: String
    let watcher: FileWatcher
    private let lock = NSLock()
    private var collected: [ChangeSet] = []
    private var finished = false
    private var reader: Task<Void, Never>?
    /// Batches are collected on a thread of their own: on a busy machine the shared threads are
    /// taken by other suites' builds, and a starved reader would make the watcher look late.
    private let executor = PreviewExecutor()

    /// Starts watching `content` (created unless `makeContent` is false) and `theme`.
    init(_ method: FileWatcher.Method, debounce: Duration = .milliseconds(150), pendingLimit: Int = 10_000,
         before setUp: (String) throws -> Void = { _ in }) throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("waymark-watch-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: root + "/content", withIntermediateDirectories: true)
        try setUp(root)
        var options = FileWatcher.Options()
        options.debounce = debounce
        options.forcePolling = method == .polling
        options.pollInterval = .milliseconds(100)
        options.pendingLimit = pendingLimit
        watcher = FileWatcher(
            roots: [.init(name: "content", path: root + "/content"), .init(name: "theme", path: root + "/theme")],
            options: options
        )
        let started = watcher.start()
        #expect(started == method)
        let changes = watcher.changes
        reader = Task(executorPreference: executor) { [weak self] in
            for await batch in changes { self?.append(batch) }
            self?.markFinished()
        }
    }

    private func append(_ batch: ChangeSet) { lock.withLock { collected.append(batch) } }
    private func markFinished() { lock.withLock { finished = true } }
    var batches: [ChangeSet] { lock.withLock { collected } }
    var streamFinished: Bool { lock.withLock { finished } }

    /// Every change under `root` across all batches, later batches winning.
    func merged(_ name: String = "content") -> [String: ChangeSet.Change] {
        batches.reduce(into: [:]) { result, batch in result.merge(batch.changes(in: name)) { $1 } }
    }

    /// Every path named in any batch.
    var allPaths: Set<String> { Set(batches.flatMap { $0.files.values.flatMap(\.keys) }) }

    /// Waits (at most `timeout`) until `condition` holds, then a further `settle` for stray batches.
    @discardableResult
    func wait(timeout: Duration = .seconds(5), settle: Duration = .milliseconds(400),
              until condition: () -> Bool) async -> Bool {
        let deadline = ContinuousClock.now + timeout
        while !condition() {
            guard ContinuousClock.now < deadline else { return false }
            try? await Task.sleep(for: .milliseconds(10))
        }
        try? await Task.sleep(for: settle)
        return true
    }

    /// Waits until `changes` are all in the merged batches for `content`.
    @discardableResult
    func wait(for changes: [String: ChangeSet.Change], in name: String = "content") async -> Bool {
        await wait { changes.allSatisfy { merged(name)[$0.key] == $0.value } }
    }

    /// Lets the watcher see the start state settle (a first batch must not be about set-up).
    func pause(_ duration: Duration = .milliseconds(250)) async { try? await Task.sleep(for: duration) }

    func path(_ relative: String) -> String { root + "/" + relative }

    func write(_ relative: String, _ text: String = "text\n") {
        let descriptor = open(path(relative), O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        precondition(descriptor >= 0, "cannot write \(relative)")
        _ = text.utf8CString.withUnsafeBufferPointer { Glibc.write(descriptor, $0.baseAddress, $0.count - 1) }
        close(descriptor)
    }

    func mkdir(_ relative: String) { try! FileManager.default.createDirectory(atPath: path(relative), withIntermediateDirectories: true) }
    func rename(_ from: String, _ to: String) { precondition(Glibc.rename(path(from), path(to)) == 0) }
    func remove(_ relative: String) { try! FileManager.default.removeItem(atPath: path(relative)) }
    func symlink(_ target: String, _ relative: String) { precondition(Glibc.symlink(target, path(relative)) == 0) }

    func stop() {
        watcher.stop()
        try? FileManager.default.removeItem(atPath: root)
    }
}

private func setUpFiles(_ files: [String]) -> (String) throws -> Void {
    { root in
        for file in files {
            let full = root + "/" + file
            try FileManager.default.createDirectory(atPath: (full as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            try Data("old\n".utf8).write(to: URL(fileURLWithPath: full))
        }
    }
}

private let bothMethods: [FileWatcher.Method] = [.inotify, .polling]

// MARK: Watching

@Suite(.timeLimit(.minutes(1)))
struct FileWatcherTests {
    @Test(arguments: bothMethods) func modifiedFileIsOneBatch(method: FileWatcher.Method) async throws {
        let session = try WatchSession(method, before: setUpFiles(["content/x.md", "content/y.md"]))
        defer { session.stop() }
        await session.pause()
        session.write("content/x.md", "new text\n")
        #expect(await session.wait(for: ["x.md": .modified]))
        // On a loaded machine the steps of one save can straddle a quiet period, giving two
        // batches; what matters is that each says only "modified", never deleted then created.
        #expect(!session.batches.isEmpty && session.batches.allSatisfy { $0 == ChangeSet(files: ["content": ["x.md": .modified]]) }, "\(session.batches)")
    }

    @Test(arguments: bothMethods) func newAndDeletedFiles(method: FileWatcher.Method) async throws {
        let session = try WatchSession(method, before: setUpFiles(["content/gone.md"]))
        defer { session.stop() }
        await session.pause()
        session.write("content/new.md")
        session.remove("content/gone.md")
        #expect(await session.wait(for: ["new.md": .created, "gone.md": .deleted]))
        #expect(session.merged() == ["new.md": .created, "gone.md": .deleted])
    }

    @Test(arguments: bothMethods) func filesInANewFolderAreReported(method: FileWatcher.Method) async throws {
        let session = try WatchSession(method)
        defer { session.stop() }
        await session.pause()
        // mkdir -p a/b && echo > a/b/c.md: the file may exist before the folder's watch does.
        session.mkdir("content/a/b")
        session.write("content/a/b/c.md")
        session.write("content/a/top.md")
        #expect(await session.wait(for: ["a/b/c.md": .created, "a/top.md": .created]))
        #expect(session.merged() == ["a/b/c.md": .created, "a/top.md": .created])
        // The new folders are watched too.
        session.write("content/a/b/c.md", "edited\n")
        session.write("content/a/b/d.md")
        #expect(await session.wait { session.batches.last?.changes(in: "content") == ["a/b/c.md": .modified, "a/b/d.md": .created] })
    }

    @Test(arguments: bothMethods) func renamedFolderMovesItsFiles(method: FileWatcher.Method) async throws {
        let session = try WatchSession(method, before: setUpFiles(["content/old/a.md", "content/old/sub/b.md"]))
        defer { session.stop() }
        await session.pause()
        session.rename("content/old", "content/new")
        let moved: [String: ChangeSet.Change] = [
            "old/a.md": .deleted, "old/sub/b.md": .deleted, "new/a.md": .created, "new/sub/b.md": .created,
        ]
        #expect(await session.wait(for: moved))
        #expect(session.merged() == moved)
        // Events under the new name are filed under it, not the old one.
        let before = session.batches.count
        session.write("content/new/sub/b.md", "edited\n")
        #expect(await session.wait { session.batches.count > before })
        #expect(session.batches.dropFirst(before).map { $0.changes(in: "content") } == [["new/sub/b.md": .modified]])
    }

    @Test(arguments: bothMethods) func deletedFolderDeletesItsFiles(method: FileWatcher.Method) async throws {
        let session = try WatchSession(method, before: setUpFiles(["content/keep.md", "content/d/a.md", "content/d/e/b.md"]))
        defer { session.stop() }
        await session.pause()
        session.remove("content/d")
        #expect(await session.wait(for: ["d/a.md": .deleted, "d/e/b.md": .deleted]))
        #expect(session.merged() == ["d/a.md": .deleted, "d/e/b.md": .deleted])
    }

    @Test(arguments: bothMethods) func folderMovedInFromOutside(method: FileWatcher.Method) async throws {
        let session = try WatchSession(method, before: setUpFiles(["elsewhere/p/q.md"]))
        defer { session.stop() }
        await session.pause()
        session.rename("elsewhere/p", "content/p")
        #expect(await session.wait(for: ["p/q.md": .created]))
        #expect(session.merged() == ["p/q.md": .created])
    }

    @Test(arguments: bothMethods) func missingRootIsWatchedOnceItAppears(method: FileWatcher.Method) async throws {
        let session = try WatchSession(method)
        defer { session.stop() }
        await session.pause()
        session.mkdir("theme/partials")
        session.write("theme/partials/head.html")
        #expect(await session.wait(for: ["partials/head.html": .created], in: "theme"))
        session.write("theme/base.html")
        #expect(await session.wait(for: ["base.html": .created], in: "theme"))
        #expect(session.merged("theme") == ["partials/head.html": .created, "base.html": .created])
        #expect(session.merged("content").isEmpty)
    }

    @Test(arguments: bothMethods) func hiddenFilesAndFoldersAreNotReported(method: FileWatcher.Method) async throws {
        let session = try WatchSession(method, before: setUpFiles(["content/.git/HEAD"]))
        defer { session.stop() }
        await session.pause()
        session.write("content/.git/HEAD", "changed\n")
        session.mkdir("content/.cache/deep")
        session.write("content/.cache/deep/x.md")
        session.write("content/.hidden.md")
        session.write("content/seen.md")
        #expect(await session.wait(for: ["seen.md": .created]))
        #expect(session.allPaths == ["seen.md"])
    }

    @Test(arguments: bothMethods) func linkedFoldersAreNotFollowed(method: FileWatcher.Method) async throws {
        let session = try WatchSession(method, before: setUpFiles(["outside/y.md"]))
        defer { session.stop() }
        await session.pause()
        session.symlink(session.path("outside"), "content/linked")
        #expect(await session.wait(for: ["linked": .created]))
        session.write("outside/y.md", "changed\n")
        session.write("content/after.md")
        #expect(await session.wait(for: ["after.md": .created]))
        #expect(session.allPaths == ["linked", "after.md"])
    }

    @Test(arguments: bothMethods) func twoRootsAreFiledByName(method: FileWatcher.Method) async throws {
        let session = try WatchSession(method, before: setUpFiles(["theme/base.html"]))
        defer { session.stop() }
        await session.pause()
        session.write("content/x.md")
        session.write("theme/base.html", "<html>\n")
        #expect(await session.wait { session.merged("content") == ["x.md": .created] && session.merged("theme") == ["base.html": .modified] })
    }

    // MARK: Editors' saves

    @Test(arguments: bothMethods) func vimSaveIsOneModification(method: FileWatcher.Method) async throws {
        let session = try WatchSession(method, before: setUpFiles(["content/x.md"]))
        defer { session.stop() }
        await session.pause()
        session.write("content/.x.md.swp", "swap")  // while editing
        session.write("content/.x.md.swx", "swap")
        session.remove("content/.x.md.swx")
        // :w with backupcopy=no: probe the folder, move the old file aside, write, drop the backup.
        session.write("content/4913", "")
        session.remove("content/4913")
        session.rename("content/x.md", "content/x.md~")
        session.write("content/x.md", "saved by vim\n")
        _ = chmod(session.path("content/x.md"), 0o644)
        session.remove("content/x.md~")
        session.write("content/.x.md.swp", "swap again")
        session.remove("content/.x.md.swp")  // :q
        #expect(await session.wait(for: ["x.md": .modified]))
        // On a loaded machine the steps of one save can straddle a quiet period, giving two
        // batches; what matters is that each says only "modified", never deleted then created.
        #expect(!session.batches.isEmpty && session.batches.allSatisfy { $0 == ChangeSet(files: ["content": ["x.md": .modified]]) }, "\(session.batches)")
    }

    @Test(arguments: bothMethods) func atomicRenameFromATemporaryFile(method: FileWatcher.Method) async throws {
        let session = try WatchSession(method, before: setUpFiles(["content/x.md", "content/y.md"]))
        defer { session.stop() }
        await session.pause()
        session.write("content/x.md.tmp", "saved atomically\n")
        session.rename("content/x.md.tmp", "content/x.md")
        // Some editors delete the original first, then rename the new file onto its name.
        session.write("content/y.md___jb_tmp___", "saved by JetBrains\n")
        session.rename("content/y.md", "content/y.md___jb_old___")
        session.rename("content/y.md___jb_tmp___", "content/y.md")
        session.remove("content/y.md___jb_old___")
        #expect(await session.wait(for: ["x.md": .modified, "y.md": .modified]))
        // On a loaded machine the steps of one save can straddle a quiet period, giving two
        // batches; what matters is that each says only "modified", never deleted then created.
        #expect(!session.batches.isEmpty && session.batches.allSatisfy { $0.rescan.isEmpty && $0.changes(in: "content").values.allSatisfy { $0 == .modified } } && session.merged("content") == ["x.md": .modified, "y.md": .modified], "\(session.batches)")
    }

    @Test(arguments: bothMethods) func deleteThenRenameOntoIsOneModification(method: FileWatcher.Method) async throws {
        let session = try WatchSession(method, before: setUpFiles(["content/x.md"]))
        defer { session.stop() }
        await session.pause()
        session.write("content/.goutputstream-ABC123", "saved by gedit\n")
        session.remove("content/x.md")
        session.rename("content/.goutputstream-ABC123", "content/x.md")
        #expect(await session.wait(for: ["x.md": .modified]))
        // On a loaded machine the steps of one save can straddle a quiet period, giving two
        // batches; what matters is that each says only "modified", never deleted then created.
        #expect(!session.batches.isEmpty && session.batches.allSatisfy { $0 == ChangeSet(files: ["content": ["x.md": .modified]]) }, "\(session.batches)")
    }

    @Test(arguments: bothMethods) func emacsSaveIsOneModification(method: FileWatcher.Method) async throws {
        let session = try WatchSession(method, before: setUpFiles(["content/x.md"]))
        defer { session.stop() }
        await session.pause()
        session.symlink("someone@host.1234:1700000000", "content/.#x.md")  // lock
        session.write("content/#x.md#", "auto-save")
        session.rename("content/x.md", "content/x.md~")  // backup on first save
        session.write("content/x.md", "saved by Emacs\n")
        session.remove("content/#x.md#")
        session.remove("content/.#x.md")
        // Emacs keeps the backup `x.md~`; it is still not reported.
        #expect(await session.wait(for: ["x.md": .modified]))
        // On a loaded machine the steps of one save can straddle a quiet period, giving two
        // batches; what matters is that each says only "modified", never deleted then created.
        #expect(!session.batches.isEmpty && session.batches.allSatisfy { $0 == ChangeSet(files: ["content": ["x.md": .modified]]) }, "\(session.batches)")
    }

    @Test(arguments: bothMethods) func officeAndDesktopFilesAreNotReported(method: FileWatcher.Method) async throws {
        let session = try WatchSession(method)
        defer { session.stop() }
        await session.pause()
        for name in ["~$report.docx", ".~lock.report.odt#", "Thumbs.db", ".DS_Store", "movie.part", "x.md.crswap", "y.kate-swp"] {
            session.write("content/" + name)
        }
        session.write("content/report.docx")
        #expect(await session.wait(for: ["report.docx": .created]))
        #expect(session.allPaths == ["report.docx"])
    }

    // MARK: Bursts and limits

    @Test(arguments: bothMethods) func burstOfWritesGivesFewBatches(method: FileWatcher.Method) async throws {
        let session = try WatchSession(method)
        defer { session.stop() }
        await session.pause()
        for index in 0..<500 { session.write("content/page-\(index % 50).md", "version \(index)\n") }
        let expected = Dictionary(uniqueKeysWithValues: (0..<50).map { ("page-\($0).md", ChangeSet.Change.created) })
        #expect(await session.wait { Set(session.merged().keys) == Set(expected.keys) })
        #expect((1...3).contains(session.batches.count), "\(session.batches.count) batches")
        // Each page is first seen as created, whichever batch it lands in.
        let first = session.batches.reduce(into: [String: ChangeSet.Change]()) { seen, batch in
            for (path, change) in batch.changes(in: "content") where seen[path] == nil { seen[path] = change }
        }
        #expect(first == expected)
    }

    @Test(arguments: bothMethods) func steadyStreamStillGivesBatches(method: FileWatcher.Method) async throws {
        // Never quiet for the debounce, so only the longest wait (500 ms) sends batches.
        let session = try WatchSession(method, debounce: .milliseconds(400))
        defer { session.stop() }
        await session.pause()
        // Written from a thread of its own, so a busy machine cannot turn the steady stream into
        // a few writes with long gaps.
        try await offThread {
            let started = ContinuousClock.now
            var index = 0
            while ContinuousClock.now - started < .milliseconds(1600) {
                session.write("content/log.md", "line \(index)\n")
                index += 1
                usleep(20_000)
            }
        }
        let duringStream = session.batches.count
        #expect(duringStream >= 1, "no batch while the stream lasted")
        #expect(await session.wait { session.batches.count > duringStream || duringStream >= 2 })
        #expect(session.batches.allSatisfy { $0 == ChangeSet(files: ["content": ["log.md": .created]]) || $0 == ChangeSet(files: ["content": ["log.md": .modified]]) })
        #expect(session.batches.first == ChangeSet(files: ["content": ["log.md": .created]]))
    }

    @Test(arguments: bothMethods) func tooManyChangesBecomeARescan(method: FileWatcher.Method) async throws {
        let session = try WatchSession(method, pendingLimit: 100)
        defer { session.stop() }
        await session.pause()
        for index in 0..<300 { session.write("content/f\(index).md") }
        #expect(await session.wait { session.batches.contains { $0.rescan == ["content"] } })
        #expect(session.batches.allSatisfy { $0.changes(in: "content").count <= 100 })
    }

    // MARK: Stopping

    @Test func stopClosesTheInotifyDescriptorPromptly() async throws {
        let session = try WatchSession(.inotify)
        let descriptor = try #require(session.watcher.descriptorForTesting)
        // Other tests open inotify descriptors at the same time and may be given the same number
        // once it is closed, so look for this watcher's own watch on `content/`.
        var info = stat()
        #expect(stat(session.path("content"), &info) == 0)
        let watch = "ino:" + String(info.st_ino, radix: 16) + " "
        #expect(fdInfo(descriptor).contains(watch))
        let started = ContinuousClock.now
        session.stop()
        #expect(ContinuousClock.now - started < .milliseconds(500))
        #expect(!fdInfo(descriptor).contains(watch))
        #expect(session.watcher.descriptorForTesting == nil)
        #expect(await session.wait(timeout: .seconds(2), settle: .zero) { session.streamFinished })
    }

    @Test func stopEndsPollingPromptly() async throws {
        var options = FileWatcher.Options()
        options.forcePolling = true
        options.pollInterval = .seconds(30)
        let watcher = FileWatcher(roots: [.init(name: "content", path: "/nonexistent-\(UUID().uuidString)")], options: options)
        #expect(watcher.start() == .polling)
        let started = ContinuousClock.now
        watcher.stop()
        #expect(ContinuousClock.now - started < .milliseconds(500))
        var iterator = watcher.changes.makeAsyncIterator()
        #expect(await iterator.next() == nil)
    }

    @Test func stopBeforeStartFinishesTheStream() async {
        let watcher = FileWatcher(roots: [])
        watcher.stop()
        #expect(watcher.start() == nil)
        var iterator = watcher.changes.makeAsyncIterator()
        #expect(await iterator.next() == nil)
    }
}

/// What Linux says about an open descriptor; for inotify, one line per watch with its inode.
private func fdInfo(_ descriptor: Int32) -> String {
    (try? String(contentsOfFile: "/proc/self/fdinfo/\(descriptor)", encoding: .utf8)) ?? ""
}

// MARK: Folding and names

@Suite struct PendingChangesTests {
    private let start = ContinuousClock.now

    @Test func foldsEachFileByWhetherItExistedBeforeAndAfter() {
        var pending = PendingChanges(rootNames: ["content"], limit: 100)
        pending.note(root: 0, path: "saved.md", existedBefore: true, existsNow: false, at: start)
        pending.note(root: 0, path: "saved.md", existedBefore: false, existsNow: true, at: start)
        pending.note(root: 0, path: "brief.md", existedBefore: false, existsNow: true, at: start)
        pending.note(root: 0, path: "brief.md", existedBefore: true, existsNow: false, at: start)
        pending.note(root: 0, path: "new.md", existedBefore: false, existsNow: true, at: start)
        pending.note(root: 0, path: "new.md", existedBefore: true, existsNow: true, at: start)
        pending.note(root: 0, path: "gone.md", existedBefore: true, existsNow: true, at: start)
        pending.note(root: 0, path: "gone.md", existedBefore: true, existsNow: false, at: start)
        #expect(pending.take() == ChangeSet(files: ["content": ["saved.md": .modified, "new.md": .created, "gone.md": .deleted]]))
        #expect(pending.isEmpty)
    }

    @Test func batchWaitsForQuietButNotForever() {
        var pending = PendingChanges(rootNames: ["content"], limit: 100)
        #expect(pending.deadline(quiet: .milliseconds(50), longest: .milliseconds(500)) == nil)
        pending.note(root: 0, path: "a.md", existedBefore: true, existsNow: true, at: start)
        #expect(pending.deadline(quiet: .milliseconds(50), longest: .milliseconds(500)) == start + .milliseconds(50))
        pending.note(root: 0, path: "a.md", existedBefore: true, existsNow: true, at: start + .milliseconds(480))
        #expect(pending.deadline(quiet: .milliseconds(50), longest: .milliseconds(500)) == start + .milliseconds(500))
    }

    @Test func forcedBatchHoldsBackAHalfFinishedSave() {
        var pending = PendingChanges(rootNames: ["content"], limit: 100)
        pending.note(root: 0, path: "a.md", existedBefore: true, existsNow: true, at: start)
        pending.note(root: 0, path: "x.md", existedBefore: true, existsNow: false, at: start + .milliseconds(490))
        #expect(pending.take(holdingDeletionsAfter: start + .milliseconds(450)) == ChangeSet(files: ["content": ["a.md": .modified]]))
        pending.note(root: 0, path: "x.md", existedBefore: false, existsNow: true, at: start + .milliseconds(495))
        #expect(pending.take() == ChangeSet(files: ["content": ["x.md": .modified]]))
    }

    @Test func pastTheLimitARootIsRescanned() {
        var pending = PendingChanges(rootNames: ["content", "theme"], limit: 3)
        for index in 0..<10 { pending.note(root: 0, path: "f\(index).md", existedBefore: false, existsNow: true, at: start) }
        pending.note(root: 1, path: "base.html", existedBefore: true, existsNow: true, at: start)
        #expect(pending.take() == ChangeSet(files: ["theme": ["base.html": .modified]], rescan: ["content"]))
    }
}

@Suite struct EditorFilesTests {
    @Test(arguments: [
        "x.md.swp", "x.md.swx", "x.md.swo", "x.md~", "4913", "5036", ".#x.md", "#x.md#", "x.md.tmp", ".x.md.kate-swp",
        "x.md.crswap", "x.md___jb_tmp___", "x.md___jb_old___", ".goutputstream-ABC123", "film.mp4.part",
        ".~lock.report.odt#", "~$report.docx", ".DS_Store", "Thumbs.db",
    ])
    func editorFilesAreRecognised(name: String) {
        #expect(EditorFiles.isEditorFile(name))
        #expect(EditorFiles.isIgnored(name))
    }

    @Test(arguments: ["x.md", "4914", "2024", "notes~draft.md", "#hashtag.md", "swp.md", "tmp", "part-one.md", "_index.md"])
    func realFilesAreKept(name: String) {
        #expect(!EditorFiles.isEditorFile(name))
        #expect(!EditorFiles.isIgnored(name))
    }

    @Test func hiddenNamesAreIgnoredButAreNotEditorFiles() {
        #expect(EditorFiles.isIgnored(".git"))
        #expect(!EditorFiles.isEditorFile(".git"))
    }
}
