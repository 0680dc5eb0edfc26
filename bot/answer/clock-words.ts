/**
 * Clock times and the parts of the day they fall in, so that a time in a question meets a time
 * in the trip written differently: "can I play music at 4am" finds "Quiet hours are from 02:00
 * to 09:00", "at night" finds "in your room by 22:00". A time becomes one term: its exact time
 * (so "8am" is "08:00") and, as synonyms, the parts of the day it covers.
 */

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
 * Words that name a part of the day, or a curfew, whatever surrounds them. "Night" and "morning"
 * are not among them: "an extra night" is a stay, not a time, and "race morning" names a day;
 * they are read only in the phrases of PART_PHRASES.
 */
const PART_WORDS: Record<string, readonly (PartOfDay | "curfew")[]> = {
  nighttime: ["night"],
  "night time": ["night"],
  "after dark": ["night"],
  overnight: ["night"],
  tonight: ["evening", "night"],
  evening: ["evening"],
  evenings: ["evening"],
  curfew: ["curfew"],
  "lights out": ["curfew", "night"],
  bedtime: ["curfew", "night"],
  "bed time": ["curfew", "night"],
};

/**
 * Phrases that make their last word a part of the day: "at night", "early morning". Each is
 * tried only on text holding its word: compiling a pattern costs a cold container's first answer.
 */
const PART_PHRASES: readonly (readonly [string, RegExp, PartOfDay])[] = [
  [
    "night",
    /\b(?:at|by|in the|during the|through the|all|every|each|late|middle of the) nights?\b/g,
    "night",
  ],
  ["morning", /\bearly (?:in the )?mornings?\b/g, "early-morning"],
  ["afternoon", /\b(?:in the|this|every|each) afternoons?\b/g, "afternoon"],
];

/** The part-of-day tokens a word (or a phrase, as analysed) carries, if any. */
export function partWordTokens(word: string): string[] {
  return (PART_WORDS[word] ?? []).map(partToken);
}

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

const MERIDIEM = String.raw`(?:a\.?m\.?|p\.?m\.?)`;
/**
 * A clock time: "02:00", "9:30", "10.30pm", "11 pm", "midnight". "10.30" alone is a price or a
 * distance, so a dot needs am/pm; "1h30" is more often a drive's length than a time; "noon" and
 * "midday" are left to the lunch words they belong to.
 */
const TIME = new RegExp(
  String.raw`(?<![\d:.,/])(?:(\d{1,2}):(\d{2})(?:\s*(${MERIDIEM}))?|(\d{1,2})(?:\.(\d{2}))?\s*(${MERIDIEM})(?![a-z])|(midnight))(?![\d:/]|\.\d)`,
  "g",
);
/** What turns "4:30" into a duration or a pace: "in 4:30", "sub-4:00", "5:30/km", "4:30 hours". */
const DURATION_BEFORE = /(?:\b(?:in|under|within|pace(?: of)?|sub)[\s-]*|\bsub-?)$/;
const DURATION_AFTER =
  /^\s*(?:h\b|hrs?\b|hours?\b|mins?\b|minutes?\b|\/|per\b|pace\b|marathon|finish)/;

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

/** A connector between two times that makes them one stretch. */
const RANGE = /^\s*(?:-|–|—|to|until|till|til|and)\s*$/;
/**
 * What comes before a single time: "until", "before" cover the stretch up to it; "after",
 * "from" and a deadline's "by" the stretch from it on ("in your room by 22:00" holds all night).
 */
const BEFORE = /\b(after|from|past|since|until|till|til|before|by)\s*$/;

interface Found {
  start: number;
  end: number;
  minutes: number;
}

function minutesOf(m: RegExpExecArray): number | undefined {
  if (m[7]) return 0;
  const [hourText, minuteText, meridiem] = m[1] ? [m[1], m[2], m[3]] : [m[4], m[5], m[6]];
  let hour = Number(hourText);
  const minute = Number(minuteText ?? 0);
  if (minute > 59) return undefined;
  if (meridiem) {
    if (hour < 1 || hour > 12) return undefined;
    hour = (hour % 12) + (meridiem.startsWith("p") ? 12 : 0);
  } else if (hour > 24) return undefined;
  return (hour % 24) * 60 + minute;
}

const clockTime = (minutes: number) =>
  `=${String(Math.floor(minutes / 60)).padStart(2, "0")}:${String(minutes % 60).padStart(2, "0")}`;

function findTimes(text: string, question: boolean): Found[] {
  const found: Found[] = [];
  for (const m of text.matchAll(TIME)) {
    const start = m.index ?? 0;
    const end = start + m[0].length;
    if (
      DURATION_BEFORE.test(text.slice(Math.max(0, start - 12), start)) ||
      DURATION_AFTER.test(text.slice(end))
    )
      continue;
    const minutes = minutesOf(m as RegExpExecArray);
    if (minutes !== undefined) found.push({ start, end, minutes });
  }
  if (question && EVENING.test(text)) {
    for (const m of text.matchAll(BARE_HOUR)) {
      const hour = Number(m[2]);
      if (hour < 7 || hour > 12) continue;
      const start = (m.index ?? 0) + m[0].indexOf(m[2] as string, (m[1] as string).length);
      if (found.some((f) => f.start <= start && start < f.end)) continue;
      found.push({ start, end: (m.index ?? 0) + m[0].length, minutes: ((hour + 12) % 24) * 60 });
    }
  }
  return found.sort((a, b) => a.start - b.start);
}

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
): { text: string; readings: Map<string, ClockReading> } {
  const readings = new Map<string, ClockReading>();
  const lower = text.toLowerCase();
  // Most of a trip's text holds no time: it is passed over with as little work as can be.
  const times = (question ? /\d|midnight/ : /\d[:.]\d\d|\d\s*[ap]\.?m|midnight/).test(lower)
    ? findTimes(lower, question)
    : [];
  const spans: { start: number; end: number; reading: ClockReading }[] = [];
  for (let i = 0; i < times.length; i++) {
    const t = times[i] as Found;
    const next = times[i + 1];
    const between = next ? lower.slice(t.end, next.start) : "";
    const isRange =
      next !== undefined &&
      RANGE.test(between) &&
      (!/and/.test(between) || /\bbetween\s*$/.test(lower.slice(0, t.start)));
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
    const word = BEFORE.exec(lower.slice(Math.max(0, t.start - 12), t.start))?.[1];
    const [from, to] =
      word === "until" || word === "till" || word === "til" || word === "before"
        ? [t.minutes - OPEN_END, t.minutes]
        : word
          ? [t.minutes, t.minutes + OPEN_END]
          : [t.minutes, t.minutes + 1];
    const deadline = word === "by" || word === "before";
    const atNight = t.minutes >= CURFEW_FROM || t.minutes < CURFEW_UNTIL;
    spans.push({
      start: t.start,
      end: t.end,
      reading: {
        said: lower.slice(t.start, t.end),
        times: [clockTime(t.minutes)],
        tokens: [
          ...partsOver(from, to).map(partToken),
          ...(deadline && atNight ? [partToken("curfew")] : []),
        ],
      },
    });
  }
  for (const m of lower.includes("stay") ? lower.matchAll(STAYING_UP) : []) {
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
  for (const [word, phrase, part] of PART_PHRASES) {
    if (!lower.includes(word)) continue;
    for (const m of lower.matchAll(phrase)) {
      const end = (m.index ?? 0) + m[0].length;
      spans.push({
        start: end,
        end,
        reading: { said: m[0], times: [], tokens: [partToken(part)], onPrevious: true },
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
