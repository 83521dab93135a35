import WaymarkCore

/// One Markdown page of the site, with its address decided.
public struct Page: Sendable, Identifiable {
    public enum Kind: String, Sendable {
        /// `index.md` at the root: the home page of its language.
        case home
        /// A folder's `index.md`: lists the pages inside.
        case section
        case page
    }

    /// Path relative to the content folder, `pathways/adults.pl.md`; unique.
    public var id: String { sourcePath }
    public var sourcePath: String
    /// The path shown in messages, `content/pathways/adults.pl.md`.
    public var displayPath: String
    public var language: SiteLanguage
    /// The source path without language suffix or extension (`pathways/adults`): translations share it.
    public var translationKey: String
    public var kind: Kind
    /// The folder the page belongs to (`pathways`; `""` at the root). For a section's own
    /// `index.md` this is the section's folder.
    public var folder: String
    public var url: URLPath
    public var frontMatter: FrontMatter
    public var body: String
    public var bodyFirstLine: Int

    public var title: String { frontMatter.title }
}

/// A file that is copied as it is (PDF, image).
public struct StaticFile: Sendable, Hashable {
    public var sourcePath: String
    public var url: URLPath
}
