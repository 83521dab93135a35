/// A mistake in a template's Mustache, with where it is (1-based line and column).
public struct TemplateSyntaxError: Error, Sendable, CustomStringConvertible {
    public let line: Int
    public let column: Int
    /// What is wrong, in plain words.
    public let message: String
    /// What to do about it.
    public let help: String

    public var description: String { "\(line):\(column): \(message)" }
}

/// Reads Mustache into ``TemplateNode``s. Whitespace follows swift-mustache's reading of the
/// Mustache spec (Waymark's earlier engine, whose output the built-in theme's golden files
/// hold): a section, comment, partial or block tag alone on its line takes the line with it.
struct TemplateParser {
    struct State {
        var sectionName: String?
        var sectionTransforms: [String] = []
        /// Where the open section's tag is, for the message when it is never closed.
        var sectionStart = 0
        var newLine = true
        /// Inside `{{<parent}}…{{/parent}}`: its blocks' lines lose their first line's indent.
        var inParentDefinition = false
        /// Directly inside `{{<parent}}`, where only `{{$block}}` definitions may stand.
        var parentTopLevel = false
        var definitionIndent: Int?
        var start: [UInt8] = Array("{{".utf8)
        var end: [UInt8] = Array("}}".utf8)
    }

    struct Failure: Error {
        let position: Int
        let message: String
        let help: String
    }

    private let bytes: [UInt8]
    private var position = 0

    /// Parses a whole template.
    static func parse(_ text: String) throws(TemplateSyntaxError) -> [TemplateNode] {
        var parser = TemplateParser(bytes: Array(text.utf8))
        do {
            return try parser.parse(State())
        } catch {
            throw parser.syntaxError(error)
        }
    }

    private init(bytes: [UInt8]) { self.bytes = bytes }

    private func syntaxError(_ failure: Failure) -> TemplateSyntaxError {
        let before = bytes[..<min(failure.position, bytes.count)]
        let line = before.reduce(1) { $1 == 0x0A ? $0 + 1 : $0 }
        let lineStart = before.lastIndex(of: 0x0A).map { $0 + 1 } ?? 0
        let column = String(decoding: bytes[lineStart..<min(failure.position, bytes.count)], as: UTF8.self).count + 1
        return TemplateSyntaxError(line: line, column: column, message: failure.message, help: failure.help)
    }

    // MARK: - Templates and sections

    private mutating func parse(_ initial: State) throws(Failure) -> [TemplateNode] {
        var nodes: [TemplateNode] = []
        var state = initial
        var spaceBefore: [UInt8] = []
        while position < bytes.count {
            if state.newLine {
                let space = Array(readSpacesAndTabs())
                if state.inParentDefinition, !state.parentTopLevel {
                    if let indent = state.definitionIndent {
                        spaceBefore = Array(space.dropFirst(indent))
                    } else {
                        state.definitionIndent = space.count
                    }
                } else {
                    spaceBefore = space
                }
            }
            let (text, stop) = readText(state)
            if case .newline(let length) = stop {
                nodes.append(.text(spaceBefore + text + bytes[position..<position + length]))
                position += length
                state.newLine = true
                continue
            }
            if !text.isEmpty {
                nodes.append(.text(spaceBefore + text))
                spaceBefore = []
                state.newLine = false
            }
            guard case .tag = stop, position < bytes.count else { break }
            if let closed = try tag(&nodes, state: &state, spaceBefore: &spaceBefore) {
                return closed
            }
        }
        if let name = state.sectionName {
            throw Failure(position: state.sectionStart, message: "{{#\(name)}} is opened here but never closed",
                          help: "add {{/\(name)}} where the section ends")
        }
        return nodes
    }

