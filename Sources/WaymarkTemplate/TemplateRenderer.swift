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
    var overrides: [String: [TemplateNode]]?
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

/// Renders parsed templates into bytes.
struct TemplateRenderer {
    let templates: [String: [TemplateNode]]

    func render(_ nodes: [TemplateNode], _ state: inout RenderState, into out: inout [UInt8]) {
        let escapes = state.escapes
        defer { state.escapes = escapes }
        guard let indentation = state.indentation, !indentation.isEmpty else {
            for node in nodes { render(node, &state, into: &out) }
            return
        }
        // Inside an indented partial each line it renders starts with the partial's indentation.
        // As in swift-mustache a line ended by CRLF does not count (its last character is
        // "\r\n", not "\n"); Waymark reads every file with LF line ends, so this never shows.
        let start = out.count
        for node in nodes {
            let atLineStart = out.count > start && out.last == 0x0A && !(out.count - start >= 2 && out[out.count - 2] == 0x0D)
            let before = out.count
            render(node, &state, into: &out)
            if atLineStart, out.count > before { out.insert(contentsOf: indentation.utf8, at: before) }
        }
    }

    private func render(_ node: TemplateNode, _ state: inout RenderState, into out: inout [UInt8]) {
        switch node {
        case .text(let bytes):
            out.append(contentsOf: bytes)
        case .variable(let name, let escaped):
            write(resolve(name, state), escaped: escaped && state.escapes, into: &out)
        case .section(let name, let body):
            section(resolve(name, state), body, &state, into: &out)
        case .invertedSection(let name, let body):
            invertedSection(resolve(name, state), body, &state, into: &out)
        case .block(let name, let content, let indentation):
            guard state.enter(name) else { return }
            defer { state.depth -= 1 }
            let saved = (state.loop, state.indentation)
            state.loop = nil
            state.indentation = (state.indentation ?? "") + indentation
            render(state.overrides?[name] ?? content, &state, into: &out)
            (state.loop, state.indentation) = saved
        case .partial(let name, let dynamic, let indentation, let overrides):
            partial(name, dynamic: dynamic, indentation: indentation, overrides: overrides, &state, into: &out)
        case .contentType(let escapes):
            state.escapes = escapes
        }
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

    private func section(_ value: TemplateValue, _ body: [TemplateNode], _ state: inout RenderState, into out: inout [UInt8]) {
        switch value {
        case .missing:
            return
        case .bool(let flag):
            if flag { render(body, &state, into: &out) }
        case .list(let list):
            let count = list.count
            guard count > 0 else { return }
            let saved = state.loop
            for index in 0..<count {
                state.stack.append(list.element(at: index))
                state.loop = LoopPosition(index: index, count: count)
                render(body, &state, into: &out)
                state.stack.removeLast()
            }
            state.loop = saved
        case .text, .number, .object:
            push(value, body, &state, into: &out)
        }
    }

    private func invertedSection(_ value: TemplateValue, _ body: [TemplateNode], _ state: inout RenderState, into out: inout [UInt8]) {
        switch value {
        case .missing:
            render(body, &state, into: &out)
        case .bool(let flag):
            if !flag { render(body, &state, into: &out) }
        case .list(let list):
            if list.count == 0 { push(value, body, &state, into: &out) }
        case .text, .number, .object:
            return
        }
    }

    private func push(_ value: TemplateValue, _ body: [TemplateNode], _ state: inout RenderState, into out: inout [UInt8]) {
        let saved = state.loop
        state.stack.append(value)
        state.loop = nil
        render(body, &state, into: &out)
        state.stack.removeLast()
        state.loop = saved
    }

    private func partial(_ written: String, dynamic: Bool, indentation: String?, overrides: [String: [TemplateNode]]?,
                         _ state: inout RenderState, into out: inout [UInt8]) {
        var name = written
        if dynamic {
            guard case .text(let named) = resolve(TemplateName(written, transforms: []), state) else { return }
            name = named
        }
        guard let nodes = templates[name], state.enter(name) else { return }
        defer { state.depth -= 1 }
        let saved = (state.loop, state.indentation, state.overrides, state.escapes)
        state.loop = nil
        if let indentation { state.indentation = (state.indentation ?? "") + indentation }
        if let overrides {
            // The outer template's blocks win over the ones a parent passes on to its own parent.
            state.overrides = state.overrides.map { $0.merging(overrides) { outer, _ in outer } } ?? overrides
        }
        state.escapes = true
        render(nodes, &state, into: &out)
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
