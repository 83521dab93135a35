import Foundation
import Testing
import WaymarkFuzz

/// Paths into the repository, found from this file so tests run from any directory.
private enum Repo {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path
    static let fixtureContent = root + "/Tests/WaymarkFuzzTests/Fixtures/site/content"
    static let theme = root + "/theme"
}

/// The `waymark` binary SwiftPM built beside this test bundle.
private func waymarkExecutable() -> String {
    var folder = Bundle.main.bundleURL
    for _ in 0..<3 {
        let candidate = folder.appendingPathComponent("waymark")
        if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate.path }
        folder = folder.deletingLastPathComponent()
    }
    return Repo.root + "/.build/debug/waymark"
}

@Suite struct FuzzSmokeTests {
    /// 150 seeded cases over the fixture site with the real theme: every build is either built or
    /// rejected with an error line and output/ untouched. The longer run is scripts/fuzz.
    @Test func seededRunHasNoFailures() throws {
        let findings = FileManager.default.temporaryDirectory.appendingPathComponent("waymark-fuzz-findings-\(UUID().uuidString)").path
        let configuration = FuzzConfiguration(content: Repo.fixtureContent, theme: Repo.theme, waymark: waymarkExecutable(),
                                              seed: 20_250_601, cases: Array(0..<150), jobs: 2, timeout: 30, findings: findings)
        let report = try FuzzRunner(configuration: configuration).run()
        #expect(report.results.count == 150)
        #expect(report.count(.built) > 0, "no mutation was harmless: the base site or the runner is broken")
        #expect(report.count(.rejected) > 0, "no mutation was caught: the mutations are not reaching the checks")
        #expect(report.failures.count == 0, "\(report.summary)\n\nfailing cases saved in \(findings)\n\(report.failureDetails)")
        if report.failures.isEmpty { try? FileManager.default.removeItem(atPath: findings) }
    }
}

@Suite struct MutatorTests {
    static let base: [String: Data] = {
        var files: [String: Data] = [:]
        for path in ["site.yaml", "_data/contacts.yaml", "_data/partners.csv", "report.md", "spot-the-signs.md", "index.pl.md"] {
            files[path] = FileManager.default.contents(atPath: Repo.fixtureContent + "/" + path)!
        }
        return files
    }()

    @Test func theSameSeedMakesTheSameCases() {
        for number in 0..<40 {
            let first = FuzzCase(number: number, seed: 99, base: Self.base), second = FuzzCase(number: number, seed: 99, base: Self.base)
            #expect(first.mutations == second.mutations)
            #expect(first.files == second.files)
            #expect(!first.mutations.isEmpty && first.mutations.count <= 3)
        }
    }

    @Test func anotherSeedMakesOtherCases() {
        let one = (0..<20).map { FuzzCase(number: $0, seed: 1, base: Self.base).mutations }
        let two = (0..<20).map { FuzzCase(number: $0, seed: 2, base: Self.base).mutations }
        #expect(one != two)
    }

    /// The reference first outputs of SplitMix64 for seed 0, so a seed means the same on every platform.
    @Test func generatorMatchesReferenceSplitMix64() {
        var random = SplitMix64(seed: 0)
        #expect(random.next() == 0xE220_A839_7B1D_CDAF)
        #expect(random.next() == 0x6E78_9E6A_A1B9_65F4)
    }

    @Test func everyMutationFitsSomeFileKind() {
        for mutation in Mutation.allCases {
            #expect(FileKind.allCases.contains { mutation.applies(to: $0) }, "\(mutation)")
        }
        #expect(!Mutation.applicable(to: .partners).contains(.insertDirective))
        #expect(!Mutation.applicable(to: .siteConfig).contains(.extraComma))
        #expect(Mutation.applicable(to: .page).contains(.trickyValue))
    }

    @Test func byteMutationsDoWhatTheySay() {
        var mutator = Mutator(random: SplitMix64(seed: 5))
        let page = Data("---\ntitle: A\n---\nBody\n".utf8)
        #expect(mutator.apply(.crlfLineEndings, to: page, kind: .page).0 == Data("---\r\ntitle: A\r\n---\r\nBody\r\n".utf8))
        #expect(mutator.apply(.crLineEndings, to: page, kind: .page).0 == Data("---\rtitle: A\r---\rBody\r".utf8))
        #expect(mutator.apply(.addBOM, to: page, kind: .page).0 == Data([0xEF, 0xBB, 0xBF]) + page)
        let utf16 = mutator.apply(.utf16, to: page, kind: .page).0
        #expect(utf16.count == 2 + page.count * 2)
        #expect(utf16.prefix(2) == Data([0xFF, 0xFE]) || utf16.prefix(2) == Data([0xFE, 0xFF]))
        let nul = mutator.apply(.insertNUL, to: page, kind: .page).0
        #expect(nul.count == page.count + 1 && nul.contains(0))
    }

