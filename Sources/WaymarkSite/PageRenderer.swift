import Foundation
import WaymarkContent
import WaymarkCore
import WaymarkData
import WaymarkMarkdown
import WaymarkSearch

/// What rendering one page produced besides its HTML.
struct PageRenderResult: Sendable {
    var file: RenderedFile
    var diagnostics: [Diagnostic]
    var status: TranslationStatus
    /// Ids on the page, to check `page.md#id` links against.
    var anchors: PageAnchors
    var fragmentLinks: [FragmentLink]
    /// The page's words for the search index, when the site has search and the page belongs in it.
    var search: AnalysedDocument?
    /// The parsed body, for a ``PageInspector``; dropped as soon as the page is written.
    var document: MarkdownDocument?
}


/// Renders pages through the theme. One value serves the whole build and is shared by threads.
struct PageRenderer: Sendable {
    let site: Site
    let theme: Theme
    let dates: DateTexts
    let feeds: FeedPlan
    /// Where pages' search forms go; nil when the site has no search page.
    let search: SiteSearch?
    let contactHTML: ContactHTML
    /// Each partner's schema.org data, for the directory pages.
    let partnerJSONLD: [String]
    /// The contacts in each language, the same on every page of it, so made once per build.
    let contactsByLanguage: [LanguageTag: LanguageContacts]
    /// The policy every page declares: the site's own files only, no inline code. The `_headers`
    /// file sends the same policy as a header, with `frame-ancestors 'none'` added (HostHeaders).
    static let contentSecurityPolicy = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; connect-src 'self'; base-uri 'none'; form-action 'self'"

    init(site: Site, theme: Theme) {
        self.site = site
        self.theme = theme
        dates = DateTexts(site: site)
        feeds = FeedPlan(site: site)
        let siteSearch = SiteSearch(site: site)
        search = siteSearch.pages(theme: theme).contains { $0.kind == .search } ? siteSearch : nil
        contactHTML = ContactHTML(contacts: site.contacts, defaultLanguage: site.config.defaultLanguage.tag)
        let showsDirectory = site.pages.contains { PageRenderer.layout(for: $0) == "directory" }
        partnerJSONLD = showsDirectory ? ConcurrentMap.map(site.partners, PartnerJSONLD.organization) : []
        var contacts: [LanguageTag: LanguageContacts] = [:]
        for language in site.config.languages {
            let strings = theme.strings(for: language.tag, defaultLanguage: site.config.defaultLanguage.tag)
            contacts[language.tag] = LanguageContacts(site: site, language: language, strings: strings)
        }
        contactsByLanguage = contacts
    }
    /// Ids every page's template uses, which headings must not take.
    static let reservedIDs: Set<String> = ["main-content", "waymark-toc-title", "top", "search", "navigation"]

    /// The template a page uses: its `layout`, or one chosen by its kind.
    static func layout(for page: Page) -> String {
        page.frontMatter.layout ?? page.kind.rawValue
    }

