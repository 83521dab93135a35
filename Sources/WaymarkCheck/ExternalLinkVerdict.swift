/// Why a link to another site did not lead to a page.
enum LinkFailure: Sendable, Hashable {
    /// The site answered with an error status (4xx or 5xx).
    case status(Int)
    /// The site's name could not be looked up (no such site, or the domain has lapsed).
    case noSuchHost
    /// The site's computer turned the connection away.
    case refused
    /// The secure connection could not be made or its certificate could not be trusted.
    case insecure
    /// No answer within the time allowed.
    case timedOut
    /// The connection broke off, or the answer could not be read.
    case broken
    /// The redirects come back to an address already visited.
    case redirectLoop
    /// More redirects than ``LinkTracer/maxRedirects``.
    case tooManyRedirects
    /// The address as written cannot be requested.
    case invalidAddress

    /// Failures that may pass if asked again a little later.
    var mayPass: Bool {
        switch self {
        case .status(let status): status >= 500 || status == 429
        case .timedOut, .refused, .broken: true
        case .noSuchHost, .insecure, .redirectLoop, .tooManyRedirects, .invalidAddress: false
        }
    }

    /// A short name kept in the cache file, for people reading it.
    var code: String {
        switch self {
        case .status(let status): "status \(status)"
        case .noSuchHost: "no such host"
        case .refused: "connection refused"
        case .insecure: "secure connection failed"
        case .timedOut: "timed out"
        case .broken: "connection broken"
        case .redirectLoop: "redirect loop"
        case .tooManyRedirects: "too many redirects"
        case .invalidAddress: "invalid address"
        }
    }
}

/// What checking one address found.
enum LinkVerdict: Sendable, Hashable {
    /// It leads to a page (perhaps through temporary redirects). `status` is the page's.
    case alive(status: Int, finalURL: String)
    /// It starts with permanent redirects (301/308): `movedTo` is where they lead, the address
    /// to write instead; the page found in the end answered `status`.
    case moved(movedTo: String, status: Int, finalURL: String)
    /// It leads nowhere; `finalURL` is the address that failed (after any redirects).
    case dead(LinkFailure, finalURL: String)
    /// The site said it is too busy to answer (429): neither reported nor kept, checked again next run.
    case busy

    /// Whether another try might give a better answer.
    var mayPass: Bool {
        switch self {
        case .dead(let failure, _): failure.mayPass
        case .busy: true
        case .alive, .moved: false
        }
    }

    /// No answer came at all: the name was not found, or the connection failed or timed out.
    var isUnreachable: Bool {
        guard case .dead(let failure, _) = self else { return false }
        switch failure {
        case .noSuchHost, .refused, .timedOut, .broken: return true
        default: return false
        }
    }

    /// Results that stay true for a while and can be reused from the cache: failures are
    /// always checked again, since the site may be back.
    var isLasting: Bool {
        switch self {
        case .alive, .moved: true
        case .dead, .busy: false
        }
    }
}
