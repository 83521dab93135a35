import Foundation

extension Mutator {
    mutating func applyCSV(_ mutation: Mutation, to data: Data) -> (Data, String) {
        var file = TextLines(data)
        let rows = (1..<max(1, file.lines.count)).filter { !file.lines[$0].isEmpty }
        guard !rows.isEmpty else { return (data, "no rows") }
        let at = random.pick(rows)
        var row = CSVRow(line: file.text(at))
        switch mutation {
        case .extraComma, .missingComma, .unclosedQuote:
            var bytes = file.lines[at]
            let commas = bytes.indices.filter { bytes[$0] == UInt8(ascii: ",") }
            switch mutation {
            case .extraComma: bytes.insert(UInt8(ascii: ","), at: position(in: bytes.count))
            case .missingComma: if !commas.isEmpty { bytes.remove(at: random.pick(commas)) }
            default: bytes.insert(UInt8(ascii: "\""), at: commas.isEmpty ? 0 : random.pick(commas) + 1)
            }
            file.lines[at] = bytes
            return (file.data, "line \(at + 1)")
        case .droppedLeadingZero:
            // What a spreadsheet does to a phone number it takes for a number.
            guard let cell = row.cells.indices.first(where: { row.cells[$0].hasPrefix("0") && row.cells[$0].dropFirst().allSatisfy { $0.isNumber || $0 == " " } }) else {
                return (data, "no phone on line \(at + 1)")
            }
            let digits = row.cells[cell].filter(\.isNumber)
            row.cells[cell] = String(digits.dropFirst())
            file.lines[at] = Array(row.line.utf8)
            return (file.data, "line \(at + 1) cell \(cell + 1)")
        case .privateValueInDescription:
            let header = CSVRow(line: file.text(0)).cells
            guard let description = header.firstIndex(of: "description"),
                  case let columns = header.indices.filter({ CSVRow.privateColumns.contains(header[$0]) }), !columns.isEmpty,
                  row.cells.count == header.count else { return (data, "no private column on line \(at + 1)") }
            let source = random.pick(columns)
            row.cells[description] += " Contact " + row.cells[source] + "."
            file.lines[at] = Array(row.line.utf8)
            return (file.data, "line \(at + 1): \(header[source]) '\(row.cells[source])'")
        default:
            preconditionFailure("\(mutation) is not a CSV mutation")
        }
    }
}
