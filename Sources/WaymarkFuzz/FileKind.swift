/// The kinds of content file the fuzzer mutates, each with mutations that fit its format.
public enum FileKind: String, Sendable, CaseIterable {
    /// A Markdown page: YAML front matter between `---` fences, then the body.
    case page
    /// `site.yaml`.
    case siteConfig
    /// `_data/contacts.yaml`.
    case contacts
    /// `_data/partners.csv`.
    case partners

    /// The kind of the file at `relativePath` inside a content folder, or nil if it is not fuzzed.
    public init?(relativePath: String) {
        switch relativePath {
        case "site.yaml": self = .siteConfig
        case "_data/contacts.yaml": self = .contacts
        case "_data/partners.csv": self = .partners
        default:
            guard relativePath.hasSuffix(".md") else { return nil }
            self = .page
        }
    }
}
