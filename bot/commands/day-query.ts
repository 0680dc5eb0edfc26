import { DateTime } from "luxon";
import type { Trip, TripDay } from "../trip/model";
import { calendarDaysBetween, localDate, plural } from "../trip/time";

/**
 * Which day of a trip a reader means, read as people type it: "2", "day two", "last day",
 * "race day", "sat", "saturday 5 april", "5th April", "4/5", "tmrw", "2025-04-05". Dates are
 * read within the trip's days and its zone; `today` and friends are the destination's today.
 */
export type DayQuery =
  | { found: TripDay }
  /** A day the reader named exactly, outside the trip: say so plainly. */
  | { outside: string }
  /** A day between the trip's first and last with nothing planned: say so, and what is next. */
  | { free: string }
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

/** What "today", "tmrw" or "2moro" is called in an answer, by how many days off it is. */
const RELATIVE_NAMES: Record<number, string> = {
  [-1]: "Yesterday",
  0: "Today",
  1: "Tomorrow",
  2: "The day after tomorrow",
};

/** Where the trip stands from the destination's today: before it, on it, or after it. */
function fromToday(trip: Trip, date: string, now: Date): string {
  const first = trip.days[0] as TripDay;
  const last = trip.days.at(-1) as TripDay;
  const today = localDate(now, trip.zone);
  const dayAt = (d: string) => DateTime.fromISO(d, { zone: trip.zone }).toJSDate();
  if (date < first.date) {
    if (today < first.date) {
      const until = calendarDaysBetween(now, dayAt(first.date), trip.zone);
      return `The trip starts in ${plural(until, "day")}; day 1 is ${formatDay(trip, first.date)}.`;
    }
    if (today === first.date) return `Day 1 is today, ${formatDay(trip, first.date)}.`;
    return `The trip started on ${formatDay(trip, first.date)} (day 1).`;
  }
  if (today > last.date) {
    const since = -calendarDaysBetween(now, dayAt(last.date), trip.zone);
    return `The trip ended ${plural(since, "day")} ago; its last day was ${formatDay(trip, last.date)}.`;
  }
  const lastDay = `${formatDay(trip, last.date)} (day ${last.number})`;
  if (today === last.date) return `The trip's last day is today, ${lastDay}.`;
  const until = calendarDaysBetween(now, dayAt(last.date), trip.zone);
  return `The trip's last day is ${lastDay}, in ${plural(until, "day")}.`;
}

/**
 * A date with no day of the trip: before or after it ("The trip starts in 12 days; day 1 is
 * Thu 3 Apr 2025."), or a free day inside it, with the next day that has a plan.
 */
function notATripDay(trip: Trip, date: string, now: Date, named: string): DayQuery {
  const first = trip.days[0] as TripDay;
  const last = trip.days.at(-1) as TripDay;
  const today = localDate(now, trip.zone);
  const relative = RELATIVE_NAMES[calendarDaysBetweenDates(today, date)];
  const isRelative = named in RELATIVE && relative !== undefined;
  if (date > first.date && date < last.date) {
    const next = trip.days.find((d) => d.date > date) as TripDay;
    const on =
      date === today || isRelative
        ? `${(date === today ? "today" : (relative ?? "")).toLowerCase()} (${formatDay(trip, date)})`
        : `on ${formatDay(trip, date)}`;
    return {
      free: `Nothing is planned ${on}; the next planned day is day ${next.number}, ${formatDay(trip, next.date)}.`,
    };
  }
  if (date === today || isRelative) {
    const when = date === today ? "Today" : (relative ?? "That day");
    return { outside: `${when} is not a day of the trip. ${fromToday(trip, date, now)}` };
  }
  return { outside: `${formatDay(trip, date)} is not a day of the trip. ${tripRange(trip)}` };
}

/** "The trip runs from Thu 3 Apr 2025 (day 1) to Mon 7 Apr 2025 (day 5)." */
function tripRange(trip: Trip): string {
  const first = trip.days[0] as TripDay;
  const last = trip.days.at(-1) as TripDay;
  return `The trip runs from ${formatDay(trip, first.date)} (day 1) to ${formatDay(trip, last.date)} (day ${last.number}).`;
}

/** Whole days from one ISO date to another (calendar dates: no zone, no clock change). */
const calendarDaysBetweenDates = (from: string, to: string): number =>
  Math.round(
    DateTime.fromISO(to, { zone: "UTC" }).diff(DateTime.fromISO(from, { zone: "UTC" }), "days")
      .days,
  );

const MONTH_NAME = /\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\b/;

