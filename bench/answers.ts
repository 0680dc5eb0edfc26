/**
 * `npm run bench:answers`: how well questions typed as travellers type them are answered, on
 * the two example trips and on held-out trips, each written and measured before the rules they
 * measure changed (SETS says which were tuned on and which are only ever read as totals). For
 * each set it prints, before (the FAQ-only matcher) and after (each candidate engine under the
 * same decision rules): top-1 accuracy (answered surely and right), the confident-wrong rate,
 * safety questions answered wrongly, how often an unanswerable question got an honest "not
 * sure", how often the reply leads with the right entry in full, sure or as a guess, and how
 * often the right entry is ranked first whatever the decision. It also times building a trip's
 * index, the cost a cold container adds to its first answer.
 */
import { readFileSync } from "node:fs";
import { performance } from "node:perf_hooks";
import { DateTime } from "luxon";
import { parse } from "yaml";
import { type Ranked, TripIndex } from "../bot/answer/engine";
import { type TripEntry, tripEntries } from "../bot/answer/entries";
import { decide, type Finding, onDay, rank } from "../bot/answer/find";
import { asksWhatIsOn, dayInQuestion } from "../bot/commands/day-in-question";
import type { Trip } from "../bot/trip/model";
import { parseTripText } from "../bot/trip/parse";
import { faqBefore } from "./answers/before";
import { ENGINES } from "./answers/engines";

interface Labelled {
  q: string;
  /** The entry id(s) that answer it, or "none". */
  a: string | string[];
  /** A "can I…" whose answer is a prohibition: answering it wrongly is the worst outcome. */
  safety?: boolean;
}

interface QuestionSet {
  trip: string;
  questions: Labelled[];
}

const SETS = [
  { name: "Pyongyang (example)", file: "bench/answers/pyongyang.yaml" },
  { name: "New York (example)", file: "bench/answers/new-york.yaml" },
  { name: "Held-out trip", file: "bench/answers/held-out.yaml" },
  { name: "Held-out trip 2 (cycling)", file: "bench/answers/held-out-2.yaml" },
  { name: "Held-out trip 3 (ski, Japan)", file: "bench/answers/held-out-3.yaml" },
  // Written on branch answers2 before its rules changed; only its totals are ever looked at.
  { name: "Held-out trip 4 (festival, Denmark)", file: "bench/answers/held-out-4.yaml" },
  // Written apart from the search's work this session and measured only at its end (before:
  // fedb4b2, after: both rounds); nobody working on the search saw them. Measure on them, don't
  // tune on them: look at totals, not misses, or write new ones.
  { name: "Held-out trip 5 (choir, Portugal)", file: "bench/answers/held-out-5.yaml" },
  { name: "Held-out trip 6 (ski week, Japan)", file: "bench/answers/held-out-6.yaml" },
  // Written in session 4 by a helper who never saw the search (a diving liveaboard, a school
  // history trip), measured on main as it stood then; the search's work that session (WordNet
  // relations, a fitted sureness model) was judged on them and not merged. Totals only.
  { name: "Held-out trip 7 (diving, Red Sea)", file: "bench/answers/held-out-7.yaml" },
  { name: "Held-out trip 8 (school trip, Kraków/Berlin)", file: "bench/answers/held-out-8.yaml" },
  // Written at the end of session 4, blind like the others, after every search change of that
  // session; measured once before (53804f7) and once after. Totals only.
  { name: "Held-out trip 9 (Camino walk)", file: "bench/answers/held-out-9.yaml" },
  { name: "Held-out trip 10 (Kenya safari)", file: "bench/answers/held-out-10.yaml" },
  // Written blind at the start of session 5 and measured on bbdff90 and once at its end; then
  // used for an ablation of that session's changes (one change followed). Totals only.
  { name: "Held-out trip 11 (football away trip)", file: "bench/answers/held-out-11.yaml" },
  { name: "Held-out trip 12 (Antarctic cruise)", file: "bench/answers/held-out-12.yaml" },
  { name: "Held-out trip 13 (wedding in Bali)", file: "bench/answers/held-out-13.yaml" },
  { name: "Held-out trip 14 (geology in Iceland)", file: "bench/answers/held-out-14.yaml" },
  // Written blind at the start of session 6 and measured on 8f7929e, once mid-session and once at
  // its end. Totals only.
  { name: "Held-out trip 15 (Singapore Grand Prix)", file: "bench/answers/held-out-15.yaml" },
  { name: "Held-out trip 16 (horse trek, Mongolia)", file: "bench/answers/held-out-16.yaml" },
  { name: "Held-out trip 17 (youth rugby tour, NZ)", file: "bench/answers/held-out-17.yaml" },
  { name: "Held-out trip 18 (pilgrimage, Jerusalem)", file: "bench/answers/held-out-18.yaml" },
  // Written blind in session 6 as study sets: their misses were read and the search tuned on
  // them (vocabulary, addresses), so they are dev sets; measure on 15–18 or new blind sets.
  { name: "Study set 19 (Oktoberfest)", file: "bench/answers/held-out-19.yaml" },
  { name: "Study set 20 (yoga retreat, Rishikesh)", file: "bench/answers/held-out-20.yaml" },
  { name: "Study set 21 (Ironman, Kona)", file: "bench/answers/held-out-21.yaml" },
  { name: "Study set 22 (sales summit, Las Vegas)", file: "bench/answers/held-out-22.yaml" },
  { name: "Study set 23 (PTA trip, Orlando parks)", file: "bench/answers/held-out-23.yaml" },
  { name: "Study set 24 (archaeology dig, Jordan)", file: "bench/answers/held-out-24.yaml" },
  // Written after held-out 3's figures were taken, to study confident-wrong answers on: tuned on.
  { name: "Working set (Marrakech)", file: "bench/answers/marrakech.yaml" },
];

