import WaymarkCore
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// What the watcher remembers of one file: enough to notice any save, even one that keeps the
/// size and lands in the same second (nanosecond times), or that replaces the file (inode).
struct FileStamp: Equatable, Sendable {
    var size: Int64
    var seconds: Int
    var nanoseconds: Int
    var inode: UInt64

    init(_ info: stat) {
        size = Int64(info.st_size)
        #if canImport(Darwin)
        seconds = Int(info.st_mtimespec.tv_sec)
        nanoseconds = Int(info.st_mtimespec.tv_nsec)
        #else
        seconds = Int(info.st_mtim.tv_sec)
        nanoseconds = Int(info.st_mtim.tv_nsec)
        #endif
        inode = UInt64(info.st_ino)
    }
}

/// Walks a watched folder the way the watcher sees it: folders first (so a watch can be added
/// before their entries are read, and nothing created meanwhile is missed), never into links,
/// skipping hidden names and editors' files.
struct WatchedTreeWalk {
    /// The root's path on disk.
    let rootPath: String

    /// Called for each folder (relative path, `""` for the start) before it is read; returning
    /// false skips it.
    var enterFolder: (String) -> Bool
    /// Called for each entry that is not a folder: relative path, the open parent folder, name.
    var visitFile: (String, Int32, String) -> Void

    /// Walks `folder` (relative to the root) and everything below it.
    func walk(_ folder: String) {
        guard enterFolder(folder) else { return }
        let path = folder.isEmpty ? rootPath : rootPath + "/" + folder
        // The root itself may be a link (`content -> ../shared-content`); nothing below it is followed.
        let descriptor = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC | (folder.isEmpty ? 0 : O_NOFOLLOW))
        guard descriptor >= 0 else { return }
        guard let handle = fdopendir(descriptor) else {
            close(descriptor)
            return
        }
        defer { closedir(handle) }
        var subfolders: [String] = []
        while let entry = readdir(handle) {
            let name = FileTree.name(of: entry)
            if EditorFiles.isIgnored(name) { continue }
            let relative = folder.isEmpty ? name : folder + "/" + name
            if Self.isFolder(entry.pointee.d_type, name: name, in: dirfd(handle)) {
                subfolders.append(relative)
            } else {
                visitFile(relative, dirfd(handle), name)
            }
        }
        for subfolder in subfolders { walk(subfolder) }
    }

    /// `readdir`'s type, or `lstat`'s when the file system does not say; a link is never a folder.
    private static func isFolder(_ type: UInt8, name: String, in folder: Int32) -> Bool {
        if Int32(type) != Int32(DT_UNKNOWN) { return Int32(type) == Int32(DT_DIR) }
        var info = stat()
        guard fstatat(folder, name, &info, AT_SYMLINK_NOFOLLOW) == 0 else { return false }
        return (info.st_mode & S_IFMT) == S_IFDIR
    }

    /// The stamp of `name` in the open folder, without following links.
    static func stamp(of name: String, in folder: Int32) -> FileStamp? {
        var info = stat()
        guard fstatat(folder, name, &info, AT_SYMLINK_NOFOLLOW) == 0 else { return nil }
        return FileStamp(info)
    }
}
