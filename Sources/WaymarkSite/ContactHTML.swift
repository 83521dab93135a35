import WaymarkCore
import WaymarkData
import WaymarkMarkdown

/// The HTML for contacts inserted into Markdown with `{{contact id}}`, and the check that every
/// phone number typed into a page is a published contact.
struct ContactHTML: Sendable {
    let contacts: [String: Contact]
    let knownDigits: Set<String>
    let defaultLanguage: LanguageTag

    init(contacts: [Contact], defaultLanguage: LanguageTag) {
        self.defaultLanguage = defaultLanguage
        self.contacts = Dictionary(contacts.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        knownDigits = Set(contacts.map(\.number.digits))
    }

    /// Resolves a directive in a page in `language`: only `contact` is known.
    func resolve(_ directive: MarkdownDirective, isBlock: Bool, language: LanguageTag) -> DirectiveResolution {
        guard directive.name == "contact" else {
            return .broken("'{{\(directive.name) \(directive.argument)}}' is not something Waymark can insert", help: "the only one is {{contact id}}")
        }
        guard let contact = contacts[directive.argument] else {
            let help = Suggestion.closest(to: directive.argument, in: Array(contacts.keys)).map { "did you mean '\($0)'?" }
                ?? "the contacts are: \(contacts.keys.sorted().joined(separator: ", "))"
            return .broken("there is no contact with the id '\(directive.argument)' in content/_data/contacts.yaml", help: help)
        }
        return .html(isBlock ? card(contact, language: language) : numberLink(contact, className: "contact-number"))
    }

    /// `<a class="contact-number" href="tel:…"><bdi dir="ltr">08000 121 700</bdi></a>`
    func numberLink(_ contact: Contact, className: String) -> String {
        "<a class=\"\(className)\" href=\"\(HTMLEscape.escape(contact.number.telURI))\"><bdi dir=\"ltr\">\(HTMLEscape.escape(contact.number.display))</bdi></a>"
    }

    /// A contact card in `language`; words not translated yet keep their own `lang`.
    func card(_ contact: Contact, language: LanguageTag) -> String {
        let (text, isTranslated) = contact.text(in: language)
        let lang = isTranslated || defaultLanguage == language ? "" : " lang=\"\(defaultLanguage.code)\""
        var html = "<div class=\"contact-card\">\n<p class=\"contact-label\"\(lang)>\(HTMLEscape.escape(text.label))</p>\n"
        html += "<p class=\"contact-phone\">\(numberLink(contact, className: "contact-number"))</p>\n"
        if let hours = text.hours { html += "<p class=\"contact-hours\"\(lang)>\(HTMLEscape.escape(hours))</p>\n" }
        if !text.notes.isEmpty {
            html += "<ul class=\"contact-notes\"\(lang)>\n" + text.notes.map { "<li>\(HTMLEscape.escape($0))</li>\n" }.joined() + "</ul>\n"
        }
        return html + "</div>"
    }

    /// Warnings for numbers typed into `document` that are not contacts.
    func unknownNumbers(in document: MarkdownDocument, file: String) -> [Diagnostic] {
        PhoneNumberScanner.candidates(in: document).filter { !knownDigits.contains($0.digits) }.map { candidate in
            let close = contacts.values.sorted { $0.id < $1.id }
                .first { Suggestion.editDistance($0.number.digits, candidate.digits) <= 2 }
            let help = close.map { "did you mean \($0.number.display) (\($0.label))? Insert it with {{contact \($0.id)}} so it cannot be mistyped" }
                ?? "add it to content/_data/contacts.yaml and insert it with {{contact id}}"
            return .warning(SourceLocation(file: file, line: candidate.line),
                            "the phone number '\(candidate.text)' is not one of the site's contacts", help: help)
        }
    }
}
