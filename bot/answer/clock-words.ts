/**
 * Clock times and the parts of the day they fall in, so that a time in a question meets a time
 * in the trip written differently: "can I play music at 4am" finds "Quiet hours are from 02:00
 * to 09:00", "at night" finds "in your room by 22:00". A time becomes one term: its exact time
 * (so "8am" is "08:00") and, as synonyms, the parts of the day it covers.
 */

import type { Term } from "./text";

export type PartOfDay = "early-morning" | "morning" | "afternoon" | "evening" | "night";

/**
 * Where each part begins and ends, in minutes after midnight; night wraps past midnight. Chosen
 * as travellers talk and as trips set their limits: quiet hours and curfews begin at 22:00 or
 * later, and "4am" is still the middle of the night; 05:00–08:00 is when early coaches and
 * sunrise walks leave ("an early start"); lunch opens the afternoon; dinner, from 17:00, the
 * evening.
 */
const PARTS: readonly (readonly [PartOfDay, number, number])[] = [
  ["early-morning", 5 * 60, 8 * 60],
  ["morning", 8 * 60, 12 * 60],
  ["afternoon", 12 * 60, 17 * 60],
  ["evening", 17 * 60, 22 * 60],
  ["night", 22 * 60, 29 * 60],
];
const DAY = 24 * 60;
/**
 * An open end ("after 22:00", "until 02:00") is read as this long a stretch: long enough to
 * reach into the next part of the day near a boundary, short enough not to cover the whole day.
 */
const OPEN_END = 3 * 60;

/** A deadline at night ("back at the hotel by 23:00") is a curfew, however it is worded. */
const CURFEW_FROM = 21 * 60;
const CURFEW_UNTIL = 3 * 60;

/** A part of the day's token: like a synonym group's, it cannot collide with a word. */
export const partToken = (part: PartOfDay | "curfew") => `~clock:${part}`;

/** The parts of the day that the stretch [from, to) overlaps; `to <= from` wraps midnight. */
export function partsOver(from: number, to: number): PartOfDay[] {
  const start = ((from % DAY) + DAY) % DAY;
  let end = ((to % DAY) + DAY) % DAY;
  if (end <= start) end += DAY;
  return PARTS.filter(([, a, b]) =>
    [-DAY, 0, DAY].some((shift) => start < b + shift && a + shift < end),
  ).map(([part]) => part);
}

/**
 * Words that name a part of the day, or a curfew, whatever surrounds them: each is a phrase of
 * the part's group, as a synonym group's phrases are. "Night" and "morning" are not among them:
 * "an extra night" is a stay, not a time, and "race morning" names a day; they are read only in
 * the phrases of PART_PHRASES, as is "evening", which stems like "even". The search reads them
 * stemmed, from bot/answer/built-in-phrases.ts: run `npm run phrases` after editing them.
 */
const PART_WORDS: readonly (readonly [string, readonly (PartOfDay | "curfew")[]])[] = [
  ["nighttime", ["night"]],
  ["night time", ["night"]],
  ["after dark", ["night"]],
  ["overnight", ["night"]],
  ["tonight", ["evening", "night"]],
  ["curfew", ["curfew"]],
  ["lights out", ["curfew", "night"]],
  ["bedtime", ["curfew", "night"]],
  ["bed time", ["curfew", "night"]],
];

/** Each part-of-day word with a token of its part: [phrase, token]. */
export const PART_WORD_TOKENS: readonly (readonly [string, string])[] = PART_WORDS.flatMap(
  ([phrase, parts]) => parts.map((part) => [phrase, partToken(part)] as const),
);

/**
 * Words that are a part of the day after the words before them ("at night", "early morning"),
 * each with those words; "evening" after any. Read without patterns: compiling a pattern is most
 * of what reading the clock would add to a cold container's first answer.
 */
const PART_PHRASES: readonly (readonly [string, PartOfDay, readonly string[]])[] = [
  [
    "night",
    "night",
    ["at", "by", "all", "every", "each", "late", "in the", "during the", "through the", "of the"],
  ],
  ["evening", "evening", [""]],
  ["morning", "early-morning", ["early", "early in the"]],
  ["afternoon", "afternoon", ["this", "every", "each", "in the"]],
];

/** One time, or stretch of time, read from the text. */
export interface ClockReading {
  /** Its exact times ("=22:00"), the start first; none for "stay out late". */
  times: string[];
  /** As written: "stay out late". */
  said: string;
  /** Its tokens belong to the word before it ("night" of "at night"), which stays a word. */
  onPrevious?: boolean;
  /** The tokens of the parts of the day it covers (and of a curfew, for a deadline at night). */
  tokens: string[];
}

