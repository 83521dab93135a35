import Foundation
import WaymarkContent
import WaymarkCore

/// The files a build writes for the host rather than for visitors: `_headers` and `_redirects`
/// (read by Netlify and Cloudflare Pages, and `_redirects` by GitLab Pages) and
/// `/.well-known/security.txt`. See docs/PUBLISHING.md.
///
/// Paths inside `_headers` and `_redirects` are relative to the output folder, because those
/// hosts read them relative to the folder they publish, which they serve at the root of the
/// domain. Redirect targets carry the base path of `base_url`, as every link on the site does,
/// because the browser follows them.
enum HostFiles {
    static let headersPath = "_headers"
    static let redirectsPath = "_redirects"
    static let securityTxtPath = ".well-known/security.txt"

    /// Every host file of `site`, in a fixed order.
    static func files(site: Site, theme: Theme) -> [RenderedFile] {
        [HostHeaders.file(site: site, theme: theme), HostRedirects.file(site: site)]
            + [SecurityTxt.file(config: site.config)].compactMap { $0 }
    }

    /// The paths ``files(site:theme:)`` writes, for the output plan's checks.
    static func paths(config: SiteConfig) -> [String] {
        [headersPath, redirectsPath] + (config.security == nil ? [] : [securityTxtPath])
    }

    /// `path` as these files must hold it: every byte but letters, digits, `-._~` and `/`
    /// percent-encoded, so a space cannot split a line and a non-ASCII name matches the address
    /// the browser sends.
    static func encoded(_ path: String) -> String {
        var out = ""
        for byte in path.utf8 {
            if unencoded.contains(byte) {
                out.unicodeScalars.append(Unicode.Scalar(byte))
            } else {
                out += String(format: "%%%02X", byte)
            }
        }
        return out
    }

    private static let unencoded = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._~/".utf8)
}
