/// Which way a page's text runs, for the overlay's `dir`.
enum PageLanguage {
    private static let rightToLeft: Set<String> = ["ar", "he", "fa", "ur", "ps", "yi", "dv", "ckb", "sd", "ug"]

    /// The page's own `dir` when it has one, else what its language implies.
    static func direction(language: String?, declared: String?) -> String {
        if let declared = declared?.lowercased(), declared == "rtl" || declared == "ltr" { return declared }
        let primary = language?.split(separator: "-").first.map { $0.lowercased() } ?? ""
        return rightToLeft.contains(primary) ? "rtl" : "ltr"
    }
}
