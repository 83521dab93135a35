/// A value a template can show, test or loop over.
///
/// Every value a view model hands a template is one of these, so rendering never casts an `Any`
/// to find out what it holds (swift-mustache's way, which cost a third of a build).
public enum TemplateValue: Sendable {
    /// A name the object does not have, or an optional value that is absent. A name that is
    /// missing on the innermost object is looked up on the objects around it.
    case missing
    case text(String)
    case bool(Bool)
    case number(Int)
    case object(any TemplateObject)
    case list(any TemplateList)

    /// Wraps any convertible value; `nil` is ``missing``.
    @inlinable
    public init<Value: TemplateValueConvertible>(_ value: Value?) {
        self = value?.templateValue ?? .missing
    }

    @inlinable
    public var isMissing: Bool {
        if case .missing = self { return true }
        return false
    }
}

/// An object whose fields templates look up by name.
public protocol TemplateObject: AnyObject, Sendable, TemplateValueConvertible {
    /// The value of `name`, or ``TemplateValue/missing`` when the object has no such field.
    func value(named name: String) -> TemplateValue
}

extension TemplateObject {
    @inlinable
    public var templateValue: TemplateValue { .object(self) }
}

/// A sequence a section loops over.
public protocol TemplateList: Sendable {
    var count: Int { get }
    func element(at index: Int) -> TemplateValue
}

/// A Swift value that has a template form.
public protocol TemplateValueConvertible: Sendable {
    var templateValue: TemplateValue { get }
}

extension TemplateValue: TemplateValueConvertible {
    @inlinable
    public var templateValue: TemplateValue { self }
}

extension String: TemplateValueConvertible {
    @inlinable
    public var templateValue: TemplateValue { .text(self) }
}

extension Bool: TemplateValueConvertible {
    @inlinable
    public var templateValue: TemplateValue { .bool(self) }
}

extension Int: TemplateValueConvertible {
    @inlinable
    public var templateValue: TemplateValue { .number(self) }
}

extension Array: TemplateList where Element: TemplateValueConvertible {
    @inlinable
    public func element(at index: Int) -> TemplateValue { self[index].templateValue }
}

extension Array: TemplateValueConvertible where Element: TemplateValueConvertible {
    @inlinable
    public var templateValue: TemplateValue { .list(self) }
}

/// A list shown back to front (the `reversed` transform).
struct ReversedList: TemplateList {
    let base: any TemplateList
    var count: Int { base.count }
    func element(at index: Int) -> TemplateValue { base.element(at: base.count - 1 - index) }
}

/// A list held as template values (the `sorted` transform's result).
struct ValueList: TemplateList {
    let values: [TemplateValue]
    var count: Int { values.count }
    func element(at index: Int) -> TemplateValue { values[index] }
}
