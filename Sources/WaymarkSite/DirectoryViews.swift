import Foundation
import Mustache
import WaymarkCore
import WaymarkData

/// A partner as the directory layout shows it: public fields only.
final class PartnerView: MustacheParent, Sendable {
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

    func child(named name: String) -> Any? {
        switch name {
        case "id": id
        case "name": self.name
        case "type": type
        case "type_title": typeTitle
        case "areas": areas
        case "area_slugs": areaSlugs
        case "website": website
        case "website_label": websiteLabel
        case "email": email
        case "phone": phone
        case "tel": tel
        case "description": description
        case "services": services
        case "has_services": !services.isEmpty
        case "languages": languages
        case "has_languages": !languages.isEmpty
        case "json_ld": jsonLD
        case "all_areas": areas.isEmpty
        case "text_lang": textLang
        default: nil
        }
    }
}

/// A named group of partners: a letter of the A–Z list or a type.
final class PartnerGroupView: MustacheParent, Sendable {
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

    func child(named name: String) -> Any? {
        switch name {
        case "id": id
        case "anchor": anchor
        case "title", "letter": title
        case "partners": partners
        default: nil
        }
    }
}

/// A choice in a filter: an area or a type.
final class OptionView: MustacheParent, Sendable {
    let id: String
    let title: String
    /// Set when `title` is in another language than the page (area names come from site.yaml).
    let textLang: String?

    init(id: String, title: String, textLang: String? = nil) {
        self.id = id
        self.title = title
        self.textLang = textLang
    }

    func child(named name: String) -> Any? {
        switch name {
        case "id", "slug": id
        case "title", "name": title
        case "text_lang": textLang
        default: nil
        }
    }
}

/// `directory.*`: the partner directory in one language.
final class DirectoryView: MustacheParent, Sendable {
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

    func child(named name: String) -> Any? {
        switch name {
        case "count": String(partners.count)
        case "partners": partners
        case "has_partners": !partners.isEmpty
        case "letters": letters
        case "types": types
        case "areas": areas
        case "type_options": typeOptions
        default: nil
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
