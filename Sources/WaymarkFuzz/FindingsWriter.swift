import Foundation

/// Saves a failing case as a folder someone can rebuild by hand: the mutated files, the messages
/// and the command to replay it.
struct FindingsWriter {
    var folder: String
    var configuration: FuzzConfiguration

    func save(_ result: FuzzCaseResult, files: [String: Data]) {
        let caseFolder = folder + "/case-\(result.number)-\(result.outcome.rawValue)"
        let manager = FileManager.default
        try? manager.createDirectory(atPath: caseFolder, withIntermediateDirectories: true)
        for (path, data) in files {
            let full = caseFolder + "/files/" + path
            try? manager.createDirectory(atPath: (full as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            try? data.write(to: URL(fileURLWithPath: full))
        }
        try? Data(result.stderr.utf8).write(to: URL(fileURLWithPath: caseFolder + "/stderr.txt"))
        let readme = """
        outcome: \(result.outcome.rawValue) — \(result.reason)
        seed: \(configuration.seed), case: \(result.number)
        mutations:
        \(result.mutations.map { "  " + $0 }.joined(separator: "\n"))

        To reproduce, copy \(configuration.content) to a folder named content, copy files/ over it, and run
          waymark build --theme \(configuration.theme)
        or replay just this case:
          waymark-fuzz --seed \(configuration.seed) --case \(result.number) --content \(configuration.content) --theme \(configuration.theme)

        """
        try? Data(readme.utf8).write(to: URL(fileURLWithPath: caseFolder + "/case.txt"))
    }
}
