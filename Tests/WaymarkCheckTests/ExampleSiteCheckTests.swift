import Foundation
import Testing
import WaymarkCheck
import WaymarkContent
import WaymarkCore
import WaymarkSite

/// The rules on the example site: every finding there is either fixed in the content or is a
/// problem the example keeps on purpose, to show what the check reports.
@Suite struct ExampleSiteCheckTests {
    static func report() -> CheckReport {
        let options = CheckOptions(build: BuildOptions(sourceDirectory: CheckRepo.root + "/content", themeDirectory: CheckRepo.theme),
                                   today: CalendarDate(year: 2026, month: 12, day: 2))
        return ContentChecker(options: options).run()
    }

    @Test func onlyTheDeliberatelyStaleTranslationIsReported() {
        let report = ExampleSiteCheckTests.report()
        let found = report.problems.map { "\($0.location.file.replacingOccurrences(of: CheckRepo.root + "/", with: "")):\($0.location.line ?? 0) \($0.rule ?? "build")" }
        #expect(found == ["content/spot-the-signs.ro.md:6 build"])
        #expect(report.exitStatus == 0)
    }

    @Test func everyPageIsSummarisedWithItsTranslationState() {
        let report = ExampleSiteCheckTests.report()
        #expect(report.pages.count == 47)
        let romanian = report.pages.first { $0.file.hasSuffix("content/spot-the-signs.ro.md") }
        #expect(romanian?.translation == .stale(source: CheckRepo.root + "/content/spot-the-signs.md", unchecked: true))
        #expect(report.pages.first { $0.file.hasSuffix("content/report.md") }?.owner == "Partnership coordinator")
    }
}
