import Foundation
import WaymarkTemplate
import WaymarkCore
import WaymarkData

/// A partner as the directory layout shows it: public fields only.
final class PartnerView: TemplateObject, Sendable {
    let id: String
    let name: String
    let type: String
    let typeTitle: String
    let areas: [String]
    let areaSlugs: String
    let website: String?
    let websiteLabel: String?
    let email: String?
    let phone: String?
    let tel: String?
    let description: String?
    let services: [String]
    let languages: [String]
    let jsonLD: String
    /// The language the spreadsheet's text is in, when the page is in another one.
    let textLang: String?

    init(_ partner: Partner, typeTitle: String, jsonLD: String, textLang: String?) {
        self.textLang = textLang
        id = partner.id
        name = partner.name
        type = partner.kind.rawValue
        self.typeTitle = typeTitle
        // A partner covering every area lists none: the template says "All areas".
        areas = partner.coversAllAreas ? [] : partner.areas
        areaSlugs = partner.coversAllAreas ? "all" : partner.areas.map { Slug.make($0, fallback: "area") }.joined(separator: " ")
        website = partner.website
        websiteLabel = partner.website.flatMap { URL(string: $0)?.host }
        email = partner.email
        phone = partner.phone?.display
        tel = partner.phone?.telURI
        description = partner.description
        services = partner.services
        languages = partner.languages
        self.jsonLD = jsonLD
    }

    func value(named name: String) -> TemplateValue {
        switch name {
        case "id": TemplateValue(id)
        case "name": TemplateValue(self.name)
        case "type": TemplateValue(type)
        case "type_title": TemplateValue(typeTitle)
        case "areas": TemplateValue(areas)
        case "area_slugs": TemplateValue(areaSlugs)
        case "website": TemplateValue(website)
        case "website_label": TemplateValue(websiteLabel)
        case "email": TemplateValue(email)
        case "phone": TemplateValue(phone)
        case "tel": TemplateValue(tel)
        case "description": TemplateValue(description)
        case "services": TemplateValue(services)
        case "has_services": TemplateValue(!services.isEmpty)
        case "languages": TemplateValue(languages)
        case "has_languages": TemplateValue(!languages.isEmpty)
        case "json_ld": TemplateValue(jsonLD)
        case "all_areas": TemplateValue(areas.isEmpty)
        case "text_lang": TemplateValue(textLang)
        default: .missing
        }
    }
}

/// A named group of partners: a letter of the A–Z list or a type.
final class PartnerGroupView: TemplateObject, Sendable {
    let id: String
    let anchor: String
    let title: String
    let partners: [PartnerView]

    init(id: String, anchor: String, title: String, partners: [PartnerView]) {
        self.id = id
        self.anchor = anchor
        self.title = title
        self.partners = partners
    }

    func value(named name: String) -> TemplateValue {
        switch name {
        case "id": TemplateValue(id)
        case "anchor": TemplateValue(anchor)
        case "title", "letter": TemplateValue(title)
        case "partners": TemplateValue(partners)
        default: .missing
        }
    }
}

/// A choice in a filter: an area or a type.
final class OptionView: TemplateObject, Sendable {
    let id: String
    let title: String
    /// Set when `title` is in another language than the page (area names come from site.yaml).
    let textLang: String?

    init(id: String, title: String, textLang: String? = nil) {
        self.id = id
        self.title = title
        self.textLang = textLang
    }

    func value(named name: String) -> TemplateValue {
        switch name {
        case "id", "slug": TemplateValue(id)
        case "title", "name": TemplateValue(title)
        case "text_lang": TemplateValue(textLang)
        default: .missing
        }
    }
}

/// `directory.*`: the partner directory in one language.
final class DirectoryView: TemplateObject, Sendable {
    let partners: [PartnerView]
    let letters: [PartnerGroupView]
    let types: [PartnerGroupView]
    let areas: [OptionView]
    let typeOptions: [OptionView]

    static let empty = DirectoryView(partners: [], letters: [], types: [], areas: [], typeOptions: [])

    init(partners: [PartnerView], letters: [PartnerGroupView], types: [PartnerGroupView], areas: [OptionView], typeOptions: [OptionView]) {
        self.partners = partners
        self.letters = letters
        self.types = types
        self.areas = areas
        self.typeOptions = typeOptions
    }

    /// The directory of `partners`, with type names in the page's language; `jsonLD` holds each
    /// partner's schema.org data, the same in every language, made once per build.
    /// `textLang` is the spreadsheet's language when the page is in another.
    convenience init(partners: [Partner], jsonLD: [String], areas: [String], strings: UIStrings, textLang: String?) {
        let views = zip(partners, jsonLD).map {
            PartnerView($0, typeTitle: strings["partner_type_" + $0.kind.rawValue], jsonLD: $1, textLang: textLang)
        }
        var letters: [PartnerGroupView] = []
        for view in views {
            let letter = view.name.first.map { String($0).uppercased() } ?? "#"
            if letters.last?.title == letter {
                let last = letters.removeLast()
                letters.append(PartnerGroupView(id: last.id, anchor: last.anchor, title: letter, partners: last.partners + [view]))
            } else {
                let id = "letter-" + Slug.make(letter, fallback: "other")
                letters.append(PartnerGroupView(id: id, anchor: id, title: letter, partners: [view]))
            }
        }
        let types = Partner.Kind.allCases.compactMap { kind -> PartnerGroupView? in
            let members = views.filter { $0.type == kind.rawValue }
            guard !members.isEmpty else { return nil }
            return PartnerGroupView(id: kind.rawValue, anchor: "type-" + kind.rawValue, title: strings["partner_type_" + kind.rawValue], partners: members)
        }
        self.init(partners: views, letters: letters, types: types,
                  areas: areas.map { OptionView(id: Slug.make($0, fallback: "area"), title: $0, textLang: textLang) },
                  typeOptions: types.map { OptionView(id: $0.id, title: $0.title) })
    }

    /// Every anchor the directory puts on the page, which the page's own headings must not take.
    var anchors: Set<String> {
        Set(partners.map(\.id) + letters.map(\.id) + types.map(\.anchor))
    }

    func value(named name: String) -> TemplateValue {
        switch name {
        case "count": TemplateValue(String(partners.count))
        case "partners": TemplateValue(partners)
        case "has_partners": TemplateValue(!partners.isEmpty)
        case "letters": TemplateValue(letters)
        case "types": TemplateValue(types)
        case "areas": TemplateValue(areas)
        case "type_options": TemplateValue(typeOptions)
        default: .missing
        }
    }
}

/// schema.org `Organization` data for a partner, as JSON safe to place inside `<script>`.
enum PartnerJSONLD {
    static func organization(_ partner: Partner) -> String {
        var object: [String: Any] = ["@context": "https://schema.org", "@type": "Organization", "name": partner.name]
        if let website = partner.website { object["url"] = website }
        if let email = partner.email { object["email"] = email }
        if let phone = partner.phone { object["telephone"] = String(phone.telURI.dropFirst("tel:".count)) }
        if let description = partner.description { object["description"] = description }
        if !partner.areas.isEmpty { object["areaServed"] = partner.areas }
        if !partner.languages.isEmpty { object["knowsLanguage"] = partner.languages }
        guard let data = try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes]) else { return "{}" }
        // "</script>" or "<!--" inside a value must not end the script element early.
        return String(decoding: data, as: UTF8.self).replacingOccurrences(of: "<", with: "\\u003c")
    }
}
