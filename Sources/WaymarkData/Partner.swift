import WaymarkCore

/// A member organisation of the partnership, from `content/_data/partners.csv`: only the columns
/// the public may see. Professionals-only columns are read, checked and dropped by
/// ``PartnerDirectoryLoader``, so no value of this type can carry them into a page.
public struct Partner: Sendable, Hashable {
    /// The kinds of organisation, in the order the directory lists them.
    public enum Kind: String, Sendable, CaseIterable {
        case police, localAuthority = "local-authority", nhs, fireAndRescue = "fire-and-rescue", charity,
             faithGroup = "faith-group", business, education, government, other
    }

    public var name: String
    public var kind: Kind
    /// Areas covered, as named in `site.yaml`; empty means every area.
    public var areas: [String]
    public var coversAllAreas: Bool
    public var website: String?
    public var email: String?
    public var phone: PhoneNumber?
    public var description: String?
    public var services: [String]
    public var languages: [String]
    /// The line of its row, for messages.
    public var line: Int

    /// A stable anchor made from the name (`hull-city-council`).
    public var id: String { Slug.make(name, fallback: "partner") }
}

/// The columns a partners spreadsheet may have.
public enum PartnerColumn: String, CaseIterable, Sendable {
    case name, type, areas, website, email, phone, description, services, languages
    case contactName = "contact_name", contactPhone = "contact_phone", contactEmail = "contact_email"

    /// Columns for professionals only: checked, never published.
    public var isPrivate: Bool { self == .contactName || self == .contactPhone || self == .contactEmail }
}
