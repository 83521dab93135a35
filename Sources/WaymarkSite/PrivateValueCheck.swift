import WaymarkContent
import WaymarkCore
import WaymarkData

/// Errors for professionals-only values from `partners.csv` typed into a page: the likeliest leak
/// is a coordinator pasting a contact's name or direct number into a page about that partner.
enum PrivateValueCheck {
    /// Each line of `page`'s title, summary and body that holds a private value. The line is
    /// not quoted: it holds the value itself, and build logs are often public.
    static func problems(in page: Page, body: String, firstLine: Int, index: PrivateValueIndex) -> [Diagnostic] {
        guard !index.isEmpty else { return [] }
        var problems: [Diagnostic] = []
        func check(_ text: Substring, at line: Int) {
            for origin in index.matches(in: text) {
                problems.append(Diagnostic.error(
                    SourceLocation(file: page.displayPath, line: line),
                    "this line contains \(origin.described(from: nil)) in _data/partners.csv, which is for professionals only and must not be published",
                    help: "take it out of the page; the public can reach the partner through its entry in the partner directory").quoting(.none))
            }
        }
        for key in ["title", "summary"] {
            let value = key == "title" ? page.frontMatter.title : page.frontMatter.summary
            if let value, let line = page.frontMatter.locations[key]?.line { check(value[...], at: line) }
        }
        for (offset, line) in body.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            check(line, at: firstLine + offset)
        }
        return problems
    }
}
