// searchbench engine: Waymark's built-in search (theme/assets/js/search.js).
// Contract (searchbench README): one JS expression, an async function (query, ctx)
// returning {total, results: [{url, title, excerpt}], phases: {name: ms}}.
//
// Waymark's client, once its script has run, defines window.WaymarkSearch with
//   search(query) -> Promise<{total, results: [{url, title, load()}]}>
//   load()        -> Promise<{url, title, heading, excerpt}>   (excerpt: HTML with <mark>)
// and finds its index (search-index/<lang>/meta.json) from its own URL and <html lang>.
//
// For a fair first-query byte count the page that is opened (the home page, '/' or '/pl/')
// must NOT already load the script: this snippet injects it during the first query, as
// Pagefind's snippet import()s pagefind.js during the first query.
//   ctx.script   the script's URL path, e.g. "/assets/js/search.1a2b3c.js" (compare-search.sh
//                reads it from the built search/index.html). Without it the snippet fetches
//                ctx.searchPage (default "/search/") and looks for the script there: that
//                costs an extra HTML request, so pass ctx.script when measuring.
//   ctx.stemmer  English only: the stemmer's URL path ("/assets/js/stem-en.1a2b3c.js"), loaded first
//   ctx.topN     results whose data is loaded with load() (default 5)
//   ctx.waitMs   how long to wait for window.WaymarkSearch after the script loads (default 5000)
async (query, ctx) => {
  const t0 = performance.now();
  if (!window.WaymarkSearch) {
    if (!window.__sbWaymarkLoading) {
      window.__sbWaymarkLoading = (async () => {
        let src = ctx.script;
        if (!src) {
          const page = ctx.searchPage || "/search/";
          const html = await (await fetch(page)).text();
          const m = html.match(/src="([^"]*search\.[0-9a-zA-Z]+\.js)"/);
          if (!m) throw new Error("no search.<hash>.js in " + page);
          src = new URL(m[1], new URL(page, location.href)).pathname;
        }
        const load = (url) => new Promise((resolve, reject) => {
          const s = document.createElement("script");
          s.src = url;
          s.onload = resolve;
          s.onerror = () => reject(new Error("could not load " + url));
          document.head.appendChild(s);
        });
        // English search pages load the stemmer first, as the built page does.
        if (ctx.stemmer) await load(ctx.stemmer);
        await load(src);
        const until = performance.now() + (ctx.waitMs ?? 5000);
        while (!window.WaymarkSearch) {
          if (performance.now() > until) throw new Error(src + " loaded but window.WaymarkSearch is not defined");
          await new Promise((r) => setTimeout(r, 5));
        }
      })();
    }
    await window.__sbWaymarkLoading;
  }
  const ws = window.WaymarkSearch;
  const t1 = performance.now();
  const found = await ws.search(query);
  const t2 = performance.now();
  const hits = (found && found.results) || [];
  const top = await Promise.all(hits.slice(0, ctx.topN ?? 5).map((r) => r.load()));
  const t3 = performance.now();
  return {
    total: found && typeof found.total === "number" ? found.total : hits.length,
    results: top.map((d) => ({ url: d.url, title: d.title, heading: d.heading, excerpt: d.excerpt })),
    phases: { script_ms: t1 - t0, search_ms: t2 - t1, load_ms: t3 - t2 },
  };
}
