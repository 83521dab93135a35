import WaymarkContent

/// The kinds of page `waymark new` makes one at a time: each with its layout's front matter and
/// guidance on what to write.
public enum PageKind: String, Sendable, CaseIterable {
    case page, pathway, checklist, flyer

    /// The `layout:` line's value; nil for an ordinary page.
    var layout: String? { self == .page ? nil : rawValue }

    /// Pages the public acts on, or that staff follow step by step, carry a review date and an
    /// owner, so `waymark check` says when their safety information must be checked again.
    var isReviewed: Bool { self != .page }

    /// The page's text: front matter, then guidance.
    public func text(title: String, date: CalendarDate?, today: CalendarDate) -> String {
        var lines = ["---", "title: \(YAMLText.scalar(title))", "summary: \(summary)"]
        if let date { lines.append("date: \(date.iso)") }
        if let layout { lines.append("layout: \(layout)") }
        if isReviewed { lines += ["review_by: \(StarterPages.reviewDate(today).iso)", "owner: \(StarterContacts.owner)"] }
        if self == .flyer { lines += flyerDownloads }
        lines += ["---", ""]
        return lines.joined(separator: "\n") + "\n" + body
    }

    private var summary: String {
        switch self {
        case .page: "One sentence that says what this page is about."
        case .pathway: "One sentence that says who this pathway is for."
        case .checklist: "One sentence that says what signs this page lists."
        case .flyer: "One sentence that says who this flyer is for."
        }
    }

    private var flyerDownloads: [String] {
        ["# To offer printed versions, put the PDF files beside this page and list them:",
         "# downloads:", "#   - file: files/flyer.pdf", "#     language: en", "#     title: information flyer"]
    }
}
