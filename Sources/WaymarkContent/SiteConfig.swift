import Foundation
import WaymarkCore
import Yams

/// A language the site publishes in, from `site.yaml`.
public struct SiteLanguage: Sendable, Hashable {
    public var tag: LanguageTag
    /// The language's name for itself ("Polski").
    public var name: String
    public var direction: TextDirection
    /// The site's title and description in this language, when translated.
    public var title: String?
    public var description: String?

    public init(tag: LanguageTag, name: String, direction: TextDirection, title: String? = nil, description: String? = nil) {
        self.tag = tag
        self.name = name
        self.direction = direction
        self.title = title
        self.description = description
    }
}

/// A navigation entry: either a page in `content/` or an external address.
public struct MenuItem: Sendable, Hashable {
    public enum Target: Sendable, Hashable {
        /// Path of a Markdown file relative to the content folder (`about/index.md`).
        case page(String)
        case url(String)
    }

    public var label: String
    /// The label in other languages, by language code.
    public var labels: [String: String]
    public var target: Target
    public var location: SourceLocation

    /// The label in `language`, if the entry has one.
    public func label(in language: LanguageTag, isDefault: Bool) -> String? {
        isDefault ? label : labels.first { LanguageTag($0.key) == language }?.value
    }
}

/// The validated contents of `content/site.yaml`.
public struct SiteConfig: Sendable {
    public var title: String
    public var description: String
    /// Always ends in `/`.
    public var baseURL: String
    public var defaultLanguage: SiteLanguage
    /// All languages, the default first.
    public var languages: [SiteLanguage]
    public var exitURL: String
    public var menu: [MenuItem]
    public var footerMenu: [MenuItem]
    public var allowRawHTML: Bool
    public var tocMinHeadings: Int
    /// Contact ids shown in the help block on every page.
    public var helpContacts: [String]
    /// Where the help block's "Report a concern" link goes (a file in content/).
    public var reportPage: String?
    /// The areas the partnership covers, for the partner directory.
    public var areas: [String]
    /// Whether the build writes a search index, search page and A–Z page per language.
    public var search: Bool = true
    /// Levels and options for `waymark check`'s rules.
    public var checks: CheckSettings = .none
    /// What `/.well-known/security.txt` says; nil (no `security_contact`) writes no such file.
    public var security: SecuritySettings?
    /// Where `help_contacts`, `report_page` and `theme` were written, for errors found later.
    public var locations: [String: SourceLocation]
    /// The theme folder layered over the built-in theme, relative to the folder Waymark runs
    /// in; `--theme` overrides it.
    public var theme: String? = nil
    /// Words and phrases that mean the same to the site's visitors, per language (`search:
    /// synonyms:`): each group lists two or more, as written; a query with one finds the others.
    public var searchSynonyms: [LanguageTag: [[String]]] = [:]

    /// The path part of the base URL (`/` or `/partnership/`), which every site URL starts with.
    public var basePath: String {
        guard let url = URL(string: baseURL), !url.path.isEmpty else { return "/" }
        return url.path.hasSuffix("/") ? url.path : url.path + "/"
    }

    /// The site's address for `path`, e.g. `https://example.org/strategy/`.
    public func absoluteURL(_ path: URLPath) -> String {
        baseURL + path.value.dropFirst()
    }

    /// Where a language's pages live: `/` for the default language, `/pl/` for the others.
    public func urlPrefix(for language: SiteLanguage) -> URLPath {
        language.tag == defaultLanguage.tag ? .root : URLPath("/\(language.tag.code.lowercased())/")
    }

    /// The configured language with this code, if any.
    public func language(_ code: String) -> SiteLanguage? {
        guard let tag = LanguageTag(code) else { return nil }
        return languages.first { $0.tag == tag }
    }
}

/// Reads and checks `site.yaml`.
public enum SiteConfigLoader {
    static let knownKeys = [
        "title", "description", "base_url", "default_language", "languages", "exit_url",
        "menu", "footer_menu", "allow_raw_html", "toc_min_headings", "help_contacts", "report_page", "areas",
        "search", "checks", "theme",
    ] + SecuritySettings.keys

