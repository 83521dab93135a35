/// `--report FILE`: one self-contained, accessible HTML page for comms officers.
public enum HTMLReport {
    public static func render(_ report: CheckReport) -> String { "<!doctype html><title>Report</title>" }
}
