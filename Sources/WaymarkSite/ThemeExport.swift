import Foundation
import WaymarkCore
import WaymarkTheme

/// `waymark theme export`: writes the built-in theme's files out, to customise them.
public enum ThemeExport {
    /// The paths of the built-in theme's files (`templates/page.mustache`), sorted.
    public static var paths: [String] { EmbeddedTheme.files.map(\.path) }

    /// Writes the built-in theme's files into `directory` (all of them, or only the paths in
    /// `only`), creating folders as needed, and returns the paths written as messages name them.
    /// Refuses, writing nothing, when a path is not one of the theme's or a file is already there.
    public static func export(to directory: String, only: [String] = []) -> Result<[String], BuildFailure> {
        let root = SiteBuilder.display(directory)
        let chosen: [EmbeddedTheme.File]
        switch select(only) {
        case .success(let files): chosen = files
        case .failure(let failure): return .failure(failure)
        }
        let existing = chosen.map { root + "/" + $0.path }.filter { FileManager.default.fileExists(atPath: $0) || isLink($0) }
        if !existing.isEmpty {
            return .failure(BuildFailure(Diagnostics(existing.map {
                .error(SourceLocation(file: $0), "this file already exists, and waymark theme export does not overwrite files",
                       help: "nothing was written: export into another folder, or move this file away first")
            })))
        }
        var written: [String] = []
        for file in chosen {
            let target = root + "/" + file.path
            do {
                let folder = (target as NSString).deletingLastPathComponent
                try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
                // Without overwriting: a file that appeared since the check above is kept.
                try Data(file.bytes).write(to: URL(fileURLWithPath: target), options: .withoutOverwriting)
                written.append(target)
            } catch {
                return .failure(BuildFailure(Diagnostics([.error(SourceLocation(file: target), "this file could not be written (\(error.localizedDescription))",
                                                                 help: written.isEmpty ? "check that you may write to \(root)" : "the \(written.count) files before it were written")])))
            }
        }
        return .success(written)
    }

    /// The files named in `only` (all when it is empty); a path that is not one of the theme's
    /// files is an error listing them.
    private static func select(_ only: [String]) -> Result<[EmbeddedTheme.File], BuildFailure> {
        guard !only.isEmpty else { return .success(EmbeddedTheme.files) }
        var files: [EmbeddedTheme.File] = []
        var unknown: [Diagnostic] = []
        for path in only {
            let normalised = path.hasPrefix("./") ? String(path.dropFirst(2)) : path
            if let file = EmbeddedTheme.file(normalised) {
                if !files.contains(where: { $0.path == file.path }) { files.append(file) }
            } else {
                // `page.mustache` for `templates/page.mustache` is the likely slip.
                let guess = paths.first { $0.hasSuffix("/" + normalised) } ?? Suggestion.closest(to: normalised, in: paths)
                let near = guess.map { "did you mean \($0)? " } ?? ""
                unknown.append(.error(SourceLocation(file: path), "this is not a file of the built-in theme",
                                      help: "nothing was written; " + near + "waymark theme list shows them all"))
            }
        }
        return unknown.isEmpty ? .success(files) : .failure(BuildFailure(Diagnostics(unknown)))
    }

    private static func isLink(_ path: String) -> Bool {
        (try? FileManager.default.destinationOfSymbolicLink(atPath: path)) != nil
    }
}
