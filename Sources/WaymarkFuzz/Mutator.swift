import Foundation

/// Applies randomly chosen mutations to a file's bytes. The same generator state and the same input
/// always give the same output and the same descriptions, so every finding can be replayed.
public struct Mutator {
    public var random: SplitMix64

    public init(random: SplitMix64) { self.random = random }

    /// Applies one mutation chosen for `kind` and returns the new bytes and what was done.
    public mutating func mutate(_ data: Data, kind: FileKind) -> (Data, String) {
        let mutation = random.pick(Mutation.applicable(to: kind))
        let (result, detail) = apply(mutation, to: data, kind: kind)
        return (result, detail.isEmpty ? mutation.rawValue : "\(mutation.rawValue) (\(detail))")
    }

    /// Applies `mutation`; the detail says where and with what, for the findings report.
    public mutating func apply(_ mutation: Mutation, to data: Data, kind: FileKind) -> (Data, String) {
        switch mutation.level {
        case .byte: return applyBytes(mutation, to: data)
        case .line: return applyLines(mutation, to: data)
        case .yaml: return applyYAML(mutation, to: data, kind: kind)
        case .markdown: return applyMarkdown(mutation, to: data)
        case .csv: return applyCSV(mutation, to: data)
        }
    }

    /// A position in `0...count`, for inserting.
    mutating func position(in count: Int) -> Int { random.below(count + 1) }

    /// A line index in `region`, or nil when it is empty.
    mutating func line(in region: Range<Int>) -> Int? {
        region.isEmpty ? nil : region.lowerBound + random.below(region.count)
    }
}
