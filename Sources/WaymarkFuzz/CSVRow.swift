/// One CSV line split into cells, quote-aware, for mutating and for finding private values.
/// Cells spanning lines are not handled: the fuzzer only needs rows of its own base files.
struct CSVRow: Equatable {
    var cells: [String]

    init(cells: [String]) { self.cells = cells }

    init(line: String) {
        var cells: [String] = [], cell = "", quoted = false
        var characters = Array(line.replacingOccurrences(of: "\r", with: "")).makeIterator()
        var pending = characters.next()
        while let character = pending {
            pending = characters.next()
            if quoted {
                if character == "\"" {
                    if pending == "\"" { cell.append("\""); pending = characters.next() } else { quoted = false }
                } else { cell.append(character) }
            } else if character == "\"" { quoted = true }
            else if character == "," { cells.append(cell); cell = "" }
            else { cell.append(character) }
        }
        cells.append(cell)
        self.cells = cells
    }

    var line: String {
        cells.map { cell in
            cell.contains(where: { $0 == "," || $0 == "\"" }) ? "\"" + cell.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : cell
        }.joined(separator: ",")
    }

    /// Header columns that hold a named person's details, checked but never published.
    static let privateColumns: Set<String> = ["contact_name", "contact_phone", "contact_email"]
}
