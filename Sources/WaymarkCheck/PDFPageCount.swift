import Foundation

/// Counts the pages of a PDF without a PDF library, so `waymark check --print` needs nothing
/// but Chromium (not poppler's `pdfinfo`).
///
/// It reads the PDFs Chromium writes: PDF 1.4, every object written out whole, one object per
/// page with `/Type /Page`. Stream data (page contents, fonts, images) is skipped, so bytes in a
/// compressed stream cannot be taken for a page; `/Type /Pages` (the page tree) is not a page;
/// an object written again by an update counts once. A PDF that packs its objects into
/// compressed object streams (`/ObjStm`, PDF 1.5) hides its pages: that gives nil, never a
/// wrong number.
public enum PDFPageCount {
    /// The number of pages, or nil when this is not a PDF whose pages can be seen.
    public static func pages(in data: Data) -> Int? {
        guard data.starts(with: Array("%PDF-".utf8)) else { return nil }
        let text = withoutStreams(data)
        var pageObjects = Set<String>()
        for object in text.matches(of: objectPattern) {
            let (_, number, generation, body) = object.output
            let id = "\(number) \(generation)"
            if body.contains(pageTypePattern) { pageObjects.insert(id) } else { pageObjects.remove(id) }
        }
        return pageObjects.isEmpty ? nil : pageObjects.count
    }

    /// The pages of the PDF file at `path`; nil when it cannot be read or counted.
    public static func pages(ofFile path: String) -> Int? {
        guard let data = FileManager.default.contents(atPath: path) else { return nil }
        return pages(in: data)
    }

    /// The paper of the first page, as people name it ("A4", "Letter"), or nil for another size.
    public static func paper(in data: Data) -> String? {
        let text = withoutStreams(data)
        guard let box = text.firstMatch(of: mediaBoxPattern),
              let width = Double(box.output.1), let height = Double(box.output.2) else { return nil }
        let (short, long) = (min(width, height), max(width, height))
        func near(_ a: Double, _ b: Double) -> Bool { abs(a - b) < 3 }
        if near(short, 595.28) && near(long, 841.89) { return "A4" }
        if near(short, 612) && near(long, 792) { return "Letter" }
        return nil
    }

    // `12 0 obj … endobj`, the object's number, generation and body.
    nonisolated(unsafe) private static let objectPattern = #/(\d+)\s+(\d+)\s+obj\b(.*?)\bendobj/#.dotMatchesNewlines()
    // `/Type /Page` but not `/Type /Pages`; PDF lets the space go.
    nonisolated(unsafe) private static let pageTypePattern = #/\/Type\s*\/Page(?![A-Za-z0-9#_.\-])/#
    nonisolated(unsafe) private static let mediaBoxPattern =
        #/\/MediaBox\s*\[\s*-?[\d.]+\s+-?[\d.]+\s+(-?[\d.]+)\s+(-?[\d.]+)\s*\]/#

    /// The file as text (one character per byte, so nothing is lost) with the data between each
    /// `stream` and `endstream` left out.
    private static func withoutStreams(_ data: Data) -> String {
        let bytes = [UInt8](data)
        let end = Array("endstream".utf8)
        var kept: [UInt8] = []
        kept.reserveCapacity(bytes.count / 4)
        var index = 0
        while index < bytes.count {
            if let dataStart = streamData(at: index, in: bytes) {
                guard let close = find(end, in: bytes, from: dataStart) else { break }
                kept += Array("stream\n".utf8)
                index = close
                continue
            }
            kept.append(bytes[index])
            index += 1
        }
        return String(bytes: kept, encoding: .isoLatin1) ?? ""
    }

    /// Where a stream's data starts, when the keyword `stream` (after a delimiter, before an end
    /// of line) is at `index`.
    private static func streamData(at index: Int, in bytes: [UInt8]) -> Int? {
        let keyword = Array("stream".utf8)
        guard bytes[index] == keyword[0], index + keyword.count < bytes.count,
              bytes[index..<index + keyword.count].elementsEqual(keyword) else { return nil }
        if index > 0 {
            let before = bytes[index - 1]
            guard before == UInt8(ascii: ">") || isWhitespace(before) else { return nil }
        }
        let next = index + keyword.count
        switch bytes[next] {
        case UInt8(ascii: "\n"): return next + 1
        case UInt8(ascii: "\r"): return next + 1 < bytes.count && bytes[next + 1] == UInt8(ascii: "\n") ? next + 2 : next + 1
        default: return nil
        }
    }

    private static func isWhitespace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09 || byte == 0x0C || byte == 0x00
    }

    private static func find(_ needle: [UInt8], in bytes: [UInt8], from start: Int) -> Int? {
        guard needle.count <= bytes.count else { return nil }
        var index = start
        let last = bytes.count - needle.count
        while index <= last {
            if bytes[index] == needle[0] && bytes[index..<index + needle.count].elementsEqual(needle) { return index }
            index += 1
        }
        return nil
    }
}
