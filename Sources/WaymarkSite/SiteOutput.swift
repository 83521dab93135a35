import Foundation
import WaymarkCore

/// Where a build puts the site's files: the staging folder of a real build (``OutputWriter``),
/// or memory for the preview (``MemoryOutput``). The render stage writes through this and
/// nothing else, so the preview runs exactly the build's pipeline.
public protocol SiteOutput: Sendable {
    /// Makes the folders `paths` need, before parallel writes.
    func makeDirectories(for paths: [String]) throws
    /// Writes one file; may be called from several threads at once for different paths.
    func write(_ file: RenderedFile) throws
    /// Renames a file or a folder (with everything in it).
    func rename(_ path: String, to newPath: String) throws
}

extension OutputWriter: SiteOutput {}

/// A site held in memory, path → bytes, written to by the render threads.
public final class MemoryOutput: SiteOutput, @unchecked Sendable {
    // Written from the render threads, so every access takes the lock.
    private var storage: [String: Data]
    private let lock = NSLock()

    public init(_ files: [String: Data] = [:]) { storage = files }

    /// A copy of every file written so far.
    public var files: [String: Data] {
        lock.lock()
        defer { lock.unlock() }
        return storage
    }

    public func makeDirectories(for paths: [String]) throws {
        for path in paths { try MemoryOutput.check(path) }
    }

    public func write(_ file: RenderedFile) throws {
        try MemoryOutput.check(file.path)
        lock.lock()
        storage[file.path] = file.contents
        lock.unlock()
    }

    public func rename(_ path: String, to newPath: String) throws {
        try MemoryOutput.check(path)
        try MemoryOutput.check(newPath)
        lock.lock()
        defer { lock.unlock() }
        if let file = storage.removeValue(forKey: path) {
            storage[newPath] = file
            return
        }
        let prefix = path + "/"
        for key in storage.keys where key.hasPrefix(prefix) {
            storage[newPath + "/" + key.dropFirst(prefix.count)] = storage.removeValue(forKey: key)
        }
    }

    /// Removes and returns the files of folder `path`, by their paths.
    public func take(under path: String) -> [String: Data] {
        lock.lock()
        defer { lock.unlock() }
        let prefix = path + "/"
        var taken: [String: Data] = [:]
        for key in storage.keys where key.hasPrefix(prefix) { taken[key] = storage.removeValue(forKey: key) }
        return taken
    }

    /// Removes a file, or a folder with everything in it.
    public func remove(_ path: String) {
        lock.lock()
        defer { lock.unlock() }
        storage.removeValue(forKey: path)
        let prefix = path + "/"
        for key in storage.keys where key.hasPrefix(prefix) { storage.removeValue(forKey: key) }
    }

    /// The same rule as the staging folder's: a path that would not be safe there is refused here.
    private static func check(_ path: String) throws {
        if let problem = OutputPathRules.problem(path: path) { throw OutputWriter.UnsafePathError(path: path, problem: problem) }
    }
}
