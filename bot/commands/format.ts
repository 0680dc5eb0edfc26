import { type Block, type Moment, type Reply, type Span, text } from "../reply";
import { shorten } from "../text/units";
import type { ItineraryItem, Trip } from "../trip/model";
import type { Contact, Place } from "../trip/schema";
import { calendarDaysBetween, localDate } from "../trip/time";

export const SHARE = { action: "share", label: "Share in channel" } as const;

/** An instant shown in `where`'s zone (the trip's, or an item's own) and in the reader's. */
export function moment(
  where: { zone: string; zoneLabel: string },
  at: Date,
  style: Moment["style"],
  relative = false,
): Moment {
  return { type: "moment", at, style, zone: where.zone, zoneLabel: where.zoneLabel, relative };
}

/** A private answer with a button to share it, the shape of most replies. */
export function answer(title: string, blocks: Block[]): Reply {
  return { title, blocks, buttons: [SHARE], visibility: "private" };
}

/** A race has distances; a dive week, a festival or a wedding has none, and is no "race". */
export const isRace = (trip: Trip): boolean => trip.event.distances.length > 0;

/** The longest piece of what a reader typed that an answer repeats back. */
const MAX_ECHO = 80;

/** What the reader typed, repeated in an answer: on one line, cut short past MAX_ECHO. */
export const echoed = (typed: string): string =>
  shorten(typed.trim().replace(/\s+/g, " "), MAX_ECHO);

/** A private answer to something that went wrong or needs another try: nothing to share. */
export function notice(title: string, blocks: Block[]): Reply {
  return { title, blocks, buttons: [], visibility: "private" };
}

export function placeSpans(place: Place): Span[] {
  const spans: Span[] = [text(place.name, true)];
  if (place.description) spans.push(text(` — ${place.description}`));
  if (place.address) spans.push(text(` (${place.address})`));
  return spans;
}

/** "Kim Su-ok — Local guide. Phone: +850 … · Email: …": numbers as text anyone can copy. */
export function contactSpans(contact: Contact): Span[] {
  const spans: Span[] = [text(contact.name, true)];
  // A role written as a sentence keeps one full stop before the number.
  if (contact.role) spans.push(text(` — ${contact.role.replace(/[.\s]+$/, "")}`));
  const ways = [
    contact.phone ? `Phone: ${contact.phone}` : "",
    contact.email ? `Email: ${contact.email}` : "",
  ].filter(Boolean);
  if (ways.length > 0) spans.push(text(`. ${ways.join(" · ")}`));
  return spans;
}

/**
 * "08:00 Breakfast — Hotel lobby · notes" as one list line. Under a day's heading (`dayDate`,
 * the destination's date), an item whose own zone is on another date there (across the date
 * line) shows its date: 10:00 in Pago Pago on Monday is not Tuesday's 10:00.
 */
export function itemSpans(
  item: ItineraryItem,
  style: "time" | "datetime" = "time",
  dayDate?: string,
): Span[] {
  const otherDate = dayDate !== undefined && localDate(item.startAt, item.zone) !== dayDate;
  const spans: Span[] = [moment(item, item.startAt, otherDate ? "datetime" : style)];
  if (item.endAt) {
    // An end past midnight shows its date: "22:00–Sun 6 Apr 2025, 01:00", never "22:00–01:00".
    const sameDay = calendarDaysBetween(item.startAt, item.endAt, item.zone) === 0;
    spans.push(text("–"), moment(item, item.endAt, sameDay ? "time" : "datetime"));
  }
  spans.push(text(" "), text(item.title, true));
  if (item.placeName) spans.push(text(` — ${item.placeName}`));
  if (item.notes) spans.push(text(`. ${item.notes}`));
  return spans;
}

/** Sources cited once each, numbered, for the small print under facts. */
export class Sources {
  private readonly list: string[] = [];

  cite(source: string | undefined): string {
    if (!source) return "";
    let i = this.list.indexOf(source);
    if (i < 0) i = this.list.push(source) - 1;
    return ` [${i + 1}]`;
  }

  block(): Block[] {
    if (this.list.length === 0) return [];
    return [
      {
        type: "context",
        spans: [text(`Sources: ${this.list.map((s, i) => `[${i + 1}] ${s}`).join("  ")}`)],
      },
    ];
  }
}
