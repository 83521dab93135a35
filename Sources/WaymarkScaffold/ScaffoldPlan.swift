import Foundation

/// A file `waymark new` will write: its path under the plan's root, and its text.
public struct ScaffoldFile: Sendable, Equatable {
    /// Relative to ``ScaffoldPlan/root``, with `/` between folders.
    public var path: String
    public var text: String

    public init(path: String, text: String) {
        self.path = path
        self.text = text
    }
}

/// Why `waymark new` wrote nothing. Each case names the file or folder concerned.
public enum ScaffoldError: Error, Equatable, Sendable {
    /// A file that would be written is already there (the path as shown to the user).
    case exists(String)
    /// `new site` was given a folder that already holds something.
    case folderNotEmpty(String)
    /// A file or folder could not be read or written.
    case failed(String, reason: String)

    /// The message and what to do next, in the build's `path: error: …` style.
    public var lines: [String] {
        switch self {
        case .exists(let path):
            return ["\(path): error: this file already exists, and Waymark never overwrites a file",
                    "    help: choose another name, or move the file away first; nothing was written"]
        case .folderNotEmpty(let path):
            return ["\(path): error: this folder is not empty, and a new site needs an empty folder",
                    "    help: give the name of a new folder, or an empty one; nothing was written"]
        case .failed(let path, let reason):
            return ["\(path): error: \(reason)"]
        }
    }
}

/// Files to create under one folder, written only when none of them exists yet: every target
/// is checked before the first is written, so a refusal leaves the disk as it was.
public struct ScaffoldPlan: Sendable {
    /// The folder the paths are relative to, as the user typed it (or `.`).
    public var root: String
    public var files: [ScaffoldFile]

    public init(root: String, files: [ScaffoldFile]) {
        self.root = root
        self.files = files
    }

    /// `root/path`, as messages show it.
    public func display(_ path: String) -> String {
        root == "." || root.isEmpty ? path : (root.hasSuffix("/") ? root + path : root + "/" + path)
    }

    /// The first file that already exists (anything at its path: a file, a folder, a link).
    public func existingTarget(fileManager: FileManager = .default) -> String? {
        files.first { Self.somethingExists(at: display($0.path), fileManager: fileManager) }.map { display($0.path) }
    }

    /// Writes every file, creating folders as needed; refuses if any target exists.
    public func write(fileManager: FileManager = .default) throws(ScaffoldError) {
        if let existing = existingTarget(fileManager: fileManager) { throw .exists(existing) }
        for file in files {
            let path = display(file.path)
            let folder = (path as NSString).deletingLastPathComponent
            do {
                if !folder.isEmpty { try fileManager.createDirectory(atPath: folder, withIntermediateDirectories: true) }
                // withoutOverwriting: a file that appeared since the check above is still kept.
                try Data(file.text.utf8).write(to: URL(fileURLWithPath: path), options: .withoutOverwriting)
            } catch {
                if Self.somethingExists(at: path, fileManager: fileManager) { throw .exists(path) }
                throw .failed(path, reason: "the file could not be written: \(error.localizedDescription)")
            }
        }
    }

    /// True for a file, a folder, or a symbolic link (even a broken one).
    static func somethingExists(at path: String, fileManager: FileManager) -> Bool {
        (try? fileManager.attributesOfItem(atPath: path)) != nil
    }
}
