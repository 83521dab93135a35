import WaymarkContent

/// `content/_data/contacts.yaml` for a new site: the national reporting numbers.
enum StarterContacts {
    /// Who re-checks the numbers, until the site names someone.
    static let owner = "Partnership coordinator"

    struct Contact {
        var id: String
        /// The YAML lines after `- id:`, before `checked:`.
        var fields: [String]
    }

    /// The national numbers, as the services publish them; the English words match the
    /// translations in ``ContactTranslations``.
    static let contacts = [
        Contact(id: "emergency", fields: [
            "label: Police emergency", "number: \"999\"", "hours: 24 hours a day, every day", "notes: [Textphone 18000]",
            "emergency: true", "group: emergency", "when: Someone is in immediate danger, or a crime is happening now.",
        ]),
        Contact(id: "police", fields: [
            "label: Police non-emergency", "number: \"101\"", "notes: [Textphone 18001 101]", "group: advice",
            "when: Nobody is in immediate danger, but you want to tell the police what you have seen.",
        ]),
        Contact(id: "helpline", fields: [
            "label: Modern Slavery & Exploitation Helpline", "number: 08000 121 700", "hours: 24 hours a day, every day",
            "notes: [Confidential, Interpreters for more than 200 languages, Run by the charity Unseen]", "group: advice",
            "when: You are worried about someone, or you want advice. You do not need to be sure.",
        ]),
        Contact(id: "crimestoppers", fields: [
            "label: Crimestoppers", "number: 0800 555 111",
            "notes: [100% anonymous, You can also use the online form on the Crimestoppers website]", "group: anonymous",
            "when: You want to report without giving your name. Crimestoppers is an independent charity and will not know who you are.",
        ]),
    ]

    static func text(_ settings: NewSiteSettings, today: CalendarDate) -> String {
        var lines = [
            "# Every phone number on the site, written once. A page inserts one with {{contact id}}.",
            "# A wrong number is a safety problem: ring each one before the site is published, and again",
            "# every year, then write the day in 'checked:'. 'waymark check' warns when one is due.",
            "# Groups: emergency, advice, anonymous, professionals (the order on \"Report a concern\").",
            "# Add your police force's name to the non-emergency label, and your local numbers below.",
        ]
        if !settings.otherLanguages.isEmpty {
            lines.append("# The translations are drafts: have a qualified translator check them before you publish.")
        }
        for contact in contacts {
            lines.append("")
            lines.append("- id: \(contact.id)")
            lines += contact.fields.map { "  " + $0 }
            lines += ["  checked: \(today.iso)", "  owner: \(owner)"]
            lines += translations(of: contact.id, into: settings.otherLanguages)
        }
        return lines.joined(separator: "\n") + "\n"
    }

    private static func translations(of id: String, into languages: [StarterLanguage]) -> [String] {
        let known = languages.compactMap { language in ContactTranslations.lines[id]?[language.code].map { (language.code, $0) } }
        guard !known.isEmpty else { return [] }
        return ["  translations:"] + known.flatMap { code, fields in ["    \(code):"] + fields.map { "      " + $0 } }
    }
}
