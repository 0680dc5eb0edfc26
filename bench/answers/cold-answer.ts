/**
 * `npx tsx bench/answers/cold-answer.ts <trip file>`: in a fresh process, as a cold container
 * meets its first question, how long importing the search takes, then the first answer (which
 * builds the trip's index) and a second one (which reuses it). Run it a few times: the first
 * answer minus the second is what building the index adds to a cold answer.
 */
import { readFileSync } from "node:fs";
import { performance } from "node:perf_hooks";
import { parseTripText } from "../../bot/trip/parse";

const file = process.argv[2] ?? "trips/pyongyang-marathon-2025.yaml";
const parsed = parseTripText(readFileSync(file, "utf8"), file);
if (!parsed.ok) throw new Error(`${file} does not parse`);
const t0 = performance.now();
const { findAnswer } = await import("../../bot/answer/find");
const t1 = performance.now();
findAnswer(parsed.trip, "what time does the coach leave");
const t2 = performance.now();
findAnswer(parsed.trip, "can i bring a drone");
const t3 = performance.now();
const ms = (a: number, b: number) => `${(b - a).toFixed(1)} ms`;
console.log(
  `import ${ms(t0, t1)}, first answer ${ms(t1, t2)}, second answer ${ms(t2, t3)} (${file})`,
);
