import WaymarkContent
import WaymarkCore

/// Checks that need the whole site: layouts exist, menus point at pages, fragments exist.
enum SiteChecks {
    static func run(site: Site, theme: Theme) -> [Diagnostic] {
        layouts(site: site, theme: theme) + menus(site: site) + help(site: site) + downloads(site: site)
            + contactTranslations(site: site) + searchAddresses(site: site, theme: theme) + orphanTranslations(site: site)
    }

    /// A translation whose default-language page is missing (usually renamed) is published on
    /// its own, unlinked from the default language; say so, since the fix is usually a rename.
    static func orphanTranslations(site: Site) -> [Diagnostic] {
        let defaultLanguage = site.config.defaultLanguage
        return site.pages.compactMap { page in
            guard page.language.tag != defaultLanguage.tag, !page.isGenerated,
                  site.translation(key: page.translationKey, language: defaultLanguage.tag) == nil else { return nil }
            let source = page.translationKey + ".md"
            let draft = site.draftPaths.contains(source)
            let summary = draft
                ? "the \(defaultLanguage.name) page this translates, \(source), is a draft, so this translation is published without it"
                : "this translation has no \(defaultLanguage.name) page: there is no \(source) (or page with 'translation_key: \(page.translationKey)') for it to translate"
            return .warning(SourceLocation(file: page.displayPath, line: 1), summary,
                            help: draft ? "publish the \(defaultLanguage.name) page, or mark this translation 'draft: true' too"
                                : "if the \(defaultLanguage.name) page was renamed, rename this file to match or set 'translation_key:'; until then it is published on its own at \(page.url.value), with no language links to or from it")
        }
    }

    /// The search and A–Z pages Waymark makes must not land on a page of the site's own.
    static func searchAddresses(site: Site, theme: Theme) -> [Diagnostic] {
        SiteSearch(site: site).pages(theme: theme).compactMap { generated in
            guard let page = site.page(at: generated.url) else { return nil }
            return .error(SourceLocation(file: page.displayPath, line: 1),
                          "this page's address \(generated.url.value) is where Waymark puts the \(generated.kind.name)",
                          help: "give the page another 'slug:', or turn search off with 'search: false' in site.yaml")
        }
    }

    /// A contact shown on pages in a language it is not translated into is shown in the default
    /// language there; say so once per contact.
    static func contactTranslations(site: Site) -> [Diagnostic] {
        let defaultTag = site.config.defaultLanguage.tag
        let published = site.config.languages.filter { language in
            language.tag != defaultTag && site.pages.contains { $0.language.tag == language.tag && !$0.isGenerated }
        }
        return site.contacts.compactMap { contact in
            let missing = published.filter { !contact.text(in: $0.tag).isTranslated }.map(\.tag.code)
            guard !missing.isEmpty else { return nil }
            return .warning(contact.location, "the contact '\(contact.id)' is not translated into \(missing.joined(separator: ", ")), so its label is shown in \(site.config.defaultLanguage.name) on those pages",
                            help: "add 'translations:' with a 'label:' for each language")
        }
    }

    /// The help block's contacts and report page must exist.
    static func help(site: Site) -> [Diagnostic] {
        var problems: [Diagnostic] = []
        let ids = Set(site.contacts.map(\.id))
        for id in site.config.helpContacts where !ids.contains(id) {
            let help = Suggestion.closest(to: id, in: Array(ids)).map { "did you mean '\($0)'?" }
                ?? (ids.isEmpty ? "add the contact to content/_data/contacts.yaml" : "the contacts are: \(ids.sorted().joined(separator: ", "))")
            problems.append(.error(site.config.locations["help_contacts"] ?? SourceLocation(file: "site.yaml"),
                                   "'help_contacts' names '\(id)', which is not a contact in _data/contacts.yaml", help: help))
        }
        if let report = site.config.reportPage, site.page(source: report) == nil {
            problems.append(.error(site.config.locations["report_page"] ?? SourceLocation(file: "site.yaml"),
                                   "'report_page' is '\(report)', which is not a page",
                                   help: Suggestion.closest(to: report, in: site.pages.map(\.sourcePath)).map { "did you mean '\($0)'?" }))
        }
        return problems
    }

    /// Every download must be a file in the content folder.
    static func downloads(site: Site) -> [Diagnostic] {
        site.pages.flatMap { page in
            page.frontMatter.downloads.compactMap { download in
                site.download(download, of: page) == nil
                    ? .error(download.location, "the download '\(download.file)' is not a file in the content folder",
                             help: "the path is relative to the page, like a link")
                    : nil
            }
        }
    }

    static func layouts(site: Site, theme: Theme) -> [Diagnostic] {
        site.pages.compactMap { page in
            let layout = PageRenderer.layout(for: page)
            guard !theme.templateNames.contains(layout) else { return nil }
            let choices = theme.templateNames.filter { !$0.hasPrefix("partials/") && $0 != "base" }.sorted()
            let help = Suggestion.closest(to: layout, in: choices).map { "did you mean '\($0)'?" }
                ?? "the theme's layouts are: \(choices.joined(separator: ", "))"
            return .error(page.frontMatter.locations["layout"] ?? SourceLocation(file: page.displayPath, line: 1),
                          "the layout '\(layout)' does not exist in the theme", help: help)
        }
    }

    static func menus(site: Site) -> [Diagnostic] {
        (site.config.menu + site.config.footerMenu).compactMap { item in
            guard case .page(let source) = item.target, site.page(source: source) == nil else { return nil }
            let help = Suggestion.closest(to: source, in: site.pages.map(\.sourcePath)).map { "did you mean '\($0)'?" }
            return .error(item.location, "the menu entry '\(item.label)' points to '\(source)', which is not a page", help: help)
        }
    }
}
