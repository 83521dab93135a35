import WaymarkContent
import WaymarkCore

/// Which sections have an Atom feed: every section (or home) page that lists dated pages
/// gets `feed.xml` beside its `index.html`.
struct FeedPlan: Sendable {
    /// Section source path → feed URL.
    let feedBySection: [String: URLPath]

    init(site: Site) {
        var feeds: [String: URLPath] = [:]
        for page in site.pages where page.kind == .section || page.kind == .home {
            if site.children(of: page).contains(where: { $0.frontMatter.date != nil }) {
                feeds[page.sourcePath] = URLPath(page.url.value + "feed.xml")
            }
        }
        feedBySection = feeds
    }

    /// The feed a page links to: its own if it is a section with one, else its parent's.
    func feed(for page: Page, in site: Site) -> URLPath? {
        if let own = feedBySection[page.sourcePath] { return own }
        guard page.kind == .page, let parent = site.ancestors(of: page).last, parent.kind == .section else { return nil }
        return feedBySection[parent.sourcePath]
    }
}

/// Writes Atom 1.0 feeds (RFC 4287).
enum AtomFeed {
    /// The feed for `section`, with its 20 newest dated pages and their summaries.
    static func render(section: Page, site: Site, url: URLPath) -> RenderedFile {
        let entries = site.children(of: section)
            .filter { $0.frontMatter.date != nil }
            .sorted { ($0.frontMatter.updated ?? $0.frontMatter.date!, $0.sourcePath) > ($1.frontMatter.updated ?? $1.frontMatter.date!, $1.sourcePath) }
            .prefix(20)
        let newest = entries.map { $0.frontMatter.updated ?? $0.frontMatter.date! }.max()
        var xml = """
        <?xml version="1.0" encoding="utf-8"?>
        <feed xmlns="http://www.w3.org/2005/Atom" xml:lang="\(section.language.tag.code)">
          <title>\(HTMLEscape.escape(section.title + " – " + site.config.title))</title>
          <id>\(HTMLEscape.escape(site.config.absoluteURL(section.url)))</id>
          <link rel="self" href="\(HTMLEscape.escape(site.config.absoluteURL(url)))"/>
          <link rel="alternate" type="text/html" href="\(HTMLEscape.escape(site.config.absoluteURL(section.url)))"/>
          <updated>\((newest ?? CalendarDate(year: 2000, month: 1, day: 1)).rfc3339)</updated>
          <author><name>\(HTMLEscape.escape(site.config.title))</name></author>

        """
        for entry in entries {
            let link = site.config.absoluteURL(entry.url)
            xml += """
              <entry>
                <title>\(HTMLEscape.escape(entry.title))</title>
                <id>\(HTMLEscape.escape(link))</id>
                <link rel="alternate" type="text/html" href="\(HTMLEscape.escape(link))"/>
                <published>\(entry.frontMatter.date!.rfc3339)</published>
                <updated>\((entry.frontMatter.updated ?? entry.frontMatter.date!).rfc3339)</updated>

            """
            if let summary = entry.frontMatter.summary {
                xml += "    <summary>\(HTMLEscape.escape(summary))</summary>\n"
            }
            xml += "  </entry>\n"
        }
        xml += "</feed>\n"
        return RenderedFile(path: url.outputFile, text: xml)
    }
}
