import Mustache
import WaymarkCore

// Typed view models for templates. Each answers template names through `child(named:)`, so
// rendering never falls back to reflection and a renamed field is a compile error here.
// They are immutable classes rather than structs: the template engine passes values around as
// `Any` and casts them at every lookup, and a class reference is cheap to copy where a large
// struct is boxed and retained field by field each time.
// Names are the ones documented in docs/THEMING.md.

/// A date as templates show it.
final class DateView: MustacheParent, Sendable {
    let iso: String
    let display: String

    init(iso: String, display: String) {
        self.iso = iso
        self.display = display
    }

    func child(named name: String) -> Any? {
        switch name {
        case "iso": iso
        case "display": display
        default: nil
        }
    }
}

/// A link in a menu, breadcrumb trail, list or language switcher.
final class LinkView: MustacheParent, Sendable {
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

    func child(named name: String) -> Any? {
        switch name {
        case "label", "title", "name": label
        case "url": url
        case "current": current
        case "in_section": inSection
        case "summary": summary
        case "date": date
        case "code": code
        case "dir": dir
        case "absolute_url": absoluteURL
        // Not `lang`: a missing value would be looked up on the page and give the page's language.
        case "link_lang": lang
        case "notice": notice
        default: nil
        }
    }
}

/// One table-of-contents entry.
final class TOCView: MustacheParent, Sendable {
    let id: String
    let text: String
    let children: [TOCView]

    init(id: String, text: String, children: [TOCView]) {
        self.id = id
        self.text = text
        self.children = children
    }

    func child(named name: String) -> Any? {
        switch name {
        case "id": id
        case "text": text
        case "children": children
        case "has_children": !children.isEmpty
        default: nil
        }
    }
}

/// A translation for `<link rel="alternate" hreflang>`.
final class AlternateView: MustacheParent, Sendable {
    let lang: String
    let absoluteURL: String

    init(lang: String, absoluteURL: String) {
        self.lang = lang
        self.absoluteURL = absoluteURL
    }

    func child(named name: String) -> Any? {
        switch name {
        case "lang": lang
        case "absolute_url": absoluteURL
        default: nil
        }
    }
}

/// A reporting contact.
final class ContactView: MustacheParent, Sendable {
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

    func child(named name: String) -> Any? {
        switch name {
        case "id": id
        case "label": label
        case "number": number
        case "tel": tel
        case "hours": hours
        case "notes": notes
        case "has_notes": !notes.isEmpty
        case "when": when
        case "emergency": emergency
        case "group": group
        case "text_lang": textLang
        default: nil
        }
    }
}

/// Contacts under one heading of the contacts layout.
final class ContactGroupView: MustacheParent, Sendable {
    let id: String
    let title: String
    let contacts: [ContactView]

    init(id: String, title: String, contacts: [ContactView]) {
        self.id = id
        self.title = title
        self.contacts = contacts
    }

    func child(named name: String) -> Any? {
        switch name {
        case "id": id
        case "title": title
        case "contacts": contacts
        default: nil
        }
    }
}

/// The help block shown on every page.
final class HelpView: MustacheParent, Sendable {
    let contacts: [ContactView]
    let reportURL: String?

    init(contacts: [ContactView], reportURL: String?) {
        self.contacts = contacts
        self.reportURL = reportURL
    }

    func child(named name: String) -> Any? {
        switch name {
        case "contacts": contacts
        case "has_contacts": !contacts.isEmpty
        case "report_url": reportURL
        default: nil
        }
    }
}

/// A part of a page under an `h2`.
final class SectionView: MustacheParent, Sendable {
    let id: String
    /// The heading's old id, which the template keeps as an empty `<span id>` in the heading.
    let alias: String?
    let title: String
    let number: Int
    let content: String

    init(id: String, alias: String? = nil, title: String, number: Int, content: String) {
        self.id = id
        self.alias = alias
        self.title = title
        self.number = number
        self.content = content
    }

    func child(named name: String) -> Any? {
        switch name {
        case "id": id
        case "alias": alias
        case "title": title
        case "number": String(number)
        case "content": content
        default: nil
        }
    }
}

/// A notice above a translated page: it is out of date, or not yet checked.
final class NoticeView: MustacheParent, Sendable {
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

