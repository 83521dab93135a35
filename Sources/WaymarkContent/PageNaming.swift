import WaymarkCore

/// Works out a page's language, kind, folder and URL from its file name.
///
/// `pathways/adults.pl.md` is the Polish translation of `pathways/adults.md`, published at
/// `/pl/pathways/adults/`; `pathways/index.md` is the section page `/pathways/`.
struct PageNaming {
    struct Problem {
        var message: String
        var help: String?
    }

    let language: SiteLanguage
    let translationKey: String
    let kind: Page.Kind
    let folder: String
    let problem: Problem?
    private let segments: [String]
    private let config: SiteConfig

    init(sourcePath: String, config: SiteConfig) {
        self.config = config
        var parts = sourcePath.split(separator: "/").map(String.init)
        var stem = String(parts.removeLast().dropLast(3))  // ".md"
        var language = config.defaultLanguage
        var problem: Problem?
        if let dot = stem.lastIndex(of: ".") {
            let suffix = String(stem[stem.index(after: dot)...])
            if let configured = config.language(suffix) {
                language = configured
                stem = String(stem[..<dot])
            } else if suffix.count == 2, suffix.allSatisfy({ $0.isASCII && $0.isLetter }) {
                problem = Problem(
                    message: "the file name ends in '.\(suffix).md', but '\(suffix)' is not one of the site's languages",
                    help: "add '\(suffix)' to 'languages' in site.yaml, or rename the file")
            }
        }
        self.language = language
        self.problem = problem
        folder = parts.joined(separator: "/")
        translationKey = (parts + [stem]).joined(separator: "/")
        if stem == "index" {
            kind = parts.isEmpty ? .home : .section
            segments = parts
        } else {
            kind = .page
            segments = parts + [stem]
        }
    }

    /// The page URL, with the last segment replaced by `slug` when given.
    func url(slug: String?) -> URLPath {
        var path = segments.map(PageNaming.urlSegment)
        if let slug, kind != .home {
            if path.isEmpty { path = [slug] } else { path[path.count - 1] = slug }
        }
        return config.urlPrefix(for: language).appending(path)
    }

    /// File and folder names become URL segments: lowercased, spaces to hyphens.
    static func urlSegment(_ name: String) -> String {
        String(name.lowercased().map { $0 == " " ? "-" : $0 })
    }
}

extension URLPath {
    /// This directory path with `segments` added, ending in `/`.
    func appending(_ segments: [String]) -> URLPath {
        guard !segments.isEmpty else { return self }
        return URLPath(value + segments.joined(separator: "/") + "/")
    }
}
