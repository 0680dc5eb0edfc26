/**
 * `npx tsx bench/answers/margins.ts [--sure] [set.yaml…]`: for each question (or, with `--sure`,
 * each question answered surely), what the sure line is drawn from — the best entry's kind,
 * coverage, depth (mean field weight its matches hit) and share covered by the words themselves
 * rather than synonyms, the runner-up's kind and coverage, the lead over it — whether the best
 * is right, and what the bot decided; then, over all the sets together, how many sure answers
 * were right and wrong. Without set files it reads the tuning sets (never held-out 4, whose
 * misses are not to be looked at). For working on the search; not the bot.
 */
import { readFileSync } from "node:fs";
import { parse } from "yaml";
import { decide, rank, tripIndex } from "../../bot/answer/find";
import { parseTripText } from "../../bot/trip/parse";

const TUNING = ["pyongyang", "new-york", "held-out", "held-out-2", "held-out-3", "marrakech"];
const args = process.argv.slice(2);
const onlySure = args.includes("--sure");
const named = args.filter((a) => !a.startsWith("--"));
const files = named.length > 0 ? named : TUNING.map((n) => `bench/answers/${n}.yaml`);

let sureRight = 0;
let sureWrong = 0;
let questions = 0;
console.log(
  [
    "decided",
    "best",
    "kind",
    "cov",
    "depth",
    "own",
    "2nd kind",
    "2nd cov",
    "lead",
    "question",
  ].join("\t"),
);
for (const file of files) {
  const set = parse(readFileSync(file, "utf8")) as {
    trip: string;
    questions: { q: string; a: string | string[] }[];
  };
  const parsed = parseTripText(readFileSync(set.trip, "utf8"), set.trip);
  if (!parsed.ok) throw new Error(`${set.trip} does not parse`);
  const index = tripIndex(parsed.trip);
  for (const { q, a } of set.questions) {
    questions++;
    const want = Array.isArray(a) ? a : [a];
    const ranked = rank(index.search(q, 12), q);
    const [best, second] = ranked;
    const f = decide(ranked, (x, y) => index.overlap(x, y), q);
    // What the reply leads with: the sure answer (a place may lead an item held there), or the
    // best match.
    const first = f.sure ? f.best : best;
    const right = first !== undefined && want.includes(first.entry.id);
    if (f.sure) right ? sureRight++ : sureWrong++;
    if (onlySure && !f.sure) continue;
    const lead = best && second ? best.score / second.score : 99;
    console.log(
      [
        f.sure ? "sure  " : "unsure",
        right ? "right" : want[0] === "none" ? "none " : "wrong",
        first?.entry.kind ?? "-",
        (first?.coverage ?? 0).toFixed(2),
        (first?.depth ?? 0).toFixed(2),
        (first?.own ?? 0).toFixed(2),
        second?.entry.kind ?? "-",
        (second?.coverage ?? 0).toFixed(2),
        lead.toFixed(2),
        q,
      ].join("\t"),
    );
  }
}
console.log(
  `\n${questions} questions: ${sureRight + sureWrong} sure, ${sureRight} right, ${sureWrong} wrong`,
);
