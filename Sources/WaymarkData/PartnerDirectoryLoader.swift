import Foundation
import WaymarkContent
import WaymarkCore

/// Reads and checks `content/_data/partners.csv`: every problem names the row's line and the column.
public enum PartnerDirectoryLoader {
    /// The partners, sorted by name, or every problem found. A site without the file has none.
    /// `file` is the path inside the folder `source` reads (`_data/partners.csv`).
    public static func load(from source: SourceReader, file: String, areas: [String]) -> Result<[Partner], BuildFailure> {
        source.optionalText(file).flatMap { text in
            text.map { parse($0, file: source.display(file), areas: areas) } ?? .success([])
        }
    }

    /// Parses the text of a partners CSV file.
    public static func parse(_ text: String, file: String, areas: [String]) -> Result<[Partner], BuildFailure> {
        let table: CSVTable
        switch CSVTable.parse(text, file: file) {
        case .success(let parsed): table = parsed
        case .failure(let diagnostic): return .failure(BuildFailure(Diagnostics([diagnostic])))
        }
        var diagnostics = Diagnostics()
        let columns = readHeader(table.header, file: file, diagnostics: &diagnostics)
        if diagnostics.hasErrors { return .failure(BuildFailure(diagnostics)) }
        var partners: [Partner] = []
        var lineOfName: [String: Int] = [:]
        for record in table.records {
            let row = Row(record: record, columns: columns, file: file)
            guard record.cells.count == table.header.count else {
                diagnostics.append(.error(row.location, "this row has \(record.cells.count) cells, but the header names \(table.header.count) columns",
                                          help: "check for a missing or extra comma, or a comma inside a cell that is not in quotes"))
                continue
            }
            guard let partner = partner(row, areas: areas, diagnostics: &diagnostics) else { continue }
            let key = partner.name.lowercased()
            if let first = lineOfName[key] {
                diagnostics.append(.error(row.location, "column 'name': '\(partner.name)' is already on line \(first)"))
                continue
            }
            lineOfName[key] = record.line
            partners.append(partner)
        }
        if diagnostics.hasErrors { return .failure(BuildFailure(diagnostics)) }
        return .success(partners.sorted { $0.name.lowercased() < $1.name.lowercased() })
    }

    private static func readHeader(_ header: [String], file: String, diagnostics: inout Diagnostics) -> [PartnerColumn: Int] {
        var columns: [PartnerColumn: Int] = [:]
        let known = PartnerColumn.allCases.map(\.rawValue)
        for (index, name) in header.enumerated() {
            guard let column = PartnerColumn(rawValue: name) else {
                let help = Suggestion.closest(to: name, in: known).map { "did you mean '\($0)'?" } ?? "the columns are: \(known.joined(separator: ", "))"
                diagnostics.append(.error(SourceLocation(file: file, line: 1), "column \(index + 1) is called '\(name)', which is not a known column", help: help))
                continue
            }
            if columns[column] != nil {
                diagnostics.append(.error(SourceLocation(file: file, line: 1), "the column '\(name)' appears twice"))
            }
            columns[column] = index
        }
        for required in [PartnerColumn.name, .type, .areas] where columns[required] == nil {
            diagnostics.append(.error(SourceLocation(file: file, line: 1), "the column '\(required.rawValue)' is missing", help: "the first line must name it"))
        }
        return columns
    }

    /// One record with its cells looked up by column.
    struct Row {
        let record: CSVTable.Record
        let columns: [PartnerColumn: Int]
        let file: String

        var location: SourceLocation { SourceLocation(file: file, line: record.line) }

        /// The trimmed cell, nil when empty or the column is absent.
        subscript(column: PartnerColumn) -> String? {
            guard let index = columns[column], index < record.cells.count else { return nil }
            let value = record.cells[index].trimmingWhitespace
            return value.isEmpty ? nil : value
        }

        /// A `;`-separated cell as a list.
        func list(_ column: PartnerColumn) -> [String] {
            (self[column] ?? "").split(separator: ";").map { String($0).trimmingWhitespace }.filter { !$0.isEmpty }
        }

