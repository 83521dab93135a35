import WaymarkCore
import WaymarkTheme

/// The files of a build's theme: the site's theme folder, if it has one, layered over the
/// built-in theme. A file in the folder wins; every other file comes from the built-in theme.
/// UI strings are merged key by key by ``UIStrings`` through ``layers(of:)``.
struct ThemeFiles: Sendable {
    /// Which layer a file is read from.
    enum Layer: Sendable {
        case folder
        case builtIn
    }

    /// The theme folder, nil when the built-in theme is used alone.
    let folder: SourceReader?
    /// Where each file of the theme is read from, by its path inside the theme.
    private let layers: [String: Layer]
    /// Links, special files and unreadable folders met in the theme folder.
    let findings: [Diagnostic]

    /// The parts of a theme Waymark reads.
    static let parts = ["templates", "assets", "i18n"]

    init(folder: SourceReader?) {
        self.folder = folder
        var layers: [String: Layer] = [:]
        for file in EmbeddedTheme.files { layers[file.path] = .builtIn }
        var findings: [Diagnostic] = []
        if let folder {
            for part in ThemeFiles.parts {
                let listing = FileTree.list(root: folder.root, folder: part)
                findings += listing.findings.map { $0.diagnostic(displayRoot: folder.displayRoot) }
                for path in listing.files { layers[path] = .folder }
            }
        }
        self.layers = layers
        self.findings = findings
    }

    /// The paths of the theme's files under `part` (`templates`), sorted bytewise.
    func files(under part: String) -> [String] {
        layers.keys.filter { $0.hasPrefix(part + "/") }.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
    }

    /// How messages name the file the theme reads for `path`: `theme/templates/page.mustache`
    /// or `(built-in theme)/templates/page.mustache`.
    func display(_ path: String) -> String {
        display(path, in: layers[path] ?? (folder == nil ? .builtIn : .folder))
    }

    func display(_ path: String, in layer: Layer) -> String {
        switch layer {
        case .folder: return folder?.display(path) ?? EmbeddedTheme.displayRoot + "/" + path
        case .builtIn: return EmbeddedTheme.displayRoot + "/" + path
        }
    }

    /// The text of the theme's file at `path`, decoded as files on disk are.
    func text(_ path: String) -> Result<String, SourceReader.Failure> {
        text(path, in: layers[path] ?? .builtIn)
    }

    /// The bytes of the theme's file at `path`.
    func bytes(_ path: String) -> Result<[UInt8], SourceReader.Failure> {
        switch layers[path] {
        case .folder?: return folder.map { $0.bytes(path) } ?? .failure(.missing)
        case .builtIn?: return EmbeddedTheme.file(path).map { .success($0.bytes) } ?? .failure(.missing)
        case nil: return .failure(.missing)
        }
    }

    /// Every layer that has a file at `path`, the built-in theme first: for UI strings, where
    /// the folder's file overrides the built-in one key by key.
    func layers(of path: String) -> [Layer] {
        var found: [Layer] = []
        if EmbeddedTheme.file(path) != nil { found.append(.builtIn) }
        if layers[path] == .folder { found.append(.folder) }
        return found
    }

    /// The text of `path` in one layer.
    func text(_ path: String, in layer: Layer) -> Result<String, SourceReader.Failure> {
        switch layer {
        case .folder:
            return folder.map { $0.text(path) } ?? .failure(.missing)
        case .builtIn:
            guard let file = EmbeddedTheme.file(path) else { return .failure(.missing) }
            let bytes = file.bytes
            // The built-in files are checked UTF-8 when they are embedded; this decodes them as
            // disk files are (a BOM dropped, CR LF made LF), so both layers give the same text.
            return TextDecoding.decode(bytes).mapError { _ in
                .refused(.error(SourceLocation(file: display(path, in: .builtIn)), "this built-in theme file is not UTF-8 text",
                                help: "this is a fault in Waymark; use a theme folder with your own copy of the file"))
            }
        }
    }
}
