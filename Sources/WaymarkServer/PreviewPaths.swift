/// Addresses the preview server keeps for itself, outside any site's paths.
public enum PreviewPaths {
    /// Every reserved address starts with this; nothing under it is read from the site.
    public static let prefix = "/__waymark/"
    /// The live-reload event stream (Server-Sent Events).
    public static let events = "/__waymark/events"
    /// The script pages load to follow the events.
    public static let script = "/__waymark/live.js"
    /// The overlay's stylesheet.
    public static let stylesheet = "/__waymark/overlay.css"
}
