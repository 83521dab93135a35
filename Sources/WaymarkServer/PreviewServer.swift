import WaymarkSite

/// The `waymark serve` preview: builds the site into a private folder, serves it, watches the
/// sources and rebuilds on every save. (Being built: see issue 12.)
public enum PreviewServer {}
