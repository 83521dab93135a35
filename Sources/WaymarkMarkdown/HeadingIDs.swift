import WaymarkCore

/// Gives headings stable, unique ids derived from their text, the way readers expect to copy
/// them (`## Who we are` → `who-we-are`).
public struct HeadingIDs: Sendable {
    private var used: Set<String>
    /// Per base slug, the suffix to try next: ids are only ever added, so every smaller suffix is
    /// still taken, and a page of many same-named headings is not quadratic.
    private var nextSuffix: [String: Int] = [:]

    /// `reserved` are ids the theme already uses on every page (such as `main-content`).
    public init(reserved: Set<String> = []) { used = reserved }

    /// A slug of `text` not handed out before on this page.
    public mutating func next(for text: String) -> String {
        let base = HeadingIDs.slug(text)
        var candidate = base
        var counter = nextSuffix[base] ?? 1
        if used.contains(candidate) { candidate = "\(base)-\(counter)" }
        while used.contains(candidate) {
            counter += 1
            candidate = "\(base)-\(counter)"
        }
        if candidate != base { nextSuffix[base] = counter + 1 }
        used.insert(candidate)
        return candidate
    }

    /// The id for a heading's text: see ``Slug/make(_:fallback:)``.
    public static func slug(_ text: String) -> String {
        Slug.make(text, fallback: "section")
    }
}
