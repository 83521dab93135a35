import Foundation
import WaymarkCore
import Yams

/// Reads YAML through Yams' node tree so that every value keeps its line, and turns each
/// problem into a plain-English ``Diagnostic`` instead of a decoding error.
public struct YAMLReader: Sendable {
    /// Path shown in messages.
    public let file: String
    /// Lines before the YAML text in its file (front matter starts on line 2).
    public let lineOffset: Int

    public init(file: String, lineOffset: Int = 0) {
        self.file = file
        self.lineOffset = lineOffset
    }

    /// Parses `text`; a syntax error becomes a diagnostic at its line.
    public func parse(_ text: String) -> Result<Node?, Diagnostic> {
        if let node = FlatYAML.compose(text, resolver: Resolver.basic) { return .success(node) }
        do {
            // The basic resolver leaves every scalar as text: Waymark decides each field's type
            // itself (so phone numbers stay strings), and skipping the default resolver's
            // regular expressions makes reading ten thousand front matters several times faster.
            return .success(try Yams.compose(yaml: text, Resolver.basic, .default, .utf8))
        } catch let YamlError.duplicatedKeysInMapping(duplicates, context) {
            return .failure(DuplicateKeys.diagnostic(keys: duplicates, firstMark: context.mark, in: text, reader: self))
        } catch let error as YamlError {
            return .failure(describe(error))
        } catch {
            return .failure(.error(SourceLocation(file: file, line: lineOffset + 1), "this YAML could not be read"))
        }
    }

    /// An empty value (`title:`), `~` or `null` written without quotes.
    static func isNull(_ scalar: Node.Scalar) -> Bool {
        scalar.style == .plain && ["", "~", "null", "Null", "NULL"].contains(scalar.string)
    }

    /// Parses a whole file's YAML, its syntax error as the build's failure.
    public func parseDocument(_ text: String) -> Result<Node?, BuildFailure> {
        parse(text).mapError { BuildFailure(Diagnostics([$0])) }
    }

    /// The file and line of `node`.
    public func location(of node: Node) -> SourceLocation {
        SourceLocation(file: file, line: node.mark.map { $0.line + lineOffset } ?? (lineOffset + 1))
    }

    private func describe(_ error: YamlError) -> Diagnostic {
        switch error {
        case .scanner(_, let problem, let mark, _), .parser(_, let problem, let mark, _), .composer(_, let problem, let mark, _):
            return .error(
                SourceLocation(file: file, line: mark.line + lineOffset),
                "the settings could not be read: \(problem)",
                help: "check the indentation and that any text containing ':' or '#' is in quotes")
        case .reader(let problem, _, _, _):
            return .error(SourceLocation(file: file, line: lineOffset + 1), "the settings could not be read: \(problem)")
        default:
            return .error(SourceLocation(file: file, line: lineOffset + 1), "the settings could not be read")
        }
    }

    /// Reads `node` as a mapping whose keys must all be in `known`.
    /// - Parameter what: how a key is named in messages, e.g. "front matter field".
    public func mapping(_ node: Node?, known: [String], what: String, diagnostics: inout Diagnostics) -> YAMLMapping {
        var values: [String: Node] = [:]
        var keyNodes: [String: Node] = [:]
        guard let node else { return YAMLMapping(reader: self, values: values, keyNodes: keyNodes, start: nil) }
        let start = location(of: node)
        guard let mapping = node.mapping else {
            diagnostics.append(.error(start, "expected a list of 'name: value' settings here"))
            return YAMLMapping(reader: self, values: values, keyNodes: keyNodes, start: start)
        }
        for (keyNode, value) in mapping {
            let key = keyNode.scalar?.string ?? ""
            if !known.contains(key) {
                let help = Suggestion.closest(to: key, in: known).map { "did you mean '\($0)'?" }
                    ?? "the known \(what)s are: \(known.joined(separator: ", "))"
                diagnostics.append(.error(location(of: keyNode), "\(what) '\(key)' is not known", help: help))
                continue
            }
            if keyNodes[key] != nil {
                diagnostics.append(.error(location(of: keyNode), "\(what) '\(key)' is given twice"))
            }
            values[key] = value
            keyNodes[key] = keyNode
        }
        return YAMLMapping(reader: self, values: values, keyNodes: keyNodes, start: start)
    }
}

/// A checked YAML mapping with typed accessors that report wrong types at the value's line.
public struct YAMLMapping {
    /// The reader that made this mapping, for reading nested values.
    public let reader: YAMLReader
    let values: [String: Node]
    let keyNodes: [String: Node]
    /// Where the mapping itself starts (a list entry's first line); nil for an empty document.
    let start: SourceLocation?

    /// Every key present, in no particular order.
    public var keys: Dictionary<String, Node>.Keys { values.keys }

