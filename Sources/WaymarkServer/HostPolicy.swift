import Foundation

/// Which `Host` and `Origin` headers the preview answers, so a web page elsewhere cannot reach it
/// through DNS rebinding (a name of theirs made to point at 127.0.0.1, as in Vite's CVE-2025-24010).
struct HostPolicy: Sendable {
    /// Lower-case names, IPv6 addresses in brackets, e.g. `localhost`, `[::1]`.
    let names: Set<String>
    let port: UInt16

    init(bindAddress: String, port: UInt16, extraHosts: [String]) {
        var names: Set<String> = ["localhost", "127.0.0.1", "[::1]"]
        for host in [bindAddress] + extraHosts {
            let name = HostPolicy.bracketed(host.lowercased())
            // A wildcard bind address is not a name anyone browses to; extra hosts cover the network.
            if name != "0.0.0.0", name != "[::]", !name.isEmpty { names.insert(name) }
        }
        self.names = names
        self.port = port
    }

    /// `localhost`, `localhost:1313` or `[::1]:1313`; the port, when given, must be this server's.
    func allowsHost(_ value: String) -> Bool {
        guard let (name, port) = HostPolicy.split(value.lowercased()) else { return false }
        return names.contains(name) && (port == nil || port == self.port)
    }

    /// `http://localhost:1313`: the scheme is the preview's own and the port is explicit unless it is 80.
    func allowsOrigin(_ value: String) -> Bool {
        let lowered = value.lowercased()
        guard lowered.hasPrefix("http://") else { return false }
        guard let (name, port) = HostPolicy.split(String(lowered.dropFirst("http://".count))) else { return false }
        return names.contains(name) && (port ?? 80) == self.port
    }

    /// Name and optional port of `host[:port]`; nil when the value is not of that shape.
    private static func split(_ value: String) -> (String, UInt16?)? {
        let name: Substring, rest: Substring
        if value.hasPrefix("[") {
            guard let close = value.firstIndex(of: "]") else { return nil }
            name = value[...close]
            rest = value[value.index(after: close)...]
        } else if let colon = value.firstIndex(of: ":") {
            name = value[..<colon]
            rest = value[colon...]
        } else {
            name = value[...]
            rest = ""
        }
        guard !name.isEmpty else { return nil }
        if rest.isEmpty { return (String(name), nil) }
        let digits = rest.dropFirst()
        guard rest.first == ":", !digits.isEmpty, digits.count <= 5, digits.allSatisfy(\.isASCIIDigit),
              let port = UInt16(digits) else { return nil }
        return (String(name), port)
    }

    private static func bracketed(_ host: String) -> String {
        host.contains(":") && !host.hasPrefix("[") ? "[\(host)]" : host
    }
}

private extension Character {
    var isASCIIDigit: Bool { isASCII && isNumber }
}
