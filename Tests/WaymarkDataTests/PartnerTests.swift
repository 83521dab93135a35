import Testing
import WaymarkCore
import WaymarkData

@Suite struct CSVTableTests {
    @Test func quotingLineBreaksAndDoubledQuotes() throws {
        let table = try CSVTable.parse("name,description\nA,\"Says \"\"hello\"\", twice\"\nB,\"two\nlines\"\nC,last\n", file: "p.csv").get()
        #expect(table.header == ["name", "description"])
        #expect(table.records.map(\.cells) == [["A", "Says \"hello\", twice"], ["B", "two\nlines"], ["C", "last"]])
        #expect(table.records.map(\.line) == [2, 3, 5])
    }

    @Test func byteOrderMarkCRLFBlankLinesAndEmptyCells() throws {
        let table = try CSVTable.parse("\u{FEFF}Name,Type\r\nA,\r\n\r\n,charity\r\n\"\",x", file: "p.csv").get()
        #expect(table.header == ["name", "type"])
        #expect(table.records.map(\.cells) == [["A", ""], ["", "charity"], ["", "x"]])
        #expect(table.records.map(\.line) == [2, 4, 5])
    }

    @Test func unclosedQuoteNamesTheLineItStarts() {
        guard case .failure(let problem) = CSVTable.parse("name\n\"ok\"\n\"never\nclosed\n", file: "content/_data/partners.csv") else {
            Issue.record("expected a failure")
            return
        }
        #expect(problem.headline == "content/_data/partners.csv:3: error: a cell starting with a quote mark (\") is never closed")
    }
}

@Suite struct PartnerDirectoryTests {
    static let areas = ["East Riding of Yorkshire", "Hull", "North Lincolnshire", "North East Lincolnshire"]
    static let header = "name,type,areas,website,email,phone,description,services,languages,contact_name,contact_phone,contact_email"

    private func load(_ rows: [String], header: String = PartnerDirectoryTests.header) -> Result<[Partner], BuildFailure> {
        PartnerDirectoryLoader.parse(([header] + rows).joined(separator: "\n") + "\n", file: "content/_data/partners.csv", areas: PartnerDirectoryTests.areas).map(\.partners)
    }

    private func problems(_ rows: [String], header: String = PartnerDirectoryTests.header) -> [String] {
        guard case .failure(let failure) = load(rows, header: header) else { return [] }
        return failure.diagnostics.sorted.map(\.headline)
    }

    @Test func readsPublicFieldsAndDropsPrivateOnes() throws {
        let partners = try load([
            "Hull City Council,local-authority,Hull,https://hull.example.org/,info@hull.example.org,01632 960001,\"Runs services, and more\",Safeguarding; Housing,English; Polish,Private Person,01632 960999,spoc-private@hull.example.org",
            "Anchor Charity,charity,all,,,,,,,,,",
        ]).get()
        #expect(partners.map(\.name) == ["Anchor Charity", "Hull City Council"])
        let council = partners[1]
        #expect(council.kind == .localAuthority)
        #expect(council.areas == ["Hull"])
        #expect(council.phone?.telURI == "tel:+441632960001")
        #expect(council.services == ["Safeguarding", "Housing"])
        #expect(council.languages == ["English", "Polish"])
        #expect(council.id == "hull-city-council")
        #expect(partners[0].coversAllAreas && partners[0].areas == PartnerDirectoryTests.areas)
        // Nothing from the professionals-only columns survives reading.
        let everything = String(describing: partners)
        #expect(!everything.contains("Private Person") && !everything.contains("960999") && !everything.contains("spoc-private"))
    }

    @Test func everyMistakeNamesItsLineAndColumn() {
        #expect(problems(["A,charity,Hull,,not-an-email,,,,,,,"]) == ["content/_data/partners.csv:2: error: column 'email': 'not-an-email' is not an email address"])
        #expect(problems(["A,charity,Hull,www.a.org,,,,,,,,"]) == ["content/_data/partners.csv:2: error: column 'website': 'www.a.org' is not a web address"])
        #expect(problems(["A,charity,Hull,,,0800 12,,,,,,"]) == ["content/_data/partners.csv:2: error: column 'phone': '0800 12' is not a UK phone number"])
        #expect(problems(["A,charity,Hull,,,,,,,,12345,"]) == ["content/_data/partners.csv:2: error: column 'contact_phone': the value is not a UK phone number (it is not shown here because the column is for professionals only)"])
        #expect(problems(["A,charity,Hull,,,,,,,,,spoc@"]) == ["content/_data/partners.csv:2: error: column 'contact_email': the value is not an email address (it is not shown here because the column is for professionals only)"])
        #expect(problems([",charity,Hull,,,,,,,,,"]) == ["content/_data/partners.csv:2: error: column 'name': the name is empty"])
        #expect(problems(["A,charty,Hull,,,,,,,,,"]) == ["content/_data/partners.csv:2: error: column 'type': 'charty' is not a type of partner"])
        #expect(problems(["A,charity,Hul,,,,,,,,,"]) == ["content/_data/partners.csv:2: error: column 'areas': 'Hul' is not one of the site's areas"])
        #expect(problems(["A,charity,,,,,,,,,,"]) == ["content/_data/partners.csv:2: error: column 'areas': no areas are given"])
        #expect(problems(["A,charity,Hull,,,,,,,,,", "B,charity,Hull,,,,,,,,,", "a,police,Hull,,,,,,,,,"])
            == ["content/_data/partners.csv:4: error: column 'name': 'a' is already on line 2"])
        #expect(problems(["A,charity,Hull,,,,,,,,,,extra"]) == ["content/_data/partners.csv:2: error: this row has 13 cells, but the header names 12 columns"])
        #expect(problems(["A,charity,Hull"]) == ["content/_data/partners.csv:2: error: this row has 3 cells, but the header names 12 columns"])
        #expect(problems(["A,charity,Hull"], header: "name,type,area") == ["content/_data/partners.csv:1: error: column 3 is called 'area', which is not a known column",
                                                                          "content/_data/partners.csv:1: error: the column 'areas' is missing"])
    }

    @Test func allProblemsAreReportedTogether() {
        let found = problems(["A,charty,Hull,,,,,,,,,", "B,charity,Hul,,,,,,,,,"])
        #expect(found.count == 2)
        #expect(found.map { $0.prefix(30) } == ["content/_data/partners.csv:2: ", "content/_data/partners.csv:3: "])
    }
}
