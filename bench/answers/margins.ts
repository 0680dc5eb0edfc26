/**
 * `npx tsx bench/answers/margins.ts <set.yaml>…`: for each question, the best entry's coverage
 * and lead over the runner-up, whether it is right, and what the bot decided — to see where the
 * "sure" line falls between right and wrong answers. For working on the search; not the bot.
 */
import { readFileSync } from "node:fs";
import { parse } from "yaml";
import { decide, rank, tripIndex } from "../../bot/answer/find";
import { parseTripText } from "../../bot/trip/parse";

for (const file of process.argv.slice(2)) {
  const set = parse(readFileSync(file, "utf8")) as {
    trip: string;
    questions: { q: string; a: string | string[] }[];
  };
  const parsed = parseTripText(readFileSync(set.trip, "utf8"), set.trip);
  if (!parsed.ok) throw new Error(`${set.trip} does not parse`);
  const index = tripIndex(parsed.trip);
  for (const { q, a } of set.questions) {
    const want = Array.isArray(a) ? a : [a];
    const ranked = rank(index.search(q, 12), q);
    const [best, second] = ranked;
    const f = decide(ranked, (x, y) => index.overlap(x, y), q);
    const right = best !== undefined && want.includes(best.entry.id);
    const lead = best && second ? best.score / second.score : 99;
    console.log(
      [
        f.sure ? "sure  " : "unsure",
        right ? "right" : want[0] === "none" ? "none " : "wrong",
        (best?.coverage ?? 0).toFixed(2),
        (second?.coverage ?? 0).toFixed(2),
        lead.toFixed(2),
        q,
      ].join("\t"),
    );
  }
}
