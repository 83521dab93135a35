/// The overlay's look, served at ``PreviewPaths/stylesheet``; every rule is scoped to the overlay's
/// classes so the site's own styles are untouched. Colours meet WCAG 2.2 AA on their backgrounds
/// (dark text on white and pale tints, at least 7:1; the focus ring at least 3:1).
enum OverlayStylesheet {
    static let source = #"""
    /* Waymark preview: error overlay. Only served by `waymark serve`, never published. */
    .waymark-overlay {
      display: block; box-sizing: border-box; margin: 0; padding: 1rem 1.25rem;
      background: #ffffff; color: #1b1b1b;
      border-top: 0.375rem solid #b3261e; border-bottom: 0.375rem solid #b3261e;
      font: 1rem/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", sans-serif;
      position: relative; z-index: 2147483647;
    }
    .waymark-overlay-quiet { border-color: #8a6d00; padding-top: 0.5rem; padding-bottom: 0.5rem; }
    .waymark-overlay-bar {
      display: flex; flex-wrap: wrap; gap: 0.75rem; align-items: center; justify-content: space-between;
    }
    .waymark-overlay-title { margin: 0; font-size: 1.25rem; line-height: 1.3; font-weight: 700; color: #8c1d18; }
    .waymark-overlay-intro { margin: 0.5rem 0 0.75rem; max-width: 70ch; color: #1b1b1b; }
    .waymark-overlay pre {
      margin: 0.5rem 0 0; padding: 0.75rem; text-align: left;
      white-space: pre-wrap; overflow-wrap: anywhere;
      font: 0.9375rem/1.45 ui-monospace, SFMono-Regular, Menlo, Consolas, "Liberation Mono", monospace;
    }
    .waymark-overlay-error { background: #fdecea; color: #1b1b1b; border-left: 0.25rem solid #b3261e; }
    .waymark-overlay-warning { background: #fff8e1; color: #1b1b1b; border-left: 0.25rem solid #8a6d00; }
    .waymark-overlay-warnings { margin-top: 0.75rem; flex: 1 1 20rem; }
    .waymark-overlay-warnings summary { cursor: pointer; font-weight: 600; color: #1b1b1b; min-height: 1.5rem; }
    .waymark-overlay-close {
      font: inherit; margin: 0; min-height: 2.75rem; padding: 0.375rem 1rem;
      color: #ffffff; background: #1b1b1b; border: 0.125rem solid #1b1b1b; border-radius: 0.25rem; cursor: pointer;
    }
    .waymark-overlay-close:hover { background: #404040; border-color: #404040; }
    .waymark-overlay-close[hidden] { display: none; }
    .waymark-overlay :focus-visible { outline: 0.1875rem solid #0b57d0; outline-offset: 0.125rem; }
    @media (forced-colors: active) {
      .waymark-overlay, .waymark-overlay pre { border-color: CanvasText; }
    }
    """#
}