/** Words around a day that name no day: "on monday", "for the 6th", "this saturday". */
const FILLER = /^(?:(?:what(?:'s| is) on|on|for|this|next|coming|the|of) )+/;

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
export async function readDay(
  trip: Trip,
  input: string,
  now: Date,
  /** `whole`: a date in words must be all that was typed ("5 april", not "dog on 5 april"). */
  options: { whole?: boolean } = {},
): Promise<DayQuery> {
  const q = input
    .trim()
    .toLowerCase()
    .replace(/[.,!?]+$/g, "")
    .replace(/\s+/g, " ")
    .replace(FILLER, "");
  const byDate = (date: string) => trip.days.find((d) => d.date === date);
  const dated = (date: string, named = q): DayQuery => {
    const day = byDate(date);
    return day ? { found: day } : notATripDay(trip, date, now, named);
  };
  if (trip.days.length === 0) return { unknown: true };

  const n = dayNumber(q);
  if (n !== undefined) {
    const day = trip.days.find((d) => d.number === n);
    return day ? { found: day } : { unknown: true };
  }
  if (/^(?:the )?(?:last|final) day$/.test(q)) return { found: trip.days.at(-1) as TripDay };
  const eventDay = eventDayPattern(trip);
  const eventDate = DateTime.fromJSDate(trip.event.startAt, { zone: trip.zone });
  if (eventDay.on.test(q)) return dated(eventDate.toISODate() ?? "");
  const around = eventDay.around.exec(q);
  if (around) {
    return dated(eventDate.plus({ days: around[1] === "before" ? -1 : 1 }).toISODate() ?? "");
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
  const numeric = /^(\d{1,2})[/.](\d{1,2})(?:[/.](\d{2}|\d{4}))?$/.exec(q);
  if (numeric) {
    const [a, b] = [Number(numeric[1]), Number(numeric[2])];
    const year = numeric[3] === undefined ? undefined : Number(numeric[3].padStart(4, "20"));
    const readings = [
      ...new Set([inTripYears(trip, b, a, year), inTripYears(trip, a, b, year)]),
    ].filter((d): d is string => d !== undefined);
    const inTrip = readings.flatMap((d) => byDate(d) ?? []);
    if (inTrip.length === 1) return { found: inTrip[0] as TripDay };
    if (inTrip.length > 1) return { ambiguous: inTrip };
    const [first, second] = readings;
    if (first && second) {
      return {
        outside: `Neither ${formatDay(trip, first)} nor ${formatDay(trip, second)} is a day of the trip. ${tripRange(trip)}`,
      };
    }
    return first ? dated(first) : { unknown: true };
  }

  // Dates in words: "5th April", "saturday 5 april", "April 5". Without a month's name there
  // is none, and chrono-node (~100 ms to load) stays unloaded: most questions name no month.
  if (!MONTH_NAME.test(q)) return { unknown: true };
  const reference = DateTime.fromISO(trip.days[0]?.date ?? "", { zone: trip.zone }).toJSDate();
  const { parseDateInWords } = await import("./date-words");
  const [parsed] = parseDateInWords(q, reference);
  if (options.whole && parsed && (parsed.index !== 0 || parsed.text.length !== q.length)) {
    return { unknown: true };
  }
  const month = parsed?.start.get("month");
  const dayOfMonth = parsed?.start.get("day");
  if (parsed?.start.isCertain("month") && parsed.start.isCertain("day") && month && dayOfMonth) {
    const year = parsed.start.isCertain("year")
      ? (parsed.start.get("year") ?? undefined)
      : undefined;
    const date = inTripYears(trip, month, dayOfMonth, year);
    if (date) return dated(date);
  }
  return { unknown: true };
}

/**
 * A month and day, in the year given or else in the trip's (a trip across New Year has two):
 * the date that is a day of the trip, else the one nearest to it.
 */
function inTripYears(trip: Trip, month: number, day: number, year?: number): string | undefined {
  const years =
    year === undefined ? [...new Set(trip.days.map((d) => Number(d.date.slice(0, 4))))] : [year];
  const dates = years
    .map((y) => DateTime.fromObject({ year: y, month, day }).toISODate())
    .filter((d): d is string => d !== null);
  const first = trip.days[0]?.date ?? "";
  const last = trip.days.at(-1)?.date ?? "";
  const distance = (d: string) =>
    d < first
      ? calendarDaysBetweenDates(d, first)
      : d > last
        ? calendarDaysBetweenDates(last, d)
        : 0;
  return dates.sort((x, y) => distance(x) - distance(y))[0];
}

const EVENT_WORDS = ["race", "marathon", "event", "big"];
/** Words of an event's name too common to name its day ("the day of the 2026 Games"). */
const NOT_EVENT_WORDS = new Set([
  "with",
  "from",
  "this",
  "that",
  "their",
  "the",
  "and",
  "year",
  "years",
]);

/** The words that name the event: "race", "marathon"… and its own name's ("wedding", "parade"). */
export function eventWords(trip: Trip): string[] {
  const own = trip.event.name
    .toLowerCase()
    .split(/[^a-z]+/)
    .filter((w) => w.length >= 4 && !NOT_EVENT_WORDS.has(w));
  return [...new Set([...EVENT_WORDS, ...own])];
}

/**
 * "race day", "marathon day", or the event's own word: "wedding day" for "Ana and Ben's
 * wedding", "parade day" for a parade; with "the day before/after" it.
 */
function eventDayPattern(trip: Trip): { on: RegExp; around: RegExp } {
  const words = eventWords(trip).join("|");
  return {
    on: new RegExp(`^(?:the )?(?:(?:${words})[ -]?day|day of (?:the )?(?:${words}))$`),
    around: new RegExp(`^(?:the )?day (before|after) (?:the )?(?:${words})$`),
  };
}
