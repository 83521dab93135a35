import WaymarkContent
import WaymarkCore
import WaymarkData
import WaymarkSearch

/// Where search lives in a built site, and what goes into each language's index: every page's
/// title and content (not the theme's navigation, help block or footer), and on sites with a
/// partner directory, every partner as a result of its own that links to its entry.
struct SiteSearch: Sendable {
    let site: Site

    /// The folder of every language's index.
    static let indexRoot = URLPath("/search-index/")

    /// The folder of `language`'s index, e.g. `search-index/pl/`.
    static func indexFolder(_ language: SiteLanguage) -> String { "search-index/" + language.tag.code + "/" }

    /// The search page of `language`: `/search/`, `/pl/search/`.
    func searchURL(_ language: SiteLanguage) -> URLPath { URLPath(site.config.urlPrefix(for: language).value + "search/") }

    /// The A–Z list of `language`'s pages, the way in for visitors without JavaScript.
    func azURL(_ language: SiteLanguage) -> URLPath { URLPath(site.config.urlPrefix(for: language).value + "a-z/") }

    /// A page the build makes for search in one language.
    struct GeneratedPage: Sendable {
        enum Kind: String, Sendable {
            case search, az = "a-z"

            /// The theme template that renders it (the raw value).
            var template: String { rawValue }
            /// What messages call it.
            var name: String { self == .search ? "search page" : "A–Z list of pages" }
        }

        var kind: Kind
        var language: SiteLanguage
        var url: URLPath
    }

    /// The search and A–Z pages the build makes: none with `search: false`, and only those the
    /// theme has a template for.
    func pages(theme: Theme) -> [GeneratedPage] {
        guard site.config.search else { return [] }
        return site.config.languages.flatMap { language in
            [GeneratedPage(kind: .search, language: language, url: searchURL(language)),
             GeneratedPage(kind: .az, language: language, url: azURL(language))]
                .filter { theme.templateNames.contains($0.kind.template) }
        }
    }

    /// Every folder the indexes are written to, as paths of a file in each (for making folders).
    func indexFolders() -> [String] {
        site.config.languages.map { SiteSearch.indexFolder($0) + SearchIndexFiles.pendingFragmentFolder + "/-" }
    }

    /// Each page's document number in its language's index, by page index; nil for pages left out.
    func documentNumbers() -> [Int?] {
        var next: [LanguageTag: Int] = [:]
        return site.pages.map { page -> Int? in
            guard SiteSearch.indexes(page) else { return nil }
            defer { next[page.language.tag, default: 0] += 1 }
            return next[page.language.tag, default: 0]
        }
    }

    /// Whether `page` belongs in search results: redirect stubs do not.
    static func indexes(_ page: Page) -> Bool { PageRenderer.layout(for: page) != "redirect" }

    /// The search document of a rendered page.
    static func document(for page: Page, contentHTML: String) -> SearchDocument {
        SearchDocument(url: page.url.value, title: page.title, sections: HTMLText.sections(contentHTML))
    }

    /// A partner's entry is a few lines, so BM25's length normalisation would put it above the
    /// pages that explain a subject; it counts half as much.
    static let partnerWeight: Float = 0.5

    /// One document per partner, pointing at its entry on `directory`.
    func partnerDocuments(on directory: Page, strings: UIStrings) -> [SearchDocument] {
        site.partners.map { partner in
            var words = [strings["partner_type_" + partner.kind.rawValue]]
            words += partner.coversAllAreas ? [] : partner.areas
            words += [partner.description ?? ""] + partner.services + partner.languages
            // Sentences as written; a full stop only after parts that have none ("Hull. Railway policing.").
            let text = words.filter { !$0.isEmpty }
                .map { $0.last.map { ".!?".contains($0) } == true ? $0 : $0 + "." }
                .joined(separator: " ")
            return SearchDocument(url: directory.url.value, title: partner.name,
                                  sections: [.init(anchor: partner.id, heading: "", text: text)], weight: SiteSearch.partnerWeight)
        }
    }

    /// Whether `language`'s search stems English words (Porter2) when matching a query.
    static func stemsEnglish(_ language: SiteLanguage) -> Bool { language.tag.primary == "en" }

    /// Writes each language's index, from the pages merged into `pages` (by language) and, on
    /// sites with a directory, the partners. Pages' fragments are already written, in the pending
    /// folder, which is renamed here; returns the other files written.
    func writeIndexes(pages: [LanguageTag: SearchIndexBuilder], strings: (SiteLanguage) -> UIStrings,
                      output: some SiteOutput, languages: [SiteLanguage]? = nil,
                      progress: BuildProgress? = nil) throws -> [RenderedFile] {
        let perLanguage = (languages ?? site.config.languages).map { language -> (SiteLanguage, SearchIndexBuilder) in
            var builder = pages[language.tag] ?? SearchIndexBuilder()
            let directories = site.pages.filter { $0.language.tag == language.tag && PageRenderer.layout(for: $0) == "directory" }
            if let directory = directories.first {
                for partner in partnerDocuments(on: directory, strings: strings(language)) { builder.add(AnalysedDocument(partner)) }
            }
            return (language, builder)
        }
        let made = ConcurrentMap.map(perLanguage) { language, builder -> (folder: String, fragments: String, files: [RenderedFile]) in
            let index = builder.finish()
            let folder = SiteSearch.indexFolder(language)
            return (folder, folder + SearchIndexFiles.fragmentFolder(index),
                    SearchIndexFiles.make(index, synonyms: site.config.searchSynonyms[language.tag] ?? []).map { RenderedFile(path: folder + $0.path, text: $0.contents) })
        }
        for language in made {
            try output.rename(language.folder + SearchIndexFiles.pendingFragmentFolder, to: language.fragments)
        }
        let files = made.flatMap(\.files)
        try output.makeDirectories(for: files.map(\.path))
        for (number, file) in files.enumerated() {
            try output.write(file)
            progress?(BuildProgressEvent(stage: "Writing the search index", done: number + 1, total: files.count, unit: "files"))
        }
        return files
    }

    /// Pages of `language` for its A–Z list, grouped by first letter, ignoring case and accents.
    func azGroups(_ language: SiteLanguage) -> [(letter: String, pages: [Page])] {
        let pages = site.pages.filter { $0.language.tag == language.tag && SiteSearch.indexes($0) }
            .map { (key: SearchTokenizer.fold($0.title), page: $0) }
            .sorted { ($0.key, $0.page.title, $0.page.sourcePath) < ($1.key, $1.page.title, $1.page.sourcePath) }
        var groups: [(letter: String, pages: [Page])] = []
        for entry in pages {
            let letter = entry.key.first.map { $0.isLetter ? String($0).uppercased() : "#" } ?? "#"
            if groups.last?.letter == letter {
                groups[groups.count - 1].pages.append(entry.page)
            } else {
                groups.append((letter, [entry.page]))
            }
        }
        return groups
    }
}
