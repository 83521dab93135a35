import Foundation
import Testing
import WaymarkCheck
import WaymarkContent
import WaymarkCore

/// The checker's own behaviour: review dates, levels from `checks:`, `--strict`, exit status.
@Suite struct CheckerTests {
    static let contacts = """
        - id: helpline
          label: Modern Slavery & Exploitation Helpline
          number: 08000 121 700
          group: advice
          checked: 2025-03-01
          owner: Anna, partnership coordinator
        - id: police
          label: Police non-emergency
          number: "101"
          group: emergency
          checked: 2026-05-20
        - id: crimestoppers
          label: Crimestoppers
          number: 0800 555 111
          group: anonymous

        """

    @Test func overdueReviewDateWarnsNamingTheOwner() throws {
        let site = try CheckSite(["report.md": "---\ntitle: Report\nreview_by: 2026-05-01\nowner: Sam Jones\n---\n\nCall us.\n"])
        defer { site.cleanUp() }
        let report = site.check(today: "2026-06-01")
        let found = try #require(report.problems("review-due").first)
        #expect(found.location == SourceLocation(file: site.content + "/report.md", line: 3))
        #expect(found.severity == .warning)
        #expect(found.summary == "this page was due for review on 2026-05-01 (owner: Sam Jones)")
        #expect(report.reviews.map(\.isOverdue) == [true])
    }

    @Test func reviewDateInTheWindowIsListedNotWarned() throws {
        let site = try CheckSite([
            "soon.md": "---\ntitle: Soon\nreview_by: 2026-06-20\n---\n\nText.\n",
            "later.md": "---\ntitle: Later\nreview_by: 2026-08-01\n---\n\nText.\n",
        ])
        defer { site.cleanUp() }
        let report = site.check(today: "2026-06-01")
        #expect(report.problems("review-due").isEmpty)
        #expect(report.reviews.map(\.name) == ["Soon"])
        #expect(report.reviews.first?.isOverdue == false)
        #expect(report.reviews.first?.owner == nil)
    }

    @Test func contactsNeedARecentCheckedDate() throws {
        let site = try CheckSite(["_data/contacts.yaml": CheckerTests.contacts])
        defer { site.cleanUp() }
        let report = site.check(today: "2026-06-01")
        let found = report.problems("contact-checked")
        #expect(found.map(\.location.line) == [5, 12])
        #expect(found[0].summary == "the number for 'Modern Slavery & Exploitation Helpline' was last checked on 2025-03-01, more than 12 months ago (owner: Anna, partnership coordinator)")
        #expect(found[1].summary == "the number for 'Crimestoppers' has no 'checked:' date")
        #expect(found[1].help == "ring or verify 0800 555 111, then add 'checked: 2026-06-01' to this contact")
        // The police number was checked recently: not due until 2027-05-20, outside the window.
        #expect(report.reviews.map(\.name) == ["Modern Slavery & Exploitation Helpline"])
    }

    @Test func theSiteSetsHowOftenContactsAreChecked() throws {
        let site = try CheckSite(["_data/contacts.yaml": CheckerTests.contacts], extraSettings: "checks:\n  contact-checked:\n    months: 24\n")
        defer { site.cleanUp() }
        let report = site.check(today: "2026-06-01")
        #expect(report.problems("contact-checked").map(\.location.line) == [12])
    }

    @Test func theSiteTurnsARuleOffOrIntoAnError() throws {
        let page = ["report.md": "---\ntitle: Report\nreview_by: 2026-05-01\n---\n\nText.\n"]
        let off = try CheckSite(page, extraSettings: "checks:\n  review-due: off\n")
        defer { off.cleanUp() }
        #expect(off.check().problems("review-due").isEmpty)
        let error = try CheckSite(page, extraSettings: "checks:\n  review-due: error\n")
        defer { error.cleanUp() }
        let report = error.check()
        #expect(report.problems("review-due").map(\.severity) == [.error])
        #expect(report.exitStatus == 1)
    }

    @Test func aPageMakesAnExceptionAndSaysWhy() throws {
        let site = try CheckSite([
            "with-reason.md": "---\ntitle: A\nreview_by: 2026-05-01\nchecks:\n  review-due: off\n  because: reviewed by the board yearly\n---\n\nText.\n",
            "without-reason.md": "---\ntitle: B\nreview_by: 2026-05-01\nchecks:\n  review-due: off\n---\n\nText.\n",
        ])
        defer { site.cleanUp() }
        let report = site.check()
        #expect(report.problems("review-due").isEmpty)
        let unexplained = report.problems.filter { $0.summary.contains("without saying why") }
        #expect(unexplained.map(\.location) == [SourceLocation(file: site.content + "/without-reason.md", line: 4)])
        let summary = try #require(report.pages.first { $0.title == "A" })
        #expect(summary.exceptions == ["review-due"])
        #expect(summary.exceptionReason == "reviewed by the board yearly")
    }

