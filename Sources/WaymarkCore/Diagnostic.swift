/// Where in a source file something was found. Lines and columns count from 1.
public struct SourceLocation: Sendable, Hashable, Comparable {
    /// Path as the user should see it, relative to the working directory where possible.
    public var file: String
    public var line: Int?
    public var column: Int?

    public init(file: String, line: Int? = nil, column: Int? = nil) {
        self.file = file
        self.line = line
        self.column = column
    }

    /// `file:line:` or `file:` when the line is unknown.
    public var prefix: String {
        if let line { return "\(file):\(line)" }
        return file
    }

    public static func < (lhs: SourceLocation, rhs: SourceLocation) -> Bool {
        (lhs.file, lhs.line ?? 0, lhs.column ?? 0) < (rhs.file, rhs.line ?? 0, rhs.column ?? 0)
    }
}

/// A problem found while building, written for the person who edits the content.
public struct Diagnostic: Sendable, Hashable, Comparable {
    public enum Severity: String, Sendable, Hashable {
        case error, warning
    }

    public var severity: Severity
    public var location: SourceLocation
    /// One sentence in plain English, no type names.
    public var summary: String
    /// An optional next step, printed as `help: …`.
    public var help: String?
    /// What to show of the source under the headline.
    public var quote: Quote = .sourceLine
    /// Problems of one kind that a printer may summarise after the first few.
    public var repeatGroup: RepeatGroup?
    /// The id of the content check that found this (`link-text`); nil for the build's own
    /// problems, which cannot be turned off.
    public var rule: String?

    /// What a printer shows of the source under a diagnostic's headline.
    public enum Quote: Sendable, Hashable {
        /// The line of the file the location names.
        case sourceLine
        /// This text instead, e.g. a spreadsheet row with its private cells left out.
        case text(String)
        /// Nothing: the line may hold something that must not reach a log.
        case none
    }

    /// Names a kind of problem that repeats, e.g. one column's bad phone numbers, so that
    /// thousands of them read as a few examples and a count.
    public struct RepeatGroup: Sendable, Hashable {
        /// Identifies the kind within a file: diagnostics with the same file and key are one group.
        public var key: String
        /// Completes "and 1,497 more …", e.g. "rows with the same problem in column 'phone'".
        public var noun: String

        public init(key: String, noun: String) {
            self.key = key
            self.noun = noun
        }
    }

    public init(_ severity: Severity, _ location: SourceLocation, _ summary: String, help: String? = nil) {
        self.severity = severity
        self.location = location
        self.summary = summary
        self.help = help
    }

    /// The same diagnostic, quoting `quote` instead of the source line.
    public func quoting(_ quote: Quote) -> Diagnostic {
        var copy = self
        copy.quote = quote
        return copy
    }

    /// The same diagnostic, as found by the content check `id`.
    public func rule(_ id: String) -> Diagnostic {
        var copy = self
        copy.rule = id
        return copy
    }

    /// The same diagnostic at another severity.
    public func withSeverity(_ severity: Severity) -> Diagnostic {
        var copy = self
        copy.severity = severity
        return copy
    }

    /// The same diagnostic, as one of a group a printer may summarise.
    public func grouped(_ group: RepeatGroup) -> Diagnostic {
        var copy = self
        copy.repeatGroup = group
        return copy
    }

    public static func error(_ location: SourceLocation, _ summary: String, help: String? = nil) -> Diagnostic {
        Diagnostic(.error, location, summary, help: help)
    }

    public static func warning(_ location: SourceLocation, _ summary: String, help: String? = nil) -> Diagnostic {
        Diagnostic(.warning, location, summary, help: help)
    }

    /// `path:line: error: summary`, the format editors and CI logs recognise.
    public var headline: String {
        "\(location.prefix): \(severity.rawValue): \(summary)" + (rule.map { " [\($0)]" } ?? "")
    }

    public static func < (lhs: Diagnostic, rhs: Diagnostic) -> Bool {
        if lhs.location != rhs.location { return lhs.location < rhs.location }
        return lhs.summary < rhs.summary
    }
}

/// Diagnostics gathered by one stage, passed along explicitly rather than printed.
public struct Diagnostics: Sendable {
    public private(set) var all: [Diagnostic] = []
    /// Kept as items arrive, so checking for new errors after each step stays constant-time.
    public private(set) var errorCount = 0

    public init(_ items: [Diagnostic] = []) {
        all = items
        errorCount = items.count { $0.severity == .error }
    }

    public mutating func append(_ diagnostic: Diagnostic) {
        all.append(diagnostic)
        if diagnostic.severity == .error { errorCount += 1 }
    }
    public mutating func append(contentsOf other: Diagnostics) {
        all.append(contentsOf: other.all)
        errorCount += other.errorCount
    }
    public mutating func append(contentsOf other: [Diagnostic]) { other.forEach { append($0) } }

    public var errors: [Diagnostic] { all.filter { $0.severity == .error } }
    public var warnings: [Diagnostic] { all.filter { $0.severity == .warning } }
    public var hasErrors: Bool { errorCount > 0 }

    /// Sorted by file and line, duplicates removed, so output does not depend on thread timing.
    public var sorted: [Diagnostic] { Array(Set(all)).sorted() }
}

/// Thrown when a stage cannot continue; carries everything found so far.
public struct BuildFailure: Error, Sendable {
    public var diagnostics: Diagnostics
    public init(_ diagnostics: Diagnostics) { self.diagnostics = diagnostics }
}

/// A single diagnostic can stand as the failure of a small step (`Result<_, Diagnostic>`).
extension Diagnostic: Error {}