    /// Reads one tag whose opening delimiter has been read. Returns the section's nodes when the
    /// tag closes the section being read.
    private mutating func tag(_ nodes: inout [TemplateNode], state: inout State, spaceBefore: inout [UInt8]) throws(Failure) -> [TemplateNode]? {
        let tagStart = position - state.start.count
        var setNewLine = false
        func flushSpace(_ nodes: inout [TemplateNode]) {
            if !spaceBefore.isEmpty { nodes.append(.text(spaceBefore)) }
            spaceBefore = []
        }
        switch bytes[position] {
        case UInt8(ascii: "#"), UInt8(ascii: "^"):
            let inverted = bytes[position] == UInt8(ascii: "^")
            position += 1
            let name = try readName(state, tagStart: tagStart)
            if isStandalone(state) { setNewLine = true } else { flushSpace(&nodes) }
            var inner = state
            inner.sectionName = name.text
            inner.sectionTransforms = name.transforms
            inner.sectionStart = tagStart
            inner.parentTopLevel = false
            if !setNewLine { inner.newLine = false }
            let body = try parse(inner)
            nodes.append(inverted ? .invertedSection(name, body) : .section(name, body))
        case UInt8(ascii: "/"):
            position += 1
            let nameStart = position
            let name = try readName(state, tagStart: tagStart)
            guard name.text == state.sectionName, name.transforms == state.sectionTransforms else {
                position = nameStart
                let open = state.sectionName.map { "the open section is {{#\($0)}}" } ?? "no section is open"
                throw Failure(position: tagStart, message: "{{/\(name.text)}} closes a section that is not open (\(open))",
                              help: "check that every {{#section}} is closed by a matching {{/section}}")
            }
            if !isStandalone(state) { flushSpace(&nodes) }
            return nodes
        case UInt8(ascii: "!"):
            position += 1
            try skipComment(state, tagStart: tagStart)
            setNewLine = isStandalone(state)
        case UInt8(ascii: "{"), UInt8(ascii: "&"):
            let triple = bytes[position] == UInt8(ascii: "{")
            flushSpace(&nodes)
            position += 1
            let name = try readName(state, tagStart: tagStart)
            if triple {
                guard position < bytes.count, bytes[position] == UInt8(ascii: "}") else {
                    throw Failure(position: tagStart, message: "{{{\(name.text)}} is not closed with }}}", help: "write {{{\(name.text)}}}")
                }
                position += 1
            }
            nodes.append(.variable(name, escaped: false))
        case UInt8(ascii: ">"):
            position += 1
            let (name, dynamic) = try readPartialName(state, tagStart: tagStart)
            if !spaceBefore.isEmpty { nodes.append(.text(spaceBefore)) }
            if isStandalone(state) {
                setNewLine = true
                nodes.append(.partial(name, dynamic: dynamic, indentation: String(decoding: spaceBefore, as: UTF8.self), overrides: nil))
            } else {
                nodes.append(.partial(name, dynamic: dynamic, indentation: nil, overrides: nil))
            }
            spaceBefore = []
        case UInt8(ascii: "<"):
            position += 1
            try parent(&nodes, state: state, spaceBefore: &spaceBefore, setNewLine: &setNewLine, tagStart: tagStart)
        case UInt8(ascii: "$"):
            position += 1
            try block(&nodes, state: state, spaceBefore: &spaceBefore, setNewLine: &setNewLine, tagStart: tagStart)
        case UInt8(ascii: "="):
            position += 1
            try setDelimiters(&state, tagStart: tagStart)
            setNewLine = isStandalone(state)
        case UInt8(ascii: "%"):
            position += 1
            nodes.append(try pragma(state, tagStart: tagStart))
            setNewLine = isStandalone(state)
        default:
            flushSpace(&nodes)
            nodes.append(.variable(try readName(state, tagStart: tagStart), escaped: true))
        }
        state.newLine = setNewLine
        return nil
    }

    /// `{{<parent}}{{$block}}…{{/block}}{{/parent}}`: the parent template with blocks replaced.
    private mutating func parent(_ nodes: inout [TemplateNode], state: State, spaceBefore: inout [UInt8],
                                 setNewLine: inout Bool, tagStart: Int) throws(Failure) {
        let written = try readPartialNameText(state, tagStart: tagStart)
        if !spaceBefore.isEmpty { nodes.append(.text(spaceBefore)) }
        if isStandalone(state) { setNewLine = true }
        var inner = state
        inner.sectionName = written
        inner.sectionTransforms = []
        inner.sectionStart = tagStart
        inner.newLine = true
        inner.inParentDefinition = true
        inner.parentTopLevel = true
        let body = try parse(inner)
        var overrides: [String: [TemplateNode]] = [:]
        for node in body {
            switch node {
            case .block(let name, let content, _): overrides[name] = content
            case .text: break
            default:
                throw Failure(position: tagStart, message: "{{<\(written)}} holds something other than {{$block}}…{{/block}} definitions",
                              help: "inside {{<\(written)}}…{{/\(written)}} put only {{$name}}…{{/name}} blocks, each replacing one of \(written)'s blocks")
            }
        }
        let dynamic = written.first == "*"
        nodes.append(.partial(dynamic ? String(written.dropFirst()) : written, dynamic: dynamic,
                              indentation: String(decoding: spaceBefore, as: UTF8.self), overrides: overrides))
        spaceBefore = []
    }

