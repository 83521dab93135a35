/// A parsed template flattened into one list of steps, each a few integers, with its text, names
/// and strings in tables beside it.
///
/// Rendering walks the steps by index: a section's body is the steps after it, up to its end, so
/// nothing is copied or reference-counted to visit a node (walking the parsed tree counted a
/// reference for every node and for each of its payloads, most of the template engine's time).
final class TemplateProgram: @unchecked Sendable {
    /// What a step does; its fields' meaning depends on it (see ``TemplateProgram/Compiler``).
    enum Kind: UInt8 {
        case text, variable, section, invertedSection, block, partial, contentType
    }

    struct Step {
        var kind: Kind
        var flag = false
        var a: Int32 = 0, b: Int32 = 0, c: Int32 = -1, d: Int32 = -1
    }

    /// Written once, in `init`, and never changed: read through unsafe pointers while rendering,
    /// and shared by every thread.
    let steps: UnsafeMutableBufferPointer<Step>
    let text: UnsafeMutableBufferPointer<UInt8>
    /// Kept alive by `ownedNames`; read without a reference count (see ``withName(_:_:_:)``).
    private let names: [Unmanaged<TemplateName>]
    private let ownedNames: [TemplateName]
    let strings: [String]
    /// The blocks a `{{< parent}}` tag replaces, by the step's `d`.
    private(set) var overrideSets: [[String: BlockBody]] = []

    init(_ nodes: [TemplateNode]) {
        var compiler = Compiler()
        compiler.emit(nodes)
        steps = .allocate(capacity: compiler.steps.count)
        _ = steps.initialize(from: compiler.steps)
        text = .allocate(capacity: compiler.text.count)
        _ = text.initialize(from: compiler.text)
        ownedNames = compiler.names
        names = compiler.names.map { Unmanaged.passUnretained($0) }
        strings = compiler.strings
        overrideSets = compiler.overrideSets.map { set in set.mapValues { BlockBody(program: self, range: $0) } }
    }

    deinit {
        steps.deallocate()
        text.deallocate()
    }

    var all: Range<Int> { 0..<steps.count }

    /// Calls `body` with name `index`, borrowed (the program holds every name for its lifetime),
    /// and `state` passed through rather than captured, which would copy it.
    @inline(__always)
    func withName<Result>(_ index: Int32, _ state: inout RenderState, _ body: (TemplateName, inout RenderState) -> Result) -> Result {
        names[Int(index)]._withUnsafeGuaranteedRef { body($0, &state) }
    }

    /// Flattens parsed nodes. Per kind:
    /// - text: bytes `a..<b` of `text`;
    /// - variable: name `a`, `flag` set when escaped;
    /// - section, inverted section: name `a`, body the steps up to `b`;
    /// - block: name `strings[a]`, default body up to `b`, indentation `strings[c]`;
    /// - partial: the template `strings[a]`, or when `flag` is set (`{{>*name}}`) the template
    ///   named by the value of `names[a]`; `c` its indentation (-1 for none); `d` its set of
    ///   overriding blocks (-1 for none), whose bodies follow it, up to `b`;
    /// - contentType: `flag` set when escaping turns on.
    struct Compiler {
        var steps: [Step] = []
        var text: [UInt8] = []
        var names: [TemplateName] = []
        var strings: [String] = []
        var overrideSets: [[String: Range<Int>]] = []

        mutating func emit(_ nodes: [TemplateNode]) {
            for node in nodes { emit(node) }
        }

        private mutating func emit(_ node: TemplateNode) {
            switch node {
            case .text(let bytes):
                steps.append(Step(kind: .text, a: Int32(text.count), b: Int32(text.count + bytes.count)))
                text += bytes
            case .variable(let name, let escaped):
                steps.append(Step(kind: .variable, flag: escaped, a: nameIndex(name)))
            case .section(let name, let body):
                enclose(Step(kind: .section, a: nameIndex(name))) { $0.emit(body) }
            case .invertedSection(let name, let body):
                enclose(Step(kind: .invertedSection, a: nameIndex(name))) { $0.emit(body) }
            case .block(let name, let body, let indentation):
                enclose(Step(kind: .block, a: stringIndex(name), c: stringIndex(indentation))) { $0.emit(body) }
            case .partial(let name, let dynamic, let indentation, let overrides):
                let written = dynamic ? nameIndex(TemplateName(name, transforms: [])) : stringIndex(name)
                var step = Step(kind: .partial, flag: dynamic, a: written, c: indentation.map { stringIndex($0) } ?? -1)
                if let overrides { step.d = Int32(overrideSets.count); overrideSets.append([:]) }
                enclose(step) { compiler in
                    // The bodies sit after the partial's step, skipped when it runs, in name order.
                    for (block, body) in (overrides ?? [:]).sorted(by: { $0.key < $1.key }) {
                        let start = compiler.steps.count
                        compiler.emit(body)
                        compiler.overrideSets[Int(step.d)][block] = start..<compiler.steps.count
                    }
                }
            case .contentType(let escapes):
                steps.append(Step(kind: .contentType, flag: escapes))
            }
        }

        /// Appends `step`, then what `body` emits, and sets the step's `b` to the end of that.
        private mutating func enclose(_ step: Step, _ body: (inout Compiler) -> Void) {
            let at = steps.count
            steps.append(step)
            body(&self)
            steps[at].b = Int32(steps.count)
        }

        private mutating func nameIndex(_ name: TemplateName) -> Int32 {
            names.append(name)
            return Int32(names.count - 1)
        }

        private mutating func stringIndex(_ string: String) -> Int32 {
            strings.append(string)
            return Int32(strings.count - 1)
        }
    }
}

/// A block's body to render in place of its default: steps `range` of `program`. The program
/// is not retained: every program lives as long as the library that renders it.
struct BlockBody {
    unowned(unsafe) let program: TemplateProgram
    let range: Range<Int>
}
