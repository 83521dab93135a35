import WaymarkContent
import WaymarkCore

/// Pages that do not come from a Markdown file: tag lists, redirects for aliases, and 404.
struct ExtraPages {
    let renderer: PageRenderer
    var site: Site { renderer.site }
    var theme: Theme { renderer.theme }

    /// `404.html`, with root-relative URLs because hosts serve it at any address.
    func notFound() -> RenderedFile {
        let language = site.config.defaultLanguage
        let style = URLStyle.rootRelative(basePath: site.config.basePath)
        let strings = renderer.strings(for: language)
        let view = PageView(
            title: strings["not_found_title"], summary: nil, url: style.href(URLPath("/404.html")),
            canonical: site.config.absoluteURL(URLPath("/404.html")), content: "", date: nil, updated: nil,
            toc: [], breadcrumbs: [], children: [], tags: [], layout: "404", isSection: false, isHome: false)
        let context = renderer.context(language: language, style: style, current: nil, page: view)
        return theme.render(context, template: "404", path: "404.html")
    }

    /// One redirect page per alias of every page.
    func redirects() -> [RenderedFile] {
        site.pages.flatMap { page in
            page.frontMatter.aliases.map { alias in
                let from = AliasPath.normalise(alias)
                let style = URLStyle.relative(to: from)
                let target = LinkView(label: page.title, url: style.href(page.url), absoluteURL: site.config.absoluteURL(page.url))
                let context = renderer.context(language: page.language, style: style, current: nil, page: nil, target: target)
                return theme.render(context, template: "redirect", path: from.outputFile)
            }
        }
    }

    /// Tag pages use the theme's `tag` template when it has one, else `section`.
    func tagPage(_ tagPage: TagPage) -> RenderedFile {
        let style = URLStyle.relative(to: tagPage.url)
        let strings = renderer.strings(for: tagPage.language)
        let children: [LinkView]
        if tagPage.tag == nil {
            children = tagPage.tags.map { LinkView(label: "\($0.name) (\($0.count))", url: style.href($0.url)) }
        } else {
            children = tagPage.pageSources.compactMap { site.page(source: $0) }.map {
                LinkView(label: $0.title, url: style.href($0.url), summary: $0.frontMatter.summary,
                         date: renderer.dates.view($0.frontMatter.date, language: $0.language.tag))
            }
        }
        let template = theme.templateNames.contains("tag") ? "tag" : "section"
        return generatedPage(tagPage.language, url: tagPage.url, title: tagPage.tag ?? strings["tags_title"], layout: "tag",
                             template: template, children: children, isSection: true)
    }

    /// A search page (the form, the results the script shows, and for visitors without
    /// JavaScript a pointer to the A–Z list) or an A–Z list of every page of a language by title,
    /// grouped by first letter.
    func searchPage(_ page: SiteSearch.GeneratedPage) -> RenderedFile {
        let strings = renderer.strings(for: page.language)
        switch page.kind {
        case .search:
            return generatedPage(page.language, url: page.url, title: strings["search_title"], layout: page.kind.template,
                                 template: page.kind.template, isSearchPage: true)
        case .az:
            let style = URLStyle.relative(to: page.url)
            let groups = SiteSearch(site: site).azGroups(page.language).map { group in
                AZGroupView(letter: group.letter, id: "letter-" + Slug.make(group.letter, fallback: "other"),
                            pages: group.pages.map { LinkView(label: $0.title, url: style.href($0.url), summary: $0.frontMatter.summary) })
            }
            return generatedPage(page.language, url: page.url, title: strings["az_title"], layout: page.kind.template,
                                 template: page.kind.template, azGroups: groups)
        }
    }

    /// A page with no Markdown behind it: a title, a breadcrumb to the home page, and what the
    /// template adds.
    private func generatedPage(_ language: SiteLanguage, url: URLPath, title: String, layout: String, template: String,
                               children: [LinkView] = [], isSection: Bool = false, isSearchPage: Bool = false,
                               azGroups: [AZGroupView] = []) -> RenderedFile {
        let style = URLStyle.relative(to: url)
        let home = site.home(for: language)
        let view = PageView(
            title: title, summary: nil, url: style.href(url), canonical: site.config.absoluteURL(url), content: "",
            date: nil, updated: nil, toc: [],
            breadcrumbs: home.map { [LinkView(label: $0.title, url: style.href($0.url))] } ?? [],
            children: children, tags: [], layout: layout, isSection: isSection, isHome: false)
        let context = renderer.context(language: language, style: style, current: nil, page: view,
                                       isSearchPage: isSearchPage, azGroups: azGroups)
        return theme.render(context, template: template, path: url.outputFile)
    }
}
