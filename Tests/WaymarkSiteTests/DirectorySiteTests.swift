import Foundation
import Testing
import WaymarkSite

/// Builds `Fixtures/directory`, whose partners.csv has a byte-order mark, CRLF line ends, quoted
/// cells and professionals-only contact details, with the minimal test theme.
@Suite struct DirectorySiteTests {
    @Test func privateColumnsAreInNoOutputFile() throws {
        let (temp, tree, _) = try buildFixture("directory")
        defer { temp.cleanUp() }
        #expect(tree.count > 3)
        for secret in ["Private Zed", "Private Person", "spoc-private", "07700 900123", "7700900123", "01632 960999", "1632960999"] {
            for (path, data) in tree where data.range(of: Data(secret.utf8)) != nil {
                Issue.record("\(path) contains the professionals-only value '\(secret)'")
            }
        }
    }

    @Test func directoryListsPartnersWithAnchorsTypesAndJSONLD() throws {
        let (temp, tree, _) = try buildFixture("directory")
        defer { temp.cleanUp() }
        let page = text(tree, "partners/index.html")
        #expect(page.contains("<p>3 partners</p>"))
        #expect(page.contains(##"<h2 id="letter-a">A</h2><ul><li id="anchor-charity" data-areas="all" data-type="charity">Anchor Charity (Charity)"##))
        #expect(page.contains(##"<li id="hull-city-council" data-areas="hull" data-type="local-authority">Hull City Council (Council) <a href="https://hull.example.org/council">hull.example.org</a> <a href="tel:+441632960001">01632 960001</a>"##))
        #expect(page.contains(##"<h2 id="type-local-authority">Council</h2><ul><li><a href="#hull-city-council">Hull City Council</a></li></ul>"##))
        #expect(page.contains(##"<option value="north-lincolnshire">North Lincolnshire</option>"##))
        // JSON-LD cannot close its script element early, whatever the spreadsheet says.
        #expect(page.contains(##""description":"Says \"\u003c/script>\u003cb>\" safely""##))
        #expect(!page.contains("\"</script><b>"))
        let blocks = page.components(separatedBy: "<script type=\"application/ld+json\">").dropFirst().map { $0.components(separatedBy: "</script>")[0] }
        #expect(blocks.count == 3)
        for block in blocks {
            let object = try JSONSerialization.jsonObject(with: Data(block.utf8)) as? [String: Any]
            #expect(object?["@type"] as? String == "Organization")
            #expect(object?["@context"] as? String == "https://schema.org")
        }
    }
}
