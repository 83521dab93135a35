import Foundation
import WaymarkContent
import WaymarkCore

/// The partners spreadsheet, read: the public directory and fingerprints of its private values.
public struct PartnerDirectory: Sendable {
    /// The partners, sorted by name, with only their public fields.
    public var partners: [Partner]
    /// For finding professionals-only values that were copied into pages.
    public var privateValues: PrivateValueIndex

    public init(partners: [Partner] = [], privateValues: PrivateValueIndex = PrivateValueIndex()) {
        self.partners = partners
        self.privateValues = privateValues
    }
}

/// Reads and checks `content/_data/partners.csv`: every problem names the row's line and the column.
///
/// Messages never show a professionals-only value (CI logs are often public): rows are quoted
/// with those cells left out, and a private cell's problem is described without its value.
public enum PartnerDirectoryLoader {
    /// The partners, or every problem found. A site without the file has none.
    /// `file` is the path inside the folder `source` reads (`_data/partners.csv`).
    public static func load(from source: SourceReader, file: String, areas: [String]) -> Result<PartnerDirectory, BuildFailure> {
        source.optionalText(file)
            .flatMap { text in text.map { parse($0, file: source.display(file), areas: areas) } ?? .success(PartnerDirectory()) }
            .mapError(withoutSourceLines)
    }

    /// A line of the file may hold private cells, so problems found before the rows are
    /// understood (encoding, an unclosed quote) quote nothing.
    static func withoutSourceLines(_ failure: BuildFailure) -> BuildFailure {
        BuildFailure(Diagnostics(failure.diagnostics.all.map { $0.quote == .sourceLine ? $0.quoting(.none) : $0 }))
    }

    /// Parses the text of a partners CSV file.
    public static func parse(_ text: String, file: String, areas: [String]) -> Result<PartnerDirectory, BuildFailure> {
        let table: CSVTable
        switch CSVTable.parse(text, file: file) {
        case .success(let parsed): table = parsed
        case .failure(let diagnostic): return .failure(BuildFailure(Diagnostics([diagnostic.quoting(.none)])))
        }
        var diagnostics = Diagnostics()
        let columns = readHeader(table.header, file: file, diagnostics: &diagnostics)
        if diagnostics.hasErrors { return .failure(BuildFailure(diagnostics)) }
        var rows = table.records.map { Row(record: $0, columns: columns, file: file) }
        let privateValues = PrivateValues.index(rows)
        rows = rows.map { $0.findingLeaks(with: privateValues) }
        var partners: [Partner] = []
        var lineOfName: [String: Int] = [:]
        for row in rows {
            guard row.record.cells.count == table.header.count else {
                diagnostics.append(row.problem(
                    nil, "this row has \(row.record.cells.count) cells, but the header names \(table.header.count) columns", kind: "cell-count",
                    help: "check for a missing or extra comma, or a comma inside a cell that is not in quotes"))
                continue
            }
            guard let partner = partner(row, areas: areas, diagnostics: &diagnostics) else { continue }
            let key = partner.name.lowercased()
            if let first = lineOfName[key] {
                diagnostics.append(row.problem(.name, "'\(partner.name)' is already on line \(first)", kind: "duplicate"))
                continue
            }
            lineOfName[key] = row.record.line
            partners.append(partner)
        }
        diagnostics.append(contentsOf: PrivateValues.leaksIntoPublicColumns(rows))
        if diagnostics.hasErrors { return .failure(BuildFailure(diagnostics)) }
        return .success(PartnerDirectory(partners: partners.sorted { $0.name.lowercased() < $1.name.lowercased() }, privateValues: privateValues))
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
        /// Public cells holding a private value by mistake, with where each value was written.
        private(set) var leaks: [(column: PartnerColumn, origins: [PrivateValueIndex.Origin])] = []

        init(record: CSVTable.Record, columns: [PartnerColumn: Int], file: String) {
            self.record = record
            self.columns = columns
            self.file = file
        }

        /// The same row, knowing which of its public cells hold one of `index`'s values.
        func findingLeaks(with index: PrivateValueIndex) -> Row {
            var row = self
            for column in PartnerColumn.allCases where !column.isPrivate {
                guard let value = self[column] else { continue }
                let origins = index.matches(in: value[...])
                if !origins.isEmpty { row.leaks.append((column, origins)) }
            }
            return row
        }

        /// Cells never quoted in a message: the private columns, and public cells that hold a
        /// private value.
        var hiddenCells: Set<Int> {
            Set(columns.filter { $0.key.isPrivate }.map(\.value) + leaks.compactMap { columns[$0.column] })
        }

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

        /// A problem in `column` (nil: the whole row), quoting the row without its private cells
        /// and grouped with the same `kind` of problem in the same column on other rows.
        func problem(_ column: PartnerColumn?, _ message: String, kind: String, help: String? = nil) -> Diagnostic {
            let summary = column.map { "column '\($0.rawValue)': \(message)" } ?? message
            let noun = column.map { "rows with the same problem in column '\($0.rawValue)'" } ?? "rows with the same problem"
            return Diagnostic.error(location, summary, help: help)
                .quoting(.text(publicText))
                .grouped(Diagnostic.RepeatGroup(key: "\(column?.rawValue ?? "row"):\(kind)", noun: noun))
        }

        /// The row as CSV with every hidden cell shown as `(private)`.
        var publicText: String {
            record.cells.enumerated().map { index, cell in
                if hiddenCells.contains(index) { return cell.isEmpty ? "" : "(private)" }
                let flat = cell.replacingOccurrences(of: "\n", with: " ")
                return flat.contains(",") || flat.contains("\"") ? "\"" + flat.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : flat
            }.joined(separator: ",")
        }
    }

