import Mustache

// Typed view models for templates. Each answers template names through `child(named:)`, so
// rendering never falls back to reflection and a renamed field is a compile error here.
// Names are the ones documented in docs/THEMING.md.

/// A date as templates show it.
struct DateView: MustacheParent, Sendable {
    var iso: String
    var display: String
    func child(named name: String) -> Any? {
        switch name {
        case "iso": iso
        case "display": display
        default: nil
        }
    }
}

/// A link in a menu, breadcrumb trail, list or language switcher.
struct LinkView: MustacheParent, Sendable {
    var label: String
    var url: String
    /// True on a link to the page being shown.
    var current: Bool = false
    /// True on a link to a section the page being shown is inside.
    var inSection: Bool = false
    var summary: String? = nil
    var date: DateView? = nil
    /// Language links: the language code and direction.
    var code: String? = nil
    var dir: String? = nil
    /// Redirect targets: the absolute address.
    var absoluteURL: String? = nil

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
        default: nil
        }
    }
}

/// One table-of-contents entry.
struct TOCView: MustacheParent, Sendable {
    var id: String
    var text: String
    var children: [TOCView]
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
struct AlternateView: MustacheParent, Sendable {
    var lang: String
    var absoluteURL: String
    func child(named name: String) -> Any? {
        switch name {
        case "lang": lang
        case "absolute_url": absoluteURL
        default: nil
        }
    }
}

/// The page being rendered: `page.*` in templates.
struct PageView: MustacheParent, Sendable {
    var title: String
    var summary: String?
    var url: String
    var canonical: String
    var content: String
    var date: DateView?
    var updated: DateView?
    var toc: [TOCView]
    var breadcrumbs: [LinkView]
    var children: [LinkView]
    var tags: [LinkView]
    var layout: String
    var isSection: Bool
    var isHome: Bool

    func child(named name: String) -> Any? {
        switch name {
        case "title": title
        case "summary": summary
        case "url": url
        case "canonical": canonical
        case "content": content
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
struct SiteView: MustacheParent, Sendable {
    var title: String
    var description: String
    var homeURL: String
    func child(named name: String) -> Any? {
        switch name {
        case "title": title
        case "description": description
        case "home_url": homeURL
        default: nil
        }
    }
}

/// UI strings: `t.key`.
struct StringsView: MustacheParent, Sendable {
    var values: [String: String]
    func child(named name: String) -> Any? { values[name] }
}

/// The root object every template renders.
struct PageContext: MustacheParent, Sendable {
    var lang: String
    var dir: String
    var strings: StringsView
    var site: SiteView
    var assets: [String: String]
    var menu: [LinkView]
    var footerMenu: [LinkView]
    var exitURL: String
    var feedURL: String?
    var page: PageView?
    var languages: [LinkView]
    var alternates: [AlternateView]
    var xDefault: String?
    var target: LinkView?

    func child(named name: String) -> Any? {
        switch name {
        case "lang": lang
        case "dir": dir
        case "t": strings
        case "site": site
        case "assets": assets
        case "menu": menu
        case "footer_menu": footerMenu
        case "exit_url": exitURL
        case "feed_url": feedURL
        case "page": page
        case "languages": languages
        case "has_languages": !languages.isEmpty
        case "alternates": alternates
        case "has_alternates": !alternates.isEmpty
        case "x_default": xDefault
        case "target": target
        default: nil
        }
    }
}
