import WaymarkTemplate
import WaymarkCore
import WaymarkMarkdown

// Typed view models for templates. Each answers template names through `value(named:)`, so a
// renamed field is a compile error here. They are immutable classes rather than structs: a
// template value holds a class as one reference, where a large struct would be boxed and copied.
// Names are the ones documented in docs/THEMING.md.

/// A date as templates show it.
final class DateView: TemplateObject, Sendable {
    let iso: String
    let display: String

    init(iso: String, display: String) {
        self.iso = iso
        self.display = display
    }

    func value(named name: String) -> TemplateValue {
        switch name {
        case "iso": TemplateValue(iso)
        case "display": TemplateValue(display)
        default: .missing
        }
    }
}

/// A link in a menu, breadcrumb trail, list or language switcher.
final class LinkView: TemplateObject, Sendable {
    let label: String
    let url: String
    /// True on a link to the page being shown.
    let current: Bool
    /// True on a link to a section the page being shown is inside.
    let inSection: Bool
    let summary: String?
    let date: DateView?
    /// Language links: the language code and direction.
    let code: String?
    let dir: String?
    /// Redirect targets: the absolute address.
    let absoluteURL: String?
    /// Set when the linked page's text is in another language than the page showing the link.
    let lang: String?
    /// Shown beside a link to a page that is only in another language ("only available in English").
    let notice: String?

    init(label: String, url: String, current: Bool = false, inSection: Bool = false, summary: String? = nil,
         date: DateView? = nil, code: String? = nil, dir: String? = nil, absoluteURL: String? = nil,
         lang: String? = nil, notice: String? = nil) {
        self.lang = lang
        self.notice = notice
        self.label = label
        self.url = url
        self.current = current
        self.inSection = inSection
        self.summary = summary
        self.date = date
        self.code = code
        self.dir = dir
        self.absoluteURL = absoluteURL
    }

    func value(named name: String) -> TemplateValue {
        switch name {
        case "label", "title", "name": TemplateValue(label)
        case "url": TemplateValue(url)
        case "current": TemplateValue(current)
        case "in_section": TemplateValue(inSection)
        case "summary": TemplateValue(summary)
        case "date": TemplateValue(date)
        case "code": TemplateValue(code)
        case "dir": TemplateValue(dir)
        case "absolute_url": TemplateValue(absoluteURL)
        // Not `lang`: a missing value would be looked up on the page and give the page's language.
        case "link_lang": TemplateValue(lang)
        case "notice": TemplateValue(notice)
        default: .missing
        }
    }
}

/// One table-of-contents entry.
final class TOCView: TemplateObject, Sendable {
    let id: String
    let text: String
    let children: [TOCView]

    init(id: String, text: String, children: [TOCView]) {
        self.id = id
        self.text = text
        self.children = children
    }

    func value(named name: String) -> TemplateValue {
        switch name {
        case "id": TemplateValue(id)
        case "text": TemplateValue(text)
        case "children": TemplateValue(children)
        case "has_children": TemplateValue(!children.isEmpty)
        default: .missing
        }
    }
}

/// A translation for `<link rel="alternate" hreflang>`.
final class AlternateView: TemplateObject, Sendable {
    let lang: String
    let absoluteURL: String

    init(lang: String, absoluteURL: String) {
        self.lang = lang
        self.absoluteURL = absoluteURL
    }

    func value(named name: String) -> TemplateValue {
        switch name {
        case "lang": TemplateValue(lang)
        case "absolute_url": TemplateValue(absoluteURL)
        default: .missing
        }
    }
}

/// A reporting contact.
final class ContactView: TemplateObject, Sendable {
    let id: String
    let label: String
    let number: String
    let tel: String
    let hours: String?
    let notes: [String]
    let when: String?
    let emergency: Bool
    let group: String
    /// The language of the words when they are not translated into the page's language.
    let textLang: String?

    init(id: String, label: String, number: String, tel: String, hours: String?, notes: [String], when: String?,
         emergency: Bool, group: String, textLang: String? = nil) {
        self.textLang = textLang
        self.id = id
        self.label = label
        self.number = number
        self.tel = tel
        self.hours = hours
        self.notes = notes
        self.when = when
        self.emergency = emergency
        self.group = group
    }