    /// The raw node for `key`.
    public func node(_ key: String) -> Node? { values[key] }

    /// Location of `key` (its line); when absent, of the mapping (a list entry's first line), or
    /// of the start of the YAML text.
    public func location(_ key: String) -> SourceLocation {
        if let node = keyNodes[key] { return reader.location(of: node) }
        return startLocation
    }

    /// Where the mapping starts: the line to name when something it should hold is missing.
    public var startLocation: SourceLocation {
        start ?? SourceLocation(file: reader.file, line: reader.lineOffset + 1)
    }

    /// A text value. Numbers and dates are returned as written, never converted.
    public func string(_ key: String, diagnostics: inout Diagnostics) -> String? {
        guard let node = values[key] else { return nil }
        guard let scalar = node.scalar, !YAMLReader.isNull(scalar) else {
            diagnostics.append(.error(reader.location(of: node), "'\(key)' should be a single piece of text"))
            return nil
        }
        return scalar.string
    }

    /// A required, non-empty text value.
    public func requiredString(_ key: String, diagnostics: inout Diagnostics, missingAt location: SourceLocation) -> String? {
        guard values[key] != nil else {
            diagnostics.append(.error(location, "'\(key)' is missing", help: "add a line such as '\(key): …'"))
            return nil
        }
        guard let text = string(key, diagnostics: &diagnostics) else { return nil }
        if text.allSatisfy(\.isWhitespace) {
            diagnostics.append(.error(self.location(key), "'\(key)' is empty"))
            return nil
        }
        return text
    }

    /// `true` or `false`, unquoted. Anything else (`yes`, `"true"`, `1`) is an error rather than a
    /// guess: a wrong guess could publish a draft or change how an emergency number is shown.
    public func bool(_ key: String, diagnostics: inout Diagnostics) -> Bool? {
        guard let node = values[key] else { return nil }
        guard let scalar = node.scalar, !YAMLReader.isNull(scalar) else {
            diagnostics.append(.error(location(key), "'\(key)' should be true or false", help: "write '\(key): true' or '\(key): false'"))
            return nil
        }
        let text = scalar.string
        if scalar.style == .plain {
            switch text {
            case "true", "True", "TRUE": return true
            case "false", "False", "FALSE": return false
            default: break
            }
        }
        let written = scalar.style == .plain ? text : "\"\(text)\""
        let quoted = scalar.style != .plain && ["true", "false"].contains(text.lowercased())
        diagnostics.append(.error(
            location(key), "'\(key)' should be true or false, not '\(written)'",
            help: quoted ? "remove the quotes: write '\(key): \(text.lowercased())'"
                : "write '\(key): true' or '\(key): false' (Waymark does not read yes, no, on, off, 1 or 0 as true or false)"))
        return nil
    }

    /// A whole number.
    public func int(_ key: String, diagnostics: inout Diagnostics) -> Int? {
        guard let text = string(key, diagnostics: &diagnostics) else { return nil }
        guard let value = Int(text) else {
            diagnostics.append(.error(location(key), "'\(key)' should be a whole number, not '\(text)'"))
            return nil
        }
        return value
    }

    /// A calendar date written `YYYY-MM-DD` (a time after it is accepted and ignored).
    public func date(_ key: String, diagnostics: inout Diagnostics) -> CalendarDate? {
        guard let text = string(key, diagnostics: &diagnostics) else { return nil }
        guard let date = CalendarDate(text) else {
            diagnostics.append(.error(location(key), "'\(key)' should be a date written like 2024-03-05, not '\(text)'"))
            return nil
        }
        return date
    }

    /// A list of texts; a single text is accepted as a list of one.
    public func strings(_ key: String, diagnostics: inout Diagnostics) -> [String]? {
        guard let node = values[key] else { return nil }
        if node.scalar != nil { return string(key, diagnostics: &diagnostics).map { [$0] } }
        guard let sequence = node.sequence else {
            diagnostics.append(.error(reader.location(of: node), "'\(key)' should be a list, like [first, second]"))
            return nil
        }
        var result: [String] = []
        for item in sequence {
            guard let scalar = item.scalar else {
                diagnostics.append(.error(reader.location(of: item), "each item of '\(key)' should be a piece of text"))
                continue
            }
            result.append(scalar.string)
        }
        return result
    }

    /// A list of mappings, each read with `known` keys.
    public func mappings(_ key: String, known: [String], what: String, diagnostics: inout Diagnostics) -> [YAMLMapping] {
        guard let node = values[key] else { return [] }
        guard let sequence = node.sequence else {
            diagnostics.append(.error(reader.location(of: node), "'\(key)' should be a list of entries, each starting with '- '"))
            return []
        }
        return sequence.map { reader.mapping($0, known: known, what: what, diagnostics: &diagnostics) }
    }
}