    /// Loads `site.yaml` from the content folder `source` reads.
    public static func load(from source: SourceReader, baseURLOverride: String? = nil) -> Result<SiteConfig, BuildFailure> {
        let displayPath = source.display("site.yaml")
        return source.optionalText("site.yaml").flatMap { text in
            guard let text else {
                return .failure(BuildFailure(Diagnostics([.error(
                    SourceLocation(file: displayPath), "the site settings file is missing",
                    help: "create it with at least 'title:' and 'base_url:' (see the README)")])))
            }
            return parse(text, displayPath: displayPath, baseURLOverride: baseURLOverride)
        }
    }

    /// Parses the text of `site.yaml`.
    public static func parse(_ text: String, displayPath: String, baseURLOverride: String? = nil) -> Result<SiteConfig, BuildFailure> {
        let reader = YAMLReader(file: displayPath)
        var diagnostics = Diagnostics()
        let root: Node?
        do { root = try reader.parseDocument(text).get() } catch { return .failure(error) }
        let fields = reader.mapping(root, known: knownKeys, what: "setting", diagnostics: &diagnostics)
        let start = SourceLocation(file: displayPath, line: 1)

        let title = fields.requiredString("title", diagnostics: &diagnostics, missingAt: start) ?? ""
        let description = fields.string("description", diagnostics: &diagnostics) ?? ""
        var baseURL = baseURLOverride ?? fields.requiredString("base_url", diagnostics: &diagnostics, missingAt: start) ?? "https://example.org/"
        if !(baseURL.hasPrefix("https://") || baseURL.hasPrefix("http://")) || URL(string: baseURL)?.host == nil {
            let location = baseURLOverride == nil ? fields.location("base_url") : SourceLocation(file: "--base-url")
            diagnostics.append(.error(location, "the base URL '\(baseURL)' is not a web address", help: "write it in full, like https://www.example.org/"))
        }
        if !baseURL.hasSuffix("/") { baseURL += "/" }
        let languages = readLanguages(fields, reader: reader, diagnostics: &diagnostics)
        let defaultLanguage = readDefaultLanguage(fields, languages: languages, diagnostics: &diagnostics)
        let fallback = defaultLanguage ?? languages.first ?? SiteLanguage(tag: LanguageTag("en")!, name: "English", direction: .ltr)
        let ordered = [fallback] + languages.filter { $0.tag != fallback.tag }

        let exitURL = fields.string("exit_url", diagnostics: &diagnostics) ?? "https://www.bbc.co.uk/weather"
        if LinkKind(exitURL) != .external {
            diagnostics.append(.error(fields.location("exit_url"), "'exit_url' should be a full web address starting with https://"))
        }
        let menu = readMenu("menu", fields, reader: reader, diagnostics: &diagnostics)
        let footerMenu = readMenu("footer_menu", fields, reader: reader, diagnostics: &diagnostics)
        let allowRawHTML = fields.bool("allow_raw_html", diagnostics: &diagnostics) ?? false
        let tocMin = fields.int("toc_min_headings", diagnostics: &diagnostics) ?? 3
        let helpContacts = fields.strings("help_contacts", diagnostics: &diagnostics) ?? []
        let reportPage = fields.string("report_page", diagnostics: &diagnostics)
        let areas = fields.strings("areas", diagnostics: &diagnostics) ?? []
        let (search, synonyms) = readSearch(fields, languages: languages, reader: reader, diagnostics: &diagnostics)
        let checks = CheckSettings.read(fields, allowsReason: false, diagnostics: &diagnostics)
        let theme = fields.string("theme", diagnostics: &diagnostics)
        let security = SecuritySettings.read(fields, diagnostics: &diagnostics)

        if diagnostics.hasErrors { return .failure(BuildFailure(diagnostics)) }
        return .success(SiteConfig(
            title: title, description: description, baseURL: baseURL, defaultLanguage: fallback,
            languages: ordered, exitURL: exitURL, menu: menu, footerMenu: footerMenu,
            allowRawHTML: allowRawHTML, tocMinHeadings: tocMin, helpContacts: helpContacts, reportPage: reportPage, areas: areas,
            search: search, checks: checks, security: security,
            locations: ["help_contacts": fields.location("help_contacts"), "report_page": fields.location("report_page"),
                        "theme": fields.location("theme")],
            theme: theme, searchSynonyms: synonyms))
    }

