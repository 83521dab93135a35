(() => {
"use strict";
const script = document.currentScript;
const lang = (document.documentElement.lang || "en").toLowerCase();
const indexRoot = new URL(script.dataset.index || "../../search-index/", script.dataset.index ? location.href : script.src);
const base = new URL(lang + "/", indexRoot);
const siteRoot = new URL("../", indexRoot);
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
const ARTICLE = /^(?:\u0648\u0627\u0644|\u0628\u0627\u0644|\u0643\u0627\u0644|\u0641\u0627\u0644|\u0644\u0644|\u0627\u0644)(?=[\u0600-\u06ff]{3})/u;
const key = (folded) => folded.replace(ARTICLE, "");
function matchPrefix(folded, isLast) {
const letters = Array.from(folded);
if (letters.length >= 5) return letters.slice(0, letters.length - (letters.length >= 7 ? 2 : 1)).join("");
return isLast && letters.length >= 2 ? folded : null;
}
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
const PREFIX_FACTOR = 0.5, STEM_FACTOR = 0.8, EXACT_BONUS = 0.25, MAX_WEIGHT = 99;
function shardFor(m, folded) {
let low = 0, high = m.starts.length - 1;
while (low < high) {
const middle = (low + high + 1) >> 1;
if (m.starts[middle] <= folded) low = middle; else high = middle - 1;
}
return low;
}
function shardsFor(m, word) {
const own = shardFor(m, word.key);
if (!word.range) return [own];
const shards = [];
for (let n = shardFor(m, word.range); n < m.starts.length; n++) {
if (n > own && !m.starts[n].startsWith(word.range)) break;
shards.push(n);
if (shards.length > PREFIX_SHARDS) return [own];
}
return shards;
}
const stemmer = lang.split("-")[0] === "en" && window.WaymarkStemmers ? window.WaymarkStemmers.en : null;
const stemStart = (stem) => (stem && stem.length >= 3 ? stem.slice(0, stem.length - 1) : null);
function queryWord(w, isLast) {
const k = key(w.folded);
const prefix = matchPrefix(k, isLast);
const stem = stemmer && stemmer(k);
const start = stemStart(stem);
const sameStem = (term) => start !== null && term !== k && term.startsWith(start) && stemmer(term) === stem;
const range = start !== null && (prefix === null || start.length < prefix.length) ? start : prefix;
const isPrefixed = (term) => prefix !== null && term.startsWith(prefix);
return {
...w, key: k, prefix, range, sameStem,
matches: (term) => term === k || isPrefixed(term) || sameStem(term),
factor: (term) => (term === k ? 1 : sameStem(term) ? STEM_FACTOR : PREFIX_FACTOR),
};
}
function queryWords(query) {
const words = tokens(query);
return words.map((w, i) => queryWord(w, i === words.length - 1));
}
function decodeShard(text) {
const bar = text.indexOf("|");
const terms = text.slice(0, bar).split(" "), lists = text.slice(bar + 1).split(" ");
const out = Object.create(null);
let previous = "";
for (let i = 0; i < terms.length; i++) {
previous = previous.slice(0, parseInt(terms[i][0], 36)) + terms[i].slice(1);
const flat = [];
for (const p of lists[i].split(",")) flat.push(p.length > 2 ? parseInt(p.slice(2), 36) : 1, +p.slice(0, 2));
out[previous] = flat;
}
return out;
}
const shards = new Map();
function shard(m, n) {
if (!shards.has(n)) {
const request = (m.s !== undefined ? Promise.resolve(m.s) : get("t." + m.t + "/" + n + ".json")).then(decodeShard);
request.catch(() => shards.delete(n));
shards.set(n, request);
}
return shards.get(n);
}
async function lookup(m, word) {
const wanted = await Promise.all(shardsFor(m, word).map((n) => shard(m, n)));
const forms = [];
let exact = null;
for (const terms of wanted) {
for (const term in terms) if (word.matches(term)) forms.push([term, terms[term]]);
if (word.exact !== word.folded && terms["=" + word.exact]) exact = terms["=" + word.exact];
}
return { forms, exact };
}
function distance(a, b, limit) {
if (Math.abs(a.length - b.length) > limit) return -1;
if (!a.length || !b.length) return Math.max(a.length, b.length);
let before = new Array(b.length + 1).fill(0), previous = [...Array(b.length + 1).keys()], current = new Array(b.length + 1).fill(0);
for (let i = 1; i <= a.length; i++) {
current[0] = i;
let rowMin = i;
for (let j = 1; j <= b.length; j++) {
let d = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, before[j - 2] + 1);
current[j] = d;
if (d < rowMin) rowMin = d;
}
if (rowMin > limit) return -1;
[before, previous, current] = [previous, current, before];
}
return previous[b.length] <= limit ? previous[b.length] : -1;
}
const NOT_CORRECTED = new RegExp("[\\p{N}" + UNSPACED + "]", "u");
const correctable = (k) => Array.from(k).length >= 3 && !NOT_CORRECTED.test(k);
const frequencyClass = (df) => (df > 1 ? Math.min(35, 31 - Math.clz32(df)) : 0);
function candidateStarts(k) {
const s = Array.from(k);
if (s.length < 3) return s.slice(0, 1);
const starts = [s[0]];
for (const start of [s[1] + s[0], s[1] + s[2]]) if (!start.startsWith(s[0]) && !starts.includes(start)) starts.push(start);
return starts;
}
const vocabularies = new Map();
function vocabulary(m, n) {
const path = "v." + m.w + "/" + n + ".json";
if (!vocabularies.has(path)) {
vocabularies.set(path, get(path).then((text) => {
let previous = "";
return text.split(",").map((entry) => {
previous = previous.slice(0, parseInt(entry[1], 36)) + entry.slice(2);
return [previous, parseInt(entry[0], 36)];
});
}));
}
return vocabularies.get(path);
}
function shardRange(m, start) {
const out = [];
for (let n = shardFor(m, start); n < m.starts.length; n++) {
if (out.length && !m.starts[n].startsWith(start)) break;
out.push(n);
}
return out;
}
async function correction(m, k) {
if (!correctable(k)) return null;
const starts = candidateStarts(k);
let terms;
if (m.w) {
const files = new Set(starts.flatMap((start) => shardRange(m, start).map((n) => Math.floor(n / m.g))));
terms = (await Promise.all([...files].map((n) => vocabulary(m, n)))).flat();
} else {
const all = await shard(m, 0);
terms = Object.keys(all).filter((t) => t[0] !== "=").map((t) => [t, frequencyClass(all[t].length / 2)]);
}
const typed = Array.from(k), limit = Array.from(k).length >= 8 ? 2 : 1;
let best = null;
for (const [term, cls] of terms) {
if (term === k || !starts.some((start) => term.startsWith(start)) || !correctable(term)) continue;
const d = distance(typed, Array.from(term), limit);
if (d < 0) continue;
if (best && (d > best[0] || (d === best[0] && (cls < best[1] || (cls === best[1] && !(term < best[2])))))) continue;
best = [d, cls, term];
}
return best && { term: best[2], frequencyClass: best[1] };
}
function needsCorrection(word, forms) {
return !forms.some(([term]) => term.startsWith(word.key) || word.sameStem(term));
}
function takesCorrection(forms, fix) {
return !!fix && forms.every(([, list]) => frequencyClass(list.length / 2) < fix.frequencyClass);
}
function synonymSpans(keys, groups) {
const spans = [];
for (let i = 0; i < keys.length;) {
let best = null;
groups.forEach((group, g) => group.forEach((member, n) => {
if (member.length && i + member.length <= keys.length && member.every((w, j) => w.key === keys[i + j])
&& member.length > (best ? best.length : 0)) best = { at: i, length: member.length, group: g, member: n };
}));
if (best) spans.push(best);
i += best ? best.length : 1;
}
return spans;
}
const CORRECTION_FACTOR = 0.25, SYNONYM_FACTOR = 0.8;
async function rank(query, exact) {
const m = await meta();
let words = queryWords(query);
const corrections = [];
if (!words.length || !m.starts.length) return { words, ranked: [], corrections };
const groups = (m.y || []).map((group) => group.map((member) => tokens(member).map((t) => queryWord(t, false))));
const found = (ws) => Promise.all(ws.map((w) => lookup(m, w)));
const synonymWords = (spans) => spans.flatMap((s) => groups[s.group].flat());
let spans = synonymSpans(words.map((w) => w.key), groups);
let [typed] = await Promise.all([found(words), found(synonymWords(spans))]);
const factors = words.map(() => 1);
if (!exact) {
const covered = new Set(spans.flatMap((s) => Array.from({ length: s.length }, (_, j) => s.at + j)));
const fixes = await Promise.all(words.map((w, i) => (covered.has(i) || !needsCorrection(w, typed[i].forms) ? null : correction(m, w.key))));
fixes.forEach((fix, i) => {
if (!takesCorrection(typed[i].forms, fix)) return;
const to = fix.term;
const article = words[i].folded.slice(0, words[i].folded.length - words[i].key.length);
corrections.push({ start: words[i].start, end: words[i].end, from: words[i].key, to, article });
words[i] = queryWord({ exact: to, folded: to, start: words[i].start, end: words[i].end }, i === words.length - 1);
factors[i] = CORRECTION_FACTOR;
});
if (corrections.length) {
spans = synonymSpans(words.map((w) => w.key), groups);
typed = await found(words);
}
}
const units = [];
for (let i = 0; i < words.length;) {
const span = spans.find((s) => s.at === i);
if (!span) { units.push([[[words[i], factors[i], typed[i]]]]); i++; continue; }
const alternatives = [words.slice(i, i + span.length).map((w, j) => [w, factors[i + j], typed[i + j]])];
for (const [n, member] of groups[span.group].entries()) {
if (n !== span.member) alternatives.push((await found(member)).map((f, j) => [member[j], SYNONYM_FACTOR, f]));
}
units.push(alternatives);
i += span.length;
}
const idfOf = (list) => Math.log(1 + (m.n - list.length / 2 + 0.5) / (list.length / 2 + 0.5));
const scores = new Map(), counts = new Map();
for (const unit of units) {
const best = new Map();
for (const alternative of unit) {
const total = new Map(), count = new Map();
for (const [word, factor, { forms, exact: exactList }] of alternative) {
const own = forms.find(([term]) => term === word.key);
const ceiling = own ? idfOf(own[1]) : Math.min(...forms.map(([, list]) => idfOf(list)));
const matched = new Map();
for (const [term, list] of forms) {
const idf = term === word.key ? idfOf(list) : Math.min(idfOf(list), ceiling) * word.factor(term);
for (let j = 0, doc = 0; j < list.length; j += 2) {
doc += list[j];
matched.set(doc, Math.max(matched.get(doc) || 0, (idf * list[j + 1]) / MAX_WEIGHT));
}
}
for (const [doc, score] of matched) {
total.set(doc, (total.get(doc) || 0) + score * factor);
count.set(doc, (count.get(doc) || 0) + 1);
}
for (let j = 0, doc = 0; factor === 1 && exactList && j < exactList.length; j += 2) {
doc += exactList[j];
scores.set(doc, (scores.get(doc) || 0) + (EXACT_BONUS * exactList[j + 1]) / MAX_WEIGHT);
}
}
for (const [doc, score] of total) {
if (count.get(doc) === alternative.length) best.set(doc, Math.max(best.get(doc) || 0, score));
}
}
for (const [doc, score] of best) {
scores.set(doc, (scores.get(doc) || 0) + score);
counts.set(doc, (counts.get(doc) || 0) + 1);
}
}
let most = 0;
for (const c of counts.values()) most = Math.max(most, c);
const ranked = [...counts.keys()].filter((d) => counts.get(d) === most)
.sort((a, b) => scores.get(b) - scores.get(a) || a - b);
return { words: units.flat(2).map(([w]) => w), ranked, corrections };
}
const fragment = (m, doc) => get("f." + m.f + "/" + doc + ".json");
function matcher(words) {
return (t) => {
const k = key(t.folded);
return words.some((w) => w.matches(k));
};
}
const escapeHTML = (s) => s.replace(/[&<>"']/g, (c) => "&#" + c.charCodeAt(0) + ";");
const EXCERPT_WORDS = 30;
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
async function search(query, options) {
const m = await meta();
const { words, ranked, corrections } = await rank(query, !!(options && options.exact));
return { total: ranked.length, corrections, results: ranked.map((doc) => ({ doc, load: () => load(m, doc, words) })) };
}
window.WaymarkSearch = { search, tokens, fold, distance };
const form = document.getElementById("waymark-search");
if (!form) return;
const input = form.querySelector("input[type=search]");
const status = document.getElementById("waymark-search-status");
const list = document.getElementById("waymark-search-results");
const more = document.getElementById("waymark-search-more");
const corrected = document.getElementById("waymark-search-corrected");
const exactButton = document.getElementById("waymark-search-exact");
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
function correctedQuery(query, corrections, loaded) {
const marked = loaded.flatMap((r) => r.parts.filter(([, isMark]) => isMark).map(([s]) => s));
let out = query;
for (const c of [...corrections].sort((a, b) => b.start - a.start)) {
const want = c.article + c.to; // an Arabic article typed stays: "الاسغتلال" → "الاستغلال"
const written = marked.find((s) => tokens(s).length === 1 && fold(s) === want);
out = out.slice(0, c.start) + (written ? written.toLowerCase() : want) + out.slice(c.end);
}
return out;
}
async function run(query, announce, exact) {
const mine = ++latest;
query = query.trim();
if (!query) {
list.replaceChildren();
more.hidden = true;
corrected.hidden = true;
status.textContent = "";
return;
}
try {
const found = await search(query, { exact });
const first = await Promise.all(found.results.slice(0, PAGE).map((r) => r.load()));
if (mine !== latest) return; // a newer query has started
current = found;
shown = first.length;
list.replaceChildren(...first.map(resultItem));
more.hidden = shown >= found.total;
corrected.hidden = !found.corrections.length;
if (found.corrections.length) {
const instead = correctedQuery(query, found.corrections, first);
exactButton.textContent = fill(text.exact, { query });
exactButton.dataset.query = query;
if (announce) status.textContent = fill(text.corrected, { query, corrected: instead }) + " " + countText(found.total, instead);
} else if (announce) {
status.textContent = countText(found.total, query);
}
} catch (error) {
if (mine !== latest) return;
list.replaceChildren();
more.hidden = true;
corrected.hidden = true;
status.textContent = text.error;
}
}
function remember(query, exact) {
const url = new URL(location.href);
if (query) url.searchParams.set("q", query); else url.searchParams.delete("q");
if (exact) url.searchParams.set("exact", "1"); else url.searchParams.delete("exact");
history.replaceState(null, "", url);
}
exactButton.addEventListener("click", () => {
const query = exactButton.dataset.query;
remember(query, true);
input.focus();
run(query, true, true);
});
let timer = 0;
input.addEventListener("input", () => {
clearTimeout(timer);
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
const params = new URLSearchParams(location.search), initial = params.get("q");
if (initial) {
input.value = initial;
run(initial, true, params.get("exact") === "1");
}
})();
