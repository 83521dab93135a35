import Foundation
import WaymarkCheck
import WaymarkContent
import WaymarkCore
import WaymarkSite

/// A small site written to a temporary folder, checked with the repository's theme.
final class MarkdownRulesSite {
    let root: URL

    /// The languages every test site has, so a page can be written in any of them.
    static let languages = ["en", "pl", "ro", "sq", "vi", "lt", "ar"]

    init(siteYAML extra: String = "") throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("markdown-rules-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        let languages = Self.languages.map { "  - {code: \($0), name: \($0), direction: \($0 == "ar" ? "rtl" : "ltr")}" }
        try write("site.yaml", """
        title: Test partnership
        base_url: https://example.org/
        default_language: en
        languages:
        \(languages.joined(separator: "\n"))
        \(extra)
        """)
    }

    deinit { try? FileManager.default.removeItem(at: root) }

    /// Writes `text` to `path` inside the content folder.
    func write(_ path: String, _ text: String) throws {
        try write(path, Data(text.utf8))
    }

    func write(_ path: String, _ data: Data) throws {
        let url = root.appendingPathComponent(path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try data.write(to: url)
    }

    /// A page whose body starts on line 4 (after `---`, `title:` and `---`), or later by one
    /// line per line of `frontMatter`.
    func page(_ path: String, title: String = "Test page", frontMatter: String = "", _ body: String) throws {
        try write(path, "---\ntitle: \(title)\n\(frontMatter.isEmpty ? "" : frontMatter + "\n")---\n" + body)
    }

    func check() -> CheckReport {
        let options = BuildOptions(sourceDirectory: root.path, themeDirectory: Self.repositoryRoot + "/theme",
                                   outputDirectory: root.appendingPathComponent("output").path)
        return ContentChecker(options: CheckOptions(build: options, today: CalendarDate(year: 2026, month: 12, day: 2))).run()
    }

    /// The findings of rule `id` in file `path`, in order.
    func findings(_ id: String, in path: String) -> [Diagnostic] {
        check().problems.filter { $0.rule == id && $0.location.file.hasSuffix("/" + path) }
    }

    static let repositoryRoot: String = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path

    /// Writes one page (`page.md` unless named) and returns rule `id`'s findings on it.
    static func findings(_ id: String, _ body: String, page path: String = "page.md", title: String = "Test page",
                  frontMatter: String = "", siteYAML: String = "", files: [String: Data] = [:]) throws -> [Diagnostic] {
        let site = try MarkdownRulesSite(siteYAML: siteYAML)
        for (file, data) in files { try site.write(file, data) }
        try site.page(path, title: title, frontMatter: frontMatter, body)
        return site.findings(id, in: path)
    }

    /// A file of `count` bytes that starts like a PDF.
    static func pdf(bytes count: Int) -> Data {
        var data = Data("%PDF-1.4\n".utf8)
        data.append(Data(repeating: UInt8(ascii: " "), count: max(0, count - data.count)))
        return data
    }

    /// A tiny SVG, so image links resolve.
    static let svg = Data("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"1\" height=\"1\"/>".utf8)
}
