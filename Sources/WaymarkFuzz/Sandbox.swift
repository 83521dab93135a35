import Foundation

/// One worker's folders: `root/outer/inner/site/{content,output}`. The two empty levels above the
/// site catch a build that writes outside output/ through `..` without it reaching shared folders.
struct Sandbox {
    let root: String
    var site: String { root + "/outer/inner/site" }
    var content: String { site + "/content" }
    var output: String { site + "/output" }
    var stderrPath: String { root + "/stderr.txt" }

    /// The entries each level should hold, and nothing else.
    var expectedEntries: [(String, Set<String>)] {
        [(root, ["outer", "stderr.txt"]), (root + "/outer", ["inner"]), (root + "/outer/inner", ["site"]), (site, ["content", "output"])]
    }

    init(parent: String, worker: Int) {
        root = parent + "/worker-\(worker)"
    }

    /// Entries that should not be there, as paths relative to the worker's root.
    func strayEntries() -> [String] {
        expectedEntries.flatMap { folder, expected in
            let entries = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
            let relative = folder == root ? "" : String(folder.dropFirst(root.count + 1)) + "/"
            return entries.filter { !expected.contains($0) }.sorted().map { relative + $0 }
        }
    }

    /// Removes whatever a build left outside output/ and content/, so the next case starts clean.
    func removeStrays() {
        for entry in strayEntries() { try? FileManager.default.removeItem(atPath: root + "/" + entry) }
    }

    /// Replaces a folder by a snapshot.
    func restore(_ folder: String, to snapshot: TreeSnapshot) throws {
        try? FileManager.default.removeItem(atPath: folder)
        try snapshot.write(to: folder)
    }
}
