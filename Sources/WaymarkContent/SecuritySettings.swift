import Foundation
import WaymarkCore

/// The `security_contact`, `security_expires` and `security_policy` settings of `site.yaml`:
/// what the build writes into `/.well-known/security.txt` (RFC 9116), the file security
/// researchers look for to report a problem with the site.
///
/// `security_expires` is a setting, not a date the build works out, so that two builds of the
/// same content give the same files; RFC 9116 requires the field so that a forgotten file stops
/// being trusted, and the partnership renews it (at most a year ahead) when it checks the contact.
public struct SecuritySettings: Sendable, Equatable {
    /// `mailto:` or `https:` addresses, most preferred first (one `Contact:` line each).
    public var contacts: [String]
    /// The last day the contact details are known to be right.
    public var expires: CalendarDate
    /// A page that says how the partnership handles reports (`Policy:`), if there is one.
    public var policy: String?

    public init(contacts: [String], expires: CalendarDate, policy: String? = nil) {
        self.contacts = contacts
        self.expires = expires
        self.policy = policy
    }

    static let keys = ["security_contact", "security_expires", "security_policy"]

    /// Reads the three settings from `fields`: nil when there is no `security_contact` (no
    /// security.txt is written), reporting each mistake at its line.
    static func read(_ fields: YAMLMapping, diagnostics: inout Diagnostics) -> SecuritySettings? {
        let contacts = fields.strings("security_contact", diagnostics: &diagnostics)
        let expires = fields.date("security_expires", diagnostics: &diagnostics)
        let policy = fields.string("security_policy", diagnostics: &diagnostics)
        guard let contacts else {
            for key in ["security_expires", "security_policy"] where fields.node(key) != nil {
                diagnostics.append(.error(fields.location(key), "'\(key)' is set but 'security_contact' is not, so no security.txt is written",
                                          help: "add 'security_contact: mailto:…' with the address security problems should go to, or remove '\(key)'"))
            }
            return nil
        }
        let location = fields.location("security_contact")
        if contacts.isEmpty {
            diagnostics.append(.error(location, "'security_contact' is an empty list", help: contactHelp))
        }
        for contact in contacts {
            if let problem = contactProblem(contact) { diagnostics.append(.error(location, problem.message, help: problem.help)) }
        }
        if let policy, !isWebAddress(policy) {
            diagnostics.append(.error(fields.location("security_policy"), "'security_policy' should be a web address starting with https://, not '\(policy)'",
                                      help: "give the address of the page that says how your partnership handles security reports"))
        }
        guard let expires else {
            if fields.node("security_expires") == nil {
                diagnostics.append(.error(location, "'security_contact' is set but 'security_expires' is missing",
                                          help: "add 'security_expires: YYYY-MM-DD', a date less than a year away by which you will check the contact again; security.txt must say when it stops being valid"))
            }
            return nil
        }
        return SecuritySettings(contacts: contacts, expires: expires, policy: policy)
    }

    public static let contactHelp = "write an email address as mailto:security@example.org, or the address of a contact page starting with https://"

    /// Why `contact` cannot be a `Contact:` line, with the next step; nil when it can.
    static func contactProblem(_ contact: String) -> (message: String, help: String)? {
        let shown = OutputPathRules.visible(contact)
        if contact.lowercased().hasPrefix("mailto:") {
            let address = contact.dropFirst("mailto:".count)
            let parts = address.split(separator: "@", omittingEmptySubsequences: false)
            if parts.count == 2, !parts[0].isEmpty, parts[1].contains("."), !address.contains(where: { $0.isWhitespace || "<>,;".contains($0) }) {
                return nil
            }
            return ("'\(shown)' in 'security_contact' is not an email address", contactHelp)
        }
        if isWebAddress(contact) { return nil }
        if contact.lowercased().hasPrefix("http://") {
            return ("'\(shown)' in 'security_contact' starts with http://, but security.txt contacts must be secure web addresses",
                    "write it with https:// instead of http://")
        }
        if !contact.contains(":"), contact.contains("@") {
            return ("'\(shown)' in 'security_contact' needs 'mailto:' in front of the email address", "write 'security_contact: mailto:\(shown)'")
        }
        return ("'\(shown)' in 'security_contact' is neither a mailto: email address nor an https:// web address", contactHelp)
    }

    /// An `https://` address with a host: RFC 9116 requires web contacts to use HTTPS.
    static func isWebAddress(_ text: String) -> Bool {
        guard text.lowercased().hasPrefix("https://"), !text.contains(where: \.isWhitespace),
              let url = URL(string: text), let host = url.host, !host.isEmpty else { return false }
        return true
    }
}
