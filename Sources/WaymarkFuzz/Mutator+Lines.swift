import Foundation

extension Mutator {
    mutating func applyLines(_ mutation: Mutation, to data: Data) -> (Data, String) {
        var file = TextLines(data)
        let all = 0..<file.lines.count
        guard let at = line(in: all) else { return (data, "empty file") }
        switch mutation {
        case .deleteLine:
            file.lines.remove(at: at)
            return (file.data, "line \(at + 1)")
        case .duplicateLine:
            file.lines.insert(file.lines[at], at: at)
            return (file.data, "line \(at + 1)")
        case .swapLines:
            let other = line(in: all) ?? at
            file.lines.swapAt(at, other)
            return (file.data, "lines \(at + 1) and \(other + 1)")
        case .truncate:
            let cut = random.below(file.lines[at].count + 1)
            file.lines[at] = Array(file.lines[at].prefix(cut))
            file.lines.removeSubrange((at + 1)...)
            return (file.data, "after \(cut) bytes of line \(at + 1)")
        case .longLine:
            let length = 100_000 + random.below(200_000)
            let word: [UInt8] = Array(random.pick(["a", "word ", "é", "{{", "*", "http://x.example/"]).utf8)
            file.lines.insert(Array((0..<(length / word.count)).map { _ in word }.joined()), at: at)
            return (file.data, "\(length) bytes of '\(String(decoding: word, as: UTF8.self))' at line \(at + 1)")
        case .deepNesting:
            let unit = random.pick(["> ", "* ", "[", "- ", "1. ", "  ", "<div>", "**", "![", "`"])
            let depth = random.pick([1_000, 20_000, 50_000])
            file.lines.insert(Array(String(repeating: unit, count: depth).utf8) + Array("x".utf8), at: at)
            return (file.data, "\(depth) × '\(unit)' at line \(at + 1)")
        case .reindentLine:
            let change = random.pick(["add 1 space", "add 2 spaces", "add 4 spaces", "remove indentation"])
            switch change {
            case "remove indentation": file.lines[at] = Array(file.lines[at].drop { $0 == 0x20 || $0 == 0x09 })
            case "add 1 space": file.lines[at] = [0x20] + file.lines[at]
            case "add 2 spaces": file.lines[at] = [0x20, 0x20] + file.lines[at]
            default: file.lines[at] = [0x20, 0x20, 0x20, 0x20] + file.lines[at]
            }
            return (file.data, "\(change) on line \(at + 1)")
        default:
            preconditionFailure("\(mutation) is not a line mutation")
        }
    }
}
