/// What a link destination points at, judged from its text alone.
public enum LinkKind: Sendable, Equatable {
    /// `https://…`, `http://…`, `//host/…`
    case external
    /// `mailto:`, `tel:` and other schemes the browser hands elsewhere.
    case otherScheme
    /// `#section` on the same page.
    case fragment
    /// `/path` from the site root.
    case rootRelative
    /// `page.md`, `../files/x.pdf`: relative to the file the link is written in.
    case relative

    public init(_ destination: String) {
        if destination.hasPrefix("//") {
            self = .external
        } else if destination.hasPrefix("#") {
            self = .fragment
        } else if destination.hasPrefix("/") {
            self = .rootRelative
        } else if let colon = destination.firstIndex(of: ":"),
                  destination[..<colon].allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || "+.-".contains($0)) }),
                  !destination[..<colon].isEmpty {
            let scheme = destination[..<colon].lowercased()
            self = (scheme == "http" || scheme == "https") ? .external : .otherScheme
        } else {
            self = .relative
        }
    }
}
