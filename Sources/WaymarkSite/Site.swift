import Foundation
import WaymarkContent
import WaymarkCore
import WaymarkData

/// The whole site as an immutable value: every page with its place in the structure, ready to
/// render. Built once per build by ``Site/init(config:content:)``.
public struct Site: Sendable {
    public let config: SiteConfig
    public let pages: [Page]
    public let staticFiles: [StaticFile]
    public let draftPaths: Set<String>
    /// Tag pages, per language.
    public let tagPages: [TagPage]
    /// Reporting contacts from `_data/contacts.yaml`.
    public let contacts: [Contact]
    /// Member organisations from `_data/partners.csv`, A–Z.
    public let partners: [Partner]
    /// Fingerprints of the spreadsheet's professionals-only values, to keep them off pages.
    public let privateValues: PrivateValueIndex
    /// The content folder on disk, for sizes of downloadable files.
    public let contentDirectory: String

    let tagURLs: [LanguageTag: [String: URLPath]]
    let pageIndexBySource: [String: Int]
    let pageIndexByURL: [URLPath: Int]
    let staticFileByPath: [String: StaticFile]
    let staticFileByURL: [URLPath: StaticFile]
    /// Translation key → (language code → page index).
    let translations: [String: [LanguageTag: Int]]
    /// Section page index → its children's indexes, in list order.
    let childrenOfSection: [Int: [Int]]
    /// Page index → the section page it is listed in.
    let parentOf: [Int: Int]
    /// Folder (`""` for the home page) → language → index of the folder's `index` page.
    let sectionPages: [String: [LanguageTag: Int]]

    public init(config: SiteConfig, content: LoadedContent, contacts: [Contact] = [], directory: PartnerDirectory = PartnerDirectory(),
                contentDirectory: String = "") {
        self.config = config
        self.contacts = contacts
        partners = directory.partners
        privateValues = directory.privateValues
        self.contentDirectory = contentDirectory
        pages = Site.inheritingWeights(content.pages.sorted { $0.sourcePath < $1.sourcePath }, defaultLanguage: config.defaultLanguage.tag)
        staticFiles = content.staticFiles
        draftPaths = content.draftPaths
        var bySource: [String: Int] = [:]
        var byURL: [URLPath: Int] = [:]
        var translations: [String: [LanguageTag: Int]] = [:]
        for (index, page) in pages.enumerated() {
            bySource[page.sourcePath] = index
            byURL[page.url] = index
            translations[page.translationKey, default: [:]][page.language.tag] = index
        }
        pageIndexBySource = bySource
        pageIndexByURL = byURL
        self.translations = translations
        staticFileByPath = Dictionary(uniqueKeysWithValues: staticFiles.map { ($0.sourcePath, $0) })
        staticFileByURL = Dictionary(uniqueKeysWithValues: staticFiles.map { ($0.url, $0) })
        var sectionPages: [String: [LanguageTag: Int]] = [:]
        for (index, page) in pages.enumerated() where page.kind != .page {
            sectionPages[page.folder, default: [:]][page.language.tag] = index
        }
        self.sectionPages = sectionPages
        (childrenOfSection, parentOf) = Site.structure(pages, sectionPages: sectionPages)
        tagPages = TagPage.collect(pages: pages, config: config)
        var tagURLs: [LanguageTag: [String: URLPath]] = [:]
        for tagPage in tagPages {
            if let tag = tagPage.tag { tagURLs[tagPage.language.tag, default: [:]][TagPage.slug(tag)] = tagPage.url }
        }
        self.tagURLs = tagURLs
    }

    /// The page listing everything tagged `tag` in `language`.
    public func tagURL(_ tag: String, language: SiteLanguage) -> URLPath? {
        tagURLs[language.tag]?[TagPage.slug(tag)]
    }

    /// The page whose source is `path` (relative to the content folder).
    public func page(source path: String) -> Page? { pageIndexBySource[path].map { pages[$0] } }

    /// The position in ``pages`` of the page whose source is `path`.
    public func pageIndex(source path: String) -> Int? { pageIndexBySource[path] }

    /// The page published at `url`.
    public func page(at url: URLPath) -> Page? { pageIndexByURL[url].map { pages[$0] } }

    /// The static file at `path` relative to the content folder.
    public func staticFile(source path: String) -> StaticFile? { staticFileByPath[path] }

    /// The static file published at `url`.
    public func staticFile(at url: URLPath) -> StaticFile? { staticFileByURL[url] }

    /// The same page in every language it exists in, default language first.
    public func translations(of page: Page) -> [Page] {
        guard let byLanguage = translations[page.translationKey] else { return [page] }
        return config.languages.compactMap { byLanguage[$0.tag].map { pages[$0] } }
    }

    /// The translation of the page with `translationKey` in `language`, if it exists.
    public func translation(key: String, language: LanguageTag) -> Page? {
        translations[key]?[language].map { pages[$0] }
    }

