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
    /// Where the file is on disk. The Markdown body is read again when the page is rendered
    /// rather than kept: holding every body in memory would double the build's footprint.
    /// Nil for pages Waymark makes itself (a language's home page when none was written).
    public var filePath: String?

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

/// A file that is copied as it is (PDF, image).
public struct StaticFile: Sendable, Hashable {
    public var sourcePath: String
    public var url: URLPath
}