        func problem(_ column: PartnerColumn, _ message: String, help: String? = nil) -> Diagnostic {
            .error(location, "column '\(column.rawValue)': \(message)", help: help)
        }
    }

    private static func partner(_ row: Row, areas: [String], diagnostics: inout Diagnostics) -> Partner? {
        let before = diagnostics.errors.count
        let name = row[.name]
        if name == nil { diagnostics.append(row.problem(.name, "the name is empty")) }
        let kind = readKind(row, diagnostics: &diagnostics)
        let (coveredAreas, all) = readAreas(row, known: areas, diagnostics: &diagnostics)
        let website = row[.website]
        if let website, !isWebAddress(website) {
            diagnostics.append(row.problem(.website, "'\(website)' is not a web address", help: "write it in full, starting with https://"))
        }
        for column in [PartnerColumn.email, .contactEmail] {
            if let email = row[column], !isEmailAddress(email) {
                diagnostics.append(row.problem(column, "'\(email)' is not an email address"))
            }
        }
        var phone: PhoneNumber?
        for column in [PartnerColumn.phone, .contactPhone] {
            guard let text = row[column] else { continue }
            let number = PhoneNumber(text)
            if number == nil {
                diagnostics.append(row.problem(column, "'\(text)' is not a UK phone number", help: "UK numbers start with 0 and have 10 or 11 digits"))
            }
            if column == .phone { phone = number }
        }
        guard diagnostics.errors.count == before, let name, let kind else { return nil }
        // contact_name, contact_phone and contact_email end here: checked above, never kept.
        return Partner(name: name, kind: kind, areas: coveredAreas, coversAllAreas: all, website: website,
                       email: row[.email], phone: phone, description: row[.description], services: row.list(.services),
                       languages: row.list(.languages), line: row.record.line)
    }

    private static func readKind(_ row: Row, diagnostics: inout Diagnostics) -> Partner.Kind? {
        guard let text = row[.type] else {
            diagnostics.append(row.problem(.type, "the type is empty", help: "use one of: \(Partner.Kind.allCases.map(\.rawValue).joined(separator: ", "))"))
            return nil
        }
        guard let kind = Partner.Kind(rawValue: text.lowercased()) else {
            let names = Partner.Kind.allCases.map(\.rawValue)
            let help = Suggestion.closest(to: text, in: names).map { "did you mean '\($0)'?" } ?? "use one of: \(names.joined(separator: ", "))"
            diagnostics.append(row.problem(.type, "'\(text)' is not a type of partner", help: help))
            return nil
        }
        return kind
    }

    private static func readAreas(_ row: Row, known: [String], diagnostics: inout Diagnostics) -> ([String], Bool) {
        let listed = row.list(.areas)
        if listed.isEmpty {
            diagnostics.append(row.problem(.areas, "no areas are given", help: "list the areas it covers separated by ';', or write 'all'"))
            return ([], false)
        }
        if listed.count == 1, listed[0].lowercased() == "all" { return (known, true) }
        var areas: [String] = []
        for area in listed {
            if let match = known.first(where: { $0.lowercased() == area.lowercased() }) {
                areas.append(match)
            } else {
                let help = Suggestion.closest(to: area, in: known).map { "did you mean '\($0)'?" }
                    ?? (known.isEmpty ? "list the areas in site.yaml under 'areas:'" : "the areas are: \(known.joined(separator: "; ")), or 'all'")
                diagnostics.append(row.problem(.areas, "'\(area)' is not one of the site's areas", help: help))
            }
        }
        return (areas, false)
    }

    static func isWebAddress(_ text: String) -> Bool {
        guard text.hasPrefix("https://") || text.hasPrefix("http://"), let url = URL(string: text), let host = url.host else { return false }
        return host.contains(".") && !text.contains(" ")
    }

    static func isEmailAddress(_ text: String) -> Bool {
        let parts = text.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty, parts[1].contains("."), !parts[1].hasPrefix("."), !parts[1].hasSuffix(".") else { return false }
        return !text.contains(where: { $0.isWhitespace || $0 == "," || $0 == ";" || $0 == "<" || $0 == ">" })
    }
}
