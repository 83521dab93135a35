import Foundation
import Testing
@testable import WaymarkContent
import WaymarkFuzz
import Yams

/// The node tree as text: kind, text, style, line and column of every node, so two trees that
/// differ anywhere a message or a field could see differ here.
private func shape(_ node: Node?) -> String {
    guard let node else { return "nil" }
    let at = node.mark.map { "@\($0.line):\($0.column)" } ?? "@?"
    switch node {
    case .scalar(let scalar): return "s\(scalar.style.rawValue)\(at)\(scalar.string.debugDescription)"
    case .sequence(let sequence): return "[\(at) " + sequence.map(shape).joined(separator: ", ") + "]"
    case .mapping(let mapping): return "{\(at) " + mapping.map { shape($0.key) + ": " + shape($0.value) }.joined(separator: ", ") + "}"
    case .alias: return "alias"
    }
}

private func yams(_ text: String) -> Node?? {
    (try? Yams.compose(yaml: text, Resolver.basic, .default, .utf8)).map { $0 }
}

/// The YAML between the fences of every Markdown file under `folder`, and every YAML file.
private func yamlTexts(under folder: URL) -> [(String, String)] {
    let files = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: nil)?.compactMap { $0 as? URL } ?? []
    return files.sorted { $0.path < $1.path }.compactMap { file in
        guard let text = try? String(contentsOf: file, encoding: .utf8) else { return nil }
        if file.pathExtension == "yaml" { return (file.path, text) }
        guard file.pathExtension == "md", case .success(let split) = FrontMatterParser.split(text, file: file.path) else { return nil }
        return (file.path, split.frontMatter)
    }
}

@Suite struct FlatYAMLTests {
    private static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    @Test func readsEveryFixtureLikeYams() throws {
        var accepted = 0, total = 0
        for folder in ["content", "Tests"] {
            for (path, text) in yamlTexts(under: Self.repository.appendingPathComponent(folder)) {
                total += 1
                guard let flat = FlatYAML.compose(text, resolver: .basic) else { continue }
                accepted += 1
                let expected = try #require(yams(text), "\(path): Yams refused what the flat reader read")
                #expect(shape(flat) == shape(expected), "\(path)")
            }
        }
        // Most front matter is flat; a reader that refused it all would pass the check above.
        #expect(total > 100)
        #expect(accepted * 2 > total, "only \(accepted) of \(total) read by the flat reader")
    }

    @Test func agreesWithYamsOnGeneratedNearMisses() {
        // Pieces chosen to sit either side of every rule the flat reader checks.
        let keys = ["title", "tags", "a-b", "_x", "-x", "t itle", "é", "on", "title"]
        let values = ["plain words", "2024-03-05", "a:b", "a: b", "a #b", "a#b", "x:", "\"quoted: #\"", "\"a\\\"b\"",
                      "'it''s'", "'single'", "\"open", "[a, b c]", "[]", "[ ]", "[a, ]", "[, a]", "[a,b]", "[a: b]",
                      "[\"a\"]", "[a]x", "[é, ü]", "-5", "- x", "?x", "&a x", "*a", "!x", "|", ">", "%x", "@x", "`x",
                      "{a: b}", "zażółć gęślą", "x\ty", "\u{85}x", "\u{FEFF}x", "~", "null", "", "  spaced  ", "a\u{2028}b",
                      "'a' b", "\"a\" #c", "\"a\"  "]
        var generator = SplitMix64(seed: 20_261_203)
        var accepted = 0
        for _ in 0..<30_000 {
            let lineCount = Int.random(in: 1...3, using: &generator)
            var lines: [String] = []
            for _ in 0..<lineCount {
                switch Int.random(in: 0..<12, using: &generator) {
                case 0: lines.append("")
                case 1: lines.append("# a comment")
                case 2: lines.append("  nested: x")
                default: lines.append(keys.randomElement(using: &generator)! + ":" + [" ", "  ", ""].randomElement(using: &generator)!
                                      + values.randomElement(using: &generator)!)
                }
            }
            let text = lines.joined(separator: "\n") + (Bool.random(using: &generator) ? "\n" : "")
            guard let flat = FlatYAML.compose(text, resolver: .basic) else { continue }
            accepted += 1
            guard let expected = yams(text) else {
                Issue.record("Yams refused what the flat reader read: \(text.debugDescription)")
                continue
            }
            #expect(shape(flat) == shape(expected), "\(text.debugDescription)")
        }
        #expect(accepted > 1_500)
    }

    @Test func leavesEverythingElseToYams() {
        for text in ["title: a\ntitle: b", "downloads:\n  - file: x", "tags:\n- a", "title: a # note", "title: \"a\\nb\"",
                     "title: a\r\n", "title:", "# only a comment", "", "title: |\n  text", "title: &x a\nsummary: *x"] {
            #expect(FlatYAML.compose(text, resolver: .basic) == nil, "\(text.debugDescription)")
        }
    }
}
