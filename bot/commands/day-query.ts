import { DateTime } from "luxon";
import type { Trip, TripDay } from "../trip/model";
import { calendarDaysBetween, plural } from "../trip/time";

/**
 * Which day of a trip a reader means, read as people type it: "2", "day two", "last day",
 * "race day", "sat", "saturday 5 april", "5th April", "4/5", "tmrw", "2025-04-05". Dates are
 * read within the trip's days and its zone; `today` and friends are the destination's today.
 */
export type DayQuery =
  | { found: TripDay }
  /** A day the reader named exactly, outside the trip: say so plainly. */
  | { outside: string }
  /** "4/5" where both readings are days of the trip. */
  | { ambiguous: TripDay[] }
  | { unknown: true };

const NUMBER_WORDS = [
  "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen",
  "sixteen seventeen eighteen nineteen twenty",
]
  .join(" ")
  .split(" ");
const ORDINALS = `zeroth first second third fourth fifth sixth seventh eighth ninth tenth eleventh
  twelfth thirteenth fourteenth fifteenth`.split(/\s+/);

const RELATIVE: Record<string, number> = {
  today: 0,
  tonight: 0,
  tomorrow: 1,
  tomorow: 1,
  tommorow: 1,
  tommorrow: 1,
  tmrw: 1,
  tmr: 1,
  tmrow: 1,
  tomoz: 1,
  "2moro": 1,
  "2morrow": 1,
  yesterday: -1,
  "day after tomorrow": 2,
};

const WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"];

function dayNumber(q: string): number | undefined {
  const digits = /^(?:day ?|d)?(\d{1,3})$/.exec(q) ?? /^(\d{1,3})(?:st|nd|rd|th)? day$/.exec(q);
  if (digits) return Number(digits[1]);
  const word = /^(?:day )?([a-z]+)$/.exec(q)?.[1];
  if (word && q.startsWith("day ") && NUMBER_WORDS.indexOf(word) > 0) {
    return NUMBER_WORDS.indexOf(word);
  }
  const ordinal = /^(?:the )?([a-z]+) day$/.exec(q)?.[1];
  if (ordinal && ORDINALS.indexOf(ordinal) > 0) return ORDINALS.indexOf(ordinal);
  return undefined;
}

const formatDay = (trip: Trip, date: string) =>
  DateTime.fromISO(date, { zone: trip.zone }).setLocale("en-GB").toFormat("ccc d LLL yyyy");

/** "The trip starts in 12 days; day 1 is Thu 3 Apr 2025." for a date outside the trip. */
function outsideTrip(trip: Trip, date: string, now: Date, named: string): string {
  const first = trip.days[0] as TripDay;
  const last = trip.days.at(-1) as TripDay;
  const range = `The trip runs from ${formatDay(trip, first.date)} (day 1) to ${formatDay(trip, last.date)} (day ${last.number}).`;
  const today = DateTime.fromJSDate(now, { zone: trip.zone }).toISODate();
  if (date === today || named in RELATIVE) {
    const startAt = DateTime.fromISO(first.date, { zone: trip.zone }).toJSDate();
    const endAt = DateTime.fromISO(last.date, { zone: trip.zone }).toJSDate();
    const until = calendarDaysBetween(now, startAt, trip.zone);
    const since = -calendarDaysBetween(now, endAt, trip.zone);
    const when = named === "today" ? "Today" : `${named[0]?.toUpperCase()}${named.slice(1)}`;
    if (date < first.date) {
      return `${when} is not a day of the trip. The trip starts in ${plural(until, "day")}; day 1 is ${formatDay(trip, first.date)}.`;
    }
    return `${when} is not a day of the trip. The trip ended ${plural(since, "day")} ago; its last day was ${formatDay(trip, last.date)}.`;
  }
  return `${formatDay(trip, date)} is not a day of the trip. ${range}`;
}

