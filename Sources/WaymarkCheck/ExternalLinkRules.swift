import WaymarkCore

/// How `--external` checks links to other sites.
public struct ExternalLinkOptions: Sendable {
    /// Requests in flight at once.
    public var concurrency = 8
    /// Seconds before a request counts as failed.
    public var timeout = 10.0
    /// Extra tries after a failure that may be passing (a timeout, a 5xx, a refused connection).
    public var retries = 2
    /// Where results are kept between runs, so a CI job does not ask every site every time.
    public var cacheFile: String?
    /// How long a cached result stays good.
    public var cacheHours = 24.0

    public init() {}
}

/// A link to another site written on a page.
public struct ExternalLink: Sendable, Hashable {
    public var url: String
    public var location: SourceLocation

    public init(url: String, location: SourceLocation) {
        self.url = url
        self.location = location
    }
}

/// `--external`: links to other sites that are dead or redirect.
enum ExternalLinkRules {
    static let rules: [RuleInfo] = []

    /// The `http(s)` links written on `page`.
    static func links(in page: PageContext) -> [ExternalLink] { [] }

    /// A finding for each link that is dead or redirects.
    static func check(_ links: [ExternalLink], options: ExternalLinkOptions) -> [Diagnostic] { [] }
}
