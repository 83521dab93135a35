import WaymarkContent
import WaymarkCore

/// A page listing everything with one tag in one language (`/tags/county-lines/`), or the index
/// of all tags (`/tags/`) when `tag` is nil.
public struct TagPage: Sendable {
    public var language: SiteLanguage
    /// The tag as first written; nil for the index of tags.
    public var tag: String?
    public var url: URLPath
    /// Source paths of the tagged pages (or, for the index, none).
    public var pageSources: [String]
    /// For the index: each tag with its URL, in alphabetical order.
    public var tags: [(name: String, url: URLPath, count: Int)]

    static func collect(pages: [Page], config: SiteConfig) -> [TagPage] {
        var result: [TagPage] = []
        for language in config.languages {
            var byTag: [String: (name: String, pages: [Page])] = [:]
            for page in pages where page.language.tag == language.tag {
                for tag in page.frontMatter.tags {
                    let slug = TagPage.slug(tag)
                    byTag[slug, default: (tag, [])].pages.append(page)
                }
            }
            guard !byTag.isEmpty else { continue }
            let prefix = config.urlPrefix(for: language).value
            let sortedSlugs = byTag.keys.sorted()
            var index: [(name: String, url: URLPath, count: Int)] = []
            for slug in sortedSlugs {
                let entry = byTag[slug]!
                let url = URLPath(prefix + "tags/" + slug + "/")
                let ordered = entry.pages.sorted(by: Site.listOrder).map(\.sourcePath)
                result.append(TagPage(language: language, tag: entry.name, url: url, pageSources: ordered, tags: []))
                index.append((entry.name, url, ordered.count))
            }
            result.append(TagPage(language: language, tag: nil, url: URLPath(prefix + "tags/"), pageSources: [], tags: index))
        }
        return result
    }

    /// `Labour exploitation` → `labour-exploitation`.
    static func slug(_ tag: String) -> String { Slug.make(tag, fallback: "tag") }
}
