import WaymarkCore

/// Where a loop is: what `first()`, `last()`, `index()`, `even()` and `odd()` answer.
struct LoopPosition {
    var index: Int
    var count: Int
}

/// Everything rendering keeps track of besides the output. Changed in place and put back after
/// each section, partial and block, so nothing is copied per tag.
struct RenderState {
    var stack: [TemplateValue]
    var loop: LoopPosition?
    var indentation: String?
    var overrides: [String: BlockBody]?
    var escapes = true
    /// Partials and blocks being rendered inside one another.
    var depth = 0
    /// The partial or block that was cut off for including itself without end.
    var endless: String?

    /// More nesting than any theme needs: a template that includes itself through a partial or
    /// a block, with nothing to stop it.
    static let depthLimit = 100
}

extension RenderState {
    /// Goes one partial or block deeper, unless that is past the limit.
    mutating func enter(_ name: String) -> Bool {
        guard depth < RenderState.depthLimit else {
            endless = endless ?? name
            return false
        }
        depth += 1
        return true
    }
}

/// Renders compiled templates into bytes.
struct TemplateRenderer {
    let templates: [String: TemplateProgram]

    init(templates: [String: [TemplateNode]]) {
        self.templates = templates.mapValues(TemplateProgram.init)
    }

    /// Renders steps `range` of `program`, as the parsed tree's list of nodes they came from.
    func render(_ program: TemplateProgram, _ range: Range<Int>, _ state: inout RenderState, into out: inout [UInt8]) {
        let escapes = state.escapes
        defer { state.escapes = escapes }
        var index = range.lowerBound
        guard let indentation = state.indentation, !indentation.isEmpty else {
            while index < range.upperBound { index = step(program, index, &state, into: &out) }
            return
        }
        // Inside an indented partial each line it renders starts with the partial's indentation.
        // As in swift-mustache a line ended by CRLF does not count (its last character is
        // "\r\n", not "\n"); Waymark reads every file with LF line ends, so this never shows.
        let start = out.count
        while index < range.upperBound {
            let atLineStart = out.count > start && out.last == 0x0A && !(out.count - start >= 2 && out[out.count - 2] == 0x0D)
            let before = out.count
            index = step(program, index, &state, into: &out)
            if atLineStart, out.count > before { out.insert(contentsOf: indentation.utf8, at: before) }
        }
    }

    /// Runs the step at `index` (a section with its body) and returns the index of the next.
    private func step(_ program: TemplateProgram, _ index: Int, _ state: inout RenderState, into out: inout [UInt8]) -> Int {
        let step = program.steps[index]
        // Only steps that hold others use `b` as the end of what they hold.
        var body: Range<Int> { index + 1..<Int(step.b) }
        switch step.kind {
        case .text:
            out.append(contentsOf: UnsafeBufferPointer(rebasing: program.text[Int(step.a)..<Int(step.b)]))
            return index + 1
        case .variable:
            write(program.withName(step.a, &state) { resolve($0, $1) }, escaped: step.flag && state.escapes, into: &out)
            return index + 1
        case .section:
            section(program.withName(step.a, &state) { resolve($0, $1) }, program, body, &state, into: &out)
        case .invertedSection:
            invertedSection(program.withName(step.a, &state) { resolve($0, $1) }, program, body, &state, into: &out)
        case .block:
            block(program, step, body, &state, into: &out)
        case .partial:
            partial(program, step, &state, into: &out)
        case .contentType:
            state.escapes = step.flag
            return index + 1
        }
        return Int(step.b)
    }

    private func write(_ value: TemplateValue, escaped: Bool, into out: inout [UInt8]) {
        switch value {
        case .text(let text):
            if escaped { HTMLEscape.append(text, to: &out) } else { out.append(contentsOf: text.utf8) }
        case .bool(let flag):
            out.append(contentsOf: (flag ? "true" : "false").utf8)
        case .number(let number):
            out.append(contentsOf: String(number).utf8)
        case .missing, .object, .list:
            break
        }
    }

    private func section(_ value: TemplateValue, _ program: TemplateProgram, _ body: Range<Int>, _ state: inout RenderState,
                         into out: inout [UInt8]) {
        switch value {
        case .missing:
            return
        case .bool(let flag):
            if flag { render(program, body, &state, into: &out) }
        case .list(let list):
            let count = list.count
            guard count > 0 else { return }
            let saved = state.loop
            for index in 0..<count {
                state.stack.append(list.element(at: index))
                state.loop = LoopPosition(index: index, count: count)
                render(program, body, &state, into: &out)
                state.stack.removeLast()
            }
            state.loop = saved
        case .text, .number, .object:
            push(value, program, body, &state, into: &out)
        }
    }

