/// What the search index needs from one page, and nothing about templates: the page's address,
/// title, and its text split at headings so a result can link to the best heading.
public struct SearchDocument: Sendable, Hashable {
    /// A part of the page under one heading (the first part may have no heading).
    public struct Section: Sendable, Hashable {
        /// The heading's id, for `#anchor` links; nil for the text before the first heading.
        public var anchor: String?
        public var heading: String
        public var text: String

        public init(anchor: String?, heading: String, text: String) {
            self.anchor = anchor
            self.heading = heading
            self.text = text
        }
    }

    /// The page's address within the site, e.g. `/pl/report/`.
    public var url: String
    public var title: String
    public var sections: [Section]
    /// How much a match here counts against other documents: 1 for a page; less for short entries
    /// such as a partner in the directory, which would otherwise outrank the pages that explain.
    public var weight: Float

    public init(url: String, title: String, sections: [Section], weight: Float = 1) {
        self.url = url
        self.title = title
        self.sections = sections
        self.weight = weight
    }
}