    /// `{{$name}}…{{/name}}`: a block definition inside `{{<parent}}`, a replaceable block elsewhere.
    private mutating func block(_ nodes: inout [TemplateNode], state: State, spaceBefore: inout [UInt8],
                                setNewLine: inout Bool, tagStart: Int) throws(Failure) {
        let name = try readName(state, tagStart: tagStart)
        guard name.transforms.isEmpty else {
            throw Failure(position: tagStart, message: "a block ({{$\(name.text)}}) cannot have a transform",
                          help: "use a plain name: {{$name}}…{{/name}}")
        }
        var inner = state
        inner.sectionName = name.text
        inner.sectionTransforms = []
        inner.sectionStart = tagStart
        inner.parentTopLevel = false
        if state.parentTopLevel {
            if isStandalone(state) { setNewLine = true }
            if !setNewLine { inner.newLine = false }
            nodes.append(.block(name.text, default: try parse(inner), indentation: ""))
        } else {
            if !spaceBefore.isEmpty { nodes.append(.text(spaceBefore)) }
            if isStandalone(state) { setNewLine = true }
            if !setNewLine { inner.newLine = false }
            let body = try parse(inner)
            nodes.append(.block(name.text, default: body, indentation: String(decoding: spaceBefore, as: UTF8.self)))
            spaceBefore = []
        }
    }

    // MARK: - Pieces of tags

    private enum Stop { case newline(Int), tag, end }

    /// Text up to the next line end (not read) or opening delimiter (read).
    private mutating func readText(_ state: State) -> ([UInt8], Stop) {
        let start = position
        let first = state.start[0]
        while position < bytes.count {
            let byte = bytes[position]
            if byte == 0x0A { return (Array(bytes[start..<position]), .newline(1)) }
            if byte == 0x0D, position + 1 < bytes.count, bytes[position + 1] == 0x0A {
                return (Array(bytes[start..<position]), .newline(2))
            }
            if byte == first, matches(state.start, at: position) {
                let text = Array(bytes[start..<position])
                position += state.start.count
                return (text, .tag)
            }
            position += 1
        }
        return (Array(bytes[start..<position]), .end)
    }

    private func matches(_ delimiter: [UInt8], at index: Int) -> Bool {
        guard index + delimiter.count <= bytes.count else { return false }
        for offset in 0..<delimiter.count where bytes[index + offset] != delimiter[offset] { return false }
        return true
    }

    private mutating func readSpacesAndTabs() -> ArraySlice<UInt8> {
        let start = position
        while position < bytes.count, bytes[position] == 0x20 || bytes[position] == 0x09 { position += 1 }
        return bytes[start..<position]
    }

    private mutating func skipWhitespace() {
        while position < bytes.count, TemplateParser.isWhitespace(bytes[position]) { position += 1 }
    }

    private static func isWhitespace(_ byte: UInt8) -> Bool {
        byte == 0x20 || (0x09...0x0D).contains(byte)
    }

    /// Whether the tag just read stands alone on its line; if so the rest of the line is read.
    private mutating func isStandalone(_ state: State) -> Bool {
        guard state.newLine else { return false }
        if position >= bytes.count { return true }
        var index = position
        while index < bytes.count, bytes[index] == 0x20 || bytes[index] == 0x09 { index += 1 }
        if index >= bytes.count { return false }
        switch bytes[index] {
        case 0x0D where index + 1 < bytes.count && bytes[index + 1] == 0x0A: position = index + 2
        case 0x0A, 0x0B, 0x0C, 0x0D: position = index + 1
        default: return false
        }
        return true
    }

