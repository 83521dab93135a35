import Foundation
import WaymarkCore

/// One Markdown page of the site, with its address decided.
public struct Page: Sendable, Identifiable, Equatable {
    public enum Kind: String, Sendable {
        /// `index.md` at the root: the home page of its language.
        case home
        /// A folder's `index.md`: lists the pages inside.
        case section
        case page
    }

    /// Path relative to the content folder, `pathways/adults.pl.md`; unique.
    public var id: String { sourcePath }
    public var sourcePath: String {
        _read { yield storage.fields.sourcePath }
        set { mutate { $0.sourcePath = newValue } }
    }
    /// The path shown in messages, `content/pathways/adults.pl.md`.
    public var displayPath: String {
        _read { yield storage.fields.displayPath }
        set { mutate { $0.displayPath = newValue } }
    }
    public var language: SiteLanguage {
        _read { yield storage.fields.language }
        set { mutate { $0.language = newValue } }
    }
    /// The source path without language suffix or extension (`pathways/adults`): translations share it.
    public var translationKey: String {
        _read { yield storage.fields.translationKey }
        set { mutate { $0.translationKey = newValue } }
    }
    public var kind: Kind {
        _read { yield storage.fields.kind }
        set { mutate { $0.kind = newValue } }
    }
    /// The folder the page belongs to (`pathways`; `""` at the root). For a section's own
    /// `index.md` this is the section's folder.
    public var folder: String {
        _read { yield storage.fields.folder }
        set { mutate { $0.folder = newValue } }
    }
    public var url: URLPath {
        _read { yield storage.fields.url }
        set { mutate { $0.url = newValue } }
    }
    public var frontMatter: FrontMatter {
        _read { yield storage.fields.frontMatter }
        set { mutate { $0.frontMatter = newValue } }
    }
    /// Where the file is on disk. The Markdown body is read again when the page is rendered
    /// rather than kept: holding every body in memory would double the build's footprint.
    /// Nil for pages Waymark makes itself (a language's home page when none was written).
    public var filePath: String? {
        _read { yield storage.fields.filePath }
        set { mutate { $0.filePath = newValue } }
    }

    /// The fields live in one shared, copy-on-write box: a page is passed around, looked up and
    /// listed many times per rendered page, and copying a struct of a dozen strings and arrays
    /// retained each of them every time (the largest entry in the build's profile).
    private var storage: Storage

    init(sourcePath: String, displayPath: String, language: SiteLanguage, translationKey: String, kind: Kind,
         folder: String, url: URLPath, frontMatter: FrontMatter, filePath: String?) {
        storage = Storage(Fields(sourcePath: sourcePath, displayPath: displayPath, language: language,
                                 translationKey: translationKey, kind: kind, folder: folder, url: url,
                                 frontMatter: frontMatter, filePath: filePath))
    }

    public static func == (a: Page, b: Page) -> Bool { a.storage === b.storage || a.storage.fields == b.storage.fields }

    private mutating func mutate(_ change: (inout Fields) -> Void) {
        if !isKnownUniquelyReferenced(&storage) { storage = Storage(storage.fields) }
        change(&storage.fields)
    }

    public var title: String { frontMatter.title }
    public var isGenerated: Bool { filePath == nil }

    /// The Markdown after the front matter, and the file line it starts on.
    public func loadBody() -> Result<(text: String, firstLine: Int), Diagnostic> {
        guard let filePath else { return .success(("", 1)) }
        // `filePath` is the content folder, `/`, then `sourcePath`; the page is read through the
        // same reader as when it was loaded, so it decodes to the same text.
        let root = String(filePath.utf8.dropLast(sourcePath.utf8.count + 1))!
        switch SourceReader(root: root, displayRoot: "").text(sourcePath) {
        case .success(let text):
            return FrontMatterParser.split(text, file: displayPath).map { ($0.body, $0.bodyFirstLine) }
        case .failure:
            return .failure(.error(SourceLocation(file: displayPath), "this file changed or disappeared during the build", help: "build again"))
        }
    }
}

extension Page {
    fileprivate struct Fields: Equatable, Sendable {
        var sourcePath: String
        var displayPath: String
        var language: SiteLanguage
        var translationKey: String
        var kind: Kind
        var folder: String
        var url: URLPath
        var frontMatter: FrontMatter
        var filePath: String?
    }

    /// Mutated only through ``Page/mutate(_:)`` when uniquely referenced, so sharing it between
    /// threads is safe.
    fileprivate final class Storage: @unchecked Sendable {
        var fields: Fields
        init(_ fields: Fields) { self.fields = fields }
    }
}

/// A file that is copied as it is (PDF, image).
public struct StaticFile: Sendable, Hashable {
    public var sourcePath: String
    public var url: URLPath
}
