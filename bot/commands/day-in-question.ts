import { DateTime } from "luxon";
import type { Trip } from "../trip/model";
import { type DayQuery, eventWords, readDay } from "./day-query";

/**
 * A day of the trip named inside a question: "what time is dinner tomorrow", "whats on
 * saturday", "when do we leave on the last day". On the road these are what travellers ask
 * most, and the day is what tells one dinner from another.
 */
export interface DayInQuestion {
  /** The words that name the day, as `itinerary` reads them ("last day" for "the last night"). */
  asked: string;
  read: DayQuery;
  /** The question without them: what is asked about that day. */
  rest: string;
  /**
   * The question as the search reads it: the day named as the trip's items name theirs ("what
   * time is dinner tomorrow" → "… dinner saturday"), so that naming the day in words the trip
   * never uses costs the answer nothing.
   */
  search: string;
}

const WEEKDAY = "(?:monday|tuesday|tues|wednesday|weds|thursday|thurs|friday|saturday|sunday)";
const MONTH =
  "(?:jan|january|feb|february|mar|march|apr|april|may|jun|june|jul|july|aug|august|sep|sept|september|oct|october|nov|november|dec|december)";
const NUMBER_WORD = "(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)";
const ORDINAL = "(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|last|final)";

/**
 * The ways a day is named inside a sentence, longest first. Short weekday names ("sun", "sat",
 * "wed") are left out: inside a sentence they are more often the sun or a verb.
 */
const dayPhrases = (event: string) => [
  `day after tomorrow`,
  `(?:the )?day (?:before|after) (?:the )?${event}`,
  `${WEEKDAY} (?:the )?\\d{1,2}(?:st|nd|rd|th)?(?: of)?(?: ${MONTH})?`,
  `\\d{1,2}(?:st|nd|rd|th)?(?: of)? ${MONTH}`,
  `${MONTH} \\d{1,2}(?:st|nd|rd|th)?`,
  // "on the 25th" at the question's end: inside it, "the 2nd bus" is no date.
  `(?:the )?\\d{1,2}(?:st|nd|rd|th)(?= *(?:$|[?!.,]))`,
  `\\d{4}-\\d{2}-\\d{2}`,
  `day (?:\\d{1,2}|${NUMBER_WORD})`,
  `(?:the )?${ORDINAL} day`,
  `${event} ?day`,
  WEEKDAY,
  `today|tonight|tomorrow|tomorow|tommorow|tommorrow|tmrw|tmr|tmrow|tomoz|2moro|2morrow`,
];

/** Each trip's day phrases: the event's day is named by its own word too ("wedding day"). */
const dayPhrase = new WeakMap<Trip, RegExp>();
function dayPhraseOf(trip: Trip): RegExp {
  let phrase = dayPhrase.get(trip);
  if (!phrase) {
    const event = `(?:${eventWords(trip).join("|")})`;
    phrase = new RegExp(`\\b(?:${dayPhrases(event).join("|")})\\b`);
    dayPhrase.set(trip, phrase);
  }
  return phrase;
}

/**
 * "the first night" is the trip's first day. "The last night" is left alone: on most trips it
 * is the eve of the last day, but not on all.
 */
const FIRST_NIGHT = /\b(?:the )?first night\b/;

const weekday = (trip: Trip, date: string) =>
  DateTime.fromISO(date, { zone: trip.zone }).setLocale("en-GB").toFormat("cccc").toLowerCase();

export async function dayInQuestion(
  trip: Trip,
  question: string,
  now: Date,
): Promise<DayInQuestion | undefined> {
  const q = question.toLowerCase().replace(/[’']/g, "");
  const night = FIRST_NIGHT.exec(q);
  const match = dayPhraseOf(trip).exec(q) ?? night;
  if (!match) return undefined;
  const phrase = match[0];
  const asked = match === night ? "1" : phrase;
  const read = await readDay(trip, asked, now);
  if ("unknown" in read) return undefined;
  // "tonight" and "first night" also say a part of the day: it stays in what is asked.
  const said = phrase === "tonight" ? "tonight" : /night/.test(phrase) ? "night" : "";
  const rest = `${q.slice(0, match.index)} ${said} ${q.slice(match.index + phrase.length)}`
    .replace(/\b(?:on|for|of) (?=\s*(?:[?!.]|$))/g, " ")
    .replace(/\s+/g, " ")
    .trim();
  // Items already carry "race day", "first day" and "last day"; other days, an event's own word
  // for its day included ("wedding day"), are named by the weekday every item carries.
  const named =
    "found" in read && !/race|marathon|event|first|last|final/.test(phrase)
      ? `${weekday(trip, read.found.date)}${phrase === "tonight" ? " tonight" : ""}`
      : phrase;
  const search = `${q.slice(0, match.index)}${named}${q.slice(match.index + phrase.length)}`;
  return { asked, read, rest, search };
}

/**
 * Words that ask what happens on a day, not about any one thing: "what are we doing on
 * saturday", "whats the plan tomorrow". A question of only these (and the day) is the day's
 * itinerary.
 */
const WHAT_IS_ON = new Set(
  `what whats wat is are we us our the a on for doing do happening happens going planned plan
  plans schedule agenda programme program itinerary up to there anything have got in store
  activities activity day tonight night at where be need should i do does meet meeting`.split(
    /\s+/,
  ),
);

export function asksWhatIsOn(rest: string): boolean {
  return rest
    .toLowerCase()
    .replace(/[’']/g, "")
    .replace(/[^\p{L}\p{N}\s]/gu, " ")
    .split(/\s+/)
    .filter(Boolean)
    .every((w) => WHAT_IS_ON.has(w));
}