const isDigit = (c: string | undefined) => c !== undefined && c >= "0" && c <= "9";
const isLetter = (c: string | undefined) => c !== undefined && c >= "a" && c <= "z";
const isSpace = (c: string | undefined) => c === " " || c === "\t" || c === "\n";
const skipSpaces = (text: string, i: number) => {
  let j = i;
  while (isSpace(text[j])) j++;
  return j;
};
/** The word (letters) starting at i. */
const wordAt = (text: string, i: number) => {
  let j = i;
  while (isLetter(text[j])) j++;
  return text.slice(i, j);
};
/** The n words before i, as written between spaces and hyphens ("sub-4:00" is after "sub"). */
function wordsBefore(text: string, i: number, n: number): string {
  const said: string[] = [];
  let j = i;
  while (said.length < n) {
    while (j > 0 && (isSpace(text[j - 1]) || text[j - 1] === "-")) j--;
    const end = j;
    while (j > 0 && isLetter(text[j - 1])) j--;
    if (j === end) break;
    said.unshift(text.slice(j, end));
  }
  return said.join(" ");
}
/** Whether `said` ends with one of `endings`, whole words ("" ends everything). */
const endsWithAny = (said: string, endings: readonly string[]) =>
  endings.some((e) => e === "" || ` ${said}`.endsWith(` ${e}`));

/** What makes a number before it a duration or a pace: "4:30 hours", "a 3:45 marathon". */
const DURATION_AFTER = new Set(
  "h hr hrs hour hours min mins minute minutes per pace marathon marathons finish".split(" "),
);

/** "am", "p.m." at i: whether it is the afternoon, and where it ends. */
function meridiemAt(text: string, i: number): { pm: boolean; end: number } | undefined {
  const c = text[i];
  if (c !== "a" && c !== "p") return undefined;
  let j = i + 1;
  if (text[j] === ".") j++;
  if (text[j] !== "m") return undefined;
  j++;
  if (text[j] === ".") j++;
  // "5 amazing views" holds no time.
  return isLetter(text[j]) ? undefined : { pm: c === "p", end: j };
}

/**
 * The clock time starting at i: "02:00", "9:30", "10.30pm", "11 pm". "10.30" alone is a price or
 * a distance, so a dot needs am/pm, as does a bare hour; "1h30" is more often a drive's length
 * than a time; "noon" and "midday" are left to the lunch words they belong to. A duration or a
 * pace is no time: "4:30 hours", "5:30/km", "a 3:45 marathon" (and, by the word before, "in 4:30").
 */
function timeAt(text: string, i: number): { end: number; minutes: number } | undefined {
  const before = text[i - 1];
  if (isDigit(before) || before === ":" || before === "." || before === "," || before === "/")
    return undefined;
  let j = i;
  while (isDigit(text[j])) j++;
  if (j - i > 2) return undefined;
  let hour = Number(text.slice(i, j));
  let minute = 0;
  let end = j;
  const separator = text[j];
  const withMinutes =
    (separator === ":" || separator === ".") &&
    isDigit(text[j + 1]) &&
    isDigit(text[j + 2]) &&
    !isDigit(text[j + 3]);
  if (withMinutes) {
    minute = Number(text.slice(j + 1, j + 3));
    end = j + 3;
  }
  const meridiem = meridiemAt(text, skipSpaces(text, end));
  if (!meridiem && !(withMinutes && separator === ":")) return undefined;
  if (meridiem) end = meridiem.end;
  const next = text[end];
  if (isDigit(next) || next === ":" || next === "/" || (next === "." && isDigit(text[end + 1])))
    return undefined;
  const after = skipSpaces(text, end);
  if (text[after] === "/" || DURATION_AFTER.has(wordAt(text, after))) return undefined;
  if (minute > 59) return undefined;
  if (meridiem) {
    if (hour < 1 || hour > 12) return undefined;
    hour = (hour % 12) + (meridiem.pm ? 12 : 0);
  } else if (hour > 24) return undefined;
  return { end, minutes: (hour % 24) * 60 + minute };
}

/**
 * What the word before a time makes of it: "until", "before" bound the stretch up to it;
 * "after", "from" and a deadline's "by" the stretch from it on ("in your room by 22:00" holds
 * all night); "in", "under" make it a duration.
 */
const BOUNDS = new Map<string, "up to" | "from" | "duration">([
  ...["until", "till", "til", "before"].map((w) => [w, "up to"] as const),
  ...["after", "from", "past", "since", "by"].map((w) => [w, "from"] as const),
  ...["in", "under", "within", "pace", "sub"].map((w) => [w, "duration"] as const),
]);