    @Test func mistakesInChecksAreErrorsAtTheirLine() throws {
        let site = try CheckSite([:], extraSettings: "checks:\n  review-dew: off\n  contact-checked:\n    monthz: 3\n    months: soon\n")
        defer { site.cleanUp() }
        let errors = site.check().problems.filter { $0.severity == .error }.map { "\($0.location.line ?? 0): \($0.summary) / \($0.help ?? "")" }
        #expect(errors == [
            "8: there is no check called 'review-dew' / did you mean 'review-due'?",
            "10: the check 'contact-checked' has no option 'monthz' / its options are: months",
            "11: 'months' should be a number, not 'soon' / ",
        ])
    }

    @Test func aLevelThatIsNotOneIsASettingsError() throws {
        let site = try CheckSite([:], extraSettings: "checks:\n  review-due: sometimes\n")
        defer { site.cleanUp() }
        let report = site.check()
        #expect(report.problems.map(\.headline) == ["\(site.content)/site.yaml:8: error: 'sometimes' is not a level for a check"])
        #expect(report.exitStatus == 1)
    }

    @Test func strictTurnsEveryWarningIntoAnError() throws {
        let site = try CheckSite(["report.md": "---\ntitle: Report\nreview_by: 2026-05-01\n---\n\nText.\n"])
        defer { site.cleanUp() }
        #expect(site.check().exitStatus == 0)
        let strict = site.check(strict: true)
        #expect(strict.warningCount == 0)
        #expect(strict.problems("review-due").map(\.severity) == [.error])
        #expect(strict.exitStatus == 1)
    }

    @Test func buildProblemsAreReportedAndNothingIsWritten() throws {
        let site = try CheckSite(["broken.md": "---\ntitle: Broken\n---\n\nSee [the report](missing.md).\n"])
        defer { site.cleanUp() }
        let report = site.check()
        #expect(report.problems.contains { $0.severity == .error && $0.location.line == 5 && $0.rule == nil })
        #expect(report.exitStatus == 1)
        #expect(!FileManager.default.fileExists(atPath: site.root + "/output"))
    }

    @Test func theCommandExitsZeroOneOrTwo() throws {
        let clean = try CheckSite(["report.md": "---\ntitle: Report\n---\n\nText.\n"])
        defer { clean.cleanUp() }
        let ok = try clean.run(["check", "--theme", CheckRepo.theme, "--today", "2026-06-01"])
        #expect(ok.status == 0)
        #expect(ok.stdout.hasSuffix("Checked 2 pages: no problems found.\n"))
        #expect(try clean.run(["check", "--theme", CheckRepo.theme, "--format", "xml"]).status == 2)
        #expect(try clean.run(["check", "--theme", CheckRepo.theme, "--today", "tomorrow"]).status == 2)

        let due = try CheckSite(["report.md": "---\ntitle: Report\nreview_by: 2026-05-01\n---\n\nText.\n"])
        defer { due.cleanUp() }
        let warned = try due.run(["check", "--theme", CheckRepo.theme, "--today", "2026-06-01"])
        #expect(warned.status == 0)
        #expect(warned.stdout.contains("content/report.md:3: warning: this page was due for review on 2026-05-01; no 'owner:' is named to check it [review-due]"))
        #expect(try due.run(["check", "--theme", CheckRepo.theme, "--today", "2026-06-01", "--strict"]).status == 1)
    }
}

@Suite struct CalendarArithmeticTests {
    @Test func daysAndMonthsAdd() {
        #expect(CalendarDate(year: 1970, month: 1, day: 1).dayNumber == 0)
        #expect(CalendarDate(year: 2024, month: 2, day: 28).adding(days: 1) == CalendarDate(year: 2024, month: 2, day: 29))
        #expect(CalendarDate(year: 2025, month: 12, day: 31).adding(days: 1) == CalendarDate(year: 2026, month: 1, day: 1))
        #expect(CalendarDate(year: 2026, month: 3, day: 1).adding(days: -1) == CalendarDate(year: 2026, month: 2, day: 28))
        #expect(CalendarDate(year: 2025, month: 1, day: 31).adding(months: 1) == CalendarDate(year: 2025, month: 2, day: 28))
        #expect(CalendarDate(year: 2025, month: 11, day: 15).adding(months: 14) == CalendarDate(year: 2027, month: 1, day: 15))
        for number in stride(from: -800_000, to: 800_000, by: 997) {
            #expect(CalendarDate(dayNumber: number).dayNumber == number)
        }
    }
}
