/**
 * `npx tsx bench/answers/explain.ts <trip file> <question…>`: how a question is read (terms,
 * synonym groups) and the entries it ranks highest, with score and coverage, and what the bot
 * would do. For working on the search; not part of the bot.
 */
import { readFileSync } from "node:fs";
import { decide, rank, tripIndex } from "../../bot/answer/find";
import { parseTripText } from "../../bot/trip/parse";

const [file, ...words] = process.argv.slice(2);
if (!file || words.length === 0) {
  console.error("usage: tsx bench/answers/explain.ts <trip file> <question>");
  process.exit(2);
}
const parsed = parseTripText(readFileSync(file, "utf8"), file);
if (!parsed.ok) throw new Error(`${file} does not parse`);
const question = words.join(" ");
const index = tripIndex(parsed.trip);
console.log(index.vocabulary.analyse(question, true));
const ranked = rank(index.search(question, 12), question);
for (const r of ranked.slice(0, 6)) {
  console.log(
    `${r.entry.id.padEnd(32)} score ${r.score.toFixed(2)}  coverage ${r.coverage.toFixed(2)}`,
  );
}
const finding = decide(ranked, (a, b) => index.overlap(a, b), question);
console.log(finding.sure ? `sure: ${finding.best.entry.id}` : "not sure");
