import Foundation

/// Every file and folder under a root, with the bytes of each file, for byte-for-byte comparison.
struct TreeSnapshot: Equatable {
    var files: [String: Data] = [:]
    var folders: Set<String> = []

    init(files: [String: Data] = [:], folders: Set<String> = []) {
        self.files = files
        self.folders = folders
    }

    /// Reads `root`; symbolic links are recorded as files holding their target, never followed.
    init(reading root: String) {
        let manager = FileManager.default
        guard let enumerator = manager.enumerator(atPath: root) else { return }
        while let relative = enumerator.nextObject() as? String {
            let full = root + "/" + relative
            let type = (try? manager.attributesOfItem(atPath: full)[.type]) as? FileAttributeType
            switch type {
            case .typeDirectory?: folders.insert(relative)
            case .typeSymbolicLink?:
                files[relative] = Data(("symlink → " + ((try? manager.destinationOfSymbolicLink(atPath: full)) ?? "?")).utf8)
                enumerator.skipDescendants()
            default: files[relative] = manager.contents(atPath: full) ?? Data()
            }
        }
    }

    /// Writes the tree under `root`, which must not exist yet.
    func write(to root: String) throws {
        let manager = FileManager.default
        try manager.createDirectory(atPath: root, withIntermediateDirectories: true)
        for folder in folders.sorted() {
            try manager.createDirectory(atPath: root + "/" + folder, withIntermediateDirectories: true)
        }
        for (path, data) in files {
            let full = root + "/" + path
            try manager.createDirectory(atPath: (full as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            try data.write(to: URL(fileURLWithPath: full))
        }
    }

    /// Paths that differ between the two trees, sorted.
    func differences(from other: TreeSnapshot) -> [String] {
        let paths = Set(files.keys).union(other.files.keys).filter { files[$0] != other.files[$0] }
        return (paths.union(folders.symmetricDifference(other.folders))).sorted()
    }
}