    /// Renders `page`; `rewrites` are its links to headings' old ids, written as the new ids.
    /// Rendered again only for those, the page's words for search are not needed (`forSearch`).
    func render(_ page: Page, rewrites: FragmentRewrites = [:], forSearch: Bool = true) -> PageRenderResult {
        let style = URLStyle.relative(to: page.url)
        var resolver = LinkResolver(site: site, page: page, style: style, rewrites: rewrites)
        let document: MarkdownDocument
        var diagnostics: [Diagnostic] = []
        switch page.loadBody() {
        case .success(let body):
            document = MarkdownParser.parse(body.text, firstLine: body.firstLine)
            diagnostics += PrivateValueCheck.problems(in: page, body: body.text, firstLine: body.firstLine, index: site.privateValues)
        case .failure(let problem):
            document = MarkdownDocument(blocks: [])
            diagnostics.append(problem)
        }
        let strings = self.strings(for: page.language)
        // The directory is built only for the pages that show it.
        let directory = PageRenderer.layout(for: page) == "directory"
            ? DirectoryView(partners: site.partners, jsonLD: partnerJSONLD, areas: site.config.areas, strings: strings,
                            textLang: isDefault(page.language) ? nil : site.config.defaultLanguage.tag.code)
            : .empty
        let rendered = withoutActuallyEscaping({ (reference: LinkReference) in resolver.resolve(reference) }) { resolve in
            var renderer = HTMLRenderer(allowRawHTML: site.config.allowRawHTML, reservedIDs: PageRenderer.reservedIDs.union(directory.anchors),
                                        headingAnchorLabel: strings["heading_anchor_label"].isEmpty ? nil : strings["heading_anchor_label"],
                                        resolveLink: resolve,
                                        resolveDirective: { contactHTML.resolve($0, isBlock: $1, language: page.language.tag) })
            // Only the default language stands in for missing pages, so one note serves.
            let note = strings["link_in_default_language"]
            renderer.foreignLinkNote = { _ in note.isEmpty ? nil : note }
            return renderer.render(document)
        }
        diagnostics += contactHTML.unknownNumbers(in: document, file: page.displayPath)
        let status = TranslationStatus.of(page, in: site)
        if let source = status.staleSource { diagnostics.append(TranslationStatus.staleWarning(page, source: source)) }
        diagnostics += rendered.issues.map { issue in
            let diagnostic = Diagnostic(issue.isError ? .error : .warning, SourceLocation(file: page.displayPath, line: issue.line), issue.message, help: issue.help)
            return issue.rule.map(diagnostic.rule) ?? diagnostic
        }
        let useTOC = rendered.sectionHeadingCount >= site.config.tocMinHeadings
        let pageView = PageView(
            title: page.title, summary: page.frontMatter.summary.flatMap { $0.isEmpty ? nil : $0 }, url: style.href(page.url),
            canonical: site.config.absoluteURL(page.url), content: rendered.html, intro: rendered.introPart,
            sections: rendered.sections.enumerated().map { SectionView(id: $1.id, alias: $1.alias, title: $1.title, number: $0 + 1, content: $1.part) },
            downloads: downloads(of: page, style: style),
            notices: notices(for: status, style: style, strings: strings),
            date: dates.view(page.frontMatter.date, language: page.language.tag),
            updated: dates.view(page.frontMatter.updated, language: page.language.tag),
            toc: useTOC ? rendered.tableOfContents.map(TOCView.init) : [],
            breadcrumbs: site.ancestors(of: page).map { LinkView(label: $0.title, url: style.href($0.url)) },
            children: site.listing(of: page).map { listItem($0.page, style: style, readerLanguage: page.language, isFallback: $0.isFallback) },
            tags: page.frontMatter.tags.compactMap { tagLink($0, language: page.language, style: style) },
            layout: PageRenderer.layout(for: page), isSection: page.kind == .section, isHome: page.kind == .home)
        let context = self.context(language: page.language, style: style, current: page, page: pageView, directory: directory)
        var file = theme.render(context, template: PageRenderer.layout(for: page), path: page.url.outputFile)
        diagnostics += file.problems
        file.problems = []
        let anchors = PageAnchors(ids: PageRenderer.reservedIDs.union(rendered.headingIDs).union(directory.anchors),
                                  aliases: rendered.headingAliases)
        let search = forSearch && site.config.search && SiteSearch.indexes(page)
            ? AnalysedDocument(SiteSearch.document(for: page, contentHTML: rendered.html)) : nil
        return PageRenderResult(
            file: file, diagnostics: diagnostics, status: status,
            anchors: anchors, fragmentLinks: resolver.fragmentLinks, search: search, document: document)
    }

    func isDefault(_ language: SiteLanguage) -> Bool { language.tag == site.config.defaultLanguage.tag }

    func strings(for language: SiteLanguage) -> UIStrings {
        theme.strings(for: language.tag, defaultLanguage: site.config.defaultLanguage.tag)
    }

