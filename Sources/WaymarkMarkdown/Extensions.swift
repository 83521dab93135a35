import Foundation

// Waymark's extensions to CommonMark, applied while cmark's tree is copied into Swift values:
// pipe tables, task lists and `{{directives}}`. cmark stays the only parser.

/// GitHub-style pipe tables.
enum PipeTables {
    /// A table when the first line has cells and the second is a delimiter row (`|---|:--:|`).
    static func table(lines: [Substring], firstLine: Int) -> MarkdownTable? {
        guard lines.count >= 2, lines[0].contains("|") else { return nil }
        let headerCells = cells(lines[0])
        guard let alignments = delimiterRow(lines[1]), alignments.count == headerCells.count else { return nil }
        let header = headerCells.map { MarkdownParser.parseInlines($0, line: firstLine) }
        var rows: [[[MarkdownInline]]] = []
        for (offset, line) in lines.dropFirst(2).enumerated() {
            var row = cells(line).prefix(headerCells.count).map { MarkdownParser.parseInlines($0, line: firstLine + 2 + offset) }
            while row.count < headerCells.count { row.append([]) }
            rows.append(row)
        }
        return MarkdownTable(alignments: alignments, header: header, rows: rows)
    }

    /// Splits a row at pipes that are not escaped, dropping the optional outer pipes.
    static func cells(_ line: Substring) -> [String] {
        var text = line.trimmingSpaces
        if text.hasPrefix("|") { text = text.dropFirst() }
        if text.hasSuffix("|") && !text.hasSuffix("\\|") { text = text.dropLast() }
        var cells: [String] = []
        var current = ""
        var escaped = false
        for character in text {
            if character == "|" && !escaped {
                cells.append(String(current.trimmingSpaces))
                current = ""
            } else {
                current.append(character)
            }
            escaped = character == "\\" && !escaped
        }
        cells.append(String(current.trimmingSpaces))
        return cells
    }

    /// The alignments of a delimiter row, or nil if the line is not one.
    static func delimiterRow(_ line: Substring) -> [MarkdownTable.Alignment]? {
        guard line.contains("-") else { return nil }
        var alignments: [MarkdownTable.Alignment] = []
        for cell in cells(line) {
            let left = cell.hasPrefix(":"), right = cell.hasSuffix(":")
            let dashes = cell.drop { $0 == ":" }.reversed().drop { $0 == ":" }
            guard !dashes.isEmpty, dashes.allSatisfy({ $0 == "-" }) else { return nil }
            alignments.append(left && right ? .center : right ? .right : left ? .left : .none)
        }
        return alignments
    }

    /// A paragraph `Table: …` just before a table becomes its caption.
    static func attachCaptions(_ blocks: [MarkdownBlock]) -> [MarkdownBlock] {
        var result: [MarkdownBlock] = []
        for block in blocks {
            if case .table(var table, let line) = block, table.caption == nil,
               case .paragraph(let inlines, _)? = result.last, let caption = captionText(inlines) {
                table.caption = caption
                result[result.count - 1] = .table(table, line: line)
                continue
            }
            result.append(block)
        }
        return result
    }

    private static func captionText(_ inlines: [MarkdownInline]) -> [MarkdownInline]? {
        guard case .text(let first)? = inlines.first, first.hasPrefix("Table:") else { return nil }
        let rest = String(first.dropFirst("Table:".count).drop { $0 == " " })
        return (rest.isEmpty ? [] : [.text(rest)]) + inlines.dropFirst()
    }
}

/// Task-list items: `- [ ] sign` and `- [x] done`.
enum TaskLists {
    /// The item's blocks without its `[ ]` marker, and whether it was ticked (nil: not a task).
    static func strip(_ blocks: [MarkdownBlock]) -> ([MarkdownBlock], Bool?) {
        guard case .paragraph(var inlines, let line)? = blocks.first, case .text(let text)? = inlines.first else { return (blocks, nil) }
        let checked: Bool
        if text.hasPrefix("[ ] ") || text == "[ ]" {
            checked = false
        } else if text.hasPrefix("[x] ") || text.hasPrefix("[X] ") || text == "[x]" || text == "[X]" {
            checked = true
        } else {
            return (blocks, nil)
        }
        let rest = String(text.dropFirst(min(4, text.count)))
        if rest.isEmpty { inlines.removeFirst() } else { inlines[0] = .text(rest) }
        var stripped = blocks
        stripped[0] = .paragraph(inlines, line: line)
        return (stripped, checked)
    }
}

