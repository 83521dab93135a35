import WaymarkMarkdown

/// A piece of running text a reader takes in as one: a paragraph, a list item, a table cell or
/// a heading, with its words and sentences.
struct ProseUnit: Sendable {
    enum Kind: Sendable, Equatable {
        case paragraph
        case listItem
        case tableCell
        /// Headings are labels, not sentences of the body: they are checked
        /// for capitals but left out of sentence, paragraph and reading-age counts.
        case heading
    }

    var kind: Kind
    /// The line the unit starts on.
    var line: Int
    var words: [ProseWord]
    var sentences: [ProseSentence]
    /// The source of each `{{directive}}` in the unit, in order, for quoting.
    var insertions: [String]

    var isBody: Bool { kind != .heading }

    /// The first `limit` words of `sentence` as written, for a message.
    func opening(of sentence: ProseSentence, limit: Int = 6) -> String {
        quote(sentence.words.prefix(limit)) + (sentence.wordCount > limit ? " …" : "")
    }

    /// Words `range` as written, punctuation between them kept and line breaks made spaces.
    func quote(_ range: Range<Int>) -> String {
        guard let first = range.first, let last = range.last else { return "" }
        let start = words[first].text, end = words[last].text
        let written = start.base[start.startIndex..<end.endIndex].split(whereSeparator: \.isWhitespace).joined(separator: " ")
        return restoringInsertions(in: written, before: first)
    }

    /// `text` (starting at word `first`) with each stand-in character replaced by the directive it stands for.
    private func restoringInsertions(in text: String, before first: Int) -> String {
        guard text.contains(Sentences.insertion) else { return text }
        var next = words[..<first].reduce(0) { $0 + $1.text.count { $0 == Sentences.insertion } }
        var out = ""
        for character in text {
            if character == Sentences.insertion, next < insertions.count {
                out += insertions[next]
                next += 1
            } else {
                out.append(character)
            }
        }
        return out
    }
}

/// The running text of a page: every unit the reader reads, in order. Code, HTML, images and
/// directive blocks are left out; a directive inside a sentence counts as one word.
struct ProsePage: Sendable {
    var units: [ProseUnit]

    init(document: MarkdownDocument, language: String) {
        var extractor = ProseExtractor(language: language)
        extractor.add(document.blocks, as: .paragraph)
        units = extractor.units
    }

    /// Paragraphs, list items and table cells: what the reading age is worked out from.
    var body: [ProseUnit] { units.filter(\.isBody) }
}

/// Walks the Markdown tree once, turning each paragraph, item, cell and heading into a unit.
private struct ProseExtractor {
    let language: String
    var units: [ProseUnit] = []

    init(language: String) { self.language = language }

    mutating func add(_ blocks: [MarkdownBlock], as kind: ProseUnit.Kind) {
        for block in blocks {
            switch block {
            case .paragraph(let inlines, let line): addUnit(kind, inlines, line: line)
            case .heading(_, let inlines, let line): addUnit(.heading, inlines, line: line)
            case .blockQuote(let children, _): add(children, as: kind)
            case .list(let list, _):
                for item in list.items { add(item, as: .listItem) }
            case .table(let table, let line): add(table, line: line)
            case .codeBlock, .htmlBlock, .thematicBreak, .directive: continue
            }
        }
    }

    /// Each cell; a pipe table has one row a line, after the header and the `---` row. The
    /// caption is left out: the tree does not keep its line.
    private mutating func add(_ table: MarkdownTable, line: Int) {
        for cell in table.header { addUnit(.tableCell, cell, line: line) }
        for (offset, row) in table.rows.enumerated() {
            for cell in row { addUnit(.tableCell, cell, line: line + 2 + offset) }
        }
    }

    private mutating func addUnit(_ kind: ProseUnit.Kind, _ inlines: [MarkdownInline], line: Int) {
        var text = InlineText(line: line)
        text.append(inlines)
        let words = Sentences.words(in: text.text, firstLine: line, language: language)
        guard !words.isEmpty else { return }
        units.append(ProseUnit(kind: kind, line: line, words: words, sentences: Sentences.sentences(of: words),
                               insertions: text.insertions))
    }
}

/// The text a reader reads in a run of inlines, with a newline wherever the source moves to
/// the next line, so every word keeps its line.
private struct InlineText {
    var text = ""
    var insertions: [String] = []
    var line: Int

    init(line: Int) { self.line = line }

    mutating func append(_ inlines: [MarkdownInline]) {
        for inline in inlines {
            switch inline {
            case .text(let value): text += value
            case .softBreak, .lineBreak: newLine()
            case .code: text += " "
            case .html(let html, let at):
                catchUp(to: at)
                for character in html where character.isNewline { newLine() }
            case .image(_, _, _, let at): catchUp(to: at)
            case .emphasis(let children), .strong(let children): append(children)
            case .link(_, _, let children, let at):
                catchUp(to: at)
                append(children)
            case .directive(let directive):
                catchUp(to: directive.line)
                text.append(Sentences.insertion)
                insertions.append("{{\(directive.name)\(directive.argument.isEmpty ? "" : " " + directive.argument)}}")
            }
        }
    }

    private mutating func newLine() {
        text += "\n"
        line += 1
    }

    /// Code spans fold their line breaks into spaces; the next element that knows its line
    /// puts the count right again.
    private mutating func catchUp(to target: Int) {
        while line < target { newLine() }
    }
}
