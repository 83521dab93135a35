import WaymarkCore

/// Finds two things that would be written to the same address.
enum URLClashes {
    static func find(pages: [Page], staticFiles: [StaticFile]) -> [Diagnostic] {
        var owners: [URLPath: String] = [:]
        var problems: [Diagnostic] = []
        for page in pages.sorted(by: { $0.sourcePath < $1.sourcePath }) {
            if let other = owners[page.url] {
                problems.append(.error(
                    page.frontMatter.locations["slug"] ?? SourceLocation(file: page.displayPath, line: 1),
                    "this page would be published at \(page.url), which is already the address of \(other)",
                    help: "give one of them a different 'slug'"))
            } else {
                owners[page.url] = page.displayPath
            }
        }
        for page in pages {
            for alias in page.frontMatter.aliases {
                let path = AliasPath.normalise(alias)
                if let other = owners[path] {
                    problems.append(.error(
                        page.frontMatter.locations["aliases"] ?? SourceLocation(file: page.displayPath, line: 1),
                        "the alias '\(alias)' is the address of \(other), so it cannot redirect here"))
                } else {
                    owners[path] = page.displayPath
                }
            }
        }
        return problems
    }
}

/// Alias addresses as written in front matter, made into site paths.
public enum AliasPath {
    /// `old-page` or `/old-page` → `/old-page/`; `/old.html` stays a file.
    public static func normalise(_ alias: String) -> URLPath {
        var value = alias.hasPrefix("/") ? alias : "/" + alias
        if !value.hasSuffix("/") && !value.split(separator: "/").last.map({ $0.contains(".") })! { value += "/" }
        return URLPath(value)
    }
}
