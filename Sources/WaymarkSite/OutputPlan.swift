import WaymarkContent
import WaymarkCore

/// Every path a build will write, each with the place in the content or theme that made it,
/// checked before anything is written.
///
/// A bad name (`..`, a Windows device name, a name too long for the file system) becomes an
/// error at the line that asked for it, rather than a system error about the output folder, and
/// the build stops before the staging folder exists. ``OutputWriter`` checks again as it writes.
struct OutputPlan {
    struct Entry {
        /// Relative to the output folder, `pl/pathways/adults/index.html`.
        var path: String
        var location: SourceLocation
        var maker: Maker
        /// The front matter `slug:` line, for a problem in the slug's own segment.
        var slug: (text: String, location: SourceLocation)? = nil

        /// What made the path, as messages name it: "this page's address /x/".
        var what: String { maker.what }
        var help: String { maker.help }
    }

    /// What made a path; its words are only needed for a message, so they are made only then.
    enum Maker {
        case page(URLPath), alias(String), feed(URLPath), file(URLPath), themeFile(URLPath), fixed(String), hostFile(String)
        case tag(String?), emptyTag

        var what: String {
            switch self {
            case .page(let url): "this page's address \(url)"
            case .alias(let alias): "the alias '\(OutputPathRules.visible(alias))'"
            case .feed(let url): "the news feed \(url)"
            case .file(let url): "this file's address \(url)"
            case .themeFile(let url): "this theme file's address \(url)"
            case .fixed(let path): "the address /\(path)"
            case .hostFile(let path): "the host file /\(path)"
            case .tag(let tag): tag.map { "the tag '\(OutputPathRules.visible($0))'" } ?? "the list of tags"
            case .emptyTag: "a tag in this list"
            }
        }

        var help: String {
            let rename = "rename the file or folder to letters, digits and hyphens"
            switch self {
            case .page: return rename + ", or give the page a 'slug:'"
            case .alias: return AliasRules.help
            case .feed, .file, .themeFile: return rename
            case .fixed: return "check 'languages' in site.yaml"
            case .hostFile: return "Waymark writes this file for the host itself: give the page or file another address"
            case .tag: return "use a shorter tag, of a few words"
            case .emptyTag: return "remove the empty tag from the list"
            }
        }
    }

    private(set) var entries: [Entry] = []

    /// Gathers the paths of pages, redirects, tag pages, feeds, search, static files and theme
    /// assets. `contentRoot` is how the content folder is named in messages.
    init(site: Site, theme: Theme, feeds: FeedPlan, contentRoot: String) {
        let siteFile = contentRoot + "/site.yaml"
        for page in site.pages {
            let first = SourceLocation(file: page.displayPath, line: 1)
            let slug = page.frontMatter.slug.map { ($0, page.frontMatter.locations["slug"] ?? first) }
            entries.append(Entry(path: page.url.outputFile, location: first, maker: .page(page.url), slug: slug))
            for alias in page.frontMatter.aliases {
                entries.append(Entry(path: AliasPath.normalise(alias).outputFile, location: page.frontMatter.locations["aliases"] ?? first,
                                     maker: .alias(alias)))
            }
        }
        addTags(site)
        for (source, url) in feeds.feedBySection.sorted(by: { $0.key < $1.key }) {
            let location = site.page(source: source).map { SourceLocation(file: $0.displayPath, line: 1) } ?? SourceLocation(file: siteFile)
            entries.append(Entry(path: url.outputFile, location: location, maker: .feed(url)))
        }
        for file in site.staticFiles {
            entries.append(Entry(path: file.url.outputFile, location: SourceLocation(file: contentRoot + "/" + file.sourcePath),
                                 maker: .file(file.url)))
        }
        for asset in theme.assets.assets {
            entries.append(Entry(path: asset.url.outputFile, location: SourceLocation(file: asset.displayPath), maker: .themeFile(asset.url)))
        }
        let search = SiteSearch(site: site)
        let fixed = ["404.html", "sitemap.xml", "robots.txt"] + search.pages(theme: theme).map(\.url.outputFile)
            + (site.config.search ? search.indexFolders() : [])
        for path in fixed {
            entries.append(Entry(path: path, location: SourceLocation(file: siteFile), maker: .fixed(path)))
        }
        for path in HostFiles.paths(config: site.config) {
            entries.append(Entry(path: path, location: SourceLocation(file: siteFile), maker: .hostFile(path)))
        }
    }

    /// Tag pages are made from tags as written, so a problem is shown at the `tags:` line of
    /// the first page (by file name) that uses the tag.
    private mutating func addTags(_ site: Site) {
        for page in site.pages where page.frontMatter.tags.contains(where: { $0.allSatisfy(\.isWhitespace) }) {
            entries.append(Entry(path: "", location: page.frontMatter.locations["tags"] ?? SourceLocation(file: page.displayPath, line: 1),
                                 maker: .emptyTag))
        }
        for tagPage in site.tagPages {
            guard let source = tagPage.pageSources.sorted().first, let page = site.page(source: source) else { continue }
            let location = page.frontMatter.locations["tags"] ?? SourceLocation(file: page.displayPath, line: 1)
            entries.append(Entry(path: tagPage.url.outputFile, location: location, maker: .tag(tagPage.tag)))
        }
    }

    /// Problems, at the lines that caused them: a name that cannot be written, two things at
    /// one path, or a file where another needs a folder.
    func problems() -> [Diagnostic] {
        var problems: [Diagnostic] = []
        var owners: [String: Entry] = [:]
        for entry in entries {
            if entry.path.isEmpty {
                problems.append(.error(entry.location, "\(entry.what) is empty, so it cannot have a page", help: entry.help))
                continue
            }
            if let problem = OutputPathRules.problem(path: entry.path) {
                let location = entry.slug.flatMap { $0.text == problem.segment ? $0.location : nil } ?? entry.location
                problems.append(.error(location, "\(entry.what) cannot be published: \(problem.reason)", help: entry.help))
            } else if let other = owners[entry.path] {
                problems.append(.error(entry.location, "\(entry.what) would be written to \(entry.path), where \(other.location.prefix) already puts something",
                                       help: "rename one of them, or give the page a different 'slug:'"))
            } else {
                owners[entry.path] = entry
            }
        }
        problems += folderClashes(owners)
        return problems
    }

    /// `report` as a file and `report/index.html` need the same name as a file and a folder.
    private func folderClashes(_ owners: [String: Entry]) -> [Diagnostic] {
        var clashes: [(path: String, folder: Substring, file: Entry, entry: Entry)] = []
        for (path, entry) in owners {
            var folder = Substring(path)
            while let slash = folder.lastIndex(of: "/") {
                folder = folder[..<slash]
                if let file = owners[String(folder)] {
                    clashes.append((path, folder, file, entry))
                    break
                }
            }
        }
        // In path order, as the owners were visited before: clashes are few, paths are many.
        return clashes.sorted { $0.path < $1.path }.map { clash in
            .error(clash.file.location, "\(clash.file.what) would be written as a file named \(clash.folder), but \(clash.entry.location.prefix) needs a folder of that name",
                   help: "rename one of them")
        }
    }
}
