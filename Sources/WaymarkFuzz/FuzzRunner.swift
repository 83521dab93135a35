import Foundation

/// Builds a known-good site once, then builds it again with each case's mutations applied, in a
/// separate `waymark` process per case, and classifies every build.
public struct FuzzRunner: Sendable {
    public let configuration: FuzzConfiguration

    public init(configuration: FuzzConfiguration) { self.configuration = configuration }

    /// Why a run could not start: the base site or the tools are not usable.
    public struct SetupError: Error, CustomStringConvertible {
        public var description: String
    }

    /// Runs every case; `progress` is called after each one, from any thread.
    public func run(progress: @escaping @Sendable (FuzzCaseResult) -> Void = { _ in }) throws -> FuzzReport {
        let started = Date()
        let base = TreeSnapshot(reading: configuration.content)
        guard !base.files.isEmpty else { throw SetupError(description: "\(configuration.content): no content files") }
        let parent = FileManager.default.temporaryDirectory.appendingPathComponent("waymark-fuzz-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: parent) }
        let jobs = max(1, min(configuration.jobs, configuration.cases.count))
        let workers = try (0..<jobs).map { try Worker(configuration: configuration, base: base, sandbox: Sandbox(parent: parent, worker: $0)) }
        let collected = Collected()
        DispatchQueue.concurrentPerform(iterations: jobs) { index in
            for (position, number) in configuration.cases.enumerated() where position % jobs == index {
                let fuzzCase = FuzzCase(number: number, seed: configuration.seed, base: base.files)
                let result = workers[index].run(fuzzCase)
                if result.outcome.isFailure, let findings = configuration.findings {
                    FindingsWriter(folder: findings, configuration: configuration).save(result, files: fuzzCase.files)
                }
                collected.append(result)
                progress(result)
            }
        }
        return FuzzReport(seed: configuration.seed, results: collected.results.sorted { $0.number < $1.number },
                          seconds: Date().timeIntervalSince(started))
    }

    /// Results from all workers; the lock is the only shared state.
    private final class Collected: @unchecked Sendable {
        private let lock = NSLock()
        private var stored: [FuzzCaseResult] = []
        func append(_ result: FuzzCaseResult) { lock.withLock { stored.append(result) } }
        var results: [FuzzCaseResult] { lock.withLock { stored } }
    }
}