    func value(named name: String) -> TemplateValue {
        switch name {
        case "id": TemplateValue(id)
        case "label": TemplateValue(label)
        case "number": TemplateValue(number)
        case "tel": TemplateValue(tel)
        case "hours": TemplateValue(hours)
        case "notes": TemplateValue(notes)
        case "has_notes": TemplateValue(!notes.isEmpty)
        case "when": TemplateValue(when)
        case "emergency": TemplateValue(emergency)
        case "group": TemplateValue(group)
        case "text_lang": TemplateValue(textLang)
        default: .missing
        }
    }
}

/// Contacts under one heading of the contacts layout.
final class ContactGroupView: TemplateObject, Sendable {
    let id: String
    let title: String
    let contacts: [ContactView]

    init(id: String, title: String, contacts: [ContactView]) {
        self.id = id
        self.title = title
        self.contacts = contacts
    }

    func value(named name: String) -> TemplateValue {
        switch name {
        case "id": TemplateValue(id)
        case "title": TemplateValue(title)
        case "contacts": TemplateValue(contacts)
        default: .missing
        }
    }
}

/// The help block shown on every page.
final class HelpView: TemplateObject, Sendable {
    let contacts: [ContactView]
    let reportURL: String?

    init(contacts: [ContactView], reportURL: String?) {
        self.contacts = contacts
        self.reportURL = reportURL
    }

    func value(named name: String) -> TemplateValue {
        switch name {
        case "contacts": TemplateValue(contacts)
        case "has_contacts": TemplateValue(!contacts.isEmpty)
        case "report_url": TemplateValue(reportURL)
        default: .missing
        }
    }
}

/// A part of a page under an `h2`.
final class SectionView: TemplateObject, Sendable {
    let id: String
    /// The heading's old id, which the template keeps as an empty `<span id>` in the heading.
    let alias: String?
    let title: String
    let number: Int
    let content: HTMLPart

    init(id: String, alias: String? = nil, title: String, number: Int, content: HTMLPart) {
        self.id = id
        self.alias = alias
        self.title = title
        self.number = number
        self.content = content
    }

    func value(named name: String) -> TemplateValue {
        switch name {
        case "id": TemplateValue(id)
        case "alias": TemplateValue(alias)
        case "title": TemplateValue(title)
        case "number": TemplateValue(String(number))
        case "content": TemplateValue(content.html)
        default: .missing
        }
    }
}

/// A notice above a translated page: it is out of date, or not yet checked.
final class NoticeView: TemplateObject, Sendable {
    let kind: String
    let text: String
    let linkURL: String?
    let linkText: String?
    let linkLang: String?

    init(kind: String, text: String, linkURL: String? = nil, linkText: String? = nil, linkLang: String? = nil) {
        self.kind = kind
        self.text = text
        self.linkURL = linkURL
        self.linkText = linkText
        self.linkLang = linkLang
    }

    func value(named name: String) -> TemplateValue {
        switch name {
        case "kind": TemplateValue(kind)
        case "text": TemplateValue(text)
        case "link_url": TemplateValue(linkURL)
        case "link_text": TemplateValue(linkText)
        case "link_lang": TemplateValue(linkLang)
        default: .missing
        }
    }
}

/// A file offered for download.
final class DownloadView: TemplateObject, Sendable {
    let url: String
    let text: String
    let lang: String
    /// The file's language in its own words ("Polski"), for a `lang` span.
    let languageName: String
    /// What the file is ("information flyer"), in the page's language.
    let what: String
    let format: String
    let size: String

    init(url: String, text: String, lang: String, languageName: String, what: String, format: String, size: String) {
        self.url = url
        self.text = text
        self.lang = lang
        self.languageName = languageName
        self.what = what
        self.format = format
        self.size = size
    }

    func value(named name: String) -> TemplateValue {
        switch name {
        case "url": TemplateValue(url)
        case "text": TemplateValue(text)
        case "lang": TemplateValue(lang)
        case "language_name": TemplateValue(languageName)
        case "what": TemplateValue(what)
        case "format": TemplateValue(format)
        case "size": TemplateValue(size)
        default: .missing
        }
    }
}

