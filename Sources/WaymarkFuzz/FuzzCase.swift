import Foundation

/// One case: which content files to replace with which mutated bytes, and what was done to them.
public struct FuzzCase: Sendable {
    public var number: Int
    /// Content-relative path → mutated bytes.
    public var files: [String: Data]
    /// One line per mutation, `path: mutation (detail)`.
    public var mutations: [String]

    /// Plans case `number` of a run with `seed` over the base content files; deterministic.
    public init(number: Int, seed: UInt64, base: [String: Data]) {
        self.number = number
        var mutator = Mutator(random: SplitMix64(seed: seed, stream: UInt64(number)))
        let targets = FuzzCase.targets(base.keys)
        var files: [String: Data] = [:], mutations: [String] = []
        var path = FuzzCase.choose(targets, using: &mutator.random)
        for _ in 0..<(1 + mutator.random.below(3)) {
            // Mostly pile mutations on one file, as real damage does; sometimes spread them.
            if mutator.random.chance(30) { path = FuzzCase.choose(targets, using: &mutator.random) }
            guard let path, let kind = FileKind(relativePath: path) else { break }
            let (data, description) = mutator.mutate(files[path] ?? base[path]!, kind: kind)
            files[path] = data
            mutations.append("\(path): \(description)")
        }
        self.files = files
        self.mutations = mutations
    }

    /// The fuzzable files, grouped by kind in a fixed order.
    static func targets(_ paths: Dictionary<String, Data>.Keys) -> [FileKind: [String]] {
        Dictionary(grouping: paths.filter { FileKind(relativePath: $0) != nil }.sorted()) { FileKind(relativePath: $0)! }
    }

    /// The data files are few but each is read by every build, so they get as much attention as all pages.
    static func choose(_ targets: [FileKind: [String]], using random: inout SplitMix64) -> String? {
        let weights: [(FileKind, Int)] = [(.page, 50), (.siteConfig, 20), (.contacts, 15), (.partners, 15)]
        let present = weights.filter { targets[$0.0] != nil }
        guard !present.isEmpty else { return nil }
        var roll = random.below(present.reduce(0) { $0 + $1.1 })
        for (kind, weight) in present {
            if roll < weight { return random.pick(targets[kind]!) }
            roll -= weight
        }
        return nil
    }
}
