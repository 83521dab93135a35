import Mustache
import WaymarkTemplate

/// Test data both engines can read: Waymark's through `TemplateObject`, swift-mustache's through
/// `MustacheParent`. Values are `String`, `Bool`, `Int`, `Fields` or arrays of them.
final class Fields: TemplateObject, MustacheParent, @unchecked Sendable {
    let values: [String: Any]

    init(_ values: [String: Any]) { self.values = values }

    func value(named name: String) -> TemplateValue { Fields.templateValue(values[name]) }

    func child(named name: String) -> Any? { values[name] }

    static func templateValue(_ value: Any?) -> TemplateValue {
        switch value {
        case let text as String: .text(text)
        case let flag as Bool: .bool(flag)
        case let number as Int: .number(number)
        case let object as Fields: .object(object)
        case let list as [Any]: .list(ListOfAny(items: list))
        default: .missing
        }
    }
}

struct ListOfAny: TemplateList, @unchecked Sendable {
    let items: [Any]
    var count: Int { items.count }
    func element(at index: Int) -> TemplateValue { Fields.templateValue(items[index]) }
}

/// Renders `name` from `templates` with both engines.
func renderBoth(_ templates: [String: String], _ name: String, _ data: Fields) throws -> (waymark: String?, mustache: String?) {
    var parsed: [String: Template] = [:]
    var theirs: [String: MustacheTemplate] = [:]
    for (key, text) in templates {
        parsed[key] = try Template(text)
        theirs[key] = try MustacheTemplate(string: text)
    }
    let waymark = TemplateLibrary(templates: parsed).render(.object(data), template: name)
    let mustache = MustacheLibrary(templates: theirs).render(data, withTemplate: name)
    return (waymark, mustache)
}

/// Renders one template with Waymark's engine.
func render(_ text: String, _ data: Fields = Fields([:]), partials: [String: String] = [:]) throws -> String {
    var parsed = try partials.mapValues { try Template($0) }
    parsed["main"] = try Template(text)
    return TemplateLibrary(templates: parsed).render(.object(data), template: "main") ?? "(no template)"
}

/// SplitMix64: the same templates every run.
struct SeededGenerator: RandomNumberGenerator {
    var state: UInt64
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