    /// `search: false`, `search: true`, or `search:` with settings (which turns it on):
    ///
    ///     search:
    ///       synonyms:
    ///         en: [[NRM, National Referral Mechanism], [MSEH, helpline]]
    private static func readSearch(_ fields: YAMLMapping, languages: [SiteLanguage], reader: YAMLReader,
                                   diagnostics: inout Diagnostics) -> (Bool, [LanguageTag: [[String]]]) {
        guard let node = fields.node("search"), node.mapping != nil else {
            return (fields.bool("search", diagnostics: &diagnostics) ?? true, [:])
        }
        let settings = reader.mapping(node, known: ["synonyms"], what: "search setting", diagnostics: &diagnostics)
        guard let synonymsNode = settings.node("synonyms") else { return (true, [:]) }
        guard let perLanguage = synonymsNode.mapping else {
            diagnostics.append(.error(reader.location(of: synonymsNode), "'synonyms' should list groups of words per language, like 'en: [[NRM, National Referral Mechanism]]'"))
            return (true, [:])
        }
        var result: [LanguageTag: [[String]]] = [:]
        for (key, value) in perLanguage {
            let code = key.scalar?.string ?? ""
            guard let language = languages.first(where: { $0.tag == LanguageTag(code) }) else {
                let help = Suggestion.closest(to: code, in: languages.map(\.tag.code)).map { "did you mean '\($0)'?" }
                    ?? "use one of the site's languages: \(languages.map(\.tag.code).joined(separator: ", "))"
                diagnostics.append(.error(reader.location(of: key), "the synonyms are for '\(code)', which is not one of the site's languages", help: help))
                continue
            }
            result[language.tag, default: []] += readSynonymGroups(value, code: code, reader: reader, diagnostics: &diagnostics)
        }
        return (true, result)
    }

    /// One language's groups: a list of lists of two or more different words or phrases.
    private static func readSynonymGroups(_ node: Node, code: String, reader: YAMLReader, diagnostics: inout Diagnostics) -> [[String]] {
        let example = "like [[NRM, National Referral Mechanism], [MSEH, helpline]]"
        guard let groups = node.sequence else {
            diagnostics.append(.error(reader.location(of: node), "the synonyms for '\(code)' should be a list of groups, \(example)"))
            return []
        }
        var result: [[String]] = []
        for group in groups {
            guard let items = group.sequence, items.allSatisfy({ $0.scalar != nil }) else {
                diagnostics.append(.error(reader.location(of: group), "each group of synonyms for '\(code)' should be a list of words or phrases that mean the same, \(example)"))
                continue
            }
            let words = items.map { $0.scalar!.string.trimmingCharacters(in: .whitespaces) }
            if let empty = items.first(where: { $0.scalar!.string.allSatisfy { !$0.isLetter && !$0.isNumber } }) {
                diagnostics.append(.error(reader.location(of: empty), "a synonym for '\(code)' has no letters or digits to search for"))
                continue
            }
            let folded = words.map { $0.lowercased() }
            if Set(folded).count < 2 {
                diagnostics.append(.error(reader.location(of: group), "a group of synonyms for '\(code)' needs at least two different words or phrases, has \(words.map { "'\($0)'" }.joined(separator: ", "))"))
                continue
            }
            result.append(words)
        }
        return result
    }

    /// `default_language` must be given and be one of `languages`: guessing it would put the
    /// wrong `lang` on every page, which screen readers then pronounce wrongly.
    private static func readDefaultLanguage(_ fields: YAMLMapping, languages: [SiteLanguage], diagnostics: inout Diagnostics) -> SiteLanguage? {
        let codes = languages.map(\.tag.code)
        let example = codes.first ?? "en"
        guard fields.node("default_language") != nil else {
            diagnostics.append(.error(fields.startLocation, "'default_language' is missing",
                                      help: "add a line such as 'default_language: \(example)', naming one of the languages listed under 'languages:'"))
            return nil
        }
        guard let code = fields.string("default_language", diagnostics: &diagnostics) else { return nil }
        if let language = languages.first(where: { $0.tag == LanguageTag(code) }) { return language }
        if languages.isEmpty {
            diagnostics.append(.error(fields.location("default_language"), "the default language '\(code)' is not in the 'languages' list, because there is no 'languages' list",
                                      help: "add 'languages:' with an entry such as '- {code: \(code), name: English, direction: ltr}'"))
        } else {
            let help = Suggestion.closest(to: code, in: codes).map { "did you mean '\($0)'?" } ?? "use one of: \(codes.joined(separator: ", ")), or add '\(code)' to 'languages:'"
            diagnostics.append(.error(fields.location("default_language"), "the default language '\(code)' is not in the 'languages' list", help: help))
        }
        return nil
    }