/// The page being rendered: `page.*` in templates.
final class PageView: TemplateObject, Sendable {
    let title: String
    let summary: String?
    let url: String
    let canonical: String
    let content: String
    /// Nil on pages that are not Markdown (the search page, the directory), as an empty intro.
    let intro: HTMLPart?
    let sections: [SectionView]
    let downloads: [DownloadView]
    let notices: [NoticeView]
    let date: DateView?
    let updated: DateView?
    let toc: [TOCView]
    let breadcrumbs: [LinkView]
    let children: [LinkView]
    let tags: [LinkView]
    let layout: String
    let isSection: Bool
    let isHome: Bool

    init(title: String, summary: String?, url: String, canonical: String, content: String, intro: HTMLPart? = nil,
         sections: [SectionView] = [], downloads: [DownloadView] = [], notices: [NoticeView] = [], date: DateView?,
         updated: DateView?, toc: [TOCView], breadcrumbs: [LinkView], children: [LinkView], tags: [LinkView],
         layout: String, isSection: Bool, isHome: Bool) {
        self.title = title
        self.summary = summary
        self.url = url
        self.canonical = canonical
        self.content = content
        self.intro = intro
        self.sections = sections
        self.downloads = downloads
        self.notices = notices
        self.date = date
        self.updated = updated
        self.toc = toc
        self.breadcrumbs = breadcrumbs
        self.children = children
        self.tags = tags
        self.layout = layout
        self.isSection = isSection
        self.isHome = isHome
    }

    func value(named name: String) -> TemplateValue {
        switch name {
        case "title": TemplateValue(title)
        case "summary": TemplateValue(summary)
        case "url": TemplateValue(url)
        case "canonical": TemplateValue(canonical)
        case "content": TemplateValue(content)
        case "intro": TemplateValue(intro?.html ?? "")
        case "sections": TemplateValue(sections)
        case "has_sections": TemplateValue(!sections.isEmpty)
        case "downloads": TemplateValue(downloads)
        case "has_downloads": TemplateValue(!downloads.isEmpty)
        case "notices": TemplateValue(notices)
        case "has_notices": TemplateValue(!notices.isEmpty)
        case "date": TemplateValue(date)
        case "updated": TemplateValue(updated)
        case "toc": TemplateValue(toc)
        case "has_toc": TemplateValue(!toc.isEmpty)
        case "breadcrumbs": TemplateValue(breadcrumbs)
        case "has_breadcrumbs": TemplateValue(!breadcrumbs.isEmpty)
        case "children": TemplateValue(children)
        case "has_children": TemplateValue(!children.isEmpty)
        case "tags": TemplateValue(tags)
        case "has_tags": TemplateValue(!tags.isEmpty)
        case "layout": TemplateValue(layout)
        case "is_section": TemplateValue(isSection)
        case "is_home": TemplateValue(isHome)
        default: .missing
        }
    }
}

/// Site-wide values: `site.*`.
final class SiteView: TemplateObject, Sendable {
    let title: String
    let description: String
    let homeURL: String
    /// The language of `title` when the site has no title in the page's language.
    let titleLang: String?

    init(title: String, description: String, homeURL: String, titleLang: String? = nil) {
        self.title = title
        self.description = description
        self.homeURL = homeURL
        self.titleLang = titleLang
    }

    func value(named name: String) -> TemplateValue {
        switch name {
        case "title": TemplateValue(title)
        case "description": TemplateValue(description)
        case "home_url": TemplateValue(homeURL)
        case "title_lang": TemplateValue(titleLang)
        default: .missing
        }
    }
}

/// A name → text map answering `t.key` and `assets.key`.
final class TextTable: TemplateObject, Sendable {
    let values: [String: String]
    init(_ values: [String: String]) { self.values = values }
    func value(named name: String) -> TemplateValue { TemplateValue(values[name]) }
}

/// `assets.key`: each theme file's address as the page links to it, worked out only for the
/// files a template asks for rather than for every asset on every page.
final class AssetTable: TemplateObject, Sendable {
    let urls: [String: URLPath]
    let style: URLStyle
    init(_ urls: [String: URLPath], style: URLStyle) {
        self.urls = urls
        self.style = style
    }
    func value(named name: String) -> TemplateValue { TemplateValue(urls[name].map { style.href($0) }) }
}

/// The root object every template renders.
final class PageContext: TemplateObject, Sendable {
    let lang: String
    let dir: String
    let strings: TextTable
    let site: SiteView
    let assets: AssetTable
    let menu: [LinkView]
    let footerMenu: [LinkView]
    let exitURL: String
    let feedURL: String?
    let page: PageView?
    let languages: [LinkView]
    let alternates: [AlternateView]
    let xDefault: String?
    let target: LinkView?
    let help: HelpView
    let contacts: [ContactView]
    let contactGroups: [ContactGroupView]
    let csp: String
    let directory: DirectoryView
    let search: SearchView?
    let azGroups: [AZGroupView]