/**
 * A bare hour in a question ("after 10") is a time only after one of these words, when the
 * question is about the evening, and only for 7 to 12, read as 19:00 to midnight: "after 10" in
 * a curfew question is 22:00, but "at 10" alone could be either, and "after 5" at a bar could be
 * an afternoon. Anything else is left as the number it was.
 */
const BARE_HOUR =
  /\b(after|before|past|until|till|til|by|at|around|from)\s+(\d{1,2})(?:\s*o['’]?\s?clock)?(?=\s*(?:[?!.,;]|$|\s+(?!(?:min|mins|minutes?|hours?|hrs?|h|km|k|kg|m|mi|miles|people|persons|days?|nights?|euros?|dollars?|pounds?|percent|am|pm)\b)[a-z]))/g;
const EVENING =
  /\b(?:curfew|lights out|bed|bedtime|stay(?:ing)? (?:up|out)|late|night|nights|tonight|evening|quiet|noise|noisy|loud|party|parties|pub|pubs|bar|bars|club|clubs|clubbing|nightclub|disco)\b/;

/**
 * "stay out late", "staying up": asks whether there is a curfew. Not read as the night too, or
 * quiet hours would answer it as well as the curfew does.
 */
const STAYING_UP = /\bstay(?:ing)?\s+(?:up|out)(?:\s+late)?\b/g;

/** A connector between two times that makes them one stretch ("and" only after "between"). */
const RANGE = new Set(["-", "–", "—", "to", "until", "till", "til", "and"]);
interface Found {
  start: number;
  end: number;
  minutes: number;
  /** Which stretch it bounds, as the word before it says ("after", "until", "by"). */
  bound?: "up to" | "from" | undefined;
  /** A deadline ("by 23:00", "before midnight"): at night, a curfew. */
  deadline?: boolean;
}

const clockTime = (minutes: number) =>
  `=${String(Math.floor(minutes / 60)).padStart(2, "0")}:${String(minutes % 60).padStart(2, "0")}`;

/** Finds the next digit: a pattern skips the text between numbers faster than a loop would. */
const NEXT_DIGIT = /\d/g;

function findTimes(text: string, question: boolean): Found[] {
  const found: Found[] = [];
  for (let i = 0; i < text.length; i++) {
    if (!isDigit(text[i])) {
      NEXT_DIGIT.lastIndex = i;
      const next = NEXT_DIGIT.exec(text);
      if (!next) break;
      i = next.index;
    }
    const time = timeAt(text, i);
    if (!time) {
      while (isDigit(text[i + 1])) i++;
      continue;
    }
    // "pace of 5:30" is a pace.
    const word =
      wordsBefore(text, i, 1) === "of" ? wordsBefore(text, i, 2) : wordsBefore(text, i, 1);
    const bound = BOUNDS.get(word.split(" ")[0] as string);
    if (bound !== "duration")
      found.push({ start: i, ...time, bound, deadline: word === "by" || word === "before" });
    i = time.end - 1;
  }
  for (let at = text.indexOf("midnight"); at >= 0; at = text.indexOf("midnight", at + 8)) {
    if (isLetter(text[at - 1]) || isLetter(text[at + 8])) continue;
    const word = wordsBefore(text, at, 1);
    const bound = BOUNDS.get(word);
    if (bound !== "duration")
      found.push({
        start: at,
        end: at + 8,
        minutes: 0,
        bound,
        deadline: word === "by" || word === "before",
      });
  }
  if (question && EVENING.test(text)) {
    for (const m of text.matchAll(BARE_HOUR)) {
      const hour = Number(m[2]);
      if (hour < 7 || hour > 12) continue;
      const start = (m.index ?? 0) + m[0].indexOf(m[2] as string, (m[1] as string).length);
      if (found.some((f) => f.start <= start && start < f.end)) continue;
      found.push({
        start,
        end: (m.index ?? 0) + m[0].length,
        minutes: ((hour + 12) % 24) * 60,
        // "at 10" is that hour, not the stretch after it.
        bound: BOUNDS.get(m[1] as string) as "up to" | "from" | undefined,
        deadline: m[1] === "by" || m[1] === "before",
      });
    }
  }
  return found.sort((a, b) => a.start - b.start);
}

/**
 * What text must hold to be worth reading: a time, or a word a reading starts from ("night" is
 * also "midnight"). Most of a trip's text holds none, and is passed over with this one test,
 * which a cold container's first answer (building the trip's index) pays for every field: on
 * the text as written, in any case, so that only text worth reading is lowercased.
 */
const MAY_HOLD_TRIP = /\d[:.]\d\d|\d\s*[ap]\.?m|night|morning|afternoon|evening/i;
/** A question's bare hour ("after 10") may be a time too, and its "stay out" asks of a curfew. */
const MAY_HOLD_QUESTION = /\d|night|morning|afternoon|evening|stay/i;
const NONE: ReadonlyMap<string, ClockReading> = new Map();

/** A letter-only stand-in for the i-th reading, which words() keeps whole and nothing stems to. */
const placeholder = (i: number) =>
  `qqclock${String.fromCharCode(97 + (i % 26)).repeat(1 + Math.floor(i / 26))}qq`;

/**
 * The times in `text`, each replaced by a stand-in word at its place (so the question's terms
 * keep their order), and what each stand-in reads as. `question`: a bare hour may be read too.
 */
export function readClock(
  text: string,
  question: boolean,
): { text: string; readings: ReadonlyMap<string, ClockReading> } {
  if (!(question ? MAY_HOLD_QUESTION : MAY_HOLD_TRIP).test(text)) return { text, readings: NONE };
  const lower = text.toLowerCase();
  const readings = new Map<string, ClockReading>();
  const times = findTimes(lower, question);
  const spans: { start: number; end: number; reading: ClockReading }[] = [];
  for (let i = 0; i < times.length; i++) {
    const t = times[i] as Found;
    const next = times[i + 1];
    const between = next ? lower.slice(t.end, next.start) : "";
    const isRange =
      next !== undefined &&
      RANGE.has(between.trim()) &&
      (between.trim() !== "and" || lower.slice(0, t.start).trimEnd().endsWith("between"));
    if (isRange && next) {
      spans.push({
        start: t.start,
        end: next.end,
        reading: {
          said: lower.slice(t.start, next.end),
          times: [clockTime(t.minutes), clockTime(next.minutes)],
          tokens: partsOver(t.minutes, next.minutes).map(partToken),
        },
      });
      i++;
      continue;
    }
    const [from, to] =
      t.bound === "up to"
        ? [t.minutes - OPEN_END, t.minutes]
        : t.bound === "from"
          ? [t.minutes, t.minutes + OPEN_END]
          : [t.minutes, t.minutes + 1];
    const atNight = t.minutes >= CURFEW_FROM || t.minutes < CURFEW_UNTIL;
    spans.push({
      start: t.start,
      end: t.end,
      reading: {
        said: lower.slice(t.start, t.end),
        times: [clockTime(t.minutes)],
        tokens: [
          ...partsOver(from, to).map(partToken),
          ...(t.deadline && atNight ? [partToken("curfew")] : []),
        ],
      },
    });
  }
  for (const m of question && lower.includes("stay") ? lower.matchAll(STAYING_UP) : []) {
    const start = m.index ?? 0;
    spans.push({
      start,
      end: start + m[0].length,
      reading: {
        said: m[0].replace(/\s+/g, " "),
        times: [],
        tokens: [partToken("curfew")],
      },
    });
  }
  for (const [word, part, after] of PART_PHRASES) {
    for (let at = lower.indexOf(word); at >= 0; at = lower.indexOf(word, at + word.length)) {
      let end = at + word.length;
      if (lower[end] === "s") end++;
      if (isLetter(lower[at - 1]) || isLetter(lower[end])) continue;
      if (!endsWithAny(wordsBefore(lower, at, 3), after)) continue;
      spans.push({
        start: end,
        end,
        reading: {
          said: lower.slice(at, end),
          times: [],
          tokens: [partToken(part)],
          onPrevious: true,
        },
      });
    }
  }
  if (spans.length === 0) return { text, readings };
  spans.sort((a, b) => a.start - b.start);
  let out = "";
  let at = 0;
  spans.forEach((s, i) => {
    if (s.start < at) return;
    const name = placeholder(i);
    readings.set(name, s.reading);
    out += `${lower.slice(at, s.start)} ${name} `;
    at = s.end;
  });
  // Lowercased: the positions found are the lowercase text's, and every word is lowercased next.
  return { text: out + lower.slice(at), readings };
}

/**
 * The terms a reading stands for: each exact time with the parts of the day as its groups (a
 * question's stretch of time asks once; trip text is found by either end), or, for "at night",
 * `previous` (the term before it) with the part added.
 */
export function clockTerms(reading: ClockReading, question: boolean, previous?: Term): Term[] {
  if (reading.onPrevious)
    return previous ? [{ ...previous, groups: [...previous.groups, ...reading.tokens] }] : [];
  const times = question ? reading.times.slice(0, 1) : reading.times;
  if (times.length === 0) return [{ word: reading.said, groups: reading.tokens, parts: [] }];
  return times.map((t) => ({ word: t, stem: t, groups: reading.tokens, parts: [] }));
}
