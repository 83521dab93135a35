import WaymarkCore
import Yams

/// What an alias may be: an old address of the page on this same site, such as `/old-page/` or
/// `/news/2019/report.html`.
///
/// A redirect page sends every visitor on at once, so an alias that named another site
/// (`//evil.example/`, `https://…`) or a script (`javascript:`) would make the site an open
/// redirect that anyone could use to lend a fake page the site's good name. Parts that browsers
/// or hosts read differently (`\`, `?`, `#`, `..`) are refused too, so the redirect is written
/// exactly where the alias says.
public enum AliasRules {
    /// Nil when `alias` may be used, else the reason, to follow "the alias '…'".
    public static func problem(_ alias: String) -> String? {
        if alias.isEmpty { return "is empty" }
        if alias.unicodeScalars.contains(where: { $0.value < 0x20 || (0x7F...0x9F).contains($0.value) }) {
            return "contains an invisible control character"
        }
        if alias.hasPrefix("//") { return "points to another website" }
        if alias.contains("\\") { return "contains a backslash; use '/' between folders" }
        if let scheme = scheme(of: alias) {
            return ["http", "https"].contains(scheme.lowercased()) ? "points to another website" : "is a '\(scheme):' link, not an address on this site"
        }
        if alias.contains("?") || alias.contains("#") { return "contains '?' or '#'; an alias is a page's address without a query or a #section" }
        var trimmed = Substring(alias)
        if trimmed.hasPrefix("/") { trimmed = trimmed.dropFirst() }
        if trimmed.hasSuffix("/") { trimmed = trimmed.dropLast() }
        for segment in trimmed.split(separator: "/", omittingEmptySubsequences: false) {
            if segment == "." || segment == ".." { return "has '\(segment)' as a folder name; write the address in full from the site's root" }
            if segment.isEmpty { return trimmed.isEmpty ? "is the address of the home page" : "has two '/' together" }
        }
        if let problem = OutputPathRules.problem(path: AliasPath.normalise(alias).outputFile) { return problem.reason }
        return nil
    }

    /// The help printed with every alias problem.
    public static let help = "an alias is an old address of this page on this site, written like /old-page/ or /news/2019/report.html"

    /// `https` of `https://…`, `javascript` of `javascript:…`: letters first, then a colon
    /// before any slash (RFC 3986's scheme).
    static func scheme(of text: String) -> String? {
        guard let colon = text.firstIndex(of: ":") else { return nil }
        let candidate = text[..<colon]
        guard let first = candidate.first, first.isASCII, first.isLetter,
              candidate.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || "+-.".contains($0)) }) else { return nil }
        return String(candidate)
    }

    /// Reads the `aliases` field and reports each bad alias at its own line.
    static func aliases(_ fields: YAMLMapping, diagnostics: inout Diagnostics) -> [String] {
        guard let aliases = fields.strings("aliases", diagnostics: &diagnostics) else { return [] }
        let items = fields.node("aliases")?.sequence.map(Array.init) ?? []
        for (index, alias) in aliases.enumerated() {
            guard let reason = problem(alias) else { continue }
            let location = items.count == aliases.count ? fields.reader.location(of: items[index]) : fields.location("aliases")
            diagnostics.append(.error(location, "the alias '\(OutputPathRules.visible(alias))' \(reason)", help: help))
        }
        return aliases
    }
}
