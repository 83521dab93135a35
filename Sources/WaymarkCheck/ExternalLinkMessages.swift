import Foundation

/// The words of `external-dead` and `external-redirect` findings, for the person editing the page.
enum ExternalLinkMessages {
    static let deadHelp = "find where the page moved and update the link, or remove it"

    /// What went wrong with the link to `url`, in one sentence; nil when there is nothing to report.
    static func dead(_ url: String, _ failure: LinkFailure, finalURL: String, tries: Int, timeout: Double) -> String {
        let link = "the link to \(url)"
        // When redirects led elsewhere first, say where the failure happened.
        let there = sameAddress(url, finalURL) ? "" : " (it leads to \(finalURL))"
        let times = tries > 1 ? ", each of the \(tries) times it was tried" : ""
        switch failure {
        case .status(404):
            return "\(link) is broken: the site says the page no longer exists (404 not found)\(there)"
        case .status(410):
            return "\(link) is broken: the site says the page has been removed for good (410 gone)\(there)"
        case .status(401):
            return "\(link) asks for a login (401), so most readers cannot open it\(there)"
        case .status(403):
            return "\(link) was refused (403 forbidden): the page may need a login, or the site may block automatic checks — open it in a browser to be sure\(there)"
        case .status(let status) where status >= 500:
            return "\(link) did not work: the site was failing (error \(status))\(times)\(there)"
        case .status(let status):
            return "\(link) did not work: the site answered with error \(status)\(there)"
        case .noSuchHost:
            return "\(link) is broken: there is no website at \(host(finalURL)) (the address could not be found)"
        case .refused:
            return "\(link) did not work: \(host(finalURL)) refused the connection\(times)"
        case .insecure:
            return "\(link) did not work: the site's secure connection failed (its certificate could not be trusted)\(there)"
        case .timedOut:
            return "\(link) did not work: the site did not answer within \(seconds(timeout))\(times)\(there)"
        case .broken:
            return "\(link) did not work: the connection to \(host(finalURL)) broke off before the site answered\(times)"
        case .redirectLoop:
            return "\(link) is broken: it sends readers round in a loop of redirects and never reaches a page"
        case .tooManyRedirects:
            return "\(link) is broken: it redirects more than \(LinkTracer.maxRedirects) times without reaching a page"
        case .invalidAddress:
            return "\(link) is not a web address that can be opened"
        }
    }

    /// The sentence and next step for a link that has moved for good to `movedTo`.
    static func moved(_ url: String, to movedTo: String) -> (summary: String, help: String) {
        if isHTTPSUpgrade(from: url, to: movedTo) {
            return ("\(url) now opens its secure address: use the https address \(movedTo)",
                    "change the link to start with https:// so readers go straight to the secure page")
        }
        return ("the link to \(url) has moved for good to \(movedTo)",
                "change the link to \(movedTo) so readers go straight there")
    }

    /// `http://host/path` → `https://host/path`: the same page, only made secure.
    static func isHTTPSUpgrade(from url: String, to movedTo: String) -> Bool {
        guard let old = URLComponents(string: url), let new = URLComponents(string: movedTo),
              old.scheme?.lowercased() == "http", new.scheme?.lowercased() == "https" else { return false }
        return old.host?.lowercased() == new.host?.lowercased() && old.percentEncodedPath == new.percentEncodedPath
            && old.percentEncodedQuery == new.percentEncodedQuery
    }

    private static func sameAddress(_ written: String, _ reached: String) -> Bool {
        func trimmed(_ text: String) -> String { text.firstIndex(of: "#").map { String(text[..<$0]) } ?? text }
        return trimmed(written) == trimmed(reached) || trimmed("https:" + written) == trimmed(reached)
    }

    private static func host(_ url: String) -> String {
        URLComponents(string: url)?.host ?? url
    }

    private static func seconds(_ timeout: Double) -> String {
        let rounded = timeout == timeout.rounded() ? String(Int(timeout)) : String(format: "%.1f", timeout)
        return rounded == "1" ? "1 second" : "\(rounded) seconds"
    }
}