    private static func isNameByte(_ byte: UInt8, brackets: Bool, slash: Bool = false) -> Bool {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
             UInt8(ascii: "."), UInt8(ascii: "-"), UInt8(ascii: "_"), UInt8(ascii: "?"), UInt8(ascii: "*"):
            return true
        case UInt8(ascii: "("), UInt8(ascii: ")"): return brackets
        case UInt8(ascii: "/"): return slash
        default: return false
        }
    }

    private mutating func readEnd(_ state: State, tagStart: Int, written: String) throws(Failure) {
        guard matches(state.end, at: position) else {
            let end = String(decoding: state.end, as: UTF8.self)
            throw Failure(position: tagStart, message: "the tag starting \(String(decoding: state.start, as: UTF8.self))\(written) is not closed with \(end), or its name has a character names cannot have",
                          help: "names are letters, digits, '.', '-' and '_'; end the tag with \(end)")
        }
        position += state.end.count
    }

    /// A variable or section name, with any transforms: `name`, `first()`, `uppercased(page.title)`.
    private mutating func readName(_ state: State, tagStart: Int) throws(Failure) -> TemplateName {
        skipWhitespace()
        let start = position
        while position < bytes.count, TemplateParser.isNameByte(bytes[position], brackets: true) { position += 1 }
        let text = String(decoding: bytes[start..<position], as: UTF8.self)
        skipWhitespace()
        try readEnd(state, tagStart: tagStart, written: text)
        guard let open = text.firstIndex(of: "(") else {
            guard !text.contains(")") else {
                throw Failure(position: tagStart, message: "{{\(text)}} has a ')' with no '(' before it", help: "write transforms like {{uppercased(name)}}")
            }
            return TemplateName(text, transforms: [])
        }
        var transforms = [String(text[..<open])]
        var rest = text[text.index(after: open)...]
        while let next = rest.firstIndex(where: { $0 == "(" || $0 == ")" }), rest[next] == "(" {
            transforms.append(String(rest[..<next]))
            rest = rest[rest.index(after: next)...]
        }
        let argumentEnd = rest.firstIndex(of: ")") ?? rest.endIndex
        let argument = String(rest[..<argumentEnd])
        let closing = rest[argumentEnd...]
        guard closing.count == transforms.count, closing.allSatisfy({ $0 == ")" }) else {
            throw Failure(position: tagStart, message: "the transform in {{\(text)}} does not have one ')' for each '('",
                          help: "write transforms like {{uppercased(name)}} or {{#first()}}")
        }
        return TemplateName(argument, transforms: transforms)
    }

    private mutating func readPartialNameText(_ state: State, tagStart: Int) throws(Failure) -> String {
        skipWhitespace()
        let start = position
        while position < bytes.count, TemplateParser.isNameByte(bytes[position], brackets: true, slash: true) { position += 1 }
        let text = String(decoding: bytes[start..<position], as: UTF8.self)
        skipWhitespace()
        try readEnd(state, tagStart: tagStart, written: text)
        return text
    }

    private mutating func readPartialName(_ state: State, tagStart: Int) throws(Failure) -> (String, Bool) {
        skipWhitespace()
        let dynamic = position < bytes.count && bytes[position] == UInt8(ascii: "*")
        if dynamic { position += 1 }
        return (try readPartialNameText(state, tagStart: tagStart), dynamic)
    }

    private mutating func skipComment(_ state: State, tagStart: Int) throws(Failure) {
        while position < bytes.count {
            if matches(state.end, at: position) {
                position += state.end.count
                return
            }
            position += 1
        }
        throw Failure(position: tagStart, message: "this comment is never closed",
                      help: "end it with \(String(decoding: state.end, as: UTF8.self))")
    }

    /// `{{=<% %>=}}`: new delimiters for the rest of the section.
    private mutating func setDelimiters(_ state: inout State, tagStart: Int) throws(Failure) {
        let failure = Failure(position: tagStart, message: "this tag does not set delimiters the way Mustache expects",
                              help: "write it like {{=<% %>=}}: two delimiters with a space between, inside '='")
        func word(stopAtEquals: Bool) -> [UInt8] {
            let start = position
            while position < bytes.count, !TemplateParser.isWhitespace(bytes[position]),
                  !(stopAtEquals && bytes[position] == UInt8(ascii: "=")) { position += 1 }
            return Array(bytes[start..<position])
        }
        skipWhitespace()
        let start = word(stopAtEquals: false)
        guard position < bytes.count else { throw failure }
        skipWhitespace()
        let end = word(stopAtEquals: true)
        guard position < bytes.count else { throw failure }
        skipWhitespace()
        guard position < bytes.count, bytes[position] == UInt8(ascii: "="), !start.isEmpty, !end.isEmpty else { throw failure }
        position += 1
        guard matches(state.end, at: position) else { throw failure }
        position += state.end.count
        state.start = start
        state.end = end
        state.parentTopLevel = false
    }

    /// `{{% CONTENT_TYPE: HTML}}` or `TEXT`.
    private mutating func pragma(_ state: State, tagStart: Int) throws(Failure) -> TemplateNode {
        func word() -> String {
            let start = position
            while position < bytes.count, TemplateParser.isNameByte(bytes[position], brackets: false) { position += 1 }
            return String(decoding: bytes[start..<position], as: UTF8.self)
        }
        skipWhitespace()
        let variable = word()
        skipWhitespace()
        let hasColon = position < bytes.count && bytes[position] == UInt8(ascii: ":")
        if hasColon { position += 1 }
        skipWhitespace()
        let value = word()
        skipWhitespace()
        guard hasColon, matches(state.end, at: position), variable == "CONTENT_TYPE", value == "HTML" || value == "TEXT" else {
            throw Failure(position: tagStart, message: "the only setting a template can make is {{% CONTENT_TYPE: HTML}} or {{% CONTENT_TYPE: TEXT}}",
                          help: "remove the {{% …}} tag, or write one of those two")
        }
        position += state.end.count
        return .contentType(escapes: value == "HTML")
    }
}
