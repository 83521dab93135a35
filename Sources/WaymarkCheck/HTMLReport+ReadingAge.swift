import WaymarkCore

extension HTMLReport {
    /// Each page's reading age: a bar chart of the scored pages for a quick look, and a table
    /// with every page, so nothing is only in the chart.
    static func readingAgeSection(_ context: Context) -> [String] {
        let report = context.report
        let threshold = ReadingAgeText.years(report.readingAgeThreshold)
        var body = ["<p>The reading age is worked out by a formula published for the page's language; pages in a language "
                    + "without one are not scored. The check warns when a page the public acts on is over \(esc(threshold)).</p>"]
        body += chart(report)
        let rows = report.pages.map { page in
            [pageTitle(page) + " " + code(page.file), esc(page.language), esc(page.layout),
             readingAgeCell(page, threshold: report.readingAgeThreshold), page.readingAgeChecked ? "Yes" : "No"]
        }
        if rows.isEmpty {
            body.append("<p>There are no pages to score.</p>")
        } else {
            body += table(caption: "Reading age of every page",
                          columns: ["Page", "Language", "Layout", "Reading age", "Checked against \(threshold)"], rows: rows)
        }
        return section("reading-age", "Reading age", body)
    }

    private static func readingAgeCell(_ page: PageSummary, threshold: Double) -> String {
        switch page.readingAge {
        case .scored(let result):
            let over = page.readingAgeChecked && result.age > threshold ? " <strong>(over \(esc(ReadingAgeText.years(threshold))))</strong>" : ""
            return esc(ReadingAgeText.years(result.age)) + over
                + "<br><span class=\"detail\">\(esc(result.formula)) \(esc(ReadingAgeText.number(result.score))); "
                + "\(esc(counted(result.words, "word"))) in \(esc(counted(result.sentences, "sentence")))</span>"
        case .unscored(let reason):
            return "Not scored: \(esc(reason))"
        }
    }

    // MARK: - The chart

    /// Sizes of the chart, in SVG units.
    private enum Chart {
        static let labelWidth = 250.0
        static let plotWidth = 420.0
        static let width = labelWidth + plotWidth + 70
        static let rowHeight = 22.0
        static let barHeight = 14.0
        static let top = 28.0
        static let bottom = 28.0
        /// Longest page title shown beside a bar; the table has the whole title.
        static let labelLength = 36
    }

    /// A horizontal bar for each scored page and a line at the threshold; described in words
    /// for screen readers, who read the same figures in the table.
    static func chart(_ report: CheckReport) -> [String] {
        let scored = report.pages.compactMap { page in page.readingAge.result.map { (page, $0) } }
        guard !scored.isEmpty else { return ["<p>No page has a reading age yet, so there is no chart.</p>"] }
        let threshold = report.readingAgeThreshold
        let scale = axisMaximum(max(scored.map(\.1.age).max() ?? 0, threshold))
        let x = { (age: Double) in Chart.labelWidth + max(0, min(age, scale)) / scale * Chart.plotWidth }
        let plotBottom = Chart.top + Double(scored.count) * Chart.rowHeight
        let height = plotBottom + Chart.bottom
        let over = report.pagesOverReadingAge.count
        let description = "Bar chart of the reading age of \(counted(scored.count, "scored page")), in years. "
            + "A dashed line marks \(ReadingAgeText.years(threshold)); \(over) of the pages the check applies to are over it. "
            + "The same figures are in the table below."
        var svg = ["<figure class=\"chart\">",
                   "<svg role=\"img\" aria-labelledby=\"chart-title chart-desc\" viewBox=\"0 0 \(n(Chart.width)) \(n(height))\" "
                   + "width=\"\(n(Chart.width))\" height=\"\(n(height))\">",
                   "<title id=\"chart-title\">Reading age of each scored page</title>",
                   "<desc id=\"chart-desc\">\(esc(description))</desc>"]
        svg += axis(scale: scale, x: x, top: Chart.top, bottom: plotBottom)
        for (index, (page, result)) in scored.enumerated() {
            let y = Chart.top + Double(index) * Chart.rowHeight
            let isOver = page.readingAgeChecked && result.age > threshold
            let textY = n(y + Chart.barHeight - 3)
            svg.append("<text class=\"label\" x=\"\(n(Chart.labelWidth - 8))\" y=\"\(textY)\" text-anchor=\"end\">\(esc(shortLabel(page.title)))</text>")
            svg.append("<rect class=\"\(isOver ? "bar bar-over" : "bar")\" x=\"\(n(Chart.labelWidth))\" y=\"\(n(y))\" "
                       + "width=\"\(n(x(result.age) - Chart.labelWidth))\" height=\"\(n(Chart.barHeight))\"/>")
            svg.append("<text class=\"value\" x=\"\(n(x(result.age) + 4))\" y=\"\(textY)\">\(esc(ReadingAgeText.number(result.age)))\(isOver ? " over" : "")</text>")
        }
        let line = n(x(threshold))
        svg.append("<line class=\"threshold\" x1=\"\(line)\" y1=\"\(n(Chart.top - 6))\" x2=\"\(line)\" y2=\"\(n(plotBottom))\"/>")
        svg.append("<text class=\"value\" x=\"\(line)\" y=\"\(n(Chart.top - 10))\" text-anchor=\"middle\">\(esc(ReadingAgeText.years(threshold)))</text>")
        svg += ["</svg>",
                "<figcaption>Reading age in years of each page that has one. Bars marked “over” are pages the check applies to "
                + "that are over \(esc(ReadingAgeText.years(threshold))).</figcaption>",
                "</figure>"]
        return svg
    }

    /// Tick marks and their years along the bottom.
    private static func axis(scale: Double, x: (Double) -> Double, top: Double, bottom: Double) -> [String] {
        let step = scale <= 20 ? 2.0 : 5.0
        var out = ["<line class=\"axis\" x1=\"\(n(Chart.labelWidth))\" y1=\"\(n(bottom))\" x2=\"\(n(x(scale)))\" y2=\"\(n(bottom))\"/>"]
        for tick in stride(from: 0.0, through: scale, by: step) {
            out.append("<line class=\"tick\" x1=\"\(n(x(tick)))\" y1=\"\(n(top - 4))\" x2=\"\(n(x(tick)))\" y2=\"\(n(bottom + 4))\"/>")
            out.append("<text class=\"value\" x=\"\(n(x(tick)))\" y=\"\(n(bottom + 18))\" text-anchor=\"middle\">\(n(tick))</text>")
        }
        return out
    }

    /// The axis runs to an even number of years a little past the largest value.
    private static func axisMaximum(_ largest: Double) -> Double {
        let step = largest + 1 <= 20 ? 2.0 : 5.0
        return max(step, ((largest + 1) / step).rounded(.up) * step)
    }

    private static func shortLabel(_ title: String) -> String {
        title.count <= Chart.labelLength ? title : String(title.prefix(Chart.labelLength - 1)) + "…"
    }

    /// A coordinate with at most one decimal place, the same on every machine.
    private static func n(_ value: Double) -> String { ReadingAgeText.number(value) }
}
