import WaymarkCore

/// Fingerprints of the professionals-only values in `partners.csv` (contact names, direct phone
/// numbers and emails), to find them where they must not be: in a public column or in a page.
///
/// Only 64-bit hashes of the normalised values are kept, never the text, so this type cannot
/// carry a private value into a page, a message or a log.
public struct PrivateValueIndex: Sendable {
    /// Where a private value was written: its row's line and its column.
    public struct Origin: Sendable, Hashable {
        public var line: Int
        public var column: PartnerColumn

        /// "the contact name from this row's 'contact_name' column" (when `line` is its own row)
        /// or "… from line 7's 'contact_email' column": names where, never what.
        public func described(from line: Int?) -> String {
            let what: String
            switch column {
            case .contactName: what = "the contact name"
            case .contactPhone: what = "the direct phone number"
            default: what = "the contact email"
            }
            let row = self.line == line ? "this row" : "line \(self.line)"
            return "\(what) from \(row)'s '\(column.rawValue)' column"
        }
    }

    private var names: [UInt64: Origin] = [:]
    /// How many words the private names have, so text is compared in windows of those lengths.
    private var nameLengths: Set<Int> = []
    private var emails: [UInt64: Origin] = [:]
    private var phones: [UInt64: Origin] = [:]

    public init() {}

    /// True when there is nothing to look for.
    public var isEmpty: Bool { names.isEmpty && emails.isEmpty && phones.isEmpty }

    /// Records a private cell's value. A one-word name is not recorded: it would match ordinary
    /// words ("Sam", "Hope") in descriptions and pages.
    mutating func add(_ value: String, column: PartnerColumn, line: Int) {
        let origin = Origin(line: line, column: column)
        switch column {
        case .contactName:
            let words = PrivateValueIndex.words(value[...])
            guard words.count >= 2 else { return }
            names[PrivateValueIndex.hash(words)] = names[PrivateValueIndex.hash(words)] ?? origin
            nameLengths.insert(words.count)
        case .contactEmail:
            let key = ContentHash.fnv1a(value.trimmingWhitespace.lowercased().utf8)
            emails[key] = emails[key] ?? origin
        case .contactPhone:
            guard let digits = PrivateValueIndex.phoneDigits(value[...]).first else { return }
            let key = ContentHash.fnv1a(digits.utf8)
            phones[key] = phones[key] ?? origin
        default:
            return
        }
    }

    /// The private values `text` contains, by where they were written; each once, in order.
    public func matches(in text: Substring) -> [Origin] {
        guard !isEmpty, !text.isEmpty else { return [] }
        var found: [Origin] = []
        func note(_ origin: Origin?) {
            if let origin, !found.contains(origin) { found.append(origin) }
        }
        if !names.isEmpty {
            let words = PrivateValueIndex.words(text)
            for length in nameLengths.sorted() where words.count >= length {
                for start in 0...(words.count - length) { note(names[PrivateValueIndex.hash(words[start..<(start + length)])]) }
            }
        }
        if !emails.isEmpty, text.contains("@") {
            for token in text.split(whereSeparator: { $0.isWhitespace || "<>()[],;\"'".contains($0) }) where token.contains("@") {
                let trimmed = token.trimmingCharacters(in: ".:!?")
                note(emails[ContentHash.fnv1a(trimmed.lowercased().utf8)])
            }
        }
        if !phones.isEmpty {
            for digits in PrivateValueIndex.phoneDigits(text) { note(phones[ContentHash.fnv1a(digits.utf8)]) }
        }
        return found
    }

    /// Lowercased runs of letters and digits.
    static func words(_ text: Substring) -> [Substring] {
        text.lowercased().split { !($0.isLetter || $0.isNumber) }.map { $0[...] }
    }

    private static func hash<Words: Collection>(_ words: Words) -> UInt64 where Words.Element == Substring {
        ContentHash.fnv1a(words.joined(separator: " ").utf8)
    }

    /// Each run of digits with the spaces, hyphens and brackets people write between them, as
    /// national digits (`+44 1632 960999` and `01632-960999` both give `01632960999`).
    static func phoneDigits(_ text: Substring) -> [String] {
        var runs: [String] = []
        var digits = ""
        var international = false
        func finish() {
            if digits.count >= 6 {
                runs.append(international && digits.hasPrefix("44") ? "0" + digits.dropFirst(2) : digits)
            }
            digits = ""
            international = false
        }
        for character in text {
            if character.isASCII && character.isNumber {
                digits.append(character)
            } else if character == "+" && digits.isEmpty {
                international = true
            } else if !(character == " " || character == "-" || character == "(" || character == ")") || (character == " " && digits.isEmpty && !international) {
                finish()
            }
        }
        finish()
        return runs
    }
}

extension Substring {
    fileprivate func trimmingCharacters(in set: String) -> Substring {
        var view = self
        while let first = view.first, set.contains(first) { view = view.dropFirst() }
        while let last = view.last, set.contains(last) { view = view.dropLast() }
        return view
    }
}
