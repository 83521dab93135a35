import WaymarkContent
import WaymarkCore

/// `/.well-known/security.txt` (RFC 9116), from the `security_*` settings of `site.yaml`: who to
/// tell about a security problem with the site, and until when that is known to be right.
enum SecurityTxt {
    /// Nil when `site.yaml` has no `security_contact`.
    static func file(config: SiteConfig) -> RenderedFile? {
        guard let security = config.security else { return nil }
        var text = "# How to report a security problem with \(config.baseURL) (RFC 9116).\n"
        text += security.contacts.map { "Contact: \($0)\n" }.joined()
        // The end of the day given, in UTC: the setting names the last day the contact is right.
        text += "Expires: \(security.expires.iso)T23:59:59Z\n"
        if let policy = security.policy { text += "Policy: \(policy)\n" }
        text += "Preferred-Languages: en\n"
        text += "Canonical: \(config.absoluteURL(URLPath("/" + HostFiles.securityTxtPath)))\n"
        return RenderedFile(path: HostFiles.securityTxtPath, text: text)
    }
}
