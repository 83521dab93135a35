import Foundation

/// The values in partners.csv's private columns (a named person's name, phone and email), which
/// must never appear in a built site.
struct PrivateValues {
    var values: [Data]

    init(csv: Data?) {
        guard let csv else { values = []; return }
        let lines = String(decoding: csv, as: UTF8.self).split(separator: "\n").map(String.init)
        guard let header = lines.first.map({ CSVRow(line: $0).cells }) else { values = []; return }
        let columns = header.indices.filter { CSVRow.privateColumns.contains(header[$0]) }
        let found = lines.dropFirst().flatMap { line -> [String] in
            let cells = CSVRow(line: line).cells
            return columns.compactMap { $0 < cells.count ? cells[$0] : nil }
        }
        // Short values such as a lone area code could match ordinary text.
        values = Set(found.filter { $0.count >= 8 }).sorted().map { Data($0.utf8) }
    }

    /// The private values present in any file of the tree.
    func found(in tree: TreeSnapshot) -> [String] {
        values.filter { value in tree.files.values.contains { PrivateValues.contains($0, value) } }
            .map { String(decoding: $0, as: UTF8.self) }
    }

    /// `memchr` for the first byte, then `memcmp`: Foundation's `Data.range(of:)` is too slow for
    /// megabytes of pages on every build, and Glibc's `memmem` is not visible to Swift.
    private static func contains(_ haystack: Data, _ needle: Data) -> Bool {
        haystack.withUnsafeBytes { hay in
            needle.withUnsafeBytes { pin in
                guard let start = hay.baseAddress, let pinBase = pin.baseAddress, pin.count <= hay.count else { return false }
                let first = Int32(pin[0]), end = start + (hay.count - pin.count + 1)
                var cursor = start
                while cursor < end, let found = memchr(cursor, first, end - cursor) {
                    if memcmp(found, pinBase, pin.count) == 0 { return true }
                    cursor = UnsafeRawPointer(found) + 1
                }
                return false
            }
        }
    }
}
