import WaymarkContent
import WaymarkCore
import WaymarkSearch

/// The HTTP response headers a Waymark site asks its host to send, written as a `_headers` file
/// (the format Netlify and Cloudflare Pages read; docs/publishing/ has the same headers for nginx
/// and Apache).
///
/// The security headers follow the GDS Way's "Security overview for websites" (step 6, security
/// headers). No header is given twice for one path: Cloudflare joins the values of a header that
/// two matching rules set, so a long cache time on an asset beside a short one for every path
/// would become one contradictory header. Pages and the search index's entry point therefore get
/// no `Cache-Control` from here but the host's own default (`public, max-age=0,
/// must-revalidate` on both hosts), which makes browsers check for a new version every time.
enum HostHeaders {
    struct Header: Equatable, Sendable {
        var name: String
        var value: String
    }

    struct Rule: Equatable, Sendable {
        /// Relative to the published folder: `/*`, `/assets/css/site.3f2a9c1d0b.css`.
        var path: String
        var headers: [Header]
    }

    /// For files whose name changes whenever their contents do: a year, never revalidated.
    static let cacheForever = "public, max-age=31536000, immutable"
    /// For the search index's entry point, which names the current shards: always revalidated.
    static let revalidate = "no-cache"
    /// More theme assets than this get one `/assets/*` rule instead of one rule each, keeping the
    /// file under Cloudflare's limit of 100 rules.
    static let maxAssetRules = 50

    /// The pages' own policy (their `<meta>` tag) plus `frame-ancestors 'none'`, which only a
    /// header can set.
    static var contentSecurityPolicy: String { PageRenderer.contentSecurityPolicy + "; frame-ancestors 'none'" }

    /// Browser features no Waymark page uses, denied to the page and to anything it could embed.
    /// Only names Chromium recognises (Tests/browser/test_host_headers.py checks): an unknown name
    /// costs a console warning on every page, which is why `bluetooth`, `web-share` and
    /// `ambient-light-sensor` are not here. `interest-cohort` (FLoC's, which Chromium still knows)
    /// and `browsing-topics` (its successor) keep the site out of ad interest tracking.
    static let deniedFeatures = [
        "accelerometer", "autoplay", "browsing-topics", "camera", "captured-surface-control", "clipboard-read",
        "clipboard-write", "compute-pressure", "digital-credentials-get", "display-capture", "encrypted-media",
        "fullscreen", "gamepad", "geolocation", "gyroscope", "hid", "identity-credentials-get", "idle-detection",
        "interest-cohort", "keyboard-map", "local-fonts", "magnetometer", "microphone", "midi", "otp-credentials",
        "payment", "picture-in-picture", "private-state-token-issuance", "private-state-token-redemption",
        "publickey-credentials-create", "publickey-credentials-get", "screen-wake-lock", "serial",
        "speaker-selection", "storage-access", "sync-xhr", "unload", "usb", "window-management",
        "xr-spatial-tracking",
    ]

    /// Sent with every response.
    static var security: [Header] {
        [
            Header(name: "Content-Security-Policy", value: contentSecurityPolicy),
            Header(name: "Cross-Origin-Embedder-Policy", value: "require-corp"),
            Header(name: "Cross-Origin-Opener-Policy", value: "same-origin"),
            Header(name: "Cross-Origin-Resource-Policy", value: "same-origin"),
            Header(name: "Permissions-Policy", value: deniedFeatures.map { $0 + "=()" }.joined(separator: ", ")),
            Header(name: "Referrer-Policy", value: "no-referrer"),
            Header(name: "Strict-Transport-Security", value: "max-age=31536000; includeSubDomains"),
            Header(name: "X-Content-Type-Options", value: "nosniff"),
            Header(name: "X-Frame-Options", value: "DENY"),
            // Turns off the old XSS filter of some browsers, itself a source of leaks (GDS Way).
            Header(name: "X-XSS-Protection", value: "0"),
        ]
    }

    /// The rules for `site`: security headers everywhere, then caching for hashed names.
    static func rules(site: Site, theme: Theme) -> [Rule] {
        let forever = [Header(name: "Cache-Control", value: cacheForever)]
        var rules = [Rule(path: "/*", headers: security)]
        if theme.assets.assets.count > maxAssetRules {
            rules.append(Rule(path: "/assets/*", headers: forever))
        } else {
            rules += theme.assets.assets.map { Rule(path: HostFiles.encoded($0.url.value), headers: forever) }
        }
        if site.config.search {
            for language in site.config.languages {
                let folder = HostFiles.encoded("/" + SiteSearch.indexFolder(language))
                rules.append(Rule(path: folder + SearchIndexFiles.metaName, headers: [Header(name: "Cache-Control", value: revalidate)]))
                // The shards' and fragments' folders are named by the hash of what they hold.
                rules.append(Rule(path: folder + "t.*", headers: forever))
                rules.append(Rule(path: folder + "f.*", headers: forever))
            }
        }
        return rules
    }

    static func file(site: Site, theme: Theme) -> RenderedFile {
        var text = """
        # Response headers for Netlify and Cloudflare Pages, written by waymark build: edit
        # site.yaml or the theme, not this file. Paths are relative to the published folder.
        # See docs/PUBLISHING.md.

        """
        for rule in rules(site: site, theme: theme) {
            text += "\n" + rule.path + "\n" + rule.headers.map { "  \($0.name): \($0.value)\n" }.joined()
        }
        return RenderedFile(path: HostFiles.headersPath, text: text)
    }
}
