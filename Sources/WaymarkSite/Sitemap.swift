import WaymarkContent
import WaymarkCore

/// `sitemap.xml` with every page, its last change, and its translations as `xhtml:link`
/// alternates; and `robots.txt` pointing at it.
enum Sitemap {
    static func render(site: Site) -> RenderedFile {
        var xml = """
        <?xml version="1.0" encoding="utf-8"?>
        <urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">

        """
        for page in site.pages.sorted(by: { $0.url < $1.url }) {
            xml += "  <url>\n    <loc>\(HTMLEscape.escape(site.config.absoluteURL(page.url)))</loc>\n"
            if let changed = page.frontMatter.updated ?? page.frontMatter.date {
                xml += "    <lastmod>\(changed.iso)</lastmod>\n"
            }
            let translations = site.translations(of: page)
            if translations.count > 1 {
                for translation in translations {
                    xml += "    <xhtml:link rel=\"alternate\" hreflang=\"\(translation.language.tag.code)\" href=\"\(HTMLEscape.escape(site.config.absoluteURL(translation.url)))\"/>\n"
                }
                xml += "    <xhtml:link rel=\"alternate\" hreflang=\"x-default\" href=\"\(HTMLEscape.escape(site.config.absoluteURL(translations[0].url)))\"/>\n"
            }
            xml += "  </url>\n"
        }
        for tagPage in site.tagPages.sorted(by: { $0.url < $1.url }) {
            xml += "  <url>\n    <loc>\(HTMLEscape.escape(site.config.absoluteURL(tagPage.url)))</loc>\n  </url>\n"
        }
        xml += "</urlset>\n"
        return RenderedFile(path: "sitemap.xml", text: xml)
    }

    static func robots(site: Site) -> RenderedFile {
        RenderedFile(path: "robots.txt", text: "User-agent: *\nAllow: /\n\nSitemap: \(site.config.absoluteURL(URLPath("/sitemap.xml")))\n")
    }
}
