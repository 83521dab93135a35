import Foundation
import WaymarkCore

/// Writes a build into a staging folder beside the output folder, then swaps it into place, so
/// the published site is either the old one or the complete new one, never half of each.
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

    /// Creates every folder the files need, once, before parallel writes.
    public func makeDirectories(for paths: [String]) throws {
        var folders: Set<String> = []
        for path in paths {
            var parts = path.split(separator: "/")
            parts.removeLast()
            while !parts.isEmpty, folders.insert(parts.joined(separator: "/")).inserted {
                parts.removeLast()
            }
        }
        // Sorted, so every parent is made before its children.
        for folder in folders.sorted() {
            let path = stagingDirectory + "/" + folder
            if mkdir(path, 0o755) != 0 && errno != EEXIST { throw WriteError(path: path, code: errno) }
        }
    }

    /// Writes one file into staging; folders must exist.
    ///
    /// Plain `open`/`write`/`close`: Foundation's `Data.write` also syncs each file to disk and
    /// reads its extended attributes, which made writing ten thousand pages take seconds. The
    /// whole folder is renamed into place at the end, so per-file durability buys nothing.
    public func write(_ file: RenderedFile) throws {
        let path = stagingDirectory + "/" + file.path
        let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw WriteError(path: path, code: errno) }
        defer { close(descriptor) }
        try file.contents.withUnsafeBytes { (buffer: UnsafeRawBufferPointer) in
            var offset = 0
            while offset < buffer.count {
                let written = Foundation.write(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    throw WriteError(path: path, code: errno)
                }
                offset += written
            }
        }
    }

    /// Renames a file or folder within staging.
    public func rename(_ path: String, to newPath: String) throws {
        let from = stagingDirectory + "/" + path
        guard Foundation.rename(from, stagingDirectory + "/" + newPath) == 0 else { throw WriteError(path: from, code: errno) }
    }

    /// Copies a source file into staging.
    public func copy(from source: String, to path: String) throws {
        try FileManager.default.copyItem(atPath: source, toPath: stagingDirectory + "/" + path)
    }

    /// Replaces the output folder with the staging folder.
    public func publish() throws {
        let fileManager = FileManager.default
        let old = outputDirectory + ".old-\(ProcessInfo.processInfo.processIdentifier)"
        if fileManager.fileExists(atPath: outputDirectory) {
            try fileManager.moveItem(atPath: outputDirectory, toPath: old)
            do {
                try fileManager.moveItem(atPath: stagingDirectory, toPath: outputDirectory)
            } catch {
                try? fileManager.moveItem(atPath: old, toPath: outputDirectory)
                throw error
            }
            try? fileManager.removeItem(atPath: old)
        } else {
            try fileManager.moveItem(atPath: stagingDirectory, toPath: outputDirectory)
        }
    }

    /// A file that could not be written, with the system's reason.
    public struct WriteError: Error, CustomStringConvertible {
        public var path: String
        public var code: Int32
        public var description: String { "\(path): \(String(cString: strerror(code)))" }
    }

    /// Removes the staging folder after a failed build.
    public func discard() {
        try? FileManager.default.removeItem(atPath: stagingDirectory)
    }
}
