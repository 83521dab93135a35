import Foundation

/// Follows one address hop by hop to a verdict: alive, moved for good, or dead.
struct LinkTracer: Sendable {
    /// Redirects followed before giving up; real sites need one or two.
    static let maxRedirects = 5
    /// Answers to HEAD that many servers give because they do not support it: ask again with GET.
    static let headRefusals: Set<Int> = [403, 405, 501]

    let probe: LinkProbe
    let retries: Int
    let retryDelay: Double

    /// The verdict for `url`, asking again (with a growing pause) while the failure may pass.
    func check(_ url: URL) -> LinkVerdict {
        var verdict = follow(url)
        var attempt = 0
        while verdict.mayPass && attempt < retries {
            Thread.sleep(forTimeInterval: retryDelay * Double(1 << attempt))
            attempt += 1
            verdict = follow(url)
        }
        return verdict
    }

    /// One pass along the redirects from `start`.
    func follow(_ start: URL) -> LinkVerdict {
        var current = start
        var seen: Set<String> = [Self.withoutFragment(start)]
        // Where the permanent redirects at the start of the chain lead, while they last.
        var movedTo: URL?
        var onlyPermanentSoFar = true
        for hop in 0...Self.maxRedirects {
            switch request(current) {
            case .failure(let failure):
                return .dead(failure, finalURL: current.absoluteString)
            case .response(let status, let location):
                guard (300..<400).contains(status), let location, let next = URL(string: location, relativeTo: current)?.absoluteURL else {
                    return verdict(status: status, at: current, movedTo: movedTo)
                }
                if hop == Self.maxRedirects { return .dead(.tooManyRedirects, finalURL: current.absoluteString) }
                guard seen.insert(Self.withoutFragment(next)).inserted else { return .dead(.redirectLoop, finalURL: next.absoluteString) }
                if onlyPermanentSoFar && (status == 301 || status == 308) {
                    movedTo = next
                } else {
                    onlyPermanentSoFar = false
                }
                current = next
            }
        }
        return .dead(.tooManyRedirects, finalURL: current.absoluteString)
    }

    /// HEAD first (no body is sent back); GET when the server will not answer HEAD.
    private func request(_ url: URL) -> HopOutcome {
        let outcome = probe.send("HEAD", to: url)
        if case .response(let status, _) = outcome, Self.headRefusals.contains(status) {
            return probe.send("GET", to: url)
        }
        return outcome
    }

    /// The verdict once a hop answers with something other than a redirect.
    private func verdict(status: Int, at url: URL, movedTo: URL?) -> LinkVerdict {
        if status == 429 { return .busy }
        if status >= 400 { return .dead(.status(status), finalURL: url.absoluteString) }
        if let movedTo { return .moved(movedTo: movedTo.absoluteString, status: status, finalURL: url.absoluteString) }
        return .alive(status: status, finalURL: url.absoluteString)
    }

    /// `url` without `#…`, which never reaches the server.
    static func withoutFragment(_ url: URL) -> String {
        let text = url.absoluteString
        return text.firstIndex(of: "#").map { String(text[..<$0]) } ?? text
    }
}
