import Foundation
import WaymarkCore

/// Writes a build into a staging folder beside the output folder, then swaps it into place, so
/// the published site is either the old one or the complete new one, never half of each.
///
/// It is the only code that writes the site, and it refuses any path that does not pass
/// ``OutputPathRules`` (the build checks them all first, in ``OutputPlan``; this is the second
/// line of defence), so nothing can be written outside the staging folder.
public struct OutputWriter: Sendable {
    public let outputDirectory: String
    /// Sibling of the output folder, so the final rename stays on one file system.
    public let stagingDirectory: String

    public init(outputDirectory: String) {
        let output = URL(fileURLWithPath: outputDirectory).standardizedFileURL.path
        self.outputDirectory = output
        stagingDirectory = output + ".staging-\(ProcessInfo.processInfo.processIdentifier)"
    }

    /// Refuses to replace a folder that does not look like a previous build.
    public func checkReplaceable() -> Diagnostic? {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: outputDirectory, isDirectory: &isDirectory) else { return nil }
        guard isDirectory.boolValue else {
            return .error(SourceLocation(file: outputDirectory), "the output path is a file, not a folder")
        }
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: outputDirectory)) ?? []
        if !entries.isEmpty && !entries.contains("index.html") && !entries.contains("404.html") {
            return .error(SourceLocation(file: outputDirectory), "the output folder is not empty and does not look like a built site, so it was not replaced",
                          help: "choose an empty folder with --output, or delete this one if you are sure")
        }
        return nil
    }

    /// Creates an empty staging folder.
    public func prepare() throws {
        try? FileManager.default.removeItem(atPath: stagingDirectory)
        try FileManager.default.createDirectory(atPath: stagingDirectory, withIntermediateDirectories: true)
    }

    /// Tidies up after earlier builds that were killed half-way (a crash, `kill -9`, power
    /// loss): removes their staging folders and, if one died while publishing with the output
    /// folder moved aside, puts that old site back rather than deleting the only copy.
    ///
    /// Only folders named exactly like this writer's own (`output.staging-<pid>`,
    /// `output.old-<pid>`) whose process is no longer running are touched, so a build running
    /// at the same time keeps its folders.
    public func recoverEarlierBuilds() {
        let fileManager = FileManager.default
        let parent = (outputDirectory as NSString).deletingLastPathComponent
        let name = (outputDirectory as NSString).lastPathComponent
        let own = ProcessInfo.processInfo.processIdentifier
        let entries = ((try? fileManager.contentsOfDirectory(atPath: parent)) ?? []).sorted()
        let stale = entries.compactMap { entry -> (path: String, isOld: Bool)? in
            guard let (isOld, pid) = OutputWriter.leftover(entry, outputName: name), pid != own, !OutputWriter.isRunning(pid) else { return nil }
            return (parent + "/" + entry, isOld)
        }
        for folder in stale where folder.isOld && !fileManager.fileExists(atPath: outputDirectory) {
            _ = Foundation.rename(folder.path, outputDirectory)
        }
        for folder in stale where fileManager.fileExists(atPath: folder.path) {
            try? fileManager.removeItem(atPath: folder.path)
        }
    }

    /// `output.staging-123` → (false, 123); `output.old-123` → (true, 123); anything else nil.
    static func leftover(_ entry: String, outputName: String) -> (isOld: Bool, pid: pid_t)? {
        for (suffix, isOld) in [(".staging-", false), (".old-", true)] {
            let prefix = outputName + suffix
            guard entry.hasPrefix(prefix) else { continue }
            let digits = entry.dropFirst(prefix.count)
            guard !digits.isEmpty, digits.count <= 10, digits.allSatisfy({ $0.isASCII && $0.isNumber }),
                  let pid = pid_t(digits), pid > 0 else { return nil }
            return (isOld, pid)
        }
        return nil
    }

    /// Whether process `pid` exists (`EPERM`: it does, but belongs to someone else).
    static func isRunning(_ pid: pid_t) -> Bool {
        kill(pid, 0) == 0 || errno != ESRCH
    }

    /// Throws unless `path` passes ``OutputPathRules``.
    private func checked(_ path: String) throws -> String {
        if let problem = OutputPathRules.problem(path: path) { throw UnsafePathError(path: path, problem: problem) }
        return stagingDirectory + "/" + path
    }

    /// Creates every folder the files need, once, before parallel writes.
    public func makeDirectories(for paths: [String]) throws {
        var folders: Set<String> = []
        for path in paths {
            _ = try checked(path)
            var parts = path.split(separator: "/")
            parts.removeLast()
            while !parts.isEmpty, folders.insert(parts.joined(separator: "/")).inserted {
                parts.removeLast()
            }
        }
        // Sorted, so every parent is made before its children.
        for folder in folders.sorted() {
            let path = stagingDirectory + "/" + folder
            if mkdir(path, 0o755) != 0 {
                let code = errno
                // An existing name is fine only if it is a real folder, not a link to elsewhere.
                var info = stat()
                guard code == EEXIST, lstat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFDIR else { throw WriteError(path: folder, code: code) }
            }
        }
    }

    /// Writes one file into staging; folders must exist.
    ///
    /// Plain `open`/`write`/`close`: Foundation's `Data.write` also syncs each file to disk and
    /// reads its extended attributes, which made writing ten thousand pages take seconds. The
    /// whole folder is renamed into place at the end, so per-file durability buys nothing.
    /// `O_EXCL | O_NOFOLLOW`: the staging folder is new and every path is written once, so a
    /// name that already exists (or a link planted there) is an error, never followed.
    public func write(_ file: RenderedFile) throws {
        let path = try checked(file.path)
        let descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw WriteError(path: file.path, code: errno) }
        defer { close(descriptor) }
        try file.contents.withUnsafeBytes { (buffer: UnsafeRawBufferPointer) in
            var offset = 0
            while offset < buffer.count {
                let written = Foundation.write(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    throw WriteError(path: file.path, code: errno)
                }
                offset += written
            }
        }
    }

    /// Renames a file or folder within staging.
    public func rename(_ path: String, to newPath: String) throws {
        let from = try checked(path), to = try checked(newPath)
        guard Foundation.rename(from, to) == 0 else { throw WriteError(path: path, code: errno) }
    }

    /// Replaces the output folder with the staging folder.
    ///
    /// On Linux the two folders are swapped in one step (`renameat2` with `RENAME_EXCHANGE`),
    /// so there is no moment without an output folder; elsewhere, or on file systems without
    /// it, the old site is moved aside first and ``recoverEarlierBuilds()`` puts it back if the
    /// build dies between the two moves.
    public func publish() throws {
        let fileManager = FileManager.default
        guard fileManager.fileExists(atPath: outputDirectory) else {
            try fileManager.moveItem(atPath: stagingDirectory, toPath: outputDirectory)
            return
        }
        if OutputWriter.exchange(stagingDirectory, outputDirectory) {
            // The staging name now holds the old site.
            try? fileManager.removeItem(atPath: stagingDirectory)
            return
        }
        let old = outputDirectory + ".old-\(ProcessInfo.processInfo.processIdentifier)"
        try fileManager.moveItem(atPath: outputDirectory, toPath: old)
        do {
            try fileManager.moveItem(atPath: stagingDirectory, toPath: outputDirectory)
        } catch {
            try? fileManager.moveItem(atPath: old, toPath: outputDirectory)
            throw error
        }
        try? fileManager.removeItem(atPath: old)
    }

    /// Swaps two paths atomically; false when the system cannot, so the caller falls back.
    static func exchange(_ a: String, _ b: String) -> Bool {
        #if os(Linux)
        // Looked up at run time: Glibc's Swift module does not declare `renameat2` (glibc 2.28+).
        typealias RenameAt2 = @convention(c) (Int32, UnsafePointer<CChar>, Int32, UnsafePointer<CChar>, UInt32) -> Int32
        guard let symbol = dlsym(dlopen(nil, RTLD_NOW), "renameat2") else { return false }
        let renameExchange: UInt32 = 1 << 1  // RENAME_EXCHANGE in <linux/fs.h>
        return unsafeBitCast(symbol, to: RenameAt2.self)(AT_FDCWD, a, AT_FDCWD, b, renameExchange) == 0
        #else
        return false
        #endif
    }

    /// A file that could not be written, with the system's reason. `path` is relative to the
    /// output folder, so messages never show the staging folder.
    public struct WriteError: Error, CustomStringConvertible, LocalizedError {
        public var path: String
        public var code: Int32
        public var description: String { "'\(path)' could not be written: \(String(cString: strerror(code)))" }
        public var errorDescription: String? { description }
    }

    /// A path refused because it does not pass ``OutputPathRules``.
    public struct UnsafePathError: Error, CustomStringConvertible, LocalizedError {
        public var path: String
        public var problem: OutputPathRules.Problem
        public var description: String { "Waymark refused to write '\(OutputPathRules.visible(path))': \(problem.reason)" }
        public var errorDescription: String? { description }
    }

    /// Removes the staging folder after a failed build.
    public func discard() {
        try? FileManager.default.removeItem(atPath: stagingDirectory)
    }
}