/// `{{name argument}}` in text.
enum Directives {
    /// A cheap first look, on bytes, before the slower split.
    static func mayContainDirective(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { bytes in
            guard bytes.count > 1 else { return false }
            for index in 1..<bytes.count where bytes[index] == UInt8(ascii: "{") && bytes[index - 1] == UInt8(ascii: "{") {
                return true
            }
            return false
        }
    }

    /// Splits text around directives; text without one comes back unchanged. `{{` followed by
    /// a word starts a directive: if the rest is not `name argument}}` on the same line, it
    /// comes back as a malformed directive to be reported.
    static func split(_ text: String, line: Int) -> [MarkdownInline] {
        var result: [MarkdownInline] = []
        var rest = Substring(text)
        while let open = rest.range(of: "{{") {
            let after = rest[open.upperBound...]
            let attempted = after.drop { $0 == " " }.first.map { $0.isASCII && $0.isLetter } ?? false
            let close = after.range(of: "}}")
            guard attempted || close != nil else { break }
            guard let close else {
                if open.lowerBound > rest.startIndex { result.append(.text(String(rest[..<open.lowerBound]))) }
                result.append(.directive(malformed(after, closed: false, line: line, problem: "is not closed with '}}' on the same line")))
                rest = rest[rest.endIndex...]
                break
            }
            let inside = after[..<close.lowerBound]
            let words = inside.split(separator: " ")
            let wellFormed = words.count == 2 && words[0].allSatisfy({ $0.isASCII && $0.isLetter })
                && words[1].allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == "_") })
            if !wellFormed && !attempted {
                result.append(.text(String(rest[..<close.upperBound])))
                rest = rest[close.upperBound...]
                continue
            }
            if open.lowerBound > rest.startIndex { result.append(.text(String(rest[..<open.lowerBound]))) }
            if wellFormed {
                result.append(.directive(MarkdownDirective(name: String(words[0]), argument: String(words[1]), line: line)))
            } else {
                let problem = words.count < 2 ? "needs one word after '\(words.first ?? "")', such as the id of a contact"
                    : words.count > 2 ? "should have one word after '\(words[0])', but has \(words.count - 1)"
                    : "can only use letters, digits, '-' and '_' in '\(words[1])'"
                result.append(.directive(malformed(inside, closed: true, line: line, problem: problem)))
            }
            rest = rest[close.upperBound...]
        }
        if !rest.isEmpty { result.append(.text(String(rest))) }
        return mergeText(result)
    }

    private static func malformed(_ inside: Substring, closed: Bool, line: Int, problem: String) -> MarkdownDirective {
        let name = inside.drop { $0 == " " }.prefix { $0.isASCII && $0.isLetter }
        let shown = inside.count > 40 ? inside.prefix(40) + "…" : inside + (closed ? "}}" : "")
        return MarkdownDirective(name: String(name), argument: "", line: line,
                                 malformed: "the directive '{{\(shown)' \(problem)")
    }

    /// The directive a paragraph consists of, if it holds nothing else.
    static func standalone(_ inlines: [MarkdownInline]) -> MarkdownDirective? {
        var found: MarkdownDirective?
        for inline in inlines {
            switch inline {
            case .directive(let directive) where found == nil: found = directive
            case .text(let text) where text.allSatisfy(\.isWhitespace): continue
            case .softBreak: continue
            default: return nil
            }
        }
        return found
    }

    private static func mergeText(_ inlines: [MarkdownInline]) -> [MarkdownInline] {
        var merged: [MarkdownInline] = []
        for inline in inlines {
            if case .text(let next) = inline, case .text(let previous)? = merged.last {
                merged[merged.count - 1] = .text(previous + next)
            } else {
                merged.append(inline)
            }
        }
        return merged
    }
}

extension StringProtocol {
    /// Without leading and trailing spaces and tabs.
    var trimmingSpaces: SubSequence {
        var view = self[...]
        while view.first == " " || view.first == "\t" { view = view.dropFirst() }
        while view.last == " " || view.last == "\t" { view = view.dropLast() }
        return view
    }
}
