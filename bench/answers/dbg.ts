import { readFileSync } from "node:fs";
import { rank, tripIndex } from "/work/wt-answers/bot/answer/find";
import { parseTripText } from "/work/wt-answers/bot/trip/parse";

const [file, ...q] = process.argv.slice(2);
const p = parseTripText(readFileSync(file!, "utf8"));
if (!p.ok) throw new Error("bad");
const question = q.join(" ");
console.log(tripIndex(p.trip).vocabulary.analyse(question, true));
for (const r of rank(tripIndex(p.trip).search(question, 12), question).slice(0, 5))
  console.log(r.entry.id, r.score.toFixed(2), r.coverage.toFixed(2));
