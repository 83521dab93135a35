/// To be written.
public enum JSONFormat {
    public static func render(_ report: CheckReport) -> String { TextFormat.render(report) }
}
