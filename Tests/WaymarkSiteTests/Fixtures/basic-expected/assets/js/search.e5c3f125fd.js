/* Waymark search: looks words up in this language's index, which `waymark build`
 * writes to search-index/<lang>/ (the language is <html lang>). It fetches only
 * what a query needs: meta.json (which file holds which words), one or a few
 * term shards, and a small file per result shown. Shards and results sit in
 * folders named by their content hash, so browsers may keep them.
 *
 * On the search page (form#waymark-search) it shows results as the visitor
 * types, says how many in a live region, and lets the arrow keys move between
 * the box and the results. Without it, the page says search needs JavaScript
 * and links to the A–Z list of pages. Every text comes from the form's data-
 * attributes, which the template fills from the theme's UI strings.
 *
 * Words are matched as `waymark build` indexed them (WaymarkSearch's
 * SearchTokenizer): lowercased, accents and letter variants folded, runs of
 * Chinese, Japanese, Thai, Lao, Khmer or Burmese cut into two-letter pieces.
 * Keep the two in step. Nothing is stored or sent anywhere but this site.
 *
 * window.WaymarkSearch.search(query) → {total, results: [{load()}]}, and
 * load() → {url, title, heading, excerpt (HTML with <mark>)}: for tests and
 * benchmarks.
 */