    private func invertedSection(_ value: TemplateValue, _ program: TemplateProgram, _ body: Range<Int>, _ state: inout RenderState,
                                 into out: inout [UInt8]) {
        switch value {
        case .missing:
            render(program, body, &state, into: &out)
        case .bool(let flag):
            if !flag { render(program, body, &state, into: &out) }
        case .list(let list):
            if list.count == 0 { push(value, program, body, &state, into: &out) }
        case .text, .number, .object:
            return
        }
    }

    private func push(_ value: TemplateValue, _ program: TemplateProgram, _ body: Range<Int>, _ state: inout RenderState,
                      into out: inout [UInt8]) {
        let saved = state.loop
        state.stack.append(value)
        state.loop = nil
        render(program, body, &state, into: &out)
        state.stack.removeLast()
        state.loop = saved
    }

    /// `{{$name}}default{{/name}}`: the body a template extending this one gave, else the default.
    private func block(_ program: TemplateProgram, _ step: TemplateProgram.Step, _ body: Range<Int>, _ state: inout RenderState,
                       into out: inout [UInt8]) {
        let name = program.strings[Int(step.a)]
        guard state.enter(name) else { return }
        defer { state.depth -= 1 }
        let saved = (state.loop, state.indentation)
        state.loop = nil
        state.indentation = (state.indentation ?? "") + program.strings[Int(step.c)]
        if let override = state.overrides?[name] {
            render(override.program, override.range, &state, into: &out)
        } else {
            render(program, body, &state, into: &out)
        }
        (state.loop, state.indentation) = saved
    }

    private func partial(_ program: TemplateProgram, _ step: TemplateProgram.Step, _ state: inout RenderState, into out: inout [UInt8]) {
        var name: String
        if step.flag {
            guard case .text(let named) = program.withName(step.a, &state, { resolve($0, $1) }) else { return }
            name = named
        } else {
            name = program.strings[Int(step.a)]
        }
        guard let included = templates[name], state.enter(name) else { return }
        defer { state.depth -= 1 }
        let saved = (state.loop, state.indentation, state.overrides, state.escapes)
        state.loop = nil
        if step.c >= 0 { state.indentation = (state.indentation ?? "") + program.strings[Int(step.c)] }
        if step.d >= 0 {
            let overrides = program.overrideSets[Int(step.d)]
            // The outer template's blocks win over the ones a parent passes on to its own parent.
            state.overrides = state.overrides.map { $0.merging(overrides) { outer, _ in outer } } ?? overrides
        }
        state.escapes = true
        render(included, included.all, &state, into: &out)
        (state.loop, state.indentation, state.overrides, state.escapes) = saved
    }

    // MARK: - Names

    func resolve(_ name: TemplateName, _ state: RenderState) -> TemplateValue {
        var transforms = name.transforms[...]
        var value: TemplateValue
        switch name.kind {
        case .current:
            value = state.stack.last ?? .missing
        case .innermost:
            value = TemplateRenderer.follow(name.path[...], from: state.stack.last ?? .missing)
        case .lookup:
            value = TemplateRenderer.lookUp(name.path, in: state.stack)
        case .loopPosition:
            guard let loop = state.loop, let innermost = transforms.popLast() else { return .missing }
            value = TemplateTransforms.apply(innermost, to: loop)
        }
        while let transform = transforms.popLast(), !value.isMissing {
            value = TemplateTransforms.apply(transform, to: value)
        }
        return value
    }

    private static func lookUp(_ path: [String], in stack: [TemplateValue]) -> TemplateValue {
        guard let first = path.first else { return stack.last ?? .missing }
        var index = stack.count
        while index > 0 {
            index -= 1
            guard case .object(let object) = stack[index] else { continue }
            let found = object.value(named: first)
            if !found.isMissing { return follow(path.dropFirst(), from: found) }
        }
        return .missing
    }

    private static func follow(_ path: ArraySlice<String>, from start: TemplateValue) -> TemplateValue {
        var value = start
        for part in path {
            guard case .object(let object) = value else { return .missing }
            value = object.value(named: part)
        }
        return value
    }
}