    @Test func yamlMutationsStayInsideTheFrontMatter() {
        var mutator = Mutator(random: SplitMix64(seed: 11))
        let page = Data("---\ntitle: A\nweight: 3\n---\nBody: not yaml\n".utf8)
        for _ in 0..<20 {
            let text = String(decoding: mutator.apply(.duplicateKey, to: page, kind: .page).0, as: UTF8.self)
            #expect(text.hasSuffix("---\nBody: not yaml\n"))
            #expect(text == "---\ntitle: A\ntitle: A\nweight: 3\n---\nBody: not yaml\n" || text == "---\ntitle: A\nweight: 3\nweight: 3\n---\nBody: not yaml\n")
        }
        let bomb = String(decoding: mutator.apply(.aliasBomb, to: page, kind: .page).0, as: UTF8.self)
        #expect(bomb.hasPrefix("---\nlol0: &a0 [\"lol\""))
        #expect(bomb.contains("[*a5, *a5, *a5, *a5, *a5, *a5, *a5, *a5, *a5]"))
    }

    @Test func privateValueGoesIntoTheDescription() {
        var mutator = Mutator(random: SplitMix64(seed: 3))
        let csv = Data("name,type,areas,description,contact_phone\nA,charity,all,Helps people.,0114 496 0710\n".utf8)
        let (result, detail) = mutator.apply(.privateValueInDescription, to: csv, kind: .partners)
        #expect(String(decoding: result, as: UTF8.self) == "name,type,areas,description,contact_phone\nA,charity,all,Helps people. Contact 0114 496 0710.,0114 496 0710\n")
        #expect(detail == "line 2: contact_phone '0114 496 0710'")
        let dropped = mutator.apply(.droppedLeadingZero, to: csv, kind: .partners).0
        #expect(String(decoding: dropped, as: UTF8.self).hasSuffix(",Helps people.,1144960710\n"))
    }
}

@Suite struct OutcomeClassifierTests {
    static let errorLine = "content/report.md:4: error: front matter field 'titel' is not known\n    help: did you mean 'title'?\n1 error — nothing was published; output is unchanged.\n"

    func classify(_ termination: Termination, stderr: String = errorLine, unchanged: Bool = true, leftovers: [String] = [],
                  strays: [String] = [], leaked: [String] = []) -> Outcome {
        OutcomeClassifier.classify(BuildObservation(termination: termination, stderr: stderr, outputUnchanged: unchanged,
                                                    leftovers: leftovers, strayFiles: strays, leakedValues: leaked)).0
    }

    @Test func acceptableOutcomes() {
        #expect(classify(.exited(0), stderr: "", unchanged: false) == .built)
        #expect(classify(.exited(1)) == .rejected)
    }

    @Test func failures() {
        #expect(classify(.signalled(11)) == .crashed)
        #expect(classify(.exited(134)) == .crashed)
        #expect(classify(.exited(2)) == .crashed)
        #expect(classify(.timedOut) == .hung)
        #expect(classify(.exited(1), stderr: "1 error — nothing was published; output is unchanged.\n") == .silentRejection)
        #expect(classify(.exited(1), stderr: "") == .silentRejection)
        #expect(classify(.exited(1), unchanged: false) == .outputChanged)
        #expect(classify(.exited(1), leftovers: ["outer/inner/site/output.staging-42"]) == .leftovers)
        #expect(classify(.exited(0), leftovers: ["outer/inner/site/output.old-42"]) == .leftovers)
        #expect(classify(.exited(0), strays: ["outer/reporting/index.html"]) == .escaped)
        #expect(classify(.exited(1), strays: ["content/site.yaml"]) == .escaped)
        #expect(classify(.exited(0), leaked: ["0114 496 0710"]) == .privateLeak)
        #expect(Outcome.allCases.filter(\.isFailure).count == 7)
    }

    @Test func anErrorLineNamesWhereTheProblemIs() {
        #expect(OutcomeClassifier.hasErrorLine("content/site.yaml: error: the file is not UTF-8\n"))
        #expect(OutcomeClassifier.hasErrorLine("warning first\ncontent/a.md:3: error: x\n"))
        #expect(!OutcomeClassifier.hasErrorLine("    help: see content/a.md: error: x\n"))
        #expect(!OutcomeClassifier.hasErrorLine("error: no location\n"))
        #expect(!OutcomeClassifier.hasErrorLine("Fatal error: Index out of range\n"))
        #expect(!OutcomeClassifier.hasErrorLine("content/a.md:3: warning: x\n"))
    }
}
