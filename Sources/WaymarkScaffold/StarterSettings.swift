/// `content/site.yaml` for a new site.
enum StarterSettings {
    static let description = "Partners working together to find and support victims of modern slavery."

    static func text(_ settings: NewSiteSettings) -> String {
        """
        # The settings for the whole site. The content guide (docs/CONTENT.md) explains every one.
        title: \(YAMLText.scalar(settings.title))
        description: \(description)
        base_url: \(settings.baseURL)
        default_language: en
        languages:
        \(languages(settings))
        # Where "Exit this page" sends the visitor: a neutral site that looks ordinary in a browser's history.
        exit_url: https://www.bbc.co.uk/weather
        menu:
          - label: About us
            page: about/index.md
          - label: Spot the signs
            page: spot-the-signs.md
          - label: Report a concern
            page: report.md
          - label: For professionals
            page: pathways/index.md
          - label: News
            page: news/index.md
        footer_menu:
          - label: Accessibility statement
            page: accessibility.md
          - label: Privacy and cookies
            page: privacy.md
          - label: Staying safe online
            page: staying-safe-online.md
        # The areas the partnership covers, such as its council areas: the partner directory's
        # filter, and what the 'areas' column of _data/partners.csv may name.
        areas: [Area one, Area two]
        # The contacts in the help block on every page (from _data/contacts.yaml), and the page it links to.
        help_contacts: [emergency, helpline]
        report_page: report.md

        """
    }

    /// One entry per language. A menu label in another language goes under `labels:`, such as
    /// `labels: {pl: O nas}`; without one, the menu shows the translated page's title.
    private static func languages(_ settings: NewSiteSettings) -> String {
        settings.languages.map { language in
            """
              - code: \(language.code)
                name: \(language.name)
                direction: \(language.isRightToLeft ? "rtl" : "ltr")
            """
        }.joined(separator: "\n")
    }
}
