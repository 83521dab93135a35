import Foundation
import WaymarkCore
import WaymarkMarkdown

/// `link-text`: links whose text does not say where they lead. Screen reader users often jump
/// from link to link or list them, hearing each text without the sentence around it.
enum LinkTextRule {
    static let info = RuleInfo(id: "link-text", title: "link text that makes sense on its own")

    static let rule = PageRule(info) { context, _ in
        MarkdownWalk.links(context.document).compactMap { problem(with: $0, in: context) }
    }

    private static func problem(with link: PageLink, in context: PageContext) -> Diagnostic? {
        guard !link.children.hasInsertedContent else { return nil }
        let text = link.children.readableText.trimmingCharacters(in: .whitespacesAndNewlines)
        let location = context.location(line: link.line)
        if text.isEmpty {
            return emptyText(link, at: location)
        }
        if vaguePhrases.matches(text, language: context.language) {
            return .finding(info, location, "the link text '\(text)' does not say where the link goes",
                            help: "say where it leads, in words that make sense on their own: [what the reader will find there](\(link.destination)), not [\(text)](\(link.destination))")
        }
        // A printed flyer has to show the address itself, so readers of paper can type it.
        if context.layout != "flyer", isBareAddress(text, destination: link.destination) {
            return .finding(info, location, "the link text is an address ('\(text)'), which is hard to listen to and does not say what is there",
                            help: "write the name of the page or site instead: [name of the page or site](\(link.destination))")
        }
        return nil
    }

    private static func emptyText(_ link: PageLink, at location: SourceLocation) -> Diagnostic {
        let images = link.children.filter { if case .image = $0 { true } else { false } }
        if images.isEmpty {
            return .finding(info, location, "this link has no text, so a screen reader can only read out its address",
                            help: "write what it leads to between the square brackets: [what the link leads to](\(link.destination))")
        }
        return .finding(info, location, "this link is an image with no description, so a screen reader can only read out its address",
                        help: "describe where the link goes in the image's brackets, e.g. [![Hull City Council website](…)](\(link.destination))")
    }

    /// Link text that means nothing away from its sentence, by language.
    static let vaguePhrases = LocalPhrases([
        "en": ["click here", "click", "here", "read more", "more", "this page", "this link", "link", "find out more",
               "learn more", "more info", "more information", "click this link", "go"],
        "pl": ["kliknij tutaj", "kliknij tu", "kliknij", "tutaj", "tu", "więcej", "czytaj więcej", "dowiedz się więcej", "link", "ten link"],
        "ro": ["click aici", "clic aici", "faceți clic aici", "apăsați aici", "aici", "citește mai mult", "citiți mai mult",
               "mai mult", "mai multe", "află mai multe", "aflați mai multe", "link"],
        "sq": ["kliko këtu", "klikoni këtu", "këtu", "lexo më shumë", "lexoni më shumë", "më shumë", "mëso më shumë", "lidhje"],
        "vi": ["bấm vào đây", "nhấn vào đây", "nhấp vào đây", "tại đây", "ở đây", "đây", "xem thêm", "đọc thêm", "liên kết"],
        "lt": ["spauskite čia", "spausk čia", "paspauskite čia", "čia", "skaityti daugiau", "skaitykite daugiau", "daugiau",
               "sužinokite daugiau", "nuoroda"],
        "ar": ["اضغط هنا", "انقر هنا", "هنا", "اقرأ المزيد", "المزيد", "رابط", "هذا الرابط"],
    ])

    /// An address as the text: `<https://…>`, `www.…`, or the destination with its path
    /// (`example.org/help`). A bare name like `GOV.UK` reads well and is left alone, and so are
    /// phone numbers and email addresses: that text does tell the reader what it is.
    static func isBareAddress(_ text: String, destination: String) -> Bool {
        let target = destination.lowercased()
        if target.hasPrefix("tel:") || target.hasPrefix("mailto:") || target.hasPrefix("sms:") { return false }
        let lower = text.lowercased()
        if lower.hasPrefix("http://") || lower.hasPrefix("https://") || lower.hasPrefix("www.") { return true }
        let bare = withoutScheme(lower)
        return bare.contains("/") && !bare.contains(where: \.isWhitespace) && bare == withoutScheme(target)
    }

    /// `https://example.org/a/` → `example.org/a`.
    private static func withoutScheme(_ address: String) -> String {
        var rest = Substring(address)
        for prefix in ["https://", "http://"] where rest.hasPrefix(prefix) { rest = rest.dropFirst(prefix.count) }
        if rest.hasPrefix("www.") { rest = rest.dropFirst(4) }
        while rest.hasSuffix("/") { rest = rest.dropLast() }
        return String(rest)
    }
}
