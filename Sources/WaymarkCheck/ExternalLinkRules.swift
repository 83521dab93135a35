import Foundation
import WaymarkContent
import WaymarkCore

/// How `--external` checks links to other sites.
public struct ExternalLinkOptions: Sendable {
    /// Requests in flight at once.
    public var concurrency = 8
    /// Seconds before a request counts as failed.
    public var timeout = 10.0
    /// Extra tries after a failure that may be passing (a timeout, a 5xx, a refused connection).
    public var retries = 2
    /// Seconds before the first extra try; each further one waits twice as long.
    public var retryDelay = 1.0
    /// Where results are kept between runs, so a CI job does not ask every site every time.
    public var cacheFile: String?
    /// How long a cached result stays good.
    public var cacheHours = 24.0
    /// An address the owners of the sites checked can visit to see who is asking (the site's
    /// own `base_url` is a good choice); it goes in the User-Agent.
    public var contact: String?

    public init() {}

    /// `Waymark link checker (+https://partnership.example/)`, so site owners see who checks.
    public var userAgent: String {
        contact.map { "Waymark link checker (+\($0))" } ?? "Waymark link checker"
    }
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
    static let dead = RuleInfo(id: "external-dead", title: "links to other sites that no longer work")
    static let redirect = RuleInfo(id: "external-redirect", title: "links to other sites that have moved for good")

    static let rules: [RuleInfo] = [dead, redirect]

    /// The `http(s)` links written on `page`.
    static func links(in page: PageContext) -> [ExternalLink] {
        ExternalLinkFinder.links(in: page.document, file: page.file)
    }

    /// The menus' links to other sites, at their `url:` lines in site.yaml.
    static func links(in config: SiteConfig) -> [ExternalLink] {
        ExternalLinkFinder.menuLinks(in: config)
    }

    /// A finding for each link that is dead or redirects.
    static func check(_ links: [ExternalLink], options: ExternalLinkOptions) -> [Diagnostic] {
        let places = Dictionary(grouping: Set(links), by: { requestAddress($0.url) })
        guard !places.isEmpty else { return [] }
        var problems: [Diagnostic] = []
        var cache = LinkCache()
        if let file = options.cacheFile {
            let loaded = LinkCache.load(file)
            cache = loaded.cache
            problems += loaded.problem.map { [$0] } ?? []
        }
        let checked = verdicts(for: places.keys.sorted(), cache: &cache, options: options)
        if let file = options.cacheFile, let problem = cache.keeping(Set(places.keys)).save(to: file) { problems.append(problem) }
        let offline = seemsOffline(checked.asked)
        for (address, links) in places {
            guard let verdict = checked.all[address], !(offline && verdict.isUnreachable) else { continue }
            problems += links.compactMap { finding($0, verdict, options: options) }
        }
        if offline, let first = places.values.joined().min(by: { $0.location < $1.location }) {
            problems.append(offlineWarning(at: first.location, count: checked.asked.count))
        }
        return problems.sorted()
    }

    /// One warning in place of every link looking broken when the computer has no connection.
    private static func offlineWarning(at location: SourceLocation, count: Int) -> Diagnostic {
        .warning(location, "no other site could be reached, so \(count) links to other sites could not be checked (this is the first): the computer seems to be offline",
                 help: "run the check again once the computer is connected to the internet")
    }

    /// Whether every site asked failed before answering at all, and there were several: then the
    /// fault is this computer's connection (a CI runner without network), not the links.
    private static func seemsOffline(_ asked: [String: LinkVerdict]) -> Bool {
        let hosts = Set(asked.keys.compactMap { URLComponents(string: $0)?.host?.lowercased() })
        return hosts.count >= 2 && asked.values.allSatisfy(\.isUnreachable)
    }

    /// Each address's verdict: from the cache when it holds a lasting one, otherwise asked now
    /// (and recorded in the cache).
    private static func verdicts(for addresses: [String], cache: inout LinkCache,
                                 options: ExternalLinkOptions) -> (all: [String: LinkVerdict], asked: [String: LinkVerdict]) {
        let now = Date()
        var verdicts: [String: LinkVerdict] = [:]
        var toAsk: [(address: String, url: URL)] = []
        for address in addresses {
            if let kept = cache.verdict(for: address, now: now, hours: options.cacheHours) {
                verdicts[address] = kept
            } else if let url = requestURL(address) {
                toAsk.append((address, url))
            } else {
                verdicts[address] = .dead(.invalidAddress, finalURL: address)
            }
        }
        guard !toAsk.isEmpty else { return (verdicts, [:]) }
        let probe = LinkProbe(timeout: options.timeout, userAgent: options.userAgent, connections: options.concurrency)
        defer { probe.close() }
        let tracer = LinkTracer(probe: probe, retries: max(0, options.retries), retryDelay: max(0, options.retryDelay))
        let answers = LinkPool.map(toAsk.map(\.url), width: options.concurrency) { tracer.check($0) }
        var asked: [String: LinkVerdict] = [:]
        for (question, verdict) in zip(toAsk, answers) {
            verdicts[question.address] = verdict
            asked[question.address] = verdict
            cache.record(verdict, for: question.address, at: Date())
        }
        return (verdicts, asked)
    }

    /// The finding for `link`, or nil when it leads to a page where it says.
    private static func finding(_ link: ExternalLink, _ verdict: LinkVerdict, options: ExternalLinkOptions) -> Diagnostic? {
        switch verdict {
        case .alive, .busy:
            return nil
        case .moved(let movedTo, _, _):
            let words = ExternalLinkMessages.moved(link.url, to: keepingFragment(of: link.url, movedTo))
            return .finding(redirect, link.location, words.summary, help: words.help)
        case .dead(let failure, let finalURL):
            let tries = failure.mayPass ? max(0, options.retries) + 1 : 1
            let summary = ExternalLinkMessages.dead(link.url, failure, finalURL: finalURL, tries: tries, timeout: options.timeout)
            return .finding(dead, link.location, summary, help: ExternalLinkMessages.deadHelp)
        }
    }

    /// `movedTo` with the `#part` the link was written with, which browsers carry across a
    /// redirect, so the suggested address still opens at the same place.
    private static func keepingFragment(of written: String, _ movedTo: String) -> String {
        guard !movedTo.contains("#"), let hash = written.firstIndex(of: "#") else { return movedTo }
        return movedTo + written[hash...]
    }

    /// The address actually asked for: without `#…` (never sent to the server), and with
    /// `https:` in front of `//host/…`.
    static func requestAddress(_ written: String) -> String {
        let trimmed = written.trimmingCharacters(in: .whitespaces)
        let address = trimmed.hasPrefix("//") ? "https:" + trimmed : trimmed
        return address.firstIndex(of: "#").map { String(address[..<$0]) } ?? address
    }

    /// A URL for `address`, escaping characters such as spaces or letters outside English that
    /// editors write but a request cannot carry; nil when it has no site to ask.
    static func requestURL(_ address: String) -> URL? {
        let url = URL(string: address) ?? address.addingPercentEncoding(withAllowedCharacters: requestCharacters).flatMap { URL(string: $0) }
        guard let url, let scheme = url.scheme?.lowercased(), scheme == "http" || scheme == "https",
              let host = url.host, !host.isEmpty else { return nil }
        return url
    }

    /// Characters left as they are in a request address: URL syntax and already-escaped `%xx`.
    private static let requestCharacters = CharacterSet.urlQueryAllowed.union(CharacterSet(charactersIn: "#%[]"))
}
