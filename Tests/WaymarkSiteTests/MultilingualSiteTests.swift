import Foundation
import Testing
import WaymarkSite

/// Builds `Fixtures/multilingual` (English, Polish, Arabic) with the minimal test theme.
@Suite struct MultilingualSiteTests {
    static func build() throws -> (TempDir, [String: Data], BuildReport) {
        try buildFixture("multilingual")
    }

    @Test func translationsPairBySuffixAndByKey() throws {
        let (temp, tree, report) = try MultilingualSiteTests.build()
        defer { temp.cleanUp() }
        #expect(report.pagesPerLanguage.map(\.language) == ["en", "pl", "ar"])
        #expect(report.pagesPerLanguage.map(\.count) == [6, 5, 2])
        // raport.pl.md says translation_key: report, so it pairs with report.md.
        let report_en = text(tree, "report/index.html")
        #expect(report_en.contains(##"<link rel="alternate" hreflang="pl" href="https://example.org/pl/raport/">"##))
        #expect(report_en.contains(##"<link rel="alternate" hreflang="x-default" href="https://example.org/report/">"##))
        #expect(text(tree, "pl/raport/index.html").contains(##"<link rel="alternate" hreflang="en" href="https://example.org/report/">"##))
        // Links from a Polish page to signs.md go to the Polish translation; to about.md, to English.
        #expect(text(tree, "pl/raport/index.html").contains(##"<a href="../signs/">sygnały</a> i <a href="../../about/" hreflang="en">o nas</a> <span class="link-language">(po angielsku)</span>"##))
        let sitemap = text(tree, "sitemap.xml")
        #expect(sitemap.contains(##"<loc>https://example.org/pl/raport/</loc>\##n    <xhtml:link rel="alternate" hreflang="en" href="https://example.org/report/"/>"##))
    }

    @Test func missingPagesAreListedInTheDefaultLanguageWithANotice() throws {
        let (temp, tree, _) = try MultilingualSiteTests.build()
        defer { temp.cleanUp() }
        // No index.ar.md: Waymark writes the Arabic home page, listing what exists in Arabic and,
        // marked as English, what does not.
        let home = text(tree, "ar/index.html")
        #expect(home.hasPrefix("<!DOCTYPE html>\n<html lang=\"ar\" dir=\"rtl\">"))
        #expect(home.contains(##"<ul><li><a href="signs/">تعرّف على العلامات</a></li><li><a href="../report/" lang="en" hreflang="en">Report a concern</a> <span class="notice">متوفرة باللغة الإنجليزية فقط</span></li><li><a href="../about/" lang="en" hreflang="en">About us</a> <span class="notice">"##))
        // Menus: a label in the reader's language, else the translation's title, else English marked as such.
        #expect(text(tree, "pl/index.html").contains(##"<nav><a href="../pl/signs/">Rozpoznaj sygnały</a>"##) == false)
        #expect(text(tree, "pl/index.html").contains(##"<nav><a href="signs/">Rozpoznaj sygnały</a> <a href="../about/" lang="en">About</a> </nav>"##))
        #expect(home.contains(##"<nav><a href="signs/">تعرّف على العلامات</a> <a href="../about/" lang="en">About</a> </nav>"##))
        // The site's title in each language, or English marked as such.
        #expect(home.contains(##"<a href="./">الشراكة التجريبية</a>"##))
    }

    @Test func staleAndUnreviewedTranslationsAreFlagged() throws {
        let (temp, tree, report) = try MultilingualSiteTests.build()
        defer { temp.cleanUp() }
        let stale = report.warnings.filter { $0.summary.contains("version of") }
        #expect(stale.map(\.headline) == [
            "\(Repo.fixtures)/multilingual/content/signs.pl.md:3: warning: this translation was made from the 2024-01-01 version of \(Repo.fixtures)/multilingual/content/signs.md, which was updated on 2024-05-01",
        ])
        #expect(text(tree, "pl/signs/index.html").contains(##"<p class="notice-stale">Angielska strona zmieniła się od czasu tego tłumaczenia. <a href="../../signs/" hreflang="en">Przeczytaj stronę po angielsku</a></p>"##))
        // signs.pl.md was reviewed; signs.ar.md was not, and is current.
        #expect(!text(tree, "pl/signs/index.html").contains("notice-unreviewed"))
        #expect(text(tree, "ar/signs/index.html").contains(##"<p class="notice-unreviewed">لم يراجع مترجم مؤهل هذه الترجمة بعد.</p>"##))
        #expect(!text(tree, "ar/signs/index.html").contains("notice-stale"))
        #expect(!text(tree, "signs/index.html").contains("notice-"))
        // raport.pl.md, news/index.pl.md, news/event.pl.md and signs.ar.md.
        #expect(report.unreviewedTranslations == 4)
        #expect(report.staleTranslations == 1)
    }

    @Test func contactsDatesAndInterfaceTextInEachLanguage() throws {
        let (temp, tree, report) = try MultilingualSiteTests.build()
        defer { temp.cleanUp() }
        let arabic = text(tree, "ar/signs/index.html")
        #expect(arabic.contains(##"<aside><a href="tel:999" lang="en">Police emergency 999</a> <a href="tel:+448000121700">خط المساعدة الخاص بالعبودية الحديثة 08000 121 700</a>"##))
        #expect(arabic.contains(##"<div class="contact-card">\##n<p class="contact-label" lang="en">Police emergency</p>"##))
        #expect(arabic.contains(##"اتصل على <a class="contact-number" href="tel:+448000121700"><bdi dir="ltr">08000 121 700</bdi></a>."##))
        #expect(text(tree, "pl/signs/index.html").contains("<aside><a href=\"tel:999\">Policja – nagły wypadek 999</a>"))
        #expect(text(tree, "pl/news/event/index.html").contains(##"<time datetime="2024-03-05">5 marca 2024</time>"##))
        #expect(text(tree, "news/event/index.html").contains(##"<time datetime="2024-03-05">5 March 2024</time>"##))
        // The test theme's ar.yaml lacks most keys, which come from the built-in Arabic text; only
        // the keys the test theme adds in English (the built-in theme names them otherwise) are missing.
        let missingKey = report.warnings.map(\.headline).filter { $0.contains("ar.yaml") && $0.contains("interface text") }
        #expect(missingKey == ["moved", "not_found"].map {
            "\(Repo.testTheme)/i18n/ar.yaml: warning: interface text '\($0)' is not translated into 'ar', so the English text is used"
        })
        #expect(report.warnings.contains { $0.summary == "the contact 'emergency' is not translated into ar, so its label is shown in English on those pages" })
    }
}
