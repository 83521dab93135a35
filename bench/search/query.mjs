// Runs the theme's search.js in Node against a built site, for checking ranking without a
// browser: node bench/search/query.mjs SITE_DIR LANG "query" ["query" …]
// or with a quality file: node bench/search/query.mjs SITE_DIR --quality Tests/search/quality.json
// Prints the top five URLs (with #anchor) per query; with --quality, each query's hit in the
// top three and the share of queries that have one.
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import vm from "node:vm";

const [site, ...rest] = process.argv.slice(2);
if (!site || !rest.length) {
  console.error("usage: query.mjs SITE_DIR LANG QUERY… | query.mjs SITE_DIR --quality FILE");
  process.exit(2);
}
const scriptName = readdirSync(join(site, "assets/js")).find((f) => /^search\.[0-9a-f]+\.js$/.test(f));
const code = readFileSync(join(site, "assets/js", scriptName), "utf8");
// English search pages load the stemmer first (theme/templates/search.mustache).
const stemmerName = readdirSync(join(site, "assets/js")).find((f) => /^stem-en\.[0-9a-f]+\.js$/.test(f));
const stemmerCode = stemmerName ? readFileSync(join(site, "assets/js", stemmerName), "utf8") : "";
const root = pathToFileURL(site + "/").href;

// One sandbox per language: the script reads <html lang> once.
function engine(lang) {
  const sandbox = {
    URL, URLSearchParams, Intl, Promise, Map, Set, Math, Array, Object, console,
    fetch: async (url) => {
      const body = readFileSync(new URL(url));
      return { ok: true, status: 200, json: async () => JSON.parse(body) };
    },
    location: { href: root },
    document: {
      currentScript: { dataset: { index: root + "search-index/" }, src: root + "assets/js/" + scriptName },
      documentElement: { lang },
      getElementById: () => null,
    },
  };
  sandbox.window = sandbox;
  vm.createContext(sandbox);
  if (lang.split("-")[0] === "en" && stemmerCode) vm.runInContext(stemmerCode, sandbox);
  vm.runInContext(code, sandbox);
  return sandbox.WaymarkSearch;
}

const engines = {};
async function top(lang, q, n = 5) {
  engines[lang] ??= engine(lang);
  const found = await engines[lang].search(q);
  const loaded = await Promise.all(found.results.slice(0, n).map((r) => r.load()));
  return { total: found.total, urls: loaded.map((r) => r.url.replace(root, "/")) };
}

if (rest[0] === "--quality") {
  const { queries } = JSON.parse(readFileSync(rest[1], "utf8"));
  let hits = 0;
  for (const { lang, q, relevant } of queries) {
    const { total, urls } = await top(lang, q, 3);
    const hit = urls.some((u) => relevant.includes(u.replace(/#.*$/, "")));
    if (hit) hits++;
    console.log(`${hit ? "hit " : "MISS"} ${lang} ${JSON.stringify(q)} (${total}): ${urls.join("  ")}${hit ? "" : "   want " + relevant.join(" ")}`);
  }
  console.log(`top-3 hits: ${hits}/${queries.length} = ${(hits / queries.length * 100).toFixed(1)}%`);
} else {
  const [lang, ...queries] = rest;
  for (const q of queries) {
    const { total, urls } = await top(lang, q);
    console.log(`${lang} ${JSON.stringify(q)} (${total}):\n  ${urls.join("\n  ")}`);
  }
}
