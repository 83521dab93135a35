import WaymarkCore

/// A CSV file as saved by a spreadsheet (RFC 4180): a header row and records, each knowing the
/// line it starts on so messages can point at it.
///
/// Written here rather than taken from a CSV package because the one available reports neither
/// line numbers nor an unclosed quote — the two things a comms officer needs to find a mistake.
public struct CSVTable: Sendable {
    public struct Record: Sendable {
        /// Line (from 1) on which the record starts; a quoted cell may run over several lines.
        public var line: Int
        public var cells: [String]
    }

    public var header: [String]
    public var records: [Record]

    /// Reads `text`: a leading byte-order mark is ignored, lines may end in CRLF or LF, quoted
    /// cells may contain commas, line breaks and doubled quotes, and blank lines are skipped.
    public static func parse(_ text: String, file: String) -> Result<CSVTable, Diagnostic> {
        var scalars = Array(text.unicodeScalars)
        if scalars.first == "\u{FEFF}" { scalars.removeFirst() }
        var rows: [Record] = []
        var cells: [String] = []
        var cell = String.UnicodeScalarView()
        var line = 1, rowStart = 1
        var index = 0
        var inQuotes = false, quoteStart = 0, cellWasQuoted = false

        func endRow() {
            cells.append(String(cell))
            cell = String.UnicodeScalarView()
            if !(cells.count == 1 && cells[0].isEmpty && !cellWasQuoted) { rows.append(Record(line: rowStart, cells: cells)) }
            cells = []
            cellWasQuoted = false
        }

        while index < scalars.count {
            let scalar = scalars[index]
            if inQuotes {
                if scalar == "\"" {
                    if index + 1 < scalars.count, scalars[index + 1] == "\"" {
                        cell.append("\"")
                        index += 1
                    } else {
                        inQuotes = false
                    }
                } else {
                    if scalar == "\n" { line += 1 }
                    if !(scalar == "\r" && index + 1 < scalars.count && scalars[index + 1] == "\n") { cell.append(scalar) }
                }
            } else {
                switch scalar {
                case "\"" where cell.isEmpty:
                    inQuotes = true
                    cellWasQuoted = true
                    quoteStart = line
                case ",":
                    cells.append(String(cell))
                    cell = String.UnicodeScalarView()
                case "\r" where index + 1 < scalars.count && scalars[index + 1] == "\n":
                    break
                case "\n", "\r":
                    endRow()
                    line += 1
                    rowStart = line
                default:
                    cell.append(scalar)
                }
            }
            index += 1
        }
        if inQuotes {
            return .failure(.error(SourceLocation(file: file, line: quoteStart), "a cell starting with a quote mark (\") is never closed",
                                   help: "add the closing \" at the end of the cell, or save the spreadsheet as CSV again"))
        }
        if !cell.isEmpty || !cells.isEmpty || cellWasQuoted { endRow() }
        guard let first = rows.first else {
            return .failure(.error(SourceLocation(file: file, line: 1), "the file is empty", help: "the first line should name the columns: name,type,areas,…"))
        }
        let header = first.cells.map { $0.trimmingWhitespace.lowercased() }
        return .success(CSVTable(header: header, records: Array(rows.dropFirst())))
    }
}