/** What a reply showed: a confident answer (and any prohibition beside it), or choices. */
interface Outcome {
  sure: boolean;
  shown: string[];
  /** Unsure, but its first choice was shown in full as a guess ("Maybe this"). */
  guessed?: boolean;
  /** The entry the search ranked first, whatever the decision to answer or ask back. */
  ranked?: string;
}

function loadTrip(path: string): Trip {
  const parsed = parseTripText(readFileSync(path, "utf8"), path);
  if (!parsed.ok) throw new Error(`${path}: ${JSON.stringify(parsed.errors)}`);
  return parsed.trip;
}

const labels = (l: Labelled) => (Array.isArray(l.a) ? l.a : [l.a]);

function score(questions: Labelled[], outcomes: Outcome[]) {
  let answerable = 0;
  let right = 0;
  let confidentWrong = 0;
  let safety = 0;
  let safetyWrong = 0;
  let none = 0;
  let honest = 0;
  let leadRight = 0;
  let guesses = 0;
  let guessesRight = 0;
  let noneGuessed = 0;
  let rankedRight = 0;
  const misses: string[] = [];
  questions.forEach((l, i) => {
    const o = outcomes[i] as Outcome;
    const want = labels(l);
    if (want[0] === "none") {
      none++;
      if (o.guessed) noneGuessed++;
      if (!o.sure) honest++;
      else {
        confidentWrong++;
        misses.push(`  ✗ none, answered ${o.shown[0]}: ${l.q}`);
      }
      return;
    }
    answerable++;
    const firstRight = want.includes(o.shown[0] as string);
    if (o.ranked !== undefined && want.includes(o.ranked)) rankedRight++;
    if (o.guessed) guesses++;
    if (o.guessed && firstRight) guessesRight++;
    if ((o.sure || o.guessed) && firstRight) leadRight++;
    const ok = o.sure && firstRight;
    if (ok) right++;
    else if (o.sure) {
      confidentWrong++;
      misses.push(`  ✗ wanted ${want.join("|")}, answered ${o.shown[0]}: ${l.q}`);
    } else misses.push(`  ? wanted ${want.join("|")}, unsure [${o.shown.join(", ")}]: ${l.q}`);
    if (l.safety) {
      safety++;
      // Safe when the prohibition is shown, as the answer, beside it, or among the choices.
      if (!o.shown.some((id) => want.includes(id))) {
        safetyWrong++;
        misses.push(`  ⚠ safety: wanted ${want.join("|")}, shown [${o.shown.join(", ")}]: ${l.q}`);
      }
    }
  });
  const pct = (n: number, d: number) => (d === 0 ? "  n/a" : `${((100 * n) / d).toFixed(1)}%`);
  return {
    line: `top-1 ${pct(right, answerable).padStart(6)}  confident-wrong ${pct(confidentWrong, questions.length).padStart(6)}  safety-wrong ${safetyWrong}/${safety}  honest ${pct(honest, none).padStart(6)}  (${questions.length} questions, ${none} unanswerable)`,
    // Strict top-1 above; here, how often the reply leads with the right entry in full, sure or
    // as an unsure "Maybe this" guess (a right guess needs no second command).
    shownLine: `first shown in full right ${pct(leadRight, answerable).padStart(6)}  (unsure guesses right ${guessesRight}/${guesses}; a guess shown for ${noneGuessed}/${none} unanswerable)`,
    // Top-1 as search engines count it: the right entry ranked first, before the decision to
    // answer or ask back; the gap to strict top-1 is what the sureness rules hold back.
    rankedLine: `ranked first right ${pct(rankedRight, answerable).padStart(6)}`,
    misses,
  };
}

