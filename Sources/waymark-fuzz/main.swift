import Foundation
import WaymarkFuzz

/// `waymark-fuzz`: builds mutated copies of a site and reports any crash, hang, silent rejection,
/// changed output or file written outside output/. Exit 0 when every build was `built` or
/// `rejected`, 1 when any failed, 2 for wrong usage.

struct Usage: Error, CustomStringConvertible { var description: String }

func parse(_ arguments: [String]) throws -> FuzzConfiguration {
    var values: [String: String] = [:]
    var rest = arguments[...]
    while let flag = rest.popFirst() {
        guard flag.hasPrefix("--"), let value = rest.popFirst() else { throw Usage(description: "expected --option value, got '\(flag)'") }
        values[String(flag.dropFirst(2))] = value
    }
    let known: Set = ["runs", "seed", "case", "content", "theme", "waymark", "findings", "jobs", "timeout", "first"]
    if let unknown = values.keys.first(where: { !known.contains($0) }) { throw Usage(description: "unknown option --\(unknown)") }
    func number(_ name: String, _ fallback: Int) throws -> Int {
        guard let text = values[name] else { return fallback }
        guard let value = Int(text), value >= 0 else { throw Usage(description: "--\(name) needs a whole number, got '\(text)'") }
        return value
    }
    let runs = try number("runs", 200), first = try number("first", 0)
    let cases = try values["case"] == nil ? Array(first..<(first + runs)) : [number("case", 0)]
    let waymark = values["waymark"] ?? URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("waymark").path
    guard FileManager.default.isExecutableFile(atPath: waymark) else { throw Usage(description: "no waymark executable at \(waymark); pass --waymark PATH") }
    return FuzzConfiguration(content: values["content"] ?? "content", theme: values["theme"] ?? "theme", waymark: waymark,
                             seed: UInt64(try number("seed", 1)), cases: cases,
                             jobs: try number("jobs", ProcessInfo.processInfo.activeProcessorCount),
                             timeout: Double(try number("timeout", 30)), findings: values["findings"])
}

let usage = "usage: waymark-fuzz [--runs N] [--first N | --case N] [--seed S] [--content DIR] [--theme DIR] [--waymark PATH] [--findings DIR] [--jobs N] [--timeout SECONDS]"
do {
    let configuration = try parse(Array(CommandLine.arguments.dropFirst()))
    let done = ProgressCounter(total: configuration.cases.count)
    let report = try FuzzRunner(configuration: configuration).run { result in done.tick(result) }
    print("\n" + report.summary)
    if !report.failures.isEmpty {
        print("\nfailures:\n" + report.failureDetails)
        if let findings = configuration.findings { print("\nfailing cases saved in \(findings)/") }
    }
    exit(report.failures.isEmpty ? 0 : 1)
} catch let error as Usage {
    FileHandle.standardError.write(Data("waymark-fuzz: \(error)\n\(usage)\n".utf8))
    exit(2)
} catch {
    FileHandle.standardError.write(Data("waymark-fuzz: \(error)\n".utf8))
    exit(2)
}
