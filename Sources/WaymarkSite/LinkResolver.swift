import Foundation
import WaymarkContent
import WaymarkCore
import WaymarkMarkdown

/// How URLs are written on one output page.
enum URLStyle: Sendable {
    /// Relative to the page at this path: works under any base path and when opened from disk.
    case relative(to: URLPath)
    /// From the site root (`/base/path/`), for pages served at any depth such as `404.html`.
    case rootRelative(basePath: String)

    func href(_ path: URLPath) -> String {
        switch self {
        case .relative(let base): path.relative(from: base)
        case .rootRelative(let basePath): basePath + path.value.dropFirst()
        }
    }
}

/// A link to `#fragment` on another page, checked once every page's headings are known.
struct FragmentLink: Sendable {
    var targetSource: String
    /// As written, percent-decoded.
    var fragment: String
    /// The whole destination as written, to say how to write it instead.
    var destination: String
    /// The source path of the page the link is on.
    var sourcePath: String
    var location: SourceLocation
}

/// Turns link destinations written in Markdown into URLs, and explains the ones that go nowhere.
struct LinkResolver {
    let site: Site
    let page: Page
    let style: URLStyle
    /// Fragments to write as other ids: links to headings' old ids, found by checking every page.
    let rewrites: FragmentRewrites
    /// Links with fragments found while resolving, to check against the target's headings.
    private(set) var fragmentLinks: [FragmentLink] = []

    init(site: Site, page: Page, style: URLStyle, rewrites: FragmentRewrites = [:]) {
        self.site = site
        self.page = page
        self.style = style
        self.rewrites = rewrites
    }

    mutating func resolve(_ reference: LinkReference) -> LinkResolution {
        let destination = reference.destination
        switch LinkKind(destination) {
        case .external, .otherScheme:
            return .href(destination)
        case .fragment:
            let written = String(destination.dropFirst())
            let fragment = written.percentDecoded ?? written
            guard !fragment.isEmpty else { return .href(destination) }
            note(fragment, target: page.sourcePath, reference: reference)
            return .href(rewrites[FragmentKey(target: page.sourcePath, fragment: fragment)].map { "#" + $0 } ?? destination)
        case .rootRelative:
            return resolveRootRelative(reference)
        case .relative:
            return resolveRelative(reference)
        }
    }

    private mutating func note(_ fragment: String, target: String, reference: LinkReference) {
        fragmentLinks.append(FragmentLink(targetSource: target, fragment: fragment, destination: reference.destination,
                                          sourcePath: page.sourcePath, location: SourceLocation(file: page.displayPath, line: reference.line)))
    }

    /// `suffix` (`?x#y`) with its fragment written as the id it is to be rewritten to, if any.
    private func rewritten(_ suffix: String, fragment: String?, target: String) -> String {
        guard let fragment, let id = rewrites[FragmentKey(target: target, fragment: fragment)],
              let hash = suffix.firstIndex(of: "#") else { return suffix }
        return suffix[..<hash] + "#" + id
    }

    private mutating func resolveRelative(_ reference: LinkReference) -> LinkResolution {
        let (path, suffix, fragment) = LinkResolver.split(reference.destination)
        let decoded = path.percentDecoded ?? path
        let joined = (page.sourcePath.split(separator: "/").dropLast().map(String.init) + decoded.split(separator: "/", omittingEmptySubsequences: false).map(String.init))
        guard let normalised = LinkResolver.normalise(joined) else {
            return .broken("the link '\(reference.destination)' points outside the content folder", help: nil)
        }
        return resolveContentPath(normalised, isDirectory: decoded.hasSuffix("/") || decoded.isEmpty, suffix: suffix, fragment: fragment, reference: reference)
    }

