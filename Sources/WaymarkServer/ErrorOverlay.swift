import Foundation
import WaymarkCore

/// The panel at the top of every preview page while the latest build failed or warned, showing
/// the diagnostics exactly as the terminal prints them.
///
/// It is part of the page, not a dialog: nothing is covered and focus is never trapped. Without
/// JavaScript it is still there and readable; the close button only appears with the script.
/// No inline style or script, so the site's Content-Security-Policy needs no exception.
public struct ErrorOverlay: Sendable {
    public var diagnostics: [FormattedDiagnostic]
    public var strings: OverlayStrings
    /// `rtl` for Arabic pages; the diagnostics themselves stay left to right.
    public var direction: String

    public init(diagnostics: [FormattedDiagnostic], strings: OverlayStrings, direction: String = "ltr") {
        self.diagnostics = diagnostics
        self.strings = strings
        self.direction = direction == "rtl" ? "rtl" : "ltr"
    }

    /// The `<section>`, or an empty string when there is nothing to say.
    public var html: String {
        let errors = diagnostics.filter { $0.severity == .error }
        let warnings = diagnostics.filter { $0.severity == .warning }
        if errors.isEmpty, warnings.isEmpty { return "" }
        return errors.isEmpty ? quiet(warnings) : failed(errors, warnings)
    }

    private var opening: String {
        "dir=\"\(direction)\" lang=\"\(HTMLEscape.escape(strings.language))\" data-waymark-overlay"
    }

    private func failed(_ errors: [FormattedDiagnostic], _ warnings: [FormattedDiagnostic]) -> String {
        var out = "<section class=\"waymark-overlay\" role=\"alert\" aria-labelledby=\"waymark-overlay-title\" \(opening)>\n"
        out += "<div class=\"waymark-overlay-bar\"><h2 class=\"waymark-overlay-title\" id=\"waymark-overlay-title\">\(HTMLEscape.escape(strings.failedTitle))</h2>\(closeButton)</div>\n"
        out += "<p class=\"waymark-overlay-intro\">\(HTMLEscape.escape(strings.failedIntro))</p>\n"
        out += errors.map { block($0, kind: "error") }.joined()
        if !warnings.isEmpty { out += details(warnings, id: nil) }
        return out + "</section>"
    }

    private func quiet(_ warnings: [FormattedDiagnostic]) -> String {
        var out = "<section class=\"waymark-overlay waymark-overlay-quiet\" aria-labelledby=\"waymark-overlay-warnings\" \(opening)>\n"
        out += "<div class=\"waymark-overlay-bar\">\(details(warnings, id: "waymark-overlay-warnings"))\(closeButton)</div>\n"
        return out + "</section>"
    }

    private func details(_ warnings: [FormattedDiagnostic], id: String?) -> String {
        let idAttribute = id.map { " id=\"\($0)\"" } ?? ""
        let summary = "\(HTMLEscape.escape(strings.warningsTitle)) (\(warnings.count))"
        return "<details class=\"waymark-overlay-warnings\"><summary\(idAttribute)>\(summary)</summary>\n"
            + warnings.map { block($0, kind: "warning") }.joined() + "</details>\n"
    }

    private var closeButton: String {
        "<button type=\"button\" class=\"waymark-overlay-close\" hidden>\(HTMLEscape.escape(strings.close))</button>"
    }

    private func block(_ diagnostic: FormattedDiagnostic, kind: String) -> String {
        let text = diagnostic.lines.map(HTMLEscape.escape).joined(separator: "\n")
        return "<pre class=\"waymark-overlay-\(kind)\" dir=\"ltr\">\(text)</pre>\n"
    }
}