/** Words around a day that name no day: "on monday", "for the 6th", "this saturday". */
const FILLER = /^(?:(?:what(?:'s| is) on|on|for|this|next|coming|the|of) )+/;

/** Days a word before or after the race names: "day before the race". */
const AROUND_RACE = /^(?:the )?day (before|after) (?:the )?(?:race|marathon|event)$/;

/**
 * The trip day on a weekday: the first one from the destination's today on, so "saturday" in
 * a two-week trip is the coming one; before the trip, the first.
 */
function onWeekday(trip: Trip, weekday: number, now: Date): TripDay | undefined {
  const today = DateTime.fromJSDate(now, { zone: trip.zone }).toISODate() ?? "";
  const matching = trip.days.filter((d) => DateTime.fromISO(d.date).weekday === weekday);
  return matching.find((d) => d.date >= today) ?? matching[0];
}

/**
 * "6th" or "sat 5": the trip day with that day of the month, asked back if there are two. A
 * bare number is a day of the trip ("2"), so the month's day needs its suffix or a weekday.
 */
function onDayOfMonth(trip: Trip, q: string): DayQuery | undefined {
  const m = /^(?:([a-z]{3,}) )?(\d{1,2})(st|nd|rd|th)?$/.exec(q);
  if (!m || (m[1] === undefined && m[3] === undefined)) return undefined;
  const weekday = m[1] === undefined ? 0 : WEEKDAYS.findIndex((w) => w.startsWith(m[1] ?? "")) + 1;
  if (m[1] !== undefined && weekday === 0) return undefined;
  const days = trip.days.filter(
    (d) =>
      Number(d.date.slice(8, 10)) === Number(m[2]) &&
      (weekday === 0 || DateTime.fromISO(d.date).weekday === weekday),
  );
  if (days.length === 1) return { found: days[0] as TripDay };
  return days.length > 1 ? { ambiguous: days } : undefined;
}

/** Async only for chrono-node, loaded when a day is written in words: no cold start needs it. */
export async function readDay(trip: Trip, input: string, now: Date): Promise<DayQuery> {
  const q = input
    .trim()
    .toLowerCase()
    .replace(/[.,!?]+$/g, "")
    .replace(/\s+/g, " ")
    .replace(FILLER, "");
  const byDate = (date: string) => trip.days.find((d) => d.date === date);
  const dated = (date: string, named = q): DayQuery => {
    const day = byDate(date);
    return day ? { found: day } : { outside: outsideTrip(trip, date, now, named) };
  };
  if (trip.days.length === 0) return { unknown: true };

  const n = dayNumber(q);
  if (n !== undefined) {
    const day = trip.days.find((d) => d.number === n);
    return day ? { found: day } : { unknown: true };
  }
  if (/^(?:the )?(?:last|final) day$/.test(q)) return { found: trip.days.at(-1) as TripDay };
  if (/^(?:race|raceday|race day|race-day|marathon day|event day)$/.test(q)) {
    return dated(DateTime.fromJSDate(trip.event.startAt, { zone: trip.zone }).toISODate() ?? "");
  }
  const around = AROUND_RACE.exec(q);
  if (around) {
    const race = DateTime.fromJSDate(trip.event.startAt, { zone: trip.zone });
    return dated(race.plus({ days: around[1] === "before" ? -1 : 1 }).toISODate() ?? "");
  }
  if (/^\d{4}-\d{2}-\d{2}$/.test(q)) {
    // "2025-02-30" looks like a date but is none: no day, rather than "Invalid DateTime".
    return DateTime.fromISO(q).isValid ? dated(q) : { unknown: true };
  }
  const today = DateTime.fromJSDate(now, { zone: trip.zone });
  if (q in RELATIVE) return dated(today.plus({ days: RELATIVE[q] ?? 0 }).toISODate() ?? "", q);

  // A weekday alone ("sat", "saturday"): the trip day that falls on it.
  if (/^[a-z]{3,}$/.test(q)) {
    const index = WEEKDAYS.findIndex((w) => w.startsWith(q));
    if (index >= 0) {
      const day = onWeekday(trip, index + 1, now);
      return day ? { found: day } : { unknown: true };
    }
  }
  const ofMonth = onDayOfMonth(trip, q);
  if (ofMonth) return ofMonth;

  // "4/5" or "4.5": day/month or month/day; ask back only when both are days of the trip.
  const numeric = /^(\d{1,2})[/.](\d{1,2})(?:[/.](\d{2,4}))?$/.exec(q);
  if (numeric) {
    const [a, b] = [Number(numeric[1]), Number(numeric[2])];
    const year = trip.days[0]?.date.slice(0, 4);
    const iso = (month: number, day: number) =>
      DateTime.fromObject({ year: Number(year), month, day }).toISODate();
    const readings = [iso(b, a), iso(a, b)].filter((d): d is string => d !== null);
    const inTrip = [...new Set(readings)].flatMap((d) => byDate(d) ?? []);
    if (inTrip.length === 1) return { found: inTrip[0] as TripDay };
    if (inTrip.length > 1) return { ambiguous: inTrip };
    return readings[0] ? { outside: outsideTrip(trip, readings[0], now, q) } : { unknown: true };
  }

  // Dates in words: "5th April", "saturday 5 april", "April 5".
  const reference = DateTime.fromISO(trip.days[0]?.date ?? "", { zone: trip.zone }).toJSDate();
  const { parseDateInWords } = await import("./date-words");
  const [parsed] = parseDateInWords(q, reference);
  if (parsed?.start.isCertain("month") && parsed.start.isCertain("day")) {
    const year = parsed.start.isCertain("year")
      ? parsed.start.get("year")
      : Number(trip.days[0]?.date.slice(0, 4));
    const date = DateTime.fromObject({
      year: year ?? undefined,
      month: parsed.start.get("month") ?? undefined,
      day: parsed.start.get("day") ?? undefined,
    }).toISODate();
    if (date) return dated(date);
  }
  return { unknown: true };
}
