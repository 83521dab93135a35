/// To be written.
public enum GitHubFormat {
    public static func render(_ report: CheckReport) -> String { TextFormat.render(report) }
}

extension GitHubFormat {
    /// Writes every problem as Markdown to `$GITHUB_STEP_SUMMARY` when it is set: GitHub shows
    /// only ten annotations of each level per step.
    public static func writeStepSummary(_ report: CheckReport) {}
}
