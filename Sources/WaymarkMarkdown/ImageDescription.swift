import Foundation

/// How a Markdown image says it is decorative, and the problem of an image with no description.
/// Shared by the renderer (which writes `alt=""` for decorative images) and `waymark check`'s
/// `image-alt` rule, so both read the marker the same way.
public enum ImageDescription {
    /// The image title that marks an image as decoration: `![](images/divider.svg "decorative")`.
    public static let decorativeTitle = "decorative"

    /// Whether an image with this title is marked as decoration (any case, spaces around allowed).
    public static func isDecorative(title: String) -> Bool {
        title.trimmingCharacters(in: .whitespacesAndNewlines).lowercased() == decorativeTitle
    }

    /// The id of the check that owns the missing-description problem.
    public static let rule = "image-alt"

    /// An image that is neither described nor marked decorative.
    public static func missingIssue(source: String, line: Int) -> MarkdownIssue {
        MarkdownIssue(
            line: line, isError: false, message: "image '\(source)' has no description",
            help: "describe it for people who cannot see it: ![what the image shows](\(source)); if it is only decoration, mark it: ![](\(source) \"decorative\")",
            rule: rule)
    }
}
