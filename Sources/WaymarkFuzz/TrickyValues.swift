/// Values that have broken YAML readers, URL handling and HTML escaping in other site generators.
enum TrickyValues {
    /// Replacement values for a YAML `key: value` line.
    static let yaml: [String] = [
        "yes", "no", "\"yes\"", "on", "off", "1", "0", "-1", "1e400", "0x1F", "~", "null", "\"\"", "''",
        "[", "]", "{", "{a: b}", "[a, [b, [c]]]", "- a", "|", ">", "\"unclosed", "'unclosed", "!!binary aGVsbG8=",
        "!custom tag", "2025-13-45", "2025-02-30", "12:30:00", ".inf", ".nan",
        "..", "../..", "../../../etc/passwd", "/", "//evil.example", "https://evil.example/", "javascript:x",
        "JaVaScRiPt:alert(1)", "data:text/html,<script>alert(1)</script>", "mailto:", "tel:",
        "<script>alert(1)</script>", "\"<img src=x onerror=alert(1)>\"", "\"{{contact helpline}}\"", "\"{{\"",
        "\"a\\u0000b\"", "\"\\t\"", "\"line\\nbreak\"", "\"\\u202Eevil\"", "\"\\uFEFF\"", "\"💥\"",
        "zz", "en-GB", "EN", "xx-Latn-XX", "help/me", "a b c", "\"  \"", "#comment", "@at", "`tick`", "%percent",
    ]

    /// A long value for a key, made fresh because the sizes are large.
    static func long(_ choice: Int) -> String {
        switch choice {
        case 0: return String(repeating: "a", count: 100_000)
        case 1: return String(repeating: "long-slug-", count: 30)
        case 2: return "\"" + String(repeating: "é", count: 300) + "\""
        default: return "[" + Array(repeating: "x", count: 10_000).joined(separator: ", ") + "]"
        }
    }

    /// Lines for the body of a page: directives, links and HTML that must be checked, not passed through.
    static let markdown: [String] = [
        "{{contact helpline}}", "{{contact emergency}}", "{{contact nope}}", "{{contact helpline", "{{contact}}",
        "{{ contact helpline }}", "{{CONTACT helpline}}", "{{contact helpline extra}}", "{{contact ../helpline}}",
        "{{partner}}", "{{}}", "{{", "}}", "{{contact {{contact helpline}}}}", "`{{contact nope}}`",
        "```\n{{contact nope}}\n```",
    ]

    static let links: [String] = [
        "[missing](no-such-page.md)", "[x](../../etc/passwd)", "[x](../../../../outside.md)", "[x](/absolute.md)",
        "[x](javascript:alert(1))", "[x](JAVASCRIPT:alert(1))", "[x](data:text/html;base64,PHNjcmlwdD4=)",
        "[x](//evil.example)", "[x](#no-such-heading)", "[x](report.md#nowhere)", "[x](report.md?x=<y>)",
        "![missing](images/none.png)", "![x](../../etc/passwd)", "[x](<>)", "[x]()", "[x](%00.md)",
        "[x](mailto:someone@example.org)", "[x](tel:0800123456)", "[x][undefined-reference]", "<https://example.org>",
        "[x](file:///etc/passwd)", "[x](index.md\u{0}.md)",
    ]

    static let rawHTML: [String] = [
        "<script>alert(1)</script>", "<div>unclosed", "</div>", "<img src=x onerror=alert(1)>",
        "<iframe src=\"https://evil.example\"></iframe>", "<!-- unclosed comment", "<style>body{display:none}</style>",
        "<a href=\"javascript:alert(1)\">x</a>", "&#0; &#xD800; &bogus; &amp", "<svg><script>alert(1)</script></svg>",
        "<details open><summary>x</summary>", "<?php echo 1; ?>", "<![CDATA[ x ]]>",
    ]
}
