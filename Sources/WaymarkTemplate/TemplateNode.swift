/// A name as a template wrote it (`page.title`, `.`, `first()`), split once when the template is
/// read so rendering never splits strings. A class, so a tag hands it on with one reference
/// count, not one for each of its arrays and strings.
final class TemplateName: Sendable, Equatable {
    enum Kind: Sendable, Equatable {
        /// `.`: the innermost value.
        case current
        /// `name.more`: the first part looked up from the innermost object outwards.
        case lookup
        /// `.name`: looked up on the innermost object only.
        case innermost
        /// `first()`, `index()`: where the loop being rendered is.
        case loopPosition
    }

    let kind: Kind
    let path: [String]
    /// Transforms as written, outermost first: `uppercased(lowercased(x))` is `[uppercased, lowercased]`.
    let transforms: [String]
    /// The name as written, for messages and for matching a section's closing tag.
    let text: String

    init(_ text: String, transforms: [String]) {
        self.text = text
        self.transforms = transforms
        path = text.split(separator: ".").map(String.init)
        if text == "." {
            kind = .current
        } else if text.isEmpty, !transforms.isEmpty {
            kind = .loopPosition
        } else if text.first == "." {
            kind = .innermost
        } else {
            kind = .lookup
        }
    }

    static func == (lhs: TemplateName, rhs: TemplateName) -> Bool {
        lhs.text == rhs.text && lhs.transforms == rhs.transforms
    }
}

/// One piece of a parsed template.
indirect enum TemplateNode: Sendable {
    case text([UInt8])
    case variable(TemplateName, escaped: Bool)
    case section(TemplateName, [TemplateNode])
    case invertedSection(TemplateName, [TemplateNode])
    /// `{{$name}}default{{/name}}` in a template others extend; `indentation` is what stood
    /// before a tag alone on its line.
    case block(String, default: [TemplateNode], indentation: String)
    /// `{{> name}}`, or `{{< name}}…{{/name}}` with the blocks it replaces; `{{>*name}}` takes
    /// the template's name from a value. `indentation` is set when the tag stands alone on its line.
    case partial(String, dynamic: Bool, indentation: String?, overrides: [String: [TemplateNode]]?)
    /// `{{% CONTENT_TYPE: TEXT}}` turns HTML escaping off for the rest of the template; `HTML` turns it back on.
    case contentType(escapes: Bool)
}