    private static func readLanguages(_ fields: YAMLMapping, reader: YAMLReader, diagnostics: inout Diagnostics) -> [SiteLanguage] {
        var result: [SiteLanguage] = []
        if fields.node("languages") == nil {
            diagnostics.append(.error(fields.startLocation, "'languages' is missing",
                                      help: "list the site's languages, e.g. 'languages:' then '  - {code: en, name: English, direction: ltr}'"))
        }
        for entry in fields.mappings("languages", known: ["code", "name", "direction", "title", "description"], what: "language setting", diagnostics: &diagnostics) {
            let start = entry.location("code")
            guard let code = entry.requiredString("code", diagnostics: &diagnostics, missingAt: start) else { continue }
            guard let tag = LanguageTag(code) else {
                diagnostics.append(.error(entry.location("code"), "'\(code)' is not a language code", help: "use a code such as en, pl, ro, sq, vi, lt or ar"))
                continue
            }
            if result.contains(where: { $0.tag == tag }) {
                diagnostics.append(.error(entry.location("code"), "the language '\(code)' is listed twice"))
            }
            let name = entry.requiredString("name", diagnostics: &diagnostics, missingAt: start) ?? code
            var direction = TextDirection.ltr
            if let text = entry.string("direction", diagnostics: &diagnostics) {
                if let parsed = TextDirection(rawValue: text.lowercased()) {
                    direction = parsed
                } else {
                    diagnostics.append(.error(entry.location("direction"), "'direction' should be ltr or rtl, not '\(text)'"))
                }
            }
            result.append(SiteLanguage(tag: tag, name: name, direction: direction,
                                       title: entry.string("title", diagnostics: &diagnostics),
                                       description: entry.string("description", diagnostics: &diagnostics)))
        }
        return result
    }

    /// `labels: {pl: Zgłoś problem, ar: …}` — each key must be one of the site's languages.
    private static func readLabels(_ entry: YAMLMapping, reader: YAMLReader, diagnostics: inout Diagnostics) -> [String: String] {
        guard let node = entry.node("labels") else { return [:] }
        guard let mapping = node.mapping else {
            diagnostics.append(.error(reader.location(of: node), "'labels' should list a label per language, like {pl: Zgłoś problem}"))
            return [:]
        }
        var labels: [String: String] = [:]
        for (key, value) in mapping {
            guard let code = key.scalar?.string, LanguageTag(code) != nil, let text = value.scalar?.string else {
                diagnostics.append(.error(reader.location(of: key), "each entry of 'labels' should be 'language code: label'"))
                continue
            }
            labels[code] = text
        }
        return labels
    }

    private static func readMenu(_ key: String, _ fields: YAMLMapping, reader: YAMLReader, diagnostics: inout Diagnostics) -> [MenuItem] {
        var items: [MenuItem] = []
        for entry in fields.mappings(key, known: ["label", "labels", "page", "url"], what: "menu setting", diagnostics: &diagnostics) {
            let location = entry.location("label")
            guard let label = entry.requiredString("label", diagnostics: &diagnostics, missingAt: location) else { continue }
            let labels = readLabels(entry, reader: reader, diagnostics: &diagnostics)
            let page = entry.string("page", diagnostics: &diagnostics)
            let url = entry.string("url", diagnostics: &diagnostics)
            switch (page, url) {
            case (let page?, nil): items.append(MenuItem(label: label, labels: labels, target: .page(page), location: entry.location("page")))
            case (nil, let url?): items.append(MenuItem(label: label, labels: labels, target: .url(url), location: entry.location("url")))
            default:
                diagnostics.append(.error(location, "menu entry '\(label)' needs exactly one of 'page:' (a file in content/) or 'url:' (a web address)"))
            }
        }
        return items
    }
}