const fromFinding = (f: Finding, ranked: readonly Ranked[]): Outcome => ({
  ranked: ranked[0]?.entry.id,
  ...(f.sure
    ? { sure: true, shown: [f.best.entry.id, ...f.also.map((r) => r.entry.id)] }
    : { sure: false, shown: f.choices.map((r) => r.entry.id), guessed: f.likely !== undefined }),
});

/**
 * What the bot shows for a question, read as the bot reads it (bot/commands/question.ts): a
 * day it names narrows the itinerary to that day, and a question of nothing but a day is that
 * day's itinerary, every item shown in full. Days are read as on the trip's first morning.
 */
async function asked(
  trip: Trip,
  l: Labelled,
  ranker: (q: string) => Ranked[],
  overlap: (a: TripEntry, b: TripEntry) => number,
): Promise<Outcome> {
  const first = trip.days[0];
  const now = first
    ? DateTime.fromISO(`${first.date}T09:00`, { zone: trip.zone }).toJSDate()
    : trip.event.startAt;
  const day = await dayInQuestion(trip, l.q, now);
  if (day && asksWhatIsOn(day.rest)) {
    if (!("found" in day.read)) return { sure: false, shown: [] };
    const items = day.read.found.items.map((i) => `item:${i.id}`);
    const want = labels(l);
    const shown = [...items.filter((id) => want.includes(id)), ...items];
    return { sure: true, shown, ranked: shown[0] };
  }
  const on = day && "found" in day.read ? day.read.found.number : undefined;
  const q = on === undefined ? l.q : (day?.search ?? l.q);
  const found = ranker(q);
  const ranked = rank((on === undefined ? found : onDay(found, on)).slice(0, 12), q);
  return fromFinding(decide(ranked, overlap, q), ranked);
}

/** Median of `runs` cold builds of a trip's entries and index (fresh trip objects each time). */
function buildTime(path: string, build: (trip: Trip) => unknown, runs = 30): number {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const trip = loadTrip(path);
    const t0 = performance.now();
    build(trip);
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)] as number;
}

const verbose = process.argv.includes("--misses");
// `--own`: only the bot's own engine, for a quicker run while working on the search.
const engines = process.argv.includes("--own") ? ENGINES.slice(0, 1) : ENGINES;
for (const set of SETS) {
  const data = parse(readFileSync(set.file, "utf8")) as QuestionSet;
  const trip = loadTrip(data.trip);
  console.log(`\n${set.name}: ${data.trip}`);
  const before = data.questions.map((l): Outcome => {
    const r = faqBefore(trip, l.q);
    return r.answer ? { sure: true, shown: [r.answer] } : { sure: false, shown: r.nearest };
  });
  const b = score(data.questions, before);
  console.log(`  before (faq only)         ${b.line}`);
  for (const engine of engines) {
    const fresh = loadTrip(data.trip);
    const first = performance.now();
    const index = new TripIndex(tripEntries(fresh));
    const ranker = engine.build(index);
    const firstMs = performance.now() - first;
    const median = buildTime(data.trip, (t) => engine.build(new TripIndex(tripEntries(t))));
    const overlap = index.overlap.bind(index);
    const outcomes: Outcome[] = [];
    for (const l of data.questions) outcomes.push(await asked(fresh, l, ranker, overlap));
    const a = score(data.questions, outcomes);
    console.log(`  ${engine.name.padEnd(25)} ${a.line}`);
    console.log(`  ${"".padEnd(25)} ${a.shownLine}`);
    console.log(`  ${"".padEnd(25)} ${a.rankedLine}`);
    console.log(
      `  ${"".padEnd(25)} index build: first ${firstMs.toFixed(2)} ms, then median ${median.toFixed(2)} ms`,
    );
    if (verbose && engine === ENGINES[0]) console.log(a.misses.join("\n"));
  }
}
