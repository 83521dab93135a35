import Foundation

/// The transforms swift-mustache offers, which themes written for it may use:
/// `{{uppercased(name)}}`, `{{#first()}}` inside a loop, `{{count(list)}}` and the rest. A
/// transform a value does not have gives nothing.
enum TemplateTransforms {
    static func apply(_ transform: String, to value: TemplateValue) -> TemplateValue {
        switch value {
        case .text(let text): return apply(transform, to: text)
        case .list(let list): return apply(transform, to: list)
        case .number(let number): return apply(transform, to: number)
        case .missing, .bool, .object: return .missing
        }
    }

    static func apply(_ transform: String, to loop: LoopPosition) -> TemplateValue {
        switch transform {
        case "first": .bool(loop.index == 0)
        case "last": .bool(loop.index == loop.count - 1)
        case "index": .number(loop.index)
        case "even": .bool(loop.index & 1 == 0)
        case "odd": .bool(loop.index & 1 == 1)
        default: .missing
        }
    }

    private static func apply(_ transform: String, to text: String) -> TemplateValue {
        switch transform {
        case "empty": .bool(text.isEmpty)
        case "capitalized": .text(text.capitalized)
        case "lowercased": .text(text.lowercased())
        case "uppercased": .text(text.uppercased())
        case "reversed": .text(String(text.reversed()))
        default: .missing
        }
    }

    private static func apply(_ transform: String, to list: any TemplateList) -> TemplateValue {
        switch transform {
        case "first": list.count > 0 ? list.element(at: 0) : .missing
        case "last": list.count > 0 ? list.element(at: list.count - 1) : .missing
        case "reversed": .list(ReversedList(base: list))
        case "count": .number(list.count)
        case "empty": .bool(list.count == 0)
        case "sorted": sorted(list)
        default: .missing
        }
    }

    /// Lists of text or of numbers sort; lists of anything else have no order.
    private static func sorted(_ list: any TemplateList) -> TemplateValue {
        let values = (0..<list.count).map(list.element(at:))
        if let texts = values.map({ if case .text(let text) = $0 { text } else { nil } }) as [String?] as? [String] {
            return .list(ValueList(values: texts.sorted().map(TemplateValue.text)))
        }
        let numbers = values.compactMap { if case .number(let number) = $0 { number } else { nil } }
        guard numbers.count == values.count else { return .missing }
        return .list(ValueList(values: numbers.sorted().map(TemplateValue.number)))
    }

    private static func apply(_ transform: String, to number: Int) -> TemplateValue {
        switch transform {
        case "equalzero": .bool(number == 0)
        case "plusone": .number(number + 1)
        case "minusone": .number(number - 1)
        case "even": .bool(number & 1 == 0)
        case "odd": .bool(number & 1 == 1)
        default: .missing
        }
    }
}