(() => {
  "use strict";

  const script = document.currentScript;
  const lang = (document.documentElement.lang || "en").toLowerCase();
  const indexRoot = new URL(script.dataset.index || "../../search-index/", script.dataset.index ? location.href : script.src);
  const base = new URL(lang + "/", indexRoot);
  const siteRoot = new URL("../", indexRoot);

  /* ---- Words (keep in step with SearchTokenizer.swift) ---------------- */

  const UNSPACED = "\\u3040-\\u30ff\\u3400-\\u4dbf\\u4e00-\\u9fff\\uf900-\\ufaff\\u{20000}-\\u{2fa1f}\\u0e00-\\u0eff\\u1780-\\u17ff\\u1000-\\u109f";
  const LETTER = "(?:(?![" + UNSPACED + "])[\\p{Alphabetic}\\p{N}\\p{Mn}\\p{Mc}])";
  const TOKEN = new RegExp("([" + UNSPACED + "]+)|(" + LETTER + "+(?:['\\u2019]+" + LETTER + "+)*)", "gu");
  const FOLDS = {
    "ł": "l", "đ": "d", "ð": "d", "ø": "o", "ß": "ss", "æ": "ae", "œ": "oe", "ı": "i", "þ": "th", "ħ": "h",
    "\u0623": "\u0627", "\u0625": "\u0627", "\u0622": "\u0627", "\u0671": "\u0627", "\u0649": "\u064a", "\u0629": "\u0647",
    "\u0640": "",
  };
  const FOLDABLE = /[łđðøßæœıþħ\u0623\u0625\u0622\u0671\u0649\u0629\u0640]/gu;

  const fold = (word) =>
    word.toLowerCase().normalize("NFD").replace(/\p{M}/gu, "").replace(FOLDABLE, (c) => FOLDS[c]).replace(/['\u2019]/g, "");

  /* Arabic's article and the particles joined to it: "العبودية" is also indexed as "عبودية". */
  const ARTICLE = /^(?:\u0648\u0627\u0644|\u0628\u0627\u0644|\u0643\u0627\u0644|\u0641\u0627\u0644|\u0644\u0644|\u0627\u0644)(?=[\u0600-\u06ff]{3})/u;
  const key = (folded) => folded.replace(ARTICLE, "");

  /* Other forms of a word share its start ("praca", "pracy"; "exploit", "exploited"): a word of
     five or six letters less one, a longer one less two. The last word, still being typed, from
     two letters. (SearchTokenizer.matchPrefix) */
  function matchPrefix(folded, isLast) {
    const letters = Array.from(folded);
    if (letters.length >= 5) return letters.slice(0, letters.length - (letters.length >= 7 ? 2 : 1)).join("");
    return isLast && letters.length >= 2 ? folded : null;
  }

  /* Tokens of text with where they are, so excerpts can mark them. */
  function tokens(text) {
    const out = [];
    for (const m of text.matchAll(TOKEN)) {
      if (m[1]) {
        const chars = Array.from(m[1]);
        let at = m.index;
        if (chars.length === 1) out.push({ exact: m[1], folded: m[1], start: at, end: at + m[1].length });
        for (let i = 0; i + 1 < chars.length; i++) {
          const pair = chars[i] + chars[i + 1];
          out.push({ exact: pair, folded: pair, start: at, end: at + pair.length });
          at += chars[i].length;
        }
      } else {
        const exact = m[2].toLowerCase();
        out.push({ exact, folded: fold(exact), start: m.index, end: m.index + m[2].length });
      }
    }
    return out;
  }

  /* ---- Index files ----------------------------------------------------- */

  const files = new Map();
  function get(path) {
    const url = new URL(path, base).href;
    if (!files.has(url)) {
      const request = fetch(url).then((response) => {
        if (!response.ok) throw new Error(url + ": " + response.status);
        return response.json();
      });
      request.catch(() => files.delete(url)); // let a later query try again
      files.set(url, request);
    }
    return files.get(url);
  }

  let metaRequest = null;
  const meta = () => (metaRequest ??= get("meta.json").then((m) => ({ ...m, starts: m.k })));

  const PREFIX_SHARDS = 6; // a short last word would fetch too much; the next letter narrows it
  const PREFIX_FACTOR = 0.5, EXACT_BONUS = 0.25, MAX_WEIGHT = 99;

  /* Shards hold runs of terms in order; a word's shard is the last that starts at or before it. */
  function shardFor(m, folded) {
    let low = 0, high = m.starts.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if (m.starts[middle] <= folded) low = middle; else high = middle - 1;
    }
    return low;
  }

  /* The shards holding a word and the other forms that share its start; just the word's own
     when those are spread too widely (a short prefix: the next letter typed narrows it). */
  function shardsFor(m, word) {
    const own = shardFor(m, word.key);
    if (!word.prefix) return [own];
    const shards = [];
    for (let n = shardFor(m, word.prefix); n < m.starts.length; n++) {
      if (n > own && !m.starts[n].startsWith(word.prefix)) break;
      shards.push(n);
      if (shards.length > PREFIX_SHARDS) return [own];
    }
    return shards;
  }

  /* The query's words, each with its index key, the start other forms share, and whether a
     term (or a text's word, by its key) is the word or another form of it. (SearchIndex.QueryWord) */
  function queryWords(query) {
    const words = tokens(query);
    return words.map((w, i) => {
      const k = key(w.folded);
      const prefix = matchPrefix(k, i === words.length - 1);
      return { ...w, key: k, prefix, matches: (term) => term === k || (prefix !== null && term.startsWith(prefix)) };
    });
  }

  const shard = (m, n) => get("t." + m.t + "/" + n + ".json");

  /* Documents with every word (the last also as the start of a word), or failing that the
     most words, best first: BM25 weights from the index times IDF. (SearchIndex.search) */
  async function rank(query) {
    const m = await meta();
    const words = queryWords(query);
    if (!words.length || !m.starts.length) return { words, ranked: [] };
    const wanted = await Promise.all(words.map((w) => Promise.all(shardsFor(m, w).map((n) => shard(m, n)))));
    const idfOf = (list) => Math.log(1 + (m.n - list.length / 2 + 0.5) / (list.length / 2 + 0.5));
    const scores = new Map(), counts = new Map();
    words.forEach((word, i) => {
      const forms = [];
      let exact = null;
      for (const terms of wanted[i]) {
        for (const term in terms) {
          if (word.matches(term)) forms.push([term, terms[term]]);
        }
        if (word.exact !== word.folded && terms["=" + word.exact]) exact = terms["=" + word.exact];
      }
      // Every form is as rare as the word typed (or, while typing, its commonest completion):
      // a rare form must not outrank the word itself.
      const own = forms.find(([term]) => term === word.key);
      const ceiling = own ? idfOf(own[1]) : Math.min(...forms.map(([, list]) => idfOf(list)));
      // A word counts once per page: by its best-scoring form, not the sum of all its forms.
      const matched = new Map();
      for (const [term, list] of forms) {
        const idf = term === word.key ? idfOf(list) : Math.min(idfOf(list), ceiling) * PREFIX_FACTOR;
        for (let j = 0, doc = 0; j < list.length; j += 2) {
          doc += list[j];
          matched.set(doc, Math.max(matched.get(doc) || 0, (idf * list[j + 1]) / MAX_WEIGHT));
        }
      }
      for (let j = 0, doc = 0; exact && j < exact.length; j += 2) {
        doc += exact[j];
        scores.set(doc, (scores.get(doc) || 0) + (EXACT_BONUS * exact[j + 1]) / MAX_WEIGHT);
      }
      for (const [doc, score] of matched) {
        scores.set(doc, (scores.get(doc) || 0) + score);
        counts.set(doc, (counts.get(doc) || 0) + 1);
      }
    });
    let most = 0;
    for (const c of counts.values()) most = Math.max(most, c);
    const ranked = [...counts.keys()].filter((d) => counts.get(d) === most)
      .sort((a, b) => scores.get(b) - scores.get(a) || a - b);
    return { words, ranked };
  }

  /* ---- One result: its page, best section and excerpt ------------------ */

  const fragment = (m, doc) => get("f." + m.f + "/" + doc + ".json");

  function matcher(words) {
    return (t) => {
      const k = key(t.folded);
      return words.some((w) => w.matches(k));
    };
  }

  const escapeHTML = (s) => s.replace(/[&<>"']/g, (c) => "&#" + c.charCodeAt(0) + ";");
  const EXCERPT_WORDS = 30;

  /* The stretch of about 30 words with the most matches, as parts [text, marked]. */
  function excerpt(text, words) {
    const all = tokens(text), isMatch = matcher(words);
    if (!all.length) return [];
    const hits = all.map(isMatch);
    let best = 0, bestCount = -1, count = 0;
    for (let i = 0; i < all.length; i++) {
      if (hits[i]) count++;
      if (i >= EXCERPT_WORDS && hits[i - EXCERPT_WORDS]) count--;
      const start = Math.max(0, i - EXCERPT_WORDS + 1);
      if (count > bestCount) { bestCount = count; best = start; }
    }
    // Start a few words before the first match, so it is read in context.
    const first = hits.indexOf(true, best);
    const from = first < 0 ? best : Math.max(0, Math.min(best, first - 5));
    const to = Math.min(all.length, from + EXCERPT_WORDS);
    const parts = [];
    let at = from === 0 ? 0 : all[from].start;
    if (from > 0) parts.push(["… ", false]);
    for (let i = from; i < to; i++) {
      if (!hits[i]) continue;
      if (all[i].start > at) parts.push([text.slice(at, all[i].start), false]);
      parts.push([text.slice(all[i].start, all[i].end), true]);
      at = all[i].end;
    }
    const end = to === all.length ? text.length : all[to - 1].end;
    if (end > at) parts.push([text.slice(at, end), false]);
    if (to < all.length) parts.push([" …", false]);
    return parts;
  }

  async function load(m, doc, words) {
    const f = await fragment(m, doc);
    const isMatch = matcher(words);
    const count = (s) => tokens(s).filter(isMatch).length;
    let best = -1, bestCount = 0;
    f.s.forEach(([, heading, text], i) => {
      const c = 2 * count(heading) + count(text);
      if (c > bestCount) { best = i; bestCount = c; }
    });
    const section = f.s[best] || f.s[0] || ["", "", ""];
    const url = new URL(f.u.replace(/^\//, ""), siteRoot);
    if (best >= 0 && section[0]) url.hash = section[0];
    const parts = excerpt(section[2], words);
    return {
      url: url.href, title: f.t, heading: section[1], parts,
      excerpt: parts.map(([s, marked]) => (marked ? "<mark>" + escapeHTML(s) + "</mark>" : escapeHTML(s))).join(""),
    };
  }

  async function search(query) {
    const m = await meta();
    const { words, ranked } = await rank(query);
    return { total: ranked.length, results: ranked.map((doc) => ({ doc, load: () => load(m, doc, words) })) };
  }

  window.WaymarkSearch = { search, tokens, fold };

  /* ---- The search page -------------------------------------------------- */

  const form = document.getElementById("waymark-search");
  if (!form) return;
  const input = form.querySelector("input[type=search]");
  const status = document.getElementById("waymark-search-status");
  const list = document.getElementById("waymark-search-results");
  const more = document.getElementById("waymark-search-more");
  const text = form.dataset;
  const plural = new Intl.PluralRules(lang);
  const PAGE = 10;
  document.getElementById("waymark-search-nojs").hidden = true;
  form.classList.add("search-ready");

  const fill = (template, values) => template.replace(/\{(\w+)\}/g, (all, key) => (key in values ? values[key] : all));
  function countText(total, query) {
    if (total === 0) return fill(text.none, { query });
    const form = "count" + plural.select(total).replace(/^./, (c) => c.toUpperCase());
    return fill(text[form] || text.countOther, { count: total.toLocaleString(lang), query });
  }

  function resultItem(result) {
    const item = document.createElement("li");
    item.className = "search-result";
    const title = document.createElement("h2");
    title.className = "search-result-title";
    const link = document.createElement("a");
    link.href = result.url;
    link.textContent = result.title;
    title.append(link);
    item.append(title);
    if (result.heading && result.heading !== result.title) {
      const section = document.createElement("p");
      section.className = "search-result-section";
      section.textContent = fill(text.section, { heading: result.heading });
      item.append(section);
    }
    if (result.parts.length) {
      const snippet = document.createElement("p");
      snippet.className = "search-result-excerpt";
      for (const [s, marked] of result.parts) {
        if (!marked) { snippet.append(s); continue; }
        const mark = document.createElement("mark");
        mark.textContent = s;
        snippet.append(mark);
      }
      item.append(snippet);
    }
    return item;
  }

  let latest = 0, current = null, shown = 0;

  async function showMore() {
    const run = latest;
    const next = current.results.slice(shown, shown + PAGE);
    const loaded = await Promise.all(next.map((r) => r.load()));
    if (run !== latest) return;
    list.append(...loaded.map(resultItem));
    shown += next.length;
    more.hidden = shown >= current.total;
  }

  async function run(query, announce) {
    const mine = ++latest;
    query = query.trim();
    if (!query) {
      list.replaceChildren();
      more.hidden = true;
      status.textContent = "";
      return;
    }
    try {
      const found = await search(query);
      const first = await Promise.all(found.results.slice(0, PAGE).map((r) => r.load()));
      if (mine !== latest) return; // a newer query has started
      current = found;
      shown = first.length;
      list.replaceChildren(...first.map(resultItem));
      more.hidden = shown >= found.total;
      if (announce) status.textContent = countText(found.total, query);
    } catch (error) {
      if (mine !== latest) return;
      list.replaceChildren();
      more.hidden = true;
      status.textContent = text.error;
    }
  }

  function remember(query) {
    const url = new URL(location.href);
    if (query) url.searchParams.set("q", query); else url.searchParams.delete("q");
    history.replaceState(null, "", url);
  }

  let timer = 0;
  input.addEventListener("input", () => {
    clearTimeout(timer);
    // Wait for a pause in typing, so a screen reader hears one count, not one per letter.
    timer = setTimeout(() => { remember(input.value.trim()); run(input.value, true); }, 250);
  });
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    clearTimeout(timer);
    remember(input.value.trim());
    run(input.value, true);
  });
  more.addEventListener("click", () => {
    const before = shown;
    showMore().then(() => {
      const link = list.children[before] && list.children[before].querySelector("a");
      if (link) link.focus(); // keep the reader's place: the first new result
    });
  });

  /* Down and up arrows move between the search box and the result links. */
  form.parentNode.addEventListener("keydown", (event) => {
    if (event.key !== "ArrowDown" && event.key !== "ArrowUp") return;
    const links = [input, ...list.querySelectorAll(".search-result-title a")];
    const at = links.indexOf(document.activeElement);
    if (at < 0) return;
    const to = at + (event.key === "ArrowDown" ? 1 : -1);
    if (to < 0 || to >= links.length) return;
    event.preventDefault();
    links[to].focus();
  });

  const initial = new URLSearchParams(location.search).get("q");
  if (initial) {
    input.value = initial;
    run(initial, true);
  }
})();
