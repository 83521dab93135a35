import WaymarkContent

/// Everything `waymark new site` writes: a site that builds with no errors or warnings and that
/// `waymark check` finds nothing in, for the editor to change page by page.
public enum StarterSite {
    /// The folder inside the new site's folder that holds the content, so that `waymark build`
    /// run in the site's folder finds it with its default `--source`.
    public static let contentFolder = "content"

    /// The files, relative to the new site's folder.
    public static func files(_ settings: NewSiteSettings, today: CalendarDate) -> [ScaffoldFile] {
        var files = [
            ScaffoldFile(path: ".gitignore", text: "# What 'waymark build' and 'waymark check --external' write.\n/output/\n/.waymark-links.json\n"),
            content("site.yaml", StarterSettings.text(settings)),
            content("_data/contacts.yaml", StarterContacts.text(settings, today: today)),
            content("_data/partners.csv", partners),
        ]
        files += StarterPages.all(title: settings.title, today: today).map { content($0.path, $0.text) }
        files += settings.otherLanguages.map { content("index.\($0.code).md", home(in: $0, title: settings.title, today: today)) }
        return files
    }

    private static func content(_ path: String, _ text: String) -> ScaffoldFile {
        ScaffoldFile(path: contentFolder + "/" + path, text: text)
    }

    /// The header row the partner directory reads, and one made-up partner. The numbers are in
    /// Ofcom's range for drama (0113 496 0xxx), so they ring nobody.
    static let partners = """
        name,type,areas,website,email,phone,description,services,languages,contact_name,contact_phone,contact_email
        Example Council,local-authority,all,https://www.example.org/,info@example.org,0113 496 0000,An example row: replace it with your first partner. The last three columns are for professionals only and are never published.,Safeguarding adults;Safeguarding children,English,Sam Example,0113 496 0001,sam.example@example.org

        """

    /// A home page in another language. With no text of its own it shows the theme's words in
    /// that language and lists the site's pages, each English one marked as English; it is the
    /// page the language menu links to until the English home page is translated.
    static func home(in language: StarterLanguage, title: String, today: CalendarDate) -> String {
        """
        ---
        # The home page in \(language.englishName) (\(language.name)). Until it is translated it lists the
        # site's pages, with the theme's words in \(language.englishName) and each English page marked as English.
        # To translate it, write the translated home page below the second '---' line and change
        # the title to the partnership's name in \(language.englishName). Keep 'translated_from' at the date
        # of the version of index.md it was made from, and add 'reviewed_by:' only when a
        # qualified translator has checked it.
        title: \(YAMLText.scalar(title))
        translated_from: \(today.iso)
        ---

        """
    }
}
