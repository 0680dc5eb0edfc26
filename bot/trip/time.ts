import { DateTime, IANAZone } from "luxon";

/**
 * Every conversion between a destination's wall-clock time and an instant goes through here,
 * on top of the runtime's IANA time zone data (via Luxon): no hand-written offset arithmetic.
 */

const WALL_CLOCK =
  /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2}))?(?:\s*(Z|[+-]\d{2}:?\d{2}))?$/;

export function isValidTimeZone(zone: string): boolean {
  return IANAZone.isValidZone(zone);
}

export type WallClockResult = { ok: true; instant: Date } | { ok: false; message: string };

/**
 * Turns "2025-04-06 08:00" written in `zone` into an instant. A time that does not exist there
 * (clocks jump forward) is an error; a time that happens twice (clocks go back) must carry its
 * UTC offset, so that no reminder silently lands an hour off.
 */
export function wallClockToInstant(text: string, zone: string): WallClockResult {
  const m = WALL_CLOCK.exec(text.trim());
  if (!m) {
    return {
      ok: false,
      message: `"${text}" is not a date and time; write it as YYYY-MM-DD HH:MM in the destination's time`,
    };
  }
  const [, y, mo, d, h, mi, s, offset] = m;
  const fields = {
    year: Number(y),
    month: Number(mo),
    day: Number(d),
    hour: Number(h),
    minute: Number(mi),
    second: Number(s ?? 0),
  };
  const local = DateTime.fromObject(fields, { zone });
  if (!local.isValid) {
    return {
      ok: false,
      message: `"${text}" is not a real date and time (${local.invalidExplanation ?? local.invalidReason})`,
    };
  }
  const sameWallClock = (dt: DateTime) =>
    dt.year === fields.year &&
    dt.month === fields.month &&
    dt.day === fields.day &&
    dt.hour === fields.hour &&
    dt.minute === fields.minute;
  if (!sameWallClock(local)) {
    return {
      ok: false,
      message: `${text.trim()} does not exist in ${zone}: the clocks skip that hour on ${local.toISODate()}`,
    };
  }
  const candidates = local.getPossibleOffsets().filter(sameWallClock);
  if (offset) {
    const wanted = normaliseOffset(offset);
    const match = candidates.find((c) => c.toFormat("ZZ") === wanted);
    if (!match) {
      const valid = candidates.map((c) => c.toFormat("ZZ")).join(" or ");
      return {
        ok: false,
        message: `${text.trim()}: in ${zone} that wall-clock time has offset ${valid}, not ${wanted}`,
      };
    }
    return { ok: true, instant: match.toJSDate() };
  }
  if (candidates.length > 1) {
    const options = candidates
      .map((c) => `${c.toFormat("yyyy-MM-dd HH:mm")}${c.toFormat("ZZ")}`)
      .join(" or ");
    return {
      ok: false,
      message: `${text.trim()} happens twice in ${zone} (the clocks go back); add the UTC offset you mean: ${options}`,
    };
  }
  return { ok: true, instant: local.toJSDate() };
}

function normaliseOffset(offset: string): string {
  if (offset === "Z") return "+00:00";
  return offset.includes(":") ? offset : `${offset.slice(0, 3)}:${offset.slice(3)}`;
}

/** The calendar day ("2025-04-06") that an instant falls on at the destination. */
export function localDate(instant: Date, zone: string): string {
  return DateTime.fromJSDate(instant, { zone }).toISODate() ?? "";
}

/**
 * A zone's IANA name as the database spells it: zones are matched in any case, so a trip file
 * may say "asia/pyongyang", but labels and calendars show the name ("Pyongyang time"). The
 * runtime resolves some names to older ones (Asia/Kolkata → Asia/Calcutta, Europe/Kyiv →
 * Europe/Kiev); the name the organiser chose is kept, only its case mended.
 */
export function canonicalZone(zone: string): string {
  let resolved: string;
  try {
    resolved = new Intl.DateTimeFormat("en-US", { timeZone: zone }).resolvedOptions().timeZone;
  } catch {
    return zone;
  }
  if (resolved.toLowerCase() === zone.toLowerCase()) return resolved;
  const oneCase = zone === zone.toLowerCase() || zone === zone.toUpperCase();
  return oneCase ? zone.toLowerCase().replace(/(^|[/_-])([a-z])/g, capital) : zone;
}

