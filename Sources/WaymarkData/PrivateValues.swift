import WaymarkCore

/// Finds professionals-only values where the public can see them, in the spreadsheet itself.
enum PrivateValues {
    /// The private cells of every row that has the right number of cells.
    static func index(_ rows: [PartnerDirectoryLoader.Row]) -> PrivateValueIndex {
        var index = PrivateValueIndex()
        for row in rows {
            for column in PartnerColumn.allCases where column.isPrivate {
                if let value = row[column] { index.add(value, column: column, line: row.record.line) }
            }
        }
        return index
    }

    /// An error for each public cell holding a private value, from its own row or another.
    static func leaksIntoPublicColumns(_ rows: [PartnerDirectoryLoader.Row]) -> [Diagnostic] {
        rows.flatMap { row in
            row.leaks.flatMap { leak in
                leak.origins.map { origin in
                    row.problem(
                        leak.column, "contains \(origin.described(from: row.record.line)), which is for professionals only and must not be published",
                        kind: "private-\(origin.column.rawValue)",
                        help: "take it out of '\(leak.column.rawValue)': people's names and their direct numbers and emails belong only in the contact_ columns")
                }
            }
        }
    }
}
