import WaymarkContent
import WaymarkCore

/// A reporting contact from `content/_data/contacts.yaml`: the single place a phone number is
/// written, so a wrong number can only be wrong once.
public struct Contact: Sendable, Hashable {
    /// The groups the contacts layout lists contacts under, in this order.
    public enum Group: String, Sendable, CaseIterable {
        case emergency, advice, anonymous, professionals
    }

    public var id: String
    public var label: String
    public var number: PhoneNumber
    public var hours: String?
    public var notes: [String]
    /// When to use this contact, in a sentence.
    public var when: String?
    public var emergency: Bool
    public var group: Group
    public var location: SourceLocation
    /// When someone last rang or verified the number, and who looks after it.
    public var checked: CalendarDate?
    public var checkedLocation: SourceLocation?
    public var owner: String?
    /// Label, hours, notes and `when` in other languages, by language code.
    public var translations: [String: Text]

    /// The parts of a contact that are words rather than numbers.
    public struct Text: Sendable, Hashable {
        public var label: String
        public var hours: String?
        public var notes: [String]
        public var when: String?
    }

    /// The contact's words in `language`, and whether they had to fall back to the original.
    public func text(in language: LanguageTag) -> (text: Text, isTranslated: Bool) {
        if let translated = translations.first(where: { LanguageTag($0.key) == language })?.value { return (translated, true) }
        return (Text(label: label, hours: hours, notes: notes, when: when), false)
    }
}

/// A UK phone number as displayed ("08000 121 700"), checked and turned into a `tel:` URI.
public struct PhoneNumber: Sendable, Hashable {
    /// As written in the data file.
    public let display: String
    /// The digits only ("08000121700").
    public let digits: String

    /// Service numbers dialled as they are.
    static let shortNumbers: Set<String> = ["999", "112", "101", "111", "105", "116000", "116111", "116123", "18000"]

    /// Accepts numbers with a leading 0 and 10 or 11 digits, `+44` numbers, and short service
    /// numbers such as 999 and 101. Spaces and hyphens are allowed between digits.
    public init?(_ text: String) {
        let trimmed = text.trimmingWhitespace
        guard !trimmed.isEmpty, trimmed.allSatisfy({ $0.isASCII && ($0.isNumber || $0 == " " || $0 == "-" || $0 == "+") }),
              !trimmed.dropFirst().contains("+") else { return nil }
        var digits = trimmed.filter(\.isNumber)
        if trimmed.hasPrefix("+") {
            guard digits.hasPrefix("44") else { return nil }
            digits = "0" + digits.dropFirst(2)
        }
        guard PhoneNumber.isValidUK(digits) else { return nil }
        display = trimmed
        self.digits = digits
    }

    static func isValidUK(_ digits: String) -> Bool {
        if shortNumbers.contains(digits) { return true }
        if digits.hasPrefix("18001") || digits.hasPrefix("18002") { return isValidUK(String(digits.dropFirst(5))) }
        guard digits.hasPrefix("0"), !digits.hasPrefix("00") else { return false }
        let prefix = digits.dropFirst().prefix(1)
        switch prefix {
        case "1", "2", "3", "5", "7", "8", "9": return digits.count == 11 || (digits.count == 10 && (prefix == "1" || digits.hasPrefix("0800")))
        default: return false
        }
    }

    /// `tel:+448000121700` (E.164) for ordinary numbers, `tel:999` for service numbers.
    public var telURI: String {
        if PhoneNumber.shortNumbers.contains(digits) || digits.hasPrefix("1800") { return "tel:" + digits }
        return "tel:+44" + digits.dropFirst()
    }
}

extension String {
    var trimmingWhitespace: String {
        var view = Substring(self)
        while view.first?.isWhitespace == true { view = view.dropFirst() }
        while view.last?.isWhitespace == true { view = view.dropLast() }
        return String(view)
    }
}