    init(lang: String, dir: String, strings: TextTable, site: SiteView, assets: AssetTable, menu: [LinkView],
         footerMenu: [LinkView], exitURL: String, feedURL: String?, page: PageView?, languages: [LinkView],
         alternates: [AlternateView], xDefault: String?, target: LinkView?, help: HelpView, contacts: [ContactView],
         contactGroups: [ContactGroupView], csp: String, directory: DirectoryView = .empty, search: SearchView? = nil,
         azGroups: [AZGroupView] = []) {
        self.directory = directory
        self.search = search
        self.azGroups = azGroups
        self.help = help
        self.contacts = contacts
        self.contactGroups = contactGroups
        self.csp = csp
        self.lang = lang
        self.dir = dir
        self.strings = strings
        self.site = site
        self.assets = assets
        self.menu = menu
        self.footerMenu = footerMenu
        self.exitURL = exitURL
        self.feedURL = feedURL
        self.page = page
        self.languages = languages
        self.alternates = alternates
        self.xDefault = xDefault
        self.target = target
    }

    func value(named name: String) -> TemplateValue {
        switch name {
        case "lang": TemplateValue(lang)
        case "dir": TemplateValue(dir)
        case "t": TemplateValue(strings)
        case "site": TemplateValue(site)
        case "assets": TemplateValue(assets)
        case "menu": TemplateValue(menu)
        case "has_menu": TemplateValue(!menu.isEmpty)
        case "footer_menu": TemplateValue(footerMenu)
        case "has_footer_menu": TemplateValue(!footerMenu.isEmpty)
        case "exit_url": TemplateValue(exitURL)
        case "feed_url": TemplateValue(feedURL)
        case "page": TemplateValue(page)
        case "languages": TemplateValue(languages)
        case "has_languages": TemplateValue(!languages.isEmpty)
        case "alternates": TemplateValue(alternates)
        case "has_alternates": TemplateValue(!alternates.isEmpty)
        case "x_default": TemplateValue(xDefault)
        case "target": TemplateValue(target)
        case "help": TemplateValue(help)
        case "contacts": TemplateValue(contacts)
        case "has_contacts": TemplateValue(!contacts.isEmpty)
        case "contact_groups": TemplateValue(contactGroups)
        case "csp": TemplateValue(csp)
        case "directory": TemplateValue(directory)
        case "search": TemplateValue(search)
        case "az_groups": TemplateValue(azGroups)
        default: .missing
        }
    }
}

/// `search.*`: where a page's search form sends the query, on sites with search.
final class SearchView: TemplateObject, Sendable {
    let url: String
    let azURL: String
    /// The folder holding every language's index, for the script.
    let indexURL: String
    /// True on the search page itself.
    let isSearchPage: Bool
    /// True in English, whose query words the browser stems (Porter2, `assets/js/stem-en.js`).
    let stemsEnglish: Bool

    init(url: String, azURL: String, indexURL: String, isSearchPage: Bool, stemsEnglish: Bool) {
        self.url = url
        self.azURL = azURL
        self.indexURL = indexURL
        self.isSearchPage = isSearchPage
        self.stemsEnglish = stemsEnglish
    }

    func value(named name: String) -> TemplateValue {
        switch name {
        case "url": TemplateValue(url)
        case "az_url": TemplateValue(azURL)
        case "index_url": TemplateValue(indexURL)
        case "is_search_page": TemplateValue(isSearchPage)
        case "stems_english": TemplateValue(stemsEnglish)
        default: .missing
        }
    }
}

/// One letter of the A–Z page (`az_groups`).
final class AZGroupView: TemplateObject, Sendable {
    let letter: String
    let id: String
    let pages: [LinkView]

    init(letter: String, id: String, pages: [LinkView]) {
        self.letter = letter
        self.id = id
        self.pages = pages
    }

    func value(named name: String) -> TemplateValue {
        switch name {
        case "letter": TemplateValue(letter)
        case "id": TemplateValue(id)
        case "pages": TemplateValue(pages)
        default: .missing
        }
    }
}
