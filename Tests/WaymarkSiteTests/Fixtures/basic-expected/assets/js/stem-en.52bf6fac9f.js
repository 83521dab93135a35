(() => {
"use strict";
const VOWEL = /[aeiouy]/;
const isVowel = (c) => c !== undefined && VOWEL.test(c);
const table = (s) => s.split(" ").map((r) => r.split(":")).sort((a, b) => b[0].length - a[0].length);
const STEP2 = table("tional:tion enci:ence anci:ance abli:able entli:ent izer:ize ization:ize ational:ate ation:ate ator:ate alism:al aliti:al alli:al fulness:ful ousli:ous ousness:ous iveness:ive iviti:ive biliti:ble bli:ble ogi:og fulli:ful lessli:less li:");
const STEP3 = table("tional:tion ational:ate alize:al icate:ic iciti:ic ical:ic ful: ness: ative:");
const STEP4 = table("al: ance: ence: er: ic: able: ible: ant: ement: ment: ent: ism: ate: iti: ous: ive: ize: ion:");
const EXCEPTIONS = new Map("skis:ski skies:sky dying:die lying:lie tying:tie idly:idl gently:gentl ugly:ugli early:earli only:onli singly:singl sky news howe atlas cosmos bias andes"
.split(" ").map((r) => { const [w, s] = r.split(":"); return [w, s || w]; }));
const INVARIANT = /^(inning|outing|canning|herring|earring|proceed|exceed|succeed)$/;
const region = (w, from) => {
const m = /[aeiouy][^aeiouy]/.exec(w.slice(from));
return m ? from + m.index + 2 : w.length;
};
const shortSyllable = (w, end) =>
end > 1 && isVowel(w[end - 2]) && !isVowel(w[end - 1]) &&
(end === 2 || (!isVowel(w[end - 3]) && !/[wxY]/.test(w[end - 1])));
const rule = (w, rules, r1, r2) => {
const r = rules.find(([s]) => w.endsWith(s));
if (!r) return w;
const i = w.length - r[0].length, before = w[i - 1] || "";
const ok = i >= r1 && (r[0] === "ogi" ? before === "l"
: r[0] === "li" ? /[cdeghkmnrt]/.test(before)
: r[0] === "ion" ? /[st]/.test(before)
: r[0] !== "ative" || i >= r2);
return ok ? w.slice(0, i) + (r[1] || "") : w;
};
const stem = (word) => {
if (/[^\0-\x7f]/.test(word)) return word;
if (EXCEPTIONS.has(word)) return EXCEPTIONS.get(word);
if (word.length < 3) return word;
let w = word.replace(/^'/, "").replace(/^y/, "Y").replace(/([aeiouy])y/g, "$1Y");
const prefix = /^(gener|commun|arsen)/.exec(w);
const r1 = prefix ? prefix[0].length : region(w, 0);
const r2 = region(w, r1);
let m;
w = w.replace(/'(s'?)?$/, "");
if (/sses$/.test(w)) w = w.slice(0, -2);
else if (/ie[ds]$/.test(w)) w = w.slice(0, -3) + (w.length > 4 ? "i" : "ie");
else if (!/[us]s$/.test(w) && /[aeiouy].+s$/.test(w)) w = w.slice(0, -1);
if (INVARIANT.test(w)) return w;
if ((m = /eed(ly)?$/.exec(w))) {
if (m.index >= r1) w = w.slice(0, m.index) + "ee";
} else if ((m = /(ed|ing)(ly)?$/.exec(w)) && VOWEL.test(w.slice(0, m.index))) {
w = w.slice(0, m.index);
if (/(at|bl|iz)$/.test(w)) w += "e";
else if (/(bb|dd|ff|gg|mm|nn|pp|rr|tt)$/.test(w)) w = w.slice(0, -1);
else if (w.length === r1 && shortSyllable(w, r1)) w += "e";
}
w = w.replace(/(.[^aeiouy])[yY]$/, "$1i");
w = rule(w, STEP2, r1, r2);
w = rule(w, STEP3, r1, r2);
w = rule(w, STEP4, r2, r2);
const last = w.length - 1;
if (w[last] === "e" ? last >= r2 || (last >= r1 && !shortSyllable(w, last))
: w[last] === "l" && w[last - 1] === "l" && last >= r2) w = w.slice(0, last);
return w.replace(/Y/g, "y");
};
if (typeof window !== "undefined") (window.WaymarkStemmers = window.WaymarkStemmers || {}).en = stem;
if (typeof module !== "undefined" && module.exports) module.exports = stem;
})();
