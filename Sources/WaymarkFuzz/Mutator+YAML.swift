import Foundation

extension Mutator {
    mutating func applyYAML(_ mutation: Mutation, to data: Data, kind: FileKind) -> (Data, String) {
        var file = TextLines(data)
        let region = file.yamlRegion(kind)
        let keys = file.keyLines(in: region)
        switch mutation {
        case .duplicateKey:
            guard let at = keys.isEmpty ? nil : random.pick(keys) else { return (data, "no key") }
            file.lines.insert(file.lines[at], at: at + 1)
            return (file.data, "line \(at + 1)")
        case .trickyValue:
            guard let at = keys.isEmpty ? nil : random.pick(keys) else { return (data, "no key") }
            let value = random.chance(15) ? TrickyValues.long(random.below(4)) : random.pick(TrickyValues.yaml)
            file.lines[at] = replacingValue(file.lines[at], with: value)
            return (file.data, "line \(at + 1) = \(value.prefix(40))\(value.count > 40 ? "… (\(value.utf8.count) bytes)" : "")")
        case .anchorAndAlias:
            guard keys.count >= 2 else { return (data, "fewer than two keys") }
            let from = random.pick(keys), to = random.pick(keys)
            let value = valueText(file.lines[from])
            file.lines[from] = replacingValue(file.lines[from], with: "&anchor " + value)
            let alias = random.chance(80) ? "*anchor" : "*undefined"
            file.lines[to] = replacingValue(file.lines[to], with: alias)
            return (file.data, "&anchor on line \(from + 1), \(alias) on line \(to + 1)")
        case .aliasBomb:
            let depth = 6 + random.below(4)
            var bomb = ["lol0: &a0 [\"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\"]"]
            for level in 1...depth {
                bomb.append("lol\(level): &a\(level) [" + Array(repeating: "*a\(level - 1)", count: 9).joined(separator: ", ") + "]")
            }
            if kind == .contacts { bomb = ["- id: bomb"] + bomb.map { "  " + $0 } }
            let at = kind == .contacts ? region.upperBound : region.lowerBound
            file.lines.insert(contentsOf: bomb.map { Array($0.utf8) }, at: at)
            return (file.data, "\(depth) levels at line \(at + 1)")
        case .tabIndent:
            guard let at = line(in: region) else { return (data, "no YAML") }
            let indent = file.lines[at].prefix { $0 == 0x20 }.count
            file.lines[at] = [0x09] + file.lines[at].dropFirst(min(indent, 2))
            return (file.data, "line \(at + 1)")
        default:
            preconditionFailure("\(mutation) is not a YAML mutation")
        }
    }

    /// `key: old` → `key: value`, keeping the key and its indentation.
    private func replacingValue(_ line: [UInt8], with value: String) -> [UInt8] {
        guard let colon = line.firstIndex(of: UInt8(ascii: ":")) else { return line }
        return Array(line[...colon]) + Array((" " + value).utf8)
    }

    private func valueText(_ line: [UInt8]) -> String {
        guard let colon = line.firstIndex(of: UInt8(ascii: ":")) else { return "" }
        return String(decoding: line[(colon + 1)...], as: UTF8.self).trimmingCharacters(in: .whitespaces)
    }
}