    func child(named name: String) -> Any? {
        switch name {
        case "kind": kind
        case "text": text
        case "link_url": linkURL
        case "link_text": linkText
        case "link_lang": linkLang
        default: nil
        }
    }
}

/// A file offered for download.
final class DownloadView: MustacheParent, Sendable {
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

    func child(named name: String) -> Any? {
        switch name {
        case "url": url
        case "text": text
        case "lang": lang
        case "language_name": languageName
        case "what": what
        case "format": format
        case "size": size
        default: nil
        }
    }
}

/// The page being rendered: `page.*` in templates.
final class PageView: MustacheParent, Sendable {
    let title: String
    let summary: String?
    let url: String
    let canonical: String
    let content: String
    let intro: String
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

    init(title: String, summary: String?, url: String, canonical: String, content: String, intro: String = "",
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

    func child(named name: String) -> Any? {
        switch name {
        case "title": title
        case "summary": summary
        case "url": url
        case "canonical": canonical
        case "content": content
        case "intro": intro
        case "sections": sections
        case "has_sections": !sections.isEmpty
        case "downloads": downloads
        case "has_downloads": !downloads.isEmpty
        case "notices": notices
        case "has_notices": !notices.isEmpty
        case "date": date
        case "updated": updated
        case "toc": toc
        case "has_toc": !toc.isEmpty
        case "breadcrumbs": breadcrumbs
        case "has_breadcrumbs": !breadcrumbs.isEmpty
        case "children": children
        case "has_children": !children.isEmpty
        case "tags": tags
        case "has_tags": !tags.isEmpty
        case "layout": layout
        case "is_section": isSection
        case "is_home": isHome
        default: nil
        }
    }
}

/// Site-wide values: `site.*`.
final class SiteView: MustacheParent, Sendable {
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

    func child(named name: String) -> Any? {
        switch name {
        case "title": title
        case "description": description
        case "home_url": homeURL
        case "title_lang": titleLang
        default: nil
        }
    }
}

/// A name → text map answering `t.key` and `assets.key`.
final class TextTable: MustacheParent, Sendable {
    let values: [String: String]
    init(_ values: [String: String]) { self.values = values }
    func child(named name: String) -> Any? { values[name] }
}

/// `assets.key`: each theme file's address as the page links to it, worked out only for the
/// files a template asks for rather than for every asset on every page.
final class AssetTable: MustacheParent, Sendable {
    let urls: [String: URLPath]
    let style: URLStyle
    init(_ urls: [String: URLPath], style: URLStyle) {
        self.urls = urls
        self.style = style
    }
    func child(named name: String) -> Any? { urls[name].map { style.href($0) } }
}

/// The root object every template renders.
final class PageContext: MustacheParent, Sendable {
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

    func child(named name: String) -> Any? {
        switch name {
        case "lang": lang
        case "dir": dir
        case "t": strings
        case "site": site
        case "assets": assets
        case "menu": menu
        case "has_menu": !menu.isEmpty
        case "footer_menu": footerMenu
        case "has_footer_menu": !footerMenu.isEmpty
        case "exit_url": exitURL
        case "feed_url": feedURL
        case "page": page
        case "languages": languages
        case "has_languages": !languages.isEmpty
        case "alternates": alternates
        case "has_alternates": !alternates.isEmpty
        case "x_default": xDefault
        case "target": target
        case "help": help
        case "contacts": contacts
        case "has_contacts": !contacts.isEmpty
        case "contact_groups": contactGroups
        case "csp": csp
        case "directory": directory
        case "search": search
        case "az_groups": azGroups
        default: nil
        }
    }
}

/// `search.*`: where a page's search form sends the query, on sites with search.
final class SearchView: MustacheParent, Sendable {
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

    func child(named name: String) -> Any? {
        switch name {
        case "url": url
        case "az_url": azURL
        case "index_url": indexURL
        case "is_search_page": isSearchPage
        case "stems_english": stemsEnglish
        default: nil
        }
    }
}

/// One letter of the A–Z page (`az_groups`).
final class AZGroupView: MustacheParent, Sendable {
    let letter: String
    let id: String
    let pages: [LinkView]

    init(letter: String, id: String, pages: [LinkView]) {
        self.letter = letter
        self.id = id
        self.pages = pages
    }

    func child(named name: String) -> Any? {
        switch name {
        case "letter": letter
        case "id": id
        case "pages": pages
        default: nil
        }
    }
}