    /// The root template object shared by every kind of output page.
    func context(language: SiteLanguage, style: URLStyle, current: Page?, page: PageView?, target: LinkView? = nil,
                 directory: DirectoryView = .empty, isSearchPage: Bool = false, azGroups: [AZGroupView] = []) -> PageContext {
        let strings = self.strings(for: language)
        let contacts = contactsByLanguage[language.tag] ?? LanguageContacts(site: site, language: language, strings: strings)
        let home = site.home(for: language)
        let translations = current.map { site.translations(of: $0) } ?? []
        let alternates = translations.count > 1
            ? translations.map { AlternateView(lang: $0.language.tag.code, absoluteURL: site.config.absoluteURL($0.url)) } : []
        return PageContext(
            lang: language.tag.code, dir: language.direction.rawValue,
            strings: TextTable(strings.values),
            site: SiteView(title: language.title ?? site.config.title, description: language.description ?? site.config.description,
                           homeURL: style.href(home?.url ?? .root),
                           titleLang: language.title == nil && !isDefault(language) ? site.config.defaultLanguage.tag.code : nil),
            assets: AssetTable(theme.assets.urlsByKey, style: style),
            menu: menuLinks(site.config.menu, language: language, style: style, current: current),
            footerMenu: menuLinks(site.config.footerMenu, language: language, style: style, current: current),
            exitURL: site.config.exitURL,
            feedURL: current.flatMap { feeds.feed(for: $0, in: site) }.map { style.href($0) },
            page: page,
            languages: languageLinks(current: current, language: language, style: style),
            alternates: alternates,
            xDefault: alternates.isEmpty ? nil : translations.first.map { site.config.absoluteURL($0.url) },
            target: target,
            help: HelpView(
                contacts: contacts.help,
                reportURL: site.config.reportPage.flatMap { site.page(source: $0) }.map {
                    style.href((site.translation(key: $0.translationKey, language: language.tag) ?? $0).url)
                }),
            contacts: contacts.all,
            contactGroups: contacts.groups,
            csp: PageRenderer.contentSecurityPolicy,
            directory: directory,
            search: search.map {
                SearchView(url: style.href($0.searchURL(language)), azURL: style.href($0.azURL(language)),
                           indexURL: style.href(SiteSearch.indexRoot), isSearchPage: isSearchPage,
                           stemsEnglish: SiteSearch.stemsEnglish(language))
            },
            azGroups: azGroups)
    }

    /// Notices in the page's language: the source has changed since; not yet checked.
    private func notices(for status: TranslationStatus, style: URLStyle, strings: UIStrings) -> [NoticeView] {
        var notices: [NoticeView] = []
        if let source = status.staleSource {
            notices.append(NoticeView(kind: "stale", text: strings["notice_stale"], linkURL: style.href(source.url),
                                      linkText: strings["notice_stale_link"], linkLang: source.language.tag.code))
        }
        if status.isUnreviewed { notices.append(NoticeView(kind: "unreviewed", text: strings["notice_unreviewed"])) }
        return notices
    }

    /// Download links with language, format and size read from the files ("Polski – information
    /// flyer (PDF, 930 KB)"). Missing files are reported by ``SiteChecks``.
    private func downloads(of page: Page, style: URLStyle) -> [DownloadView] {
        page.frontMatter.downloads.compactMap { download in
            guard let file = site.download(download, of: page) else { return nil }
            let format = (file.sourcePath.split(separator: ".").last.map(String.init) ?? "").uppercased()
            let size = FileSize.text(bytes: site.fileSize(file))
            let name = LanguageNames.name(download.language, config: site.config)
            return DownloadView(url: style.href(file.url), text: "\(name) – \(download.title) (\(format), \(size))",
                                lang: download.language, languageName: name, what: download.title, format: format, size: size)
        }
    }

