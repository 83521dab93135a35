/// One parsed template.
public struct Template: Sendable {
    let nodes: [TemplateNode]

    /// Parses Mustache text; a mistake is thrown with its line and column.
    public init(_ text: String) throws(TemplateSyntaxError) {
        nodes = try TemplateParser.parse(text)
    }
}

/// A theme's templates, parsed once, rendered by name. Partials (`{{> partials/help}}`) and
/// parents (`{{<base}}`) are other templates of the same library.
public struct TemplateLibrary: Sendable {
    private let renderer: TemplateRenderer

    public init(templates: [String: Template]) {
        renderer = TemplateRenderer(templates: templates.mapValues(\.nodes))
    }

    /// The names of the templates.
    public var names: Set<String> { Set(renderer.templates.keys) }

    /// Renders the template `name` with `value` as its outermost object; nil if there is no
    /// such template.
    public func render(_ value: TemplateValue, template name: String) -> String? {
        renderBytes(value, template: name).map { String(decoding: $0.bytes, as: UTF8.self) }
    }

    /// Renders as UTF-8 bytes, ready to write; nil if there is no such template.
    public func renderBytes(_ value: TemplateValue, template name: String) -> TemplateOutput? {
        guard let program = renderer.templates[name] else { return nil }
        var state = RenderState(stack: [value])
        var out: [UInt8] = []
        out.reserveCapacity(32_768)
        renderer.render(program, program.all, &state, into: &out)
        return TemplateOutput(bytes: out, endlessInclusion: state.endless)
    }
}

/// What rendering a template made.
public struct TemplateOutput: Sendable {
    public var bytes: [UInt8]
    /// Set when the template includes itself without end: the partial or block
    /// (`{{> name}}`, `{{$name}}`) where rendering stopped, 100 levels deep.
    public var endlessInclusion: String?
}
