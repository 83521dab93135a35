/// The script every preview page loads from ``PreviewPaths/script``: it listens for the server's
/// events and reloads the page, swaps stylesheets, or updates the overlay.
///
/// Served as a file, never inlined, so the site's `script-src 'self'` allows it; it sets no inline
/// styles (the overlay is styled by ``OverlayStylesheet``), so `style-src 'self'` holds too.
enum LiveReloadScript {
    static let source = #"""
    // Waymark preview: live reload. Only served by `waymark serve`, never published.
    (function () {
      "use strict";
      var script = document.currentScript;
      if (!script || !window.EventSource) return;
      var eventsPath = script.getAttribute("data-events");
      var instance = script.getAttribute("data-instance");
      var sequence = Number(script.getAttribute("data-sequence"));
      var root = document.documentElement;
      var source = null;
      var retry = null;

      function address() {
        return eventsPath + "?lang=" + encodeURIComponent(root.getAttribute("lang") || "") +
          "&dir=" + encodeURIComponent(root.getAttribute("dir") || "");
      }

      // A page that missed a change (the tab was hidden, the server restarted, an event was
      // dropped) reloads rather than guess what it missed.
      function next(event) {
        var data = JSON.parse(event.data);
        if (data.sequence !== sequence + 1) { location.reload(); return null; }
        sequence = data.sequence;
        return data;
      }

      function connect() {
        if (source || document.visibilityState === "hidden") return;
        clearTimeout(retry);
        source = new EventSource(address());
        source.addEventListener("hello", function (event) {
          var data = JSON.parse(event.data);
          if (data.instance !== instance || data.sequence !== sequence) location.reload();
        });
        source.addEventListener("reload", function () { location.reload(); });
        source.addEventListener("css", function (event) {
          var data = next(event);
          if (data) { swapStylesheets(data.stylesheets || {}); showOverlay(data.overlay); }
        });
        source.addEventListener("diagnostics", function (event) {
          var data = next(event);
          if (data) showOverlay(data.overlay);
        });
        source.onerror = function () {
          // The browser retries by itself unless the server answered with an error.
          if (source && source.readyState === EventSource.CLOSED) {
            source = null;
            retry = setTimeout(connect, 2000);
          }
        };
      }

      // Hidden tabs let go of their connection: browsers allow only six per server.
      function disconnect() {
        clearTimeout(retry);
        if (source) { source.close(); source = null; }
      }

      function swapStylesheets(addresses) {
        var wanted = {};
        Object.keys(addresses).forEach(function (old) {
          wanted[new URL(old, location.href).href] = addresses[old];
        });
        document.querySelectorAll('link[rel~="stylesheet"]').forEach(function (link) {
          var replacement = wanted[link.href];
          if (!replacement) return;
          var copy = link.cloneNode(false);
          copy.removeAttribute("integrity");
          copy.setAttribute("href", replacement);
          // The old sheet stays until the new one has loaded, so the page never flashes unstyled.
          copy.addEventListener("load", function () { link.remove(); });
          copy.addEventListener("error", function () { link.remove(); });
          link.after(copy);
        });
      }

      function showOverlay(html) {
        var old = document.querySelector("[data-waymark-overlay]");
        var fresh = null;
        if (html) {
          var template = document.createElement("template");
          template.innerHTML = html;
          fresh = template.content.firstElementChild;
        }
        if (old && fresh) old.replaceWith(fresh);
        else if (old) old.remove();
        else if (fresh) document.body.prepend(fresh);
        if (fresh) wire(fresh);
      }

      function wire(overlay) {
        var button = overlay.querySelector(".waymark-overlay-close");
        if (!button) return;
        button.hidden = false;
        button.addEventListener("click", function () { overlay.remove(); });
      }

      document.querySelectorAll("[data-waymark-overlay]").forEach(wire);
      document.addEventListener("visibilitychange", function () {
        if (document.visibilityState === "hidden") disconnect(); else connect();
      });
      window.addEventListener("pagehide", disconnect);
      window.addEventListener("pageshow", connect);
      connect();
    })();
    """#
}