    private mutating func resolveRootRelative(_ reference: LinkReference) -> LinkResolution {
        let (path, suffix, fragment) = LinkResolver.split(reference.destination)
        let decoded = path.percentDecoded ?? path
        if decoded.hasSuffix(".md") {
            let parts = decoded.split(separator: "/").map(String.init)
            return resolveContentPath(parts.joined(separator: "/"), isDirectory: false, suffix: suffix, fragment: fragment, reference: reference)
        }
        let url = URLPath(decoded)
        let withSlash = url.isDirectory ? url : URLPath(decoded + "/")
        if let target = site.page(at: url) ?? site.page(at: withSlash) {
            if let fragment { note(fragment, target: target.sourcePath, reference: reference) }
            return .href(style.href(target.url) + rewritten(suffix, fragment: fragment, target: target.sourcePath))
        }
        if let file = site.staticFile(at: url) { return .href(style.href(file.url) + suffix) }
        if site.tagPages.contains(where: { $0.url == withSlash }) { return .href(style.href(withSlash) + suffix) }
        return .broken("the link '\(reference.destination)' does not lead to any page or file of this site", help: "link to the page's file instead, like [text](report.md)")
    }

    private mutating func resolveContentPath(_ path: String, isDirectory: Bool, suffix: String, fragment: String?, reference: LinkReference) -> LinkResolution {
        if path.hasSuffix(".md") || isDirectory || site.page(source: path + "/index.md") != nil {
            let source = path.hasSuffix(".md") ? path : (path.isEmpty ? "index.md" : path + "/index.md")
            guard let target = site.page(source: source) else {
                return missingPage(source, reference: reference)
            }
            let shown = site.translation(key: target.translationKey, language: page.language.tag)
                .flatMap { target.language.tag == site.config.defaultLanguage.tag ? $0 : nil } ?? target
            if let fragment { note(fragment, target: shown.sourcePath, reference: reference) }
            let written = style.href(shown.url) + rewritten(suffix, fragment: fragment, target: shown.sourcePath)
            if shown.language.tag != page.language.tag { return .foreignHref(written, language: shown.language.tag.code) }
            return .href(written)
        }
        guard let file = site.staticFile(source: path) else {
            let help = Suggestion.closest(to: path, in: site.staticFiles.map(\.sourcePath)).map { "did you mean '\($0)'?" }
            return .broken("the link '\(reference.destination)' points to '\(path)', which is not in the content folder", help: help)
        }
        return .href(style.href(file.url) + suffix)
    }

    private func missingPage(_ source: String, reference: LinkReference) -> LinkResolution {
        if site.draftPaths.contains(source) {
            return .broken("the link '\(reference.destination)' points to a draft page, which is not published", help: "publish the page (remove 'draft: true') or remove the link")
        }
        let help = Suggestion.closest(to: source, in: site.pages.map(\.sourcePath)).map { "did you mean '\($0)'?" }
            ?? "check the file name; links are relative to the folder of the page they are in"
        return .broken("the link '\(reference.destination)' points to '\(source)', which does not exist", help: help)
    }

    /// `a/b.md?x#y` → (`a/b.md`, `?x#y`, `y`).
    static func split(_ destination: String) -> (path: String, suffix: String, fragment: String?) {
        guard let cut = destination.firstIndex(where: { $0 == "#" || $0 == "?" }) else { return (destination, "", nil) }
        let suffix = String(destination[cut...])
        let fragment = suffix.firstIndex(of: "#").map { String(suffix[suffix.index(after: $0)...]) }
        return (String(destination[..<cut]), suffix, fragment.flatMap { $0.isEmpty ? nil : ($0.percentDecoded ?? $0) })
    }

    /// Resolves `.` and `..`; nil when the path climbs above the root.
    static func normalise(_ parts: [String]) -> String? {
        var stack: [String] = []
        for part in parts {
            switch part {
            case "", ".": continue
            case "..":
                guard !stack.isEmpty else { return nil }
                stack.removeLast()
            default: stack.append(part)
            }
        }
        return stack.joined(separator: "/")
    }
}
