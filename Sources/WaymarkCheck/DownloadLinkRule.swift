import Foundation
import WaymarkCore
import WaymarkMarkdown

/// `download-link`: links to files that do not say the file's format and size in their text
/// (GOV.UK style: "Flyer (PDF, 4 KB)"). Readers on a phone with little data, or who cannot
/// open a Word file, need to know before they tap; for a file in the site, a stated size far
/// from the real one is reported too.
enum DownloadLinkRule {
    static let info = RuleInfo(id: "download-link", title: "links to files that say the file's format and size")

    static let rule = PageRule(info) { context, _ in
        MarkdownWalk.links(context.document).compactMap { problem(with: $0, in: context) }
    }

    private static func problem(with link: PageLink, in context: PageContext) -> Diagnostic? {
        guard let format = FileFormat.of(link.destination), !link.children.hasInsertedContent else { return nil }
        let text = link.children.readableText.trimmingCharacters(in: .whitespacesAndNewlines)
        let tokens = SizeText.tokens(text)
        let statesFormat = tokens.contains { format.words.contains($0.word ?? "") }
        let stated = SizeText.firstSize(in: tokens, language: context.language)
        let realSize = context.site.linkedStaticFile(link.destination, from: context.page).map(context.site.fileSize)
        let known = realSize.flatMap { $0 > 0 ? SizeText.format($0, language: context.language) : nil }
        let location = context.location(line: link.line)
        let example = "[\(text.isEmpty ? "what the file is" : text) (\(format.name), \(known ?? "4 KB"))](\(link.destination))"
        switch (statesFormat, stated) {
        case (false, nil):
            return .finding(info, location, "the link to '\(link.destination)' does not say it is a \(format.name) file or how big it is",
                            help: "add the format and size in brackets at the end of the link text: \(example)")
        case (false, _?):
            return .finding(info, location, "the link to '\(link.destination)' does not say it is a \(format.name) file",
                            help: "add the format next to the size, so readers know what will open it: \(example)")
        case (true, nil):
            return .finding(info, location, "the link to '\(link.destination)' does not say how big the file is",
                            help: "add the size next to the format, so readers know what it costs to download: \(example)")
        case (true, let stated?):
            guard let real = realSize.map(Double.init), real > 0, let known, stated.bytes > real * 2 || stated.bytes * 2 < real else { return nil }
            return .finding(info, location, "the link says '\(link.destination)' is \(stated.text), but the file is \(known)",
                            help: "change the size in the link text to \(known)")
        }
    }
}

/// A kind of file readers download rather than read in the browser.
struct FileFormat: Sendable {
    /// How the format is named in the suggested link text (`Word`).
    var name: String
    /// Words in a link text that name the format (`word`, `docx`), lower case.
    var words: Set<String>

    private static let byExtension: [String: FileFormat] = {
        let pdf = FileFormat(name: "PDF", words: ["pdf"])
        let word = FileFormat(name: "Word", words: ["word", "doc", "docx"])
        let excel = FileFormat(name: "Excel", words: ["excel", "xls", "xlsx"])
        let powerPoint = FileFormat(name: "PowerPoint", words: ["powerpoint", "ppt", "pptx"])
        return [
            "pdf": pdf, "doc": word, "docx": word, "xls": excel, "xlsx": excel, "ppt": powerPoint, "pptx": powerPoint,
            "odt": FileFormat(name: "ODT", words: ["odt", "opendocument", "odf"]),
            "ods": FileFormat(name: "ODS", words: ["ods", "opendocument", "odf"]),
            "odp": FileFormat(name: "ODP", words: ["odp", "opendocument", "odf"]),
            "rtf": FileFormat(name: "RTF", words: ["rtf"]),
            "csv": FileFormat(name: "CSV", words: ["csv"]),
            "zip": FileFormat(name: "ZIP", words: ["zip"]),
            "epub": FileFormat(name: "EPUB", words: ["epub"]),
            "mp3": FileFormat(name: "MP3", words: ["mp3"]),
            "mp4": FileFormat(name: "MP4", words: ["mp4"]),
        ]
    }()

    /// The format of the file a link leads to, when it is a download.
    static func of(_ destination: String) -> FileFormat? {
        let lower = destination.lowercased()
        if lower.hasPrefix("mailto:") || lower.hasPrefix("tel:") || lower.hasPrefix("#") { return nil }
        let path = lower.prefix { $0 != "?" && $0 != "#" }
        guard let name = path.split(separator: "/").last, let dot = name.lastIndex(of: ".") else { return nil }
        return byExtension[String(name[name.index(after: dot)...])]
    }
}
