/// A BCP 47 language tag such as `en`, `pl` or `pt-BR`, compared case-insensitively.
public struct LanguageTag: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// The tag as written in `site.yaml`.
    public let code: String

    /// Accepts tags made of 2–8 letter/digit subtags joined by hyphens, starting with 2–3 letters.
    public init?(_ text: String) {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard let first = parts.first, (2...3).contains(first.count), first.allSatisfy({ $0.isASCII && $0.isLetter }),
              parts.dropFirst().allSatisfy({ (1...8).contains($0.count) && $0.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber) } })
        else { return nil }
        code = text
    }

    public var description: String { code }

    /// The language itself, without region or script, lowercased: `en` for `en-GB`.
    public var primary: String { String(code.prefix { $0 != "-" }).lowercased() }

    public static func == (lhs: LanguageTag, rhs: LanguageTag) -> Bool { lhs.code.lowercased() == rhs.code.lowercased() }
    public func hash(into hasher: inout Hasher) { hasher.combine(code.lowercased()) }
    public static func < (lhs: LanguageTag, rhs: LanguageTag) -> Bool { lhs.code.lowercased() < rhs.code.lowercased() }
}

/// Reading direction of a language's script.
public enum TextDirection: String, Sendable, Hashable {
    case ltr, rtl
}
