import Foundation
import Testing
import WaymarkSite

/// One block of a `_headers` file: a path pattern and the headers sent for it, as written.
struct HeaderRule: Equatable {
    var path: String
    var headers: [(name: String, value: String)]

    static func == (a: HeaderRule, b: HeaderRule) -> Bool {
        a.path == b.path && a.headers.map(\.name) == b.headers.map(\.name) && a.headers.map(\.value) == b.headers.map(\.value)
    }

    func value(_ name: String) -> String? {
        headers.first { $0.name.lowercased() == name.lowercased() }?.value
    }

    /// Whether a request for `urlPath` matches the pattern, as Cloudflare Pages and Netlify
    /// match it: `*` stands for any run of characters, slashes included.
    func matches(_ urlPath: String) -> Bool {
        let pattern = "^" + path.split(separator: "*", omittingEmptySubsequences: false)
            .map { NSRegularExpression.escapedPattern(for: String($0)) }.joined(separator: ".*") + "$"
        return urlPath.range(of: pattern, options: .regularExpression) != nil
    }
}

/// Parses `_headers` the way Cloudflare Pages' parser does (path lines start with `/`, header
/// lines are indented `Name: value`, `#` lines are comments), recording a test issue for any
/// line either host would reject or ignore.
func parseHeadersFile(_ text: String) -> [HeaderRule] {
    var rules: [HeaderRule] = []
    for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
        let trimmed = line.trimmingCharacters(in: .whitespaces)
        if trimmed.isEmpty || trimmed.hasPrefix("#") { continue }
        #expect(line.count <= 2000, "line \(index + 1) is longer than Cloudflare's 2,000 characters")
        if line.hasPrefix("/") {
            #expect(!line.contains(" "), "line \(index + 1): a path with a space: \(line)")
            rules.append(HeaderRule(path: String(line), headers: []))
            continue
        }
        guard line.first == " ", let colon = trimmed.firstIndex(of: ":"), !rules.isEmpty else {
            Issue.record("line \(index + 1) is neither a path, an indented header nor a comment: \(line)")
            continue
        }
        let name = String(trimmed[..<colon])
        let value = trimmed[trimmed.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        #expect(!name.contains(" ") && !name.isEmpty && !value.isEmpty, "line \(index + 1): \(line)")
        rules[rules.count - 1].headers.append((name, value))
    }
    #expect(rules.count <= 100, "Cloudflare Pages reads at most 100 rules, the file has \(rules.count)")
    for rule in rules {
        #expect(!rule.headers.isEmpty, "\(rule.path) has no headers")
        #expect(rule.path.filter { $0 == "*" }.count <= 1, "Cloudflare allows one '*' per path: \(rule.path)")
    }
    return rules
}

/// The Content-Security-Policy of an HTML page's `<meta>` tag, unescaped; nil when it has none.
func metaPolicy(_ html: String) -> String? {
    let pattern = #"<meta http-equiv="Content-Security-Policy" content="([^"]*)">"#
    guard let regex = try? NSRegularExpression(pattern: pattern),
          let match = regex.firstMatch(in: html, range: NSRange(html.startIndex..., in: html)),
          let range = Range(match.range(at: 1), in: html) else { return nil }
    return html[range].replacingOccurrences(of: "&#39;", with: "'").replacingOccurrences(of: "&quot;", with: "\"")
        .replacingOccurrences(of: "&amp;", with: "&")
}

/// The example site in `content/`, built once with the repository's theme for every test that
/// reads it (the folder is left for the system to clear: tests run in parallel).
enum ExampleSite {
    struct Built: Sendable {
        var root: String
        var tree: [String: Data]
    }

    static let built: (site: Built?, error: String?) = {
        do {
            let temp = try TempDir()
            let options = BuildOptions(sourceDirectory: Repo.root + "/content", themeDirectory: Repo.root + "/theme",
                                       outputDirectory: temp.path + "/out")
            _ = try SiteBuilder(options: options).build().get()
            return (Built(root: temp.path + "/out", tree: readTree(temp.path + "/out")), nil)
        } catch {
            return (nil, "the example site did not build: \(error)")
        }
    }()

    static func site() throws -> Built {
        try #require(built.site, Comment(rawValue: built.error ?? ""))
    }

    static func tree() throws -> [String: Data] { try site().tree }
}

/// The `/*` block of a built site's `_headers`: the headers every response gets.
func everyPathHeaders(_ tree: [String: Data]) -> [(name: String, value: String)] {
    parseHeadersFile(text(tree, "_headers")).first { $0.path == "/*" }?.headers ?? []
}
