/// To be written.
public enum GitLabFormat {
    public static func render(_ report: CheckReport) -> String { TextFormat.render(report) }
}
