import Foundation
import Testing
import WaymarkSearch

/// Files and programs the Porter2 tests share.
private enum Porter2Fixture {
    static let repo = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let vocabularyFile = repo.appendingPathComponent("Tests/WaymarkSearchTests/Fixtures/porter2-vocabulary.txt")
    static let nodeScript = repo.appendingPathComponent("Tests/search/porter2-vocabulary.mjs").path

    /// Snowball's published English vocabulary: (word, stem) pairs.
    static let vocabulary: [(word: String, stem: String)] = {
        guard let text = try? String(contentsOf: vocabularyFile, encoding: .utf8) else { return [] }
        return text.split(separator: "\n").map { line in
            let parts = line.split(separator: " ", omittingEmptySubsequences: false)
            return (String(parts[0]), parts.count > 1 ? String(parts[1]) : "")
        }
    }()

    /// Words worth naming, with their stems (from libstemmer 2.2's `stemwords -l english`);
    /// the browser stemmer is checked on them too.
    static let handPicked: [(String, String)] = [
        // The site's own vocabulary.
        ("trafficking", "traffick"), ("trafficked", "traffick"), ("traffickers", "traffick"),
        ("exploitation", "exploit"), ("exploited", "exploit"), ("exploiting", "exploit"),
        ("slavery", "slaveri"), ("victims", "victim"), ("modern", "modern"), ("running", "run"),
        // R1 starts after gener, commun and arsen.
        ("generously", "generous"), ("general", "general"), ("generate", "generat"),
        ("communism", "communism"), ("community", "communiti"), ("arsenal", "arsenal"), ("arsenic", "arsenic"),
        // Apostrophes: a leading one and the 's endings go; others stay; "'s" is too short to stem.
        ("victim's", "victim"), ("victims'", "victim"), ("'victims'", "victim"), ("children's", "children"),
        ("don't", "don't"), ("'s", "'s"),
        // A final y after a consonant becomes i, unless it is the second letter; consonant y stays.
        ("cry", "cri"), ("cries", "cri"), ("by", "by"), ("say", "say"), ("says", "say"),
        ("saying", "say"), ("youth", "youth"), ("enjoying", "enjoy"),
        // Exceptional forms, and exception list 2 after step 1a.
        ("skies", "sky"), ("dying", "die"), ("news", "news"), ("inning", "inning"),
        ("succeeding", "succeed"), ("as", "as"),
    ]

    /// Node on the PATH (scripts/install-deps.sh browser installs it), or nil.
    static let node: String? = (ProcessInfo.processInfo.environment["PATH"] ?? "")
        .split(separator: ":").map { "\($0)/node" }
        .first { FileManager.default.isExecutableFile(atPath: $0) }
    static let noNode = "node is not installed (scripts/install-deps.sh browser installs it): the browser stemmer checks need it"

    /// Runs node on the test script with `arguments`, `input` on standard input;
    /// its exit status and standard output and error.
    static func runNode(_ arguments: [String], input: String = "") throws -> (status: Int32, output: String) {
        let inputFile = FileManager.default.temporaryDirectory.appendingPathComponent("waymark-porter2-\(UUID().uuidString).txt")
        try Data(input.utf8).write(to: inputFile)
        defer { try? FileManager.default.removeItem(at: inputFile) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: node ?? "node")
        process.arguments = [nodeScript] + arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        process.standardInput = try FileHandle(forReadingFrom: inputFile)
        try process.run()
        let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        return (process.terminationStatus, output)
    }
}

@Suite struct Porter2Tests {
    @Test func everyVocabularyWordGetsThePublishedStem() {
        let vocabulary = Porter2Fixture.vocabulary
        #expect(vocabulary.count == 29_417, "the fixture should hold Snowball's whole English vocabulary")
        let mismatches = vocabulary.filter { Porter2.stem($0.word) != $0.stem }
        let shown = mismatches.prefix(20).map { "\($0.word): expected \($0.stem), got \(Porter2.stem($0.word))" }
        #expect(mismatches.isEmpty, "\(mismatches.count) of \(vocabulary.count) words differ, first:\n\(shown.joined(separator: "\n"))")
    }

    @Test(arguments: Porter2Fixture.handPicked)
    func handPickedWords(word: String, stem: String) {
        #expect(Porter2.stem(word) == stem)
    }

    @Test func nonASCIIWordsComeBackUnchanged() {
        #expect(Porter2.stem("naïvely") == "naïvely")
        #expect(Porter2.stem("cafés") == "cafés")
        #expect(Porter2.stem(ascii: Array("naïvely".utf8)) == Array("naïvely".utf8))
        #expect(Porter2.stem(ascii: Array("running".utf8)) == Array("run".utf8))
    }
}

/// The browser's stemmer (theme/assets/js/stem-en.js) must give the index's stems.
@Suite(.enabled(if: Porter2Fixture.node != nil, Comment(rawValue: Porter2Fixture.noNode)))
struct Porter2BrowserTests {
    @Test func browserStemmerPassesTheVocabulary() throws {
        let (status, output) = try Porter2Fixture.runNode([])
        #expect(status == 0, "node \(Porter2Fixture.nodeScript):\n\(output)")
        #expect(output.contains("29417 passed, 0 failed"), "\(output)")
    }

    /// Words beyond the vocabulary (its words with endings added, apostrophes, consonant y):
    /// the two stemmers must still agree, word for word.
    @Test func browserAndSwiftStemmersAgreeBeyondTheVocabulary() throws {
        let endings = ["s", "'s", "s'", "ed", "ing", "ingly", "edly", "ly", "ness", "ful", "ation", "ization",
                       "ative", "ement", "ion", "ogi", "li", "bli", "ies", "ied", "eed", "y", "e", "ll", "ize"]
        var words = Porter2Fixture.handPicked.map(\.0)
        for (index, entry) in Porter2Fixture.vocabulary.enumerated() {
            words.append(entry.word + endings[index % endings.count])
            words.append("'" + entry.stem + endings[(index * 7) % endings.count])
        }
        let (status, output) = try Porter2Fixture.runNode(["--stem"], input: words.joined(separator: "\n") + "\n")
        #expect(status == 0, "\(output.prefix(2000))")
        let browserStems = output.split(separator: "\n", omittingEmptySubsequences: false).dropLast().map(String.init)
        #expect(browserStems.count == words.count)
        let differences = zip(words, browserStems).filter { Porter2.stem($0) != $1 }
        let shown = differences.prefix(20).map { "\($0): Swift \(Porter2.stem($0)), browser \($1)" }
        #expect(differences.isEmpty, "\(differences.count) of \(words.count) words differ, first:\n\(shown.joined(separator: "\n"))")
    }
}
