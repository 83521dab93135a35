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
        for folder in folders.sorted() {
            try FileManager.default.createDirectory(atPath: stagingDirectory + "/" + folder, withIntermediateDirectories: true)
        }
    }

    /// Writes one file into staging; folders must exist.
    public func write(_ file: RenderedFile) throws {
        try file.contents.write(to: URL(fileURLWithPath: stagingDirectory + "/" + file.path))
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

    /// Removes the staging folder after a failed build.
    public func discard() {
        try? FileManager.default.removeItem(atPath: stagingDirectory)
    }
}
