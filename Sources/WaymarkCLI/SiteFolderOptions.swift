import ArgumentParser
import WaymarkSite

/// The options every command that reads a site takes: where its content and theme are, the
/// address it is published at, and whether drafts count.
struct SiteFolderOptions: ParsableArguments {
    @Option(name: .long, help: "The content folder, holding site.yaml and the Markdown pages.")
    var source = "content"

    @Option(name: .long, help: ArgumentHelp(
        "A theme folder (templates/, assets/, i18n/) whose files replace the built-in theme's.",
        discussion: "Default: 'theme:' in site.yaml, else ./theme if it exists, else the theme built into Waymark."))
    var theme: String?

    @Option(name: .customLong("base-url"), help: "The address the site is published at, overriding base_url in site.yaml.")
    var baseURL: String?

    @Flag(name: .long, help: "Also include pages marked 'draft: true'.")
    var drafts = false

    /// Build options for these folders, writing to `output`.
    func buildOptions(output: String) -> BuildOptions {
        BuildOptions(sourceDirectory: source, themeDirectory: theme, outputDirectory: output, baseURL: baseURL, includeDrafts: drafts)
    }
}
