#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Something in a content or theme folder that Waymark will not read: a symbolic link, a named
/// pipe or device, a folder it may not open. Found by ``FileTree`` and ``SourceReader``.
public struct FileFinding: Sendable, Hashable {
    public enum Kind: Sendable, Hashable {
        /// A link whose target (`resolved`, an absolute path) is outside the root folder.
        case linkOutside(resolved: String)
        /// A link to a file or folder inside the root folder.
        case linkInside(isFolder: Bool)
        /// A link to something that does not exist; `target` is the link's text.
        case danglingLink(target: String)
        /// A link that leads back to itself.
        case linkLoop
        /// A named pipe, socket or device; `description` says which ("a named pipe (FIFO)").
        case specialFile(description: String)
        /// A folder that could not be opened; `reason` is plain English.
        case unreadableFolder(reason: String)
    }

    /// Path relative to the root folder; `""` for the root itself.
    public var path: String
    public var kind: Kind

    public init(path: String, kind: Kind) {
        self.path = path
        self.kind = kind
    }

    /// Links out of the folder and unreadable folders stop the build; the rest are skipped.
    public var severity: Diagnostic.Severity {
        switch kind {
        case .linkOutside, .unreadableFolder: return .error
        case .linkInside, .danglingLink, .linkLoop, .specialFile: return .warning
        }
    }

    /// The message for the person editing the site; `displayRoot` is how the root is named (`content`).
    public func diagnostic(displayRoot: String) -> Diagnostic {
        let location = SourceLocation(file: path.isEmpty ? displayRoot : displayRoot + "/" + path)
        let skipped = "Waymark does not follow links, so it was skipped"
        switch kind {
        case .linkOutside(let resolved):
            return .error(location, "this is a symbolic link to \(resolved), which is outside the '\(displayRoot)' folder; Waymark never reads or publishes files outside it",
                          help: "copy the file into '\(displayRoot)' instead of linking to it")
        case .linkInside(let isFolder):
            return .warning(location, "this is a symbolic link; \(skipped)",
                            help: isFolder ? "copy the folder instead of linking to it"
                                : "copy the file instead; for a page that should also be found at another address, list that address under 'aliases:' in the page's front matter")
        case .danglingLink(let target):
            return .warning(location, "this is a symbolic link to '\(target)', which does not exist; \(skipped)",
                            help: "remove the link, or put the file itself here")
        case .linkLoop:
            return .warning(location, "this is a symbolic link that leads back to itself through other links; \(skipped)",
                            help: "remove the link, or put the file itself here")
        case .specialFile(let description):
            return .warning(location, "this is \(description), not an ordinary file, so it was skipped",
                            help: "Waymark publishes only ordinary files and folders; remove it from '\(displayRoot)'")
        case .unreadableFolder(let reason):
            return .error(location, "this folder could not be read: \(reason)",
                          help: "check that you have permission to open it")
        }
    }

    /// Describes the link at `path` (relative to the root, which resolves to `resolvedRoot`).
    /// `fullPath` is the link's path on disk.
    static func link(at path: String, fullPath: String, resolvedRoot: String?) -> FileFinding {
        guard let resolved = realPath(fullPath) else {
            let failure = errno
            if failure == ELOOP { return FileFinding(path: path, kind: .linkLoop) }
            return FileFinding(path: path, kind: .danglingLink(target: linkText(fullPath) ?? "?"))
        }
        guard let root = resolvedRoot, isInside(resolved, root: root) else {
            return FileFinding(path: path, kind: .linkOutside(resolved: resolved))
        }
        var info = stat()
        let isFolder = stat(resolved, &info) == 0 && (info.st_mode & S_IFMT) == S_IFDIR
        return FileFinding(path: path, kind: .linkInside(isFolder: isFolder))
    }

    /// Whether the absolute, resolved `path` is `root` or below it.
    static func isInside(_ path: String, root: String) -> Bool {
        if root == "/" { return true }
        return path == root || path.hasPrefix(root + "/")
    }

    /// `realpath(3)`: the absolute path with every link resolved; nil (and `errno`) on failure.
    static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    /// What a link says, as written.
    static func linkText(_ path: String) -> String? {
        var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
        let count = readlink(path, &buffer, buffer.count - 1)
        guard count >= 0 else { return nil }
        return String(decoding: buffer[..<count].map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    /// "a named pipe (FIFO)" and so on, for a file type from `st_mode`; nil for files and folders.
    static func specialDescription(mode: mode_t) -> String? {
        switch mode & S_IFMT {
        case S_IFIFO: return "a named pipe (FIFO)"
        case S_IFSOCK: return "a socket"
        case S_IFCHR, S_IFBLK: return "a device file"
        case S_IFREG, S_IFDIR, S_IFLNK: return nil
        default: return "a special file"
        }
    }
}
