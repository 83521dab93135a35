#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Lists the ordinary files under a folder, skipping hidden names, and reports what it would not
/// follow: symbolic links, named pipes, sockets and devices, folders it may not open.
///
/// Links are never followed (a link to `.` or `..` would publish the site inside itself until
/// the system gives up), so a walk always ends. The root itself may be a link
/// (`content -> ../shared-content`). Each folder is opened relative to its parent with
/// `O_NOFOLLOW`, and `readdir`'s file type decides the rest, so a ten-thousand-page site costs
/// one `open` per folder; only links are resolved, to say where they point.
public enum FileTree {
    /// The name in a `readdir` entry, read only up to its end. Copying the whole `d_name` field
    /// (256 bytes) reads past a short last entry of the kernel's buffer, which crashed on large
    /// folders when the buffer ended at a page boundary.
    public static func name(of entry: UnsafeMutablePointer<dirent>) -> String {
        let offset = MemoryLayout<dirent>.offset(of: \dirent.d_name)!
        return String(cString: UnsafeRawPointer(entry).advanced(by: offset).assumingMemoryBound(to: CChar.self))
    }

    /// The files of a walk and what was skipped.
    public struct Listing: Sendable {
        /// Paths relative to the root, sorted bytewise.
        public var files: [String]
        /// Links, special files and unreadable folders, in walk order.
        public var findings: [FileFinding]
    }

    /// The ordinary files under `root/folder` (`folder` is `""` for the root itself); an empty
    /// listing if it is missing. Paths in the listing are relative to `root`.
    public static func list(root: String, folder: String = "") -> Listing {
        var walk = Walk(root: root)
        guard let start = walk.openFolder(folder) else { return walk.listing }
        walk.read(start, prefix: folder.isEmpty ? "" : folder + "/")
        walk.listing.files.sort { $0.utf8.lexicographicallyPrecedes($1.utf8) }
        return walk.listing
    }

    private struct Walk {
        let root: String
        var listing = Listing(files: [], findings: [])
        /// The root with its links resolved, worked out at the first link met.
        var resolvedRoot: String??

        init(root: String) { self.root = root }

        /// Opens `folder` below the root, each step without following links.
        mutating func openFolder(_ folder: String) -> Int32? {
            var descriptor = open(root, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
            guard descriptor >= 0 else { return nil }
            var path = ""
            for part in folder.split(separator: "/").map(String.init) {
                path += path.isEmpty ? part : "/" + part
                let next = openat(descriptor, part, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
                let failure = errno
                close(descriptor)
                guard next >= 0 else {
                    if failure != ENOENT { classifyFailedFolder(path, errorCode: failure) }
                    return nil
                }
                descriptor = next
            }
            return descriptor
        }

        /// Reads the open folder `descriptor` (which it closes), whose path is `prefix`.
        mutating func read(_ descriptor: Int32, prefix: String) {
            guard let handle = fdopendir(descriptor) else {
                close(descriptor)
                return
            }
            defer { closedir(handle) }
            let folder = dirfd(handle)
            while let entry = readdir(handle) {
                let name = FileTree.name(of: entry)
                if name.hasPrefix(".") { continue }
                let relative = prefix + name
                switch Int32(entry.pointee.d_type) {
                case Int32(DT_REG): listing.files.append(relative)
                case Int32(DT_DIR): descend(into: name, of: folder, relative: relative)
                case Int32(DT_LNK): link(relative)
                case Int32(DT_UNKNOWN): byMode(name, of: folder, relative: relative)
                default: special(relative, name: name, of: folder)
                }
            }
        }

        mutating func descend(into name: String, of folder: Int32, relative: String) {
            let child = openat(folder, name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
            guard child >= 0 else {
                classifyFailedFolder(relative, errorCode: errno)
                return
            }
            read(child, prefix: relative + "/")
        }

        /// Some file systems leave `d_type` unknown; `fstatat` without following links tells.
        mutating func byMode(_ name: String, of folder: Int32, relative: String) {
            var info = stat()
            guard fstatat(folder, name, &info, AT_SYMLINK_NOFOLLOW) == 0 else { return }
            switch info.st_mode & S_IFMT {
            case S_IFREG: listing.files.append(relative)
            case S_IFDIR: descend(into: name, of: folder, relative: relative)
            case S_IFLNK: link(relative)
            default: listing.findings.append(FileFinding(path: relative, kind: .specialFile(description: FileFinding.specialDescription(mode: info.st_mode) ?? "a special file")))
            }
        }

        mutating func special(_ relative: String, name: String, of folder: Int32) {
            var info = stat()
            let mode = fstatat(folder, name, &info, AT_SYMLINK_NOFOLLOW) == 0 ? info.st_mode : S_IFIFO
            listing.findings.append(FileFinding(path: relative, kind: .specialFile(description: FileFinding.specialDescription(mode: mode) ?? "a special file")))
        }

        mutating func link(_ relative: String) {
            if resolvedRoot == nil { resolvedRoot = .some(FileFinding.realPath(root)) }
            listing.findings.append(FileFinding.link(at: relative, fullPath: root + "/" + relative, resolvedRoot: resolvedRoot ?? nil))
        }

        /// A folder that would not open: a link in its place (the race of it being swapped in,
        /// or the named start folder being one), or a permission problem.
        mutating func classifyFailedFolder(_ relative: String, errorCode: Int32) {
            var info = stat()
            if lstat(root + "/" + relative, &info) == 0, (info.st_mode & S_IFMT) == S_IFLNK {
                link(relative)
            } else if errorCode == EACCES || errorCode == EPERM {
                listing.findings.append(FileFinding(path: relative, kind: .unreadableFolder(reason: "you do not have permission to open it")))
            } else if errorCode == ENOTDIR {
                listing.findings.append(FileFinding(path: relative, kind: .unreadableFolder(reason: "it is a file, not a folder")))
            } else if errorCode != ENOENT {
                listing.findings.append(FileFinding(path: relative, kind: .unreadableFolder(reason: String(cString: strerror(errorCode)))))
            }
        }
    }
}