const capital = (_: string, before: string, letter: string) => before + letter.toUpperCase();

/** A short readable name for a zone: "Asia/Pyongyang" → "Pyongyang". */

export function zoneCity(zone: string): string {
  return (zone.split("/").pop() ?? zone).replace(/_/g, " ");
}

export type LocalStyle = "date" | "time" | "datetime" | "weekday-date";

const STYLES: Record<Exclude<LocalStyle, "weekday-date">, string> = {
  date: "ccc d LLL yyyy",
  time: "HH:mm",
  datetime: "ccc d LLL yyyy, HH:mm",
};

/** The destination's wall-clock rendering of an instant, in English, 24-hour clock. */
export function formatInZone(instant: Date, zone: string, style: LocalStyle): string {
  if (style === "weekday-date") return dayName(localDate(instant, zone));
  return DateTime.fromJSDate(instant, { zone }).setLocale("en-GB").toFormat(STYLES[style]);
}

const WEEKDAYS = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"];
const MONTHS = `January February March April May June July August September October November
December`.split(/\s+/);

/**
 * A calendar day's name ("2025-04-05" → "Saturday 5 April 2025"), as en-GB writes it. Written
 * out rather than asked of Intl, whose first use in a process costs ~2 ms: the search names
 * each trip day on a cold container's first answer.
 */
function dayName(date: string): string {
  const [y = 0, m = 1, d = 1] = date.split("-").map(Number);
  const day = new Date(0);
  day.setUTCFullYear(y, m - 1, d);
  return `${WEEKDAYS[day.getUTCDay()]} ${d} ${MONTHS[m - 1]} ${String(y).padStart(4, "0")}`;
}

/**
 * The UTC offset ("+10:30") of an instant whose wall-clock time happens twice in `zone` (the
 * hour clocks go back), so two moments never read alike; undefined for every other instant.
 */
export function offsetIfRepeated(instant: Date, zone: string): string | undefined {
  const local = DateTime.fromJSDate(instant, { zone });
  return local.getPossibleOffsets().length > 1 ? local.toFormat("ZZ") : undefined;
}

/** "+09:00" */
export function offsetAt(instant: Date, zone: string): string {
  return DateTime.fromJSDate(instant, { zone }).toFormat("ZZ");
}

/** Whole calendar days from `now`'s local date to `instant`'s local date, at the destination. */
export function calendarDaysBetween(now: Date, instant: Date, zone: string): number {
  const a = DateTime.fromJSDate(now, { zone }).startOf("day");
  const b = DateTime.fromJSDate(instant, { zone }).startOf("day");
  return Math.round(b.diff(a, "days").days);
}

const DURATION = /^(?:(\d+)\s*d)?\s*(?:(\d+)\s*h)?\s*(?:(\d+)\s*m)?$/i;

/** Parses a reminder lead time such as "1d", "2h", "30m" or "1h30m" into minutes. */
export function parseLeadTime(text: string): number | undefined {
  const m = DURATION.exec(text.trim());
  if (!m || (!m[1] && !m[2] && !m[3])) return undefined;
  const minutes = Number(m[1] ?? 0) * 1440 + Number(m[2] ?? 0) * 60 + Number(m[3] ?? 0);
  return minutes > 0 ? minutes : undefined;
}

/** "in 3 days", "in 5 hours", "2 days ago": a coarse, readable distance between two instants. */
export function humanDistance(from: Date, to: Date): string {
  const ms = to.getTime() - from.getTime();
  const abs = Math.abs(ms);
  const minutes = Math.round(abs / 60_000);
  let text: string;
  if (minutes < 1) return "now";
  if (minutes < 60) text = plural(minutes, "minute");
  else if (minutes < 48 * 60) {
    const h = Math.floor(minutes / 60);
    const m = minutes % 60;
    text =
      m === 0 || h >= 12
        ? plural(Math.round(minutes / 60), "hour")
        : `${plural(h, "hour")} ${plural(m, "minute")}`;
  } else text = plural(Math.round(minutes / 1440), "day");
  return ms >= 0 ? `in ${text}` : `${text} ago`;
}

export function plural(n: number, unit: string): string {
  return `${n} ${unit}${n === 1 ? "" : "s"}`;
}
