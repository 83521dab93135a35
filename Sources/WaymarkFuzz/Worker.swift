import Foundation

/// Runs cases one after another in its own sandbox, restoring the good site between them.
struct Worker: @unchecked Sendable {
    let configuration: FuzzConfiguration
    let base: TreeSnapshot
    let sandbox: Sandbox
    /// output/ as the good build left it.
    let goodOutput: TreeSnapshot
    let privateValues: PrivateValues

    init(configuration: FuzzConfiguration, base: TreeSnapshot, sandbox: Sandbox) throws {
        self.configuration = configuration
        self.base = base
        self.sandbox = sandbox
        try base.write(to: sandbox.content)
        privateValues = PrivateValues(csv: base.files["_data/partners.csv"])
        let termination = try Worker.build(configuration, sandbox)
        guard termination == .exited(0) else {
            let stderr = (try? String(contentsOfFile: sandbox.stderrPath, encoding: .utf8)) ?? ""
            throw FuzzRunner.SetupError(description: "the base site does not build (\(termination)):\n\(stderr)")
        }
        goodOutput = TreeSnapshot(reading: sandbox.output)
        let leaked = privateValues.found(in: goodOutput)
        guard leaked.isEmpty else {
            throw FuzzRunner.SetupError(description: "the base site already publishes private values: \(leaked.joined(separator: ", "))")
        }
    }

    private static func build(_ configuration: FuzzConfiguration, _ sandbox: Sandbox) throws -> Termination {
        // Absolute, because the build runs inside the sandbox.
        let theme = URL(fileURLWithPath: configuration.theme).standardizedFileURL.path
        let waymark = URL(fileURLWithPath: configuration.waymark).standardizedFileURL.path
        return try ChildProcess(executable: waymark, arguments: ["build", "--quiet", "--theme", theme],
                                directory: sandbox.site, stderrPath: sandbox.stderrPath,
                                timeout: configuration.timeout, memoryLimitKB: configuration.memoryLimitKB).run()
    }

    func run(_ fuzzCase: FuzzCase) -> FuzzCaseResult {
        let started = Date()
        var result = FuzzCaseResult(number: fuzzCase.number, mutations: fuzzCase.mutations, outcome: .crashed, reason: "", stderr: "", seconds: 0)
        do {
            var expectedContent = base
            for (path, data) in fuzzCase.files { expectedContent.files[path] = data }
            for (path, data) in fuzzCase.files { try data.write(to: URL(fileURLWithPath: sandbox.content + "/" + path)) }
            let termination = try Worker.build(configuration, sandbox)
            let stderr = (try? Data(contentsOf: URL(fileURLWithPath: sandbox.stderrPath))).map { String(decoding: $0, as: UTF8.self) } ?? ""
            let output = TreeSnapshot(reading: sandbox.output)
            let contentNow = TreeSnapshot(reading: sandbox.content)
            let strays = sandbox.strayEntries()
            let seen = BuildObservation(
                termination: termination, stderr: stderr, outputUnchanged: output == goodOutput,
                leftovers: strays.filter { $0.hasPrefix("outer/inner/site/output.") },
                strayFiles: strays.filter { !$0.hasPrefix("outer/inner/site/output.") }
                    + contentNow.differences(from: expectedContent).map { "content/" + $0 },
                leakedValues: termination == .exited(0) && fuzzCase.files["_data/partners.csv"] != nil ? privateValues.found(in: output) : [])
            (result.outcome, result.reason) = OutcomeClassifier.classify(seen)
            result.stderr = stderr
            try reset(outputChanged: output != goodOutput, contentChanged: contentNow != expectedContent, fuzzCase)
        } catch {
            result.reason = "the fuzzer could not run the case: \(error)"
        }
        result.seconds = Date().timeIntervalSince(started)
        return result
    }

    /// Puts the good site back: the base content files, output/ as the good build left it.
    private func reset(outputChanged: Bool, contentChanged: Bool, _ fuzzCase: FuzzCase) throws {
        sandbox.removeStrays()
        if outputChanged { try sandbox.restore(sandbox.output, to: goodOutput) }
        if contentChanged {
            try sandbox.restore(sandbox.content, to: base)
        } else {
            for path in fuzzCase.files.keys { try base.files[path]!.write(to: URL(fileURLWithPath: sandbox.content + "/" + path)) }
        }
    }
}
