import Foundation
import WaymarkContent
import WaymarkCore
import Yams

/// Reads and checks `content/_data/contacts.yaml`.
public enum ContactsLoader {
    static let knownFields = ["id", "label", "number", "tel", "hours", "notes", "when", "emergency", "group", "translations", "checked", "owner"]

    /// The contacts, or every problem found. A site without the file has no contacts.
    /// `file` is the path inside the folder `source` reads (`_data/contacts.yaml`).
    public static func load(from source: SourceReader, file: String) -> Result<[Contact], BuildFailure> {
        let displayPath = source.display(file)
        return source.optionalText(file).flatMap { text in
            text.map { parse($0, displayPath: displayPath) } ?? .success([])
        }
    }

    /// Parses the text of a contacts file.
    public static func parse(_ text: String, displayPath: String) -> Result<[Contact], BuildFailure> {
        let reader = YAMLReader(file: displayPath)
        var diagnostics = Diagnostics()
        let root: Node?
        do { root = try reader.parseDocument(text).get() } catch { return .failure(error) }
        guard let root else { return .success([]) }
        guard let entries = root.sequence else {
            return .failure(BuildFailure(Diagnostics([.error(reader.location(of: root), "the contacts should be a list, each entry starting with '- id:'")])))
        }
        var contacts: [Contact] = []
        var seen: Set<String> = []
        for entry in entries {
            let fields = reader.mapping(entry, known: knownFields, what: "contact field", diagnostics: &diagnostics)
            guard let contact = contact(fields, at: reader.location(of: entry), diagnostics: &diagnostics) else { continue }
            if !seen.insert(contact.id).inserted {
                diagnostics.append(.error(fields.location("id"), "there are two contacts with the id '\(contact.id)'"))
            }
            contacts.append(contact)
        }
        if diagnostics.hasErrors { return .failure(BuildFailure(diagnostics)) }
        return .success(contacts)
    }

    private static func contact(_ fields: YAMLMapping, at location: SourceLocation, diagnostics: inout Diagnostics) -> Contact? {
        let id = fields.requiredString("id", diagnostics: &diagnostics, missingAt: location)
        let label = fields.requiredString("label", diagnostics: &diagnostics, missingAt: location)
        let numberText = fields.requiredString("number", diagnostics: &diagnostics, missingAt: location)
        let groupText = fields.requiredString("group", diagnostics: &diagnostics, missingAt: location)
        if let id, !id.allSatisfy({ $0.isASCII && ($0.isLowercase || $0.isNumber || $0 == "-") }) {
            diagnostics.append(.error(fields.location("id"), "the id '\(id)' should be lowercase letters, digits and hyphens, like 'salvation-army'"))
        }
        var number: PhoneNumber?
        if let numberText {
            number = PhoneNumber(numberText)
            if number == nil {
                diagnostics.append(.error(fields.location("number"), "'\(numberText)' is not a UK phone number",
                                          help: "UK numbers start with 0 and have 10 or 11 digits, like 08000 121 700; service numbers such as 999 and 101 are also accepted"))
            }
        }
        if let number, let tel = fields.string("tel", diagnostics: &diagnostics), tel != number.telURI {
            diagnostics.append(.error(fields.location("tel"), "'tel' is '\(tel)', but the number \(number.display) calls \(number.telURI)",
                                      help: "remove 'tel:'; Waymark makes it from the number"))
        }
        var group: Contact.Group?
        if let groupText {
            group = Contact.Group(rawValue: groupText)
            if group == nil {
                diagnostics.append(.error(fields.location("group"), "'\(groupText)' is not a contact group",
                                          help: "use one of: \(Contact.Group.allCases.map(\.rawValue).joined(separator: ", "))"))
            }
        }
        let notes = fields.strings("notes", diagnostics: &diagnostics) ?? []
        let hours = fields.string("hours", diagnostics: &diagnostics)
        let when = fields.string("when", diagnostics: &diagnostics)
        let emergency = fields.bool("emergency", diagnostics: &diagnostics) ?? false
        let translations = self.translations(fields, diagnostics: &diagnostics)
        let checked = fields.date("checked", diagnostics: &diagnostics)
        let owner = fields.string("owner", diagnostics: &diagnostics)
        guard let id, let label, let number, let group else { return nil }
        return Contact(id: id, label: label, number: number, hours: hours, notes: notes, when: when,
                       emergency: emergency, group: group, location: fields.location("id"),
                       checked: checked, checkedLocation: checked == nil ? nil : fields.location("checked"),
                       owner: owner.flatMap { $0.isEmpty ? nil : $0 }, translations: translations)
    }

    /// `translations: {pl: {label: …, hours: …, notes: […], when: …}}`
    private static func translations(_ fields: YAMLMapping, diagnostics: inout Diagnostics) -> [String: Contact.Text] {
        guard let node = fields.node("translations") else { return [:] }
        guard let mapping = node.mapping else {
            diagnostics.append(.error(fields.location("translations"), "'translations' should list each language, like 'pl:' followed by 'label:'"))
            return [:]
        }
        var result: [String: Contact.Text] = [:]
        for (key, value) in mapping {
            let code = key.scalar?.string ?? ""
            guard LanguageTag(code) != nil else {
                diagnostics.append(.error(fields.reader.location(of: key), "'\(code)' is not a language code"))
                continue
            }
            let entry = fields.reader.mapping(value, known: ["label", "hours", "notes", "when"], what: "translated contact field", diagnostics: &diagnostics)
            guard let label = entry.requiredString("label", diagnostics: &diagnostics, missingAt: fields.reader.location(of: key)) else { continue }
            result[code] = Contact.Text(label: label, hours: entry.string("hours", diagnostics: &diagnostics),
                                        notes: entry.strings("notes", diagnostics: &diagnostics) ?? [],
                                        when: entry.string("when", diagnostics: &diagnostics))
        }
        return result
    }
}
