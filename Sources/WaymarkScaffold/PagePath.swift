import Foundation
import WaymarkContent

/// A page's path inside the content folder as `waymark new` is given it: `.md` added when
/// missing, and refused when the build would not publish a page there.
public struct PagePath: Sendable, Equatable {
    /// `pathways/children.md`: folders separated by `/`, no `.` or `..`.
    public let path: String

    /// `path` made safe to write, or why not (a usage error).
    public init(_ text: String) throws(SettingProblem) {
        var path = text.replacingOccurrences(of: "\\", with: "/")
        while path.hasPrefix("./") { path.removeFirst(2) }
        if !path.hasSuffix(".md") { path += ".md" }
        let parts = path.split(separator: "/", omittingEmptySubsequences: false)
        if text.isEmpty || path.hasPrefix("/") || parts.contains(where: { $0.isEmpty || $0 == "." || $0 == ".." }) {
            throw SettingProblem("'\(text)' should be a file's path inside the content folder, such as pathways/children.md")
        }
        if parts.contains(where: { $0.hasPrefix("_") || $0.hasPrefix(".") }) {
            throw SettingProblem("'\(text)': files and folders whose names start with '_' or '.' are never published; choose another name")
        }
        if parts.last == ".md" { throw SettingProblem("'\(text)' has no file name before '.md'") }
        self.path = path
    }

    /// The file name without `.md`: `children`.
    public var stem: String {
        String((path.split(separator: "/").last ?? "").dropLast(3))
    }

    /// The language code the name ends with (`report.pl.md` → `pl`), if the site has it.
    public func languageSuffix(in config: SiteConfig) -> String? {
        guard let dot = stem.lastIndex(of: ".") else { return nil }
        let suffix = String(stem[stem.index(after: dot)...])
        return config.language(suffix) != nil ? suffix : nil
    }

    /// The path of its translation into `code`, beside it: `report.md` → `report.pl.md`.
    public func translation(into code: String) -> String {
        String(path.dropLast(3)) + ".\(code).md"
    }

    /// A news item named `2025-06-01-open-day.md` is dated by its name.
    public var date: CalendarDate? {
        let name = stem
        guard name.count > 11, name.dropFirst(10).first == "-" else { return nil }
        return CalendarDate(String(name.prefix(10)))
    }

    /// A title made from the file name: `spot-the-signs` → "Spot the signs", `2025-06-01-open-day`
    /// → "Open day", and a section's `index` → its folder's name.
    public var title: String {
        var name = stem
        if date != nil { name = String(name.dropFirst(11)) }
        if name == "index" { name = path.split(separator: "/").dropLast().last.map(String.init) ?? "Home" }
        let words = name.split(whereSeparator: { $0 == "-" || $0 == "_" || $0 == " " }).joined(separator: " ")
        guard let first = words.first else { return "New page" }
        return first.uppercased() + words.dropFirst()
    }
}
