extension HTMLReport {
    /// The report's only styles, inline so the page needs nothing else. Colours meet WCAG AA
    /// contrast on white (4.5:1 or more for text), and every level is also written in words.
    static let style = """
    :root { color-scheme: light; }
    body { margin: 0; font-family: system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif; line-height: 1.5; color: #1a1a1a; background: #fff; }
    main { max-width: 72rem; margin: 0 auto; padding: 1rem 1.25rem 3rem; }
    h1 { font-size: 1.8rem; line-height: 1.2; margin: 1rem 0 0.5rem; }
    h2 { font-size: 1.4rem; margin: 2.5rem 0 0.5rem; padding-top: 0.5rem; border-top: 2px solid #1a1a1a; }
    h3 { font-size: 1.1rem; margin: 1.5rem 0 0.25rem; }
    a { color: #0b4f9c; text-decoration: underline; }
    a:focus-visible { outline: 3px solid #1a1a1a; outline-offset: 2px; background: #fff3a0; }
    nav ul { display: flex; flex-wrap: wrap; gap: 0.25rem 1.25rem; padding: 0; list-style: none; }
    code { font-family: ui-monospace, "SFMono-Regular", Menlo, Consolas, monospace; font-size: 0.9em; overflow-wrap: anywhere; }
    .lead { font-size: 1.1rem; }
    .counts { display: flex; flex-wrap: wrap; gap: 0.5rem 1.5rem; padding: 0; list-style: none; font-weight: bold; }
    .table-wrap { overflow-x: auto; }
    table { border-collapse: collapse; width: 100%; margin: 0.5rem 0 1rem; }
    .visually-hidden { position: absolute; width: 1px; height: 1px; margin: -1px; padding: 0; overflow: hidden; clip: rect(0 0 0 0); clip-path: inset(50%); white-space: nowrap; border: 0; }
    caption { text-align: left; font-weight: bold; padding: 0.25rem 0; }
    th, td { border: 1px solid #767676; padding: 0.35rem 0.5rem; text-align: left; vertical-align: top; }
    thead th { background: #e8e8e8; }
    tbody th { font-weight: normal; }
    .badge { display: inline-block; padding: 0 0.4rem; border-radius: 0.2rem; font-weight: bold; white-space: nowrap; }
    .badge-error { background: #a4001d; color: #fff; }
    .badge-warning { background: #ffd24d; color: #1a1a1a; border: 1px solid #7a5c00; }
    .badge-soon { background: #e8e8e8; color: #1a1a1a; border: 1px solid #767676; }
    .detail { color: #4a4a4a; font-size: 0.9em; }
    .chart { margin: 1rem 0; overflow-x: auto; }
    .chart svg { max-width: 100%; height: auto; }
    .chart text { font-size: 12px; fill: #1a1a1a; font-family: inherit; }
    .chart .bar { fill: #4a6fa5; }
    .chart .bar-over { fill: #a4001d; }
    .chart .axis, .chart .tick { stroke: #767676; stroke-width: 1; }
    .chart .threshold { stroke: #1a1a1a; stroke-width: 2; stroke-dasharray: 6 4; }
    @media print { h2 { break-after: avoid; } tr { break-inside: avoid; } a { color: inherit; } }

    """
}
