// Checks the browser's English stemmer (theme/assets/js/stem-en.js) against Snowball's published
// vocabulary, the fixture Porter2Tests also reads; exits non-zero on any mismatch.
//   node Tests/search/porter2-vocabulary.mjs           check every word of the fixture
//   node Tests/search/porter2-vocabulary.mjs --stem    stem the words on stdin, one a line
//                                                      (Porter2Tests compares these with Swift's)
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";

const root = new URL("../../", import.meta.url);
const stem = createRequire(import.meta.url)(new URL("theme/assets/js/stem-en.js", root).pathname);

if (process.argv.includes("--stem")) {
  const words = readFileSync(0, "utf8").split("\n");
  if (words.at(-1) === "") words.pop();
  process.stdout.write(words.map(stem).join("\n") + "\n");
} else {
  const fixture = new URL("Tests/WaymarkSearchTests/Fixtures/porter2-vocabulary.txt", root);
  const lines = readFileSync(fixture, "utf8").split("\n").filter((line) => line !== "");
  const mismatches = [];
  for (const line of lines) {
    const [word, expected] = line.split(" ");
    const actual = stem(word);
    if (actual !== expected) mismatches.push(`${word}: expected ${expected}, got ${actual}`);
  }
  for (const m of mismatches.slice(0, 20)) console.error(m);
  const passed = lines.length - mismatches.length;
  console.log(`porter2 vocabulary: ${passed} passed, ${mismatches.length} failed`);
  process.exit(mismatches.length === 0 && lines.length > 29000 ? 0 : 1);
}