    /// The home page of `language`, falling back to the default language's.
    public func home(for language: SiteLanguage) -> Page? {
        let homes = sectionPages[""]
        return (homes?[language.tag] ?? homes?[config.defaultLanguage.tag]).map { pages[$0] }
    }

    /// Pages listed on a section or home page, in list order, in the page's own language.
    public func children(of page: Page) -> [Page] {
        guard let index = pageIndexBySource[page.sourcePath] else { return [] }
        return (childrenOfSection[index] ?? []).map { pages[$0] }
    }

    /// An entry of a list page: a page, and whether it is listed in the default language
    /// because the reader's language has no translation of it.
    public struct ListEntry: Sendable {
        public var page: Page
        public var isFallback: Bool
    }

    /// What a section or home page lists: its own children and, on a translated section, the
    /// default language's pages of the same section that have no translation yet, so a reader
    /// of Polish still finds everything the site publishes.
    public func listing(of page: Page) -> [ListEntry] {
        let own = children(of: page).map { ListEntry(page: $0, isFallback: false) }
        let defaultTag = config.defaultLanguage.tag
        guard page.language.tag != defaultTag, page.kind != .page,
              let sourceSection = sectionPages[page.folder]?[defaultTag].map({ pages[$0] }) else { return own }
        let missing = children(of: sourceSection).filter { translation(key: $0.translationKey, language: page.language.tag) == nil }
        guard !missing.isEmpty else { return own }
        return (own + missing.map { ListEntry(page: $0, isFallback: true) }).sorted { Site.listOrder($0.page, $1.page) }
    }

    /// Section pages above `page`, from the home page down; not the page itself.
    public func ancestors(of page: Page) -> [Page] {
        var chain: [Page] = []
        var current = pageIndexBySource[page.sourcePath]
        while let index = current, let parent = parentOf[index] {
            chain.append(pages[parent])
            current = parent
        }
        return chain.reversed()
    }

    /// The static file a page's download entry points at (relative to the page, like a link).
    public func download(_ download: Download, of page: Page) -> StaticFile? {
        let folder = page.sourcePath.split(separator: "/").dropLast().map(String.init)
        let parts = folder + download.file.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        return LinkResolver.normalise(parts).flatMap { staticFile(source: $0) }
    }

    /// Size in bytes of a file in the content folder.
    public func fileSize(_ file: StaticFile) -> Int {
        let attributes = try? FileManager.default.attributesOfItem(atPath: contentDirectory + "/" + file.sourcePath)
        return (attributes?[.size] as? NSNumber)?.intValue ?? 0
    }

    /// A translation without its own `weight` takes its source page's, so lists keep the same
    /// order in every language.
    static func inheritingWeights(_ pages: [Page], defaultLanguage: LanguageTag) -> [Page] {
        var weights: [String: Int] = [:]
        for page in pages where page.language.tag == defaultLanguage {
            if let weight = page.frontMatter.weight { weights[page.translationKey] = weight }
        }
        return pages.map { page in
            guard page.frontMatter.weight == nil, let weight = weights[page.translationKey] else { return page }
            var inherited = page
            inherited.frontMatter.weight = weight
            return inherited
        }
    }

    /// Lists' order: weighted pages first by weight, then newest first, then by title.
    static func listOrder(_ a: Page, _ b: Page) -> Bool {
        switch (a.frontMatter.weight, b.frontMatter.weight) {
        case let (x?, y?) where x != y: return x < y
        case (_?, nil): return true
        case (nil, _?): return false
        default: break
        }
        switch (a.frontMatter.date, b.frontMatter.date) {
        case let (x?, y?) where x != y: return x > y
        case (_?, nil): return true
        case (nil, _?): return false
        default: break
        }
        if a.title != b.title { return a.title.localizedStandardCompareLite(b.title) }
        return a.sourcePath < b.sourcePath
    }

    /// Each page's parent is the nearest section page above it, in the same language.
    private static func structure(_ pages: [Page], sectionPages: [String: [LanguageTag: Int]]) -> ([Int: [Int]], [Int: Int]) {
        var children: [Int: [Int]] = [:]
        var parent: [Int: Int] = [:]
        for (index, page) in pages.enumerated() where page.kind != .home {
            var folder = page.kind == .section ? parentFolder(page.folder) : page.folder
            while true {
                if let section = sectionPages[folder]?[page.language.tag] {
                    parent[index] = section
                    children[section, default: []].append(index)
                    break
                }
                if folder.isEmpty { break }
                folder = parentFolder(folder)
            }
        }
        for (section, list) in children {
            children[section] = list.sorted { listOrder(pages[$0], pages[$1]) }
        }
        return (children, parent)
    }

    static func parentFolder(_ folder: String) -> String {
        guard let slash = folder.lastIndex(of: "/") else { return "" }
        return String(folder[..<slash])
    }
}

extension String {
    /// Case-insensitive comparison that does not depend on the machine's locale.
    func localizedStandardCompareLite(_ other: String) -> Bool {
        let a = lowercased(), b = other.lowercased()
        return a != b ? a < b : self < other
    }
}