    /// A list entry; one in another language than the reader's carries its `lang` and a notice
    /// in the reader's language.
    private func listItem(_ page: Page, style: URLStyle, readerLanguage: SiteLanguage, isFallback: Bool = false) -> LinkView {
        let foreign = page.language.tag != readerLanguage.tag
        return LinkView(label: page.title, url: style.href(page.url), summary: page.frontMatter.summary,
                        date: dates.view(page.frontMatter.date, language: page.language.tag),
                        lang: foreign ? page.language.tag.code : nil,
                        notice: isFallback ? strings(for: readerLanguage)["only_in_default_language"] : nil)
    }

    private func tagLink(_ tag: String, language: SiteLanguage, style: URLStyle) -> LinkView? {
        guard let url = site.tagURL(tag, language: language) else { return nil }
        return LinkView(label: tag, url: style.href(url))
    }

    private func menuLinks(_ items: [MenuItem], language: SiteLanguage, style: URLStyle, current: Page?) -> [LinkView] {
        let isDefault = language.tag == site.config.defaultLanguage.tag
        return items.compactMap { item in
            let translatedLabel = item.label(in: language.tag, isDefault: isDefault)
            switch item.target {
            case .url(let url):
                return LinkView(label: translatedLabel ?? item.label, url: url,
                                lang: translatedLabel == nil ? site.config.defaultLanguage.tag.code : nil)
            case .page(let source):
                guard let target = site.page(source: source) else { return nil }
                let translation = site.translation(key: target.translationKey, language: language.tag)
                let shown = translation ?? target
                // Without a label in the reader's language, the translated page's title serves;
                // failing that the default label is shown and marked as being in that language.
                let label = translatedLabel ?? translation.map(\.title) ?? item.label
                let isForeign = translatedLabel == nil && translation == nil
                let isCurrent = current?.url == shown.url
                let inSection = !isCurrent && shown.kind == .section && (current?.url.value.hasPrefix(shown.url.value) ?? false)
                return LinkView(label: label, url: style.href(shown.url), current: isCurrent, inSection: inSection,
                                lang: isForeign ? shown.language.tag.code : nil)
            }
        }
    }

    private func languageLinks(current: Page?, language: SiteLanguage, style: URLStyle) -> [LinkView] {
        guard site.config.languages.count > 1 else { return [] }
        return site.config.languages.map { other in
            let target = current.flatMap { site.translation(key: $0.translationKey, language: other.tag) } ?? site.home(for: other)
            return LinkView(label: other.name, url: style.href(target?.url ?? .root), current: other.tag == language.tag,
                            code: other.tag.code, dir: other.direction.rawValue)
        }
    }
}

extension TOCView {
    convenience init(_ entry: TableOfContentsEntry) {
        self.init(id: entry.id, text: entry.text, children: entry.children.map(TOCView.init))
    }
}

/// One language's contact views: all of them, the help block's, and the contacts layout's groups.
struct LanguageContacts: Sendable {
    let all: [ContactView]
    let help: [ContactView]
    let groups: [ContactGroupView]

    init(site: Site, language: SiteLanguage, strings: UIStrings) {
        let isDefault = language.tag == site.config.defaultLanguage.tag
        all = site.contacts.map { contact in
            let (text, isTranslated) = contact.text(in: language.tag)
            return ContactView(id: contact.id, label: text.label, number: contact.number.display, tel: contact.number.telURI,
                               hours: text.hours, notes: text.notes, when: text.when, emergency: contact.emergency,
                               group: contact.group.rawValue,
                               textLang: isTranslated || isDefault ? nil : site.config.defaultLanguage.tag.code)
        }
        let all = self.all
        help = site.config.helpContacts.compactMap { id in all.first { $0.id == id } }
        groups = Contact.Group.allCases.compactMap { group in
            let members = all.filter { $0.group == group.rawValue }
            return members.isEmpty ? nil : ContactGroupView(id: group.rawValue, title: strings["contact_group_" + group.rawValue], contacts: members)
        }
    }
}
