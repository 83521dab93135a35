import WaymarkContent
import WaymarkCore

/// The ids on one page that a `page.md#id` link can land on.
struct PageAnchors: Sendable, Equatable {
    /// Heading ids, and the ids the theme and the directory put on the page.
    var ids: Set<String>
    /// Each heading's old id (from before Waymark made ids as GitHub does) → its id now; the old
    /// ids are on the page too, so links to them from elsewhere still land.
    var aliases: [String: String] = [:]
}

/// A fragment as a link wrote it, on the page it points to.
struct FragmentKey: Hashable, Sendable {
    var target: String
    var fragment: String
}

/// The heading id each written fragment of one page's links is to be written as instead.
typealias FragmentRewrites = [FragmentKey: String]

/// What checking every link to a heading found.
struct FragmentCheck: Sendable {
    var diagnostics: [Diagnostic] = []
    /// By the source path of the page the links are on.
    var rewrites: [String: FragmentRewrites] = [:]
}

extension SiteChecks {
    /// Every `#fragment` link against the headings of the page it points to. A link to a
    /// heading's old id, or to the id GitLab gives it, lands, but is rewritten to the new id and
    /// reported so it can be updated; one written in another Unicode form of the id (decomposed
    /// `ệ`) is silently rewritten to the id's own, since browsers compare ids character by character.
    static func fragments(_ links: [FragmentLink], anchors: [String: PageAnchors], site: Site) -> FragmentCheck {
        var check = FragmentCheck()
        for link in links {
            guard let page = anchors[link.targetSource] else { continue }
            let key = FragmentKey(target: link.targetSource, fragment: link.fragment)
            if let index = page.ids.firstIndex(of: link.fragment) {
                let id = page.ids[index]
                if !id.unicodeScalars.elementsEqual(link.fragment.unicodeScalars) { check.rewrites[link.sourcePath, default: [:]][key] = id }
            } else if let id = page.aliases[link.fragment] {
                check.rewrites[link.sourcePath, default: [:]][key] = id
                check.diagnostics.append(renamed(link, id: id, site: site))
            } else if let id = gitLabForm(link.fragment, in: page.ids) {
                check.rewrites[link.sourcePath, default: [:]][key] = id
                check.diagnostics.append(renamed(link, id: id, site: site, gitLab: true))
            } else {
                let help = Suggestion.closest(to: link.fragment, in: Array(page.ids)).map { "did you mean '#\($0)'?" }
                check.diagnostics.append(.warning(link.location, "the link points to '#\(link.fragment)', which is not a heading on \(shown(link.targetSource, site: site))", help: help))
            }
        }
        return check
    }

    /// The id whose GitLab form `fragment` is: GitLab makes ids as GitHub does, then joins
    /// repeated hyphens into one (`who-we-are-and-what-we-do` for `who-we-are--and-what-we-do`).
    /// Sorted, so that of two ids with one GitLab form the same is always chosen.
    static func gitLabForm(_ fragment: String, in ids: Set<String>) -> String? {
        guard !fragment.contains("--") else { return nil }
        return ids.filter { $0.contains("--") && squeezingHyphens($0) == fragment }.sorted().first
    }

    static func squeezingHyphens(_ id: String) -> String {
        var out = ""
        for character in id where character != "-" || out.last != "-" { out.append(character) }
        return out
    }

    private static func renamed(_ link: FragmentLink, id: String, site: Site, gitLab: Bool = false) -> Diagnostic {
        let written = link.destination.firstIndex(of: "#").map { String(link.destination[..<$0]) } ?? ""
        let target = shown(link.targetSource, site: site)
        let summary = gitLab
            ? "the link points to '#\(link.fragment)', the address GitLab gives a heading on \(target): on this site the heading is at '#\(id)'"
            : "the link points to '#\(link.fragment)', the old address of a heading on \(target): the heading is now at '#\(id)'"
        return .warning(link.location, summary,
                        help: gitLab ? "change the link to '\(written)#\(id)'; until then Waymark writes it so for you"
                            : "change the link to '\(written)#\(id)'; until then it still works, because the page keeps the old address too")
    }

    private static func shown(_ source: String, site: Site) -> String {
        site.page(source: source)?.displayPath ?? source
    }
}
