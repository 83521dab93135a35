import Foundation
import WaymarkCore

/// Theme assets with content hashes in their names (`css/site.3f2a9c1d0b.css`), so hosts can
/// cache them forever and a change is picked up at once.
public struct AssetSet: Sendable {
    public struct Asset: Sendable {
        /// Path under `assets/` in the theme.
        public var sourcePath: String
        /// How messages name the file it was read from (`theme/assets/css/site.css`, or in the
        /// built-in theme `(built-in theme)/assets/css/site.css`).
        public var displayPath: String
        /// Where it is published.
        public var url: URLPath
        public var contents: Data
    }

    public let assets: [Asset]
    /// Template key (`css_site_css`) → published path.
    public let urlsByKey: [String: URLPath]

    init(assets: [Asset]) {
        self.assets = assets
        urlsByKey = Dictionary(uniqueKeysWithValues: assets.map { (AssetSet.key(for: $0.sourcePath), $0.url) })
    }

    /// `css/site.css` → `css_site_css`.
    public static func key(for path: String) -> String {
        String(path.map { "/.-".contains($0) ? "_" : $0 })
    }

    /// Every file under `folder` (`assets`) of the theme. Stylesheets are read as text (line
    /// endings and a BOM normalised, encoding checked); scripts are compacted (``JSCompactor``);
    /// the rest byte for byte.
    static func load(_ files: ThemeFiles, folder: String, diagnostics: inout Diagnostics) -> AssetSet {
        let paths = files.files(under: folder).map { String($0.dropFirst(folder.count + 1)) }
        var urls: [String: URLPath] = [:]
        var assets: [Asset] = []
        // Stylesheets refer to other assets, so they are hashed after those names are known.
        let ordered = paths.filter { !$0.hasSuffix(".css") } + paths.filter { $0.hasSuffix(".css") }
        for path in ordered {
            let file = folder + "/" + path
            let data: Data
            switch read(files, file) {
            case .success(let contents):
                if path.hasSuffix(".css") {
                    data = Data(CSSURLRewriter.rewrite(String(decoding: contents, as: UTF8.self), stylesheet: path, urls: urls).utf8)
                } else if JSCompactor.applies(to: path), let source = String(validating: contents, as: UTF8.self) {
                    data = Data(JSCompactor.compact(source).utf8)
                } else {
                    data = contents
                }
            case .failure(let diagnostic):
                diagnostics.append(diagnostic)
                continue
            }
            let url = URLPath("/assets/" + fingerprinted(path, hash: ContentHash.hex(data)))
            urls[path] = url
            assets.append(Asset(sourcePath: path, displayPath: files.display(file), url: url, contents: data))
        }
        return AssetSet(assets: assets.sorted { $0.sourcePath < $1.sourcePath })
    }

    private static func read(_ files: ThemeFiles, _ file: String) -> Result<Data, Diagnostic> {
        let contents = file.hasSuffix(".css") ? files.text(file).map { Data($0.utf8) } : files.bytes(file).map { Data($0) }
        return contents.mapError { failure in
            switch failure {
            case .missing: return .error(SourceLocation(file: files.display(file)), "this file disappeared while the site was being built", help: "build again")
            case .refused(let diagnostic): return diagnostic
            }
        }
    }

    static func fingerprinted(_ path: String, hash: String) -> String {
        guard let dot = path.lastIndex(of: "."), !path[dot...].contains("/") else { return path + "." + hash }
        return path[..<dot] + "." + hash + path[dot...]
    }
}

/// Points `url(…)` references in a stylesheet at the fingerprinted names.
enum CSSURLRewriter {
    static func rewrite(_ css: String, stylesheet: String, urls: [String: URLPath]) -> String {
        var out = ""
        var rest = Substring(css)
        while let start = rest.range(of: "url(") {
            out += rest[..<start.upperBound]
            rest = rest[start.upperBound...]
            guard let end = rest.firstIndex(of: ")") else { break }
            let raw = rest[..<end].trimmingCharacters(in: .whitespaces)
            let quote = raw.first.flatMap { "\"'".contains($0) ? String($0) : nil } ?? ""
            let reference = raw.trimmingCharacters(in: CharacterSet(charactersIn: "\"'"))
            let folder = stylesheet.split(separator: "/").dropLast().joined(separator: "/")
            let target = URL(fileURLWithPath: "/" + folder + "/" + reference).standardizedFileURL.path.dropFirst()
            if LinkKind(reference) == .relative, let url = urls[String(target)] {
                out += quote + url.relative(from: URLPath("/assets/" + stylesheet)) + quote
            } else {
                out += rest[..<end]
            }
            rest = rest[end...]
        }
        return out + rest
    }
}
