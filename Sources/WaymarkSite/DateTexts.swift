import Foundation
import WaymarkContent
import WaymarkCore

/// Every date the site shows, formatted once per language before rendering starts
/// ("5 March 2024", "5 marca 2024"). Formatting up front keeps the non-`Sendable` formatter
/// out of the parallel render.
struct DateTexts: Sendable {
    private var texts: [LanguageTag: [CalendarDate: String]] = [:]

    init(site: Site) {
        var wanted: [LanguageTag: Set<CalendarDate>] = [:]
        for page in site.pages {
            for date in [page.frontMatter.date, page.frontMatter.updated].compactMap({ $0 }) {
                wanted[page.language.tag, default: []].insert(date)
            }
        }
        for (language, dates) in wanted {
            let formatter = DateFormatter()
            formatter.locale = DateTexts.locale(for: language)
            formatter.timeZone = TimeZone(identifier: "UTC")
            formatter.calendar = Calendar(identifier: .gregorian)
            formatter.setLocalizedDateFormatFromTemplate("dMMMMy")
            var utc = Calendar(identifier: .gregorian)
            utc.timeZone = TimeZone(identifier: "UTC")!
            var map: [CalendarDate: String] = [:]
            for date in dates {
                let components = DateComponents(year: date.year, month: date.month, day: date.day)
                map[date] = utc.date(from: components).map(formatter.string(from:)) ?? date.iso
            }
            texts[language] = map
        }
    }

    /// Waymark's sites are British: a bare `en` means British English ("5 March 2024").
    static func locale(for language: LanguageTag) -> Locale {
        Locale(identifier: language.code.lowercased() == "en" ? "en_GB" : language.code.replacingOccurrences(of: "-", with: "_"))
    }

    func view(_ date: CalendarDate?, language: LanguageTag) -> DateView? {
        guard let date else { return nil }
        return DateView(iso: date.iso, display: texts[language]?[date] ?? date.iso)
    }
}
