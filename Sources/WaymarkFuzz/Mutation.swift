/// One way of damaging a file, at the level of bytes, lines, YAML, Markdown or CSV.
public enum Mutation: String, Sendable, CaseIterable {
    // Bytes: what editors' tools, copy and paste and bad transfers do to files.
    case flipBit, insertRandomBytes, deleteBytes, duplicateBytes, insertInvalidUTF8, insertNUL, addBOM
    case crlfLineEndings, crLineEndings, utf16
    // Lines: the mistakes of hand editing, and the extremes a parser must survive.
    case deleteLine, duplicateLine, swapLines, truncate, longLine, deepNesting, reindentLine
    // YAML: front matter, site.yaml and contacts.yaml.
    case duplicateKey, trickyValue, anchorAndAlias, aliasBomb, tabIndent
    // Markdown bodies.
    case insertDirective, insertLink, insertRawHTML, hugeTable
    // partners.csv.
    case extraComma, missingComma, unclosedQuote, droppedLeadingZero, privateValueInDescription

    /// The layer of the file this mutation works on.
    public enum Level: Sendable { case byte, line, yaml, markdown, csv }

    public var level: Level {
        switch self {
        case .flipBit, .insertRandomBytes, .deleteBytes, .duplicateBytes, .insertInvalidUTF8, .insertNUL, .addBOM,
             .crlfLineEndings, .crLineEndings, .utf16:
            return .byte
        case .deleteLine, .duplicateLine, .swapLines, .truncate, .longLine, .deepNesting, .reindentLine:
            return .line
        case .duplicateKey, .trickyValue, .anchorAndAlias, .aliasBomb, .tabIndent:
            return .yaml
        case .insertDirective, .insertLink, .insertRawHTML, .hugeTable:
            return .markdown
        case .extraComma, .missingComma, .unclosedQuote, .droppedLeadingZero, .privateValueInDescription:
            return .csv
        }
    }

    /// Whether the mutation makes sense for a file of `kind`.
    public func applies(to kind: FileKind) -> Bool {
        switch level {
        case .byte, .line: return true
        case .yaml: return kind != .partners
        case .markdown: return kind == .page
        case .csv: return kind == .partners
        }
    }

    /// The mutations for `kind`, in a fixed order so a seed picks the same ones everywhere.
    public static func applicable(to kind: FileKind) -> [Mutation] {
        allCases.filter { $0.applies(to: kind) }
    }
}
