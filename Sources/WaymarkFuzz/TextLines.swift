import Foundation

/// A file as lines of raw bytes split at `\n`, so line edits keep every other byte exactly as it
/// was, even after an earlier mutation has made the file invalid UTF-8.
struct TextLines {
    var lines: [[UInt8]]

    init(_ data: Data) {
        lines = data.split(separator: 0x0A, omittingEmptySubsequences: false).map(Array.init)
    }

    var data: Data { Data(lines.joined(separator: [0x0A])) }

    /// The line as text, for matching only; damaged bytes become U+FFFD.
    func text(_ index: Int) -> String { String(decoding: lines[index], as: UTF8.self) }

    /// Lines `1..<closing` when the file starts with a `---` front matter fence, else nil.
    var frontMatter: Range<Int>? {
        guard !lines.isEmpty, isFence(0) else { return nil }
        guard let closing = (1..<lines.count).first(where: isFence) else { return nil }
        return 1..<closing
    }

    /// The part of the file holding YAML: the front matter of a page, or all of a YAML file.
    func yamlRegion(_ kind: FileKind) -> Range<Int> {
        kind == .page ? (frontMatter ?? 0..<lines.count) : 0..<lines.count
    }

    /// The Markdown body of a page: everything after the front matter.
    var bodyRegion: Range<Int> {
        guard let front = frontMatter else { return 0..<lines.count }
        return (front.upperBound + 1)..<lines.count
    }

    private func isFence(_ index: Int) -> Bool {
        text(index).trimmingCharacters(in: .whitespacesAndNewlines) == "---"
    }

    /// Indices in `region` whose line looks like a YAML `key: value`.
    func keyLines(in region: Range<Int>) -> [Int] {
        region.filter { index in
            let line = text(index)
            guard let colon = line.firstIndex(of: ":") else { return false }
            let key = line[..<colon].trimmingCharacters(in: .whitespaces).drop { $0 == "-" }.trimmingCharacters(in: .whitespaces)
            return !key.isEmpty && key.allSatisfy { $0.isLetter || $0.isNumber || $0 == "_" }
        }
    }
}
