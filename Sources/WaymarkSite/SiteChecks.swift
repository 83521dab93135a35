import WaymarkContent
import WaymarkCore

/// Checks that need the whole site: layouts exist, menus point at pages, fragments exist.
enum SiteChecks {
    static func run(site: Site, theme: Theme) -> [Diagnostic] {
        layouts(site: site, theme: theme) + menus(site: site)
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

    static func fragments(_ links: [FragmentLink], anchors: [String: Set<String>], site: Site) -> [Diagnostic] {
        links.compactMap { link in
            guard let ids = anchors[link.targetSource], !ids.contains(link.fragment) else { return nil }
            let help = Suggestion.closest(to: link.fragment, in: Array(ids)).map { "did you mean '#\($0)'?" }
            let target = site.page(source: link.targetSource)?.displayPath ?? link.targetSource
            return .warning(link.location, "the link points to '#\(link.fragment)', which is not a heading on \(target)", help: help)
        }
    }
}
