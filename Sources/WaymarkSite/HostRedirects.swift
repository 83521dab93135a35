import WaymarkContent
import WaymarkCore

/// `_redirects`: a permanent redirect (301) from each alias to its page, for hosts that answer
/// with a real redirect (Netlify, Cloudflare Pages, GitLab Pages). The HTML redirect pages are
/// still written at the aliases, for every other host.
///
/// Cloudflare Pages follows these rules even though a redirect page exists at the alias. Netlify
/// and GitLab Pages serve the file that exists instead; on Netlify, the build command in
/// docs/publishing/netlify.toml marks the rules `301!` (forced) so Netlify follows them too.
/// Cloudflare rejects that mark, so the file holds the form every host reads.
enum HostRedirects {
    struct Redirect: Equatable, Sendable {
        /// The alias, relative to the published folder: `/old-page/`.
        var from: String
        /// The page's address as the browser asks for it, with the base path: `/base/report/`.
        var to: String
    }

    /// One redirect per alias, in the order of the aliases' addresses.
    static func redirects(site: Site) -> [Redirect] {
        site.pages.flatMap { page in
            page.frontMatter.aliases.map { alias in
                Redirect(from: HostFiles.encoded(AliasPath.normalise(alias).value),
                         to: HostFiles.encoded(URLStyle.rootRelative(basePath: site.config.basePath).href(page.url)))
            }
        }.sorted { $0.from < $1.from }
    }

    static func file(site: Site) -> RenderedFile {
        var text = """
        # Redirects from the pages' aliases, written by waymark build: edit the pages' 'aliases:',
        # not this file. See docs/PUBLISHING.md.

        """
        for redirect in redirects(site: site) {
            text += "\(redirect.from) \(redirect.to) 301\n"
        }
        return RenderedFile(path: HostFiles.redirectsPath, text: text)
    }
}