    private static func partner(_ row: Row, areas: [String], diagnostics: inout Diagnostics) -> Partner? {
        let before = diagnostics.errorCount
        let name = row[.name]
        if name == nil { diagnostics.append(row.problem(.name, "the name is empty", kind: "empty")) }
        let kind = readKind(row, diagnostics: &diagnostics)
        let (coveredAreas, all) = readAreas(row, known: areas, diagnostics: &diagnostics)
        let website = row[.website]
        if let website, !isWebAddress(website) {
            diagnostics.append(row.problem(.website, "'\(website)' is not a web address", kind: "web-address", help: "write it in full, starting with https://"))
        }
        for column in [PartnerColumn.email, .contactEmail] {
            if let email = row[column], !isEmailAddress(email) {
                diagnostics.append(row.problem(column, "\(shown(email, column)) is not an email address\(privateNote(column))", kind: "email"))
            }
        }
        var phone: PhoneNumber?
        for column in [PartnerColumn.phone, .contactPhone] {
            guard let text = row[column] else { continue }
            let number = PhoneNumber(text)
            if number == nil {
                diagnostics.append(row.problem(column, "\(shown(text, column)) is not a UK phone number\(privateNote(column))", kind: "phone", help: phoneHelp(text)))
            }
            if column == .phone { phone = number }
        }
        guard diagnostics.errorCount == before, let name, let kind else { return nil }
        // contact_name, contact_phone and contact_email end here: checked above, never kept.
        return Partner(name: name, kind: kind, areas: coveredAreas, coversAllAreas: all, website: website,
                       email: row[.email], phone: phone, description: row[.description], services: row.list(.services),
                       languages: row.list(.languages), line: row.record.line)
    }

    /// The value in quotes for a public column; "the value" for a private one.
    private static func shown(_ value: String, _ column: PartnerColumn) -> String {
        column.isPrivate ? "the value" : "'\(value)'"
    }

    private static func privateNote(_ column: PartnerColumn) -> String {
        column.isPrivate ? " (it is not shown here because the column is for professionals only)" : ""
    }

    /// Spreadsheets store `01482 300300` as the number 1482300300 unless the column is text.
    static func phoneHelp(_ text: String) -> String {
        let digits = text.filter(\.isNumber)
        if !text.hasPrefix("0"), !text.hasPrefix("+"), PhoneNumber("0" + text) != nil, digits.count >= 9 {
            return "it looks like the spreadsheet dropped the leading 0; in Excel or LibreOffice format the column as Text, then type the numbers again with their 0"
        }
        return "UK numbers start with 0 and have 10 or 11 digits"
    }

    private static func readKind(_ row: Row, diagnostics: inout Diagnostics) -> Partner.Kind? {
        guard let text = row[.type] else {
            diagnostics.append(row.problem(.type, "the type is empty", kind: "empty", help: "use one of: \(Partner.Kind.allCases.map(\.rawValue).joined(separator: ", "))"))
            return nil
        }
        guard let kind = Partner.Kind(rawValue: text.lowercased()) else {
            let names = Partner.Kind.allCases.map(\.rawValue)
            let help = Suggestion.closest(to: text, in: names).map { "did you mean '\($0)'?" } ?? "use one of: \(names.joined(separator: ", "))"
            diagnostics.append(row.problem(.type, "'\(text)' is not a type of partner", kind: "type", help: help))
            return nil
        }
        return kind
    }

    private static func readAreas(_ row: Row, known: [String], diagnostics: inout Diagnostics) -> ([String], Bool) {
        let listed = row.list(.areas)
        if listed.isEmpty {
            diagnostics.append(row.problem(.areas, "no areas are given", kind: "empty", help: "list the areas it covers separated by ';', or write 'all'"))
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
                diagnostics.append(row.problem(.areas, "'\(area)' is not one of the site's areas", kind: "area", help: help))
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
