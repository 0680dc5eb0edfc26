import { type Block, paragraph, text } from "../reply";
import type { Trip, TripDay } from "../trip/model";
import { formatInZone, localDate, plural } from "../trip/time";
import type { Suggestion, TripCommand } from "./context";
import { readDay } from "./day-query";
import { matchingEntries } from "./finding-reply";
import { answer, echoed, itemSpans, notice } from "./format";

export function dayLabel(trip: Trip, day: TripDay): string {
  const first = day.items[0];
  const date = first ? formatInZone(first.startAt, trip.zone, "date") : day.date;
  return `Day ${day.number} — ${date}`;
}

function dayBlocks(trip: Trip, day: TripDay): Block[] {
  return [
    { type: "heading", text: dayLabel(trip, day) },
    { type: "list", items: day.items.map((item) => itemSpans(item, "time", day.date)) },
  ];
}

/** The most days a reply that found no day lists: a phone's screen, not the whole trip. */
const MAX_LISTED_DAYS = 7;

/**
 * The trip's days as a list to choose from: all of them in a short trip; in a long one, a week
 * from the destination's today (the first week before the trip, the last after it), and how
 * many more there are.
 */
function daysFromToday(trip: Trip, now: Date): Block[] {
  const label = (d: TripDay) => [text(dayLabel(trip, d))];
  if (trip.days.length <= MAX_LISTED_DAYS) {
    return [{ type: "list", items: trip.days.map(label) }];
  }
  const today = localDate(now, trip.zone);
  const next = trip.days.findIndex((d) => d.date >= today);
  const from = Math.min(next < 0 ? trip.days.length : next, trip.days.length - MAX_LISTED_DAYS);
  const shown = trip.days.slice(from, from + MAX_LISTED_DAYS);
  const last = trip.days.at(-1) as TripDay;
  return [
    { type: "list", items: shown.map(label) },
    paragraph(
      `…and ${plural(trip.days.length - shown.length, "other day")}, from day 1 to day ${last.number}.`,
    ),
  ];
}

function suggestDays(trip: Trip, partial: string): Suggestion[] {
  const q = partial.trim().toLowerCase();
  return trip.days
    .map((d) => ({
      label: `${dayLabel(trip, d)}: ${d.items.map((i) => i.title).join(", ")}`,
      value: String(d.number),
    }))
    .filter((s) => q === "" || s.label.toLowerCase().includes(q) || s.value === q);
}

export const itinerary: TripCommand = {
  name: "itinerary",
  aliases: ["schedule", "plan", "programme", "program", "agenda", "day"],
  summary:
    "The trip day by day, or one day: a number, a date, a weekday, today, tomorrow, race day",
  usage: "[day N | date]",
  examples: [
    "itinerary",
    "itinerary 2",
    "itinerary tomorrow",
    "itinerary saturday",
    "itinerary last day",
  ],
  option: {
    name: "day",
    description: "A day number, a date, today or tomorrow",
    suggest: suggestDays,
  },
  async run({ trip, now, request }) {
    if (trip.days.length === 0) {
      return notice("Itinerary", [paragraph("The organiser has not published an itinerary yet.")]);
    }
    if (request.input.trim() === "") {
      return answer(
        `Itinerary: ${trip.name}`,
        trip.days.flatMap((d) => dayBlocks(trip, d)),
      );
    }
    let read = await readDay(trip, request.input, now);
    // "/marathon day two": the alias took the word "day" that the day's name needs.
    if ("unknown" in read && request.command === "day") {
      read = await readDay(trip, `day ${request.input}`, now);
    }
    const asked = echoed(request.input);
    const days = daysFromToday(trip, now);
    if ("outside" in read) {
      return notice(`Not a day of the trip: ${asked}`, [paragraph(read.outside), ...days]);
    }
    if ("free" in read) {
      return notice(`Nothing planned: ${asked}`, [paragraph(read.free), ...days]);
    }
    if ("ambiguous" in read) {
      return notice(`Which day is "${asked}"?`, [
        paragraph(
          `"${asked}" could be either of these days; ask again with the day's number or name:`,
        ),
        {
          type: "list",
          items: read.ambiguous.map((d) => [
            text(dayLabel(trip, d), true),
            text(` — /${trip.command} itinerary ${d.number}`),
          ]),
        },
      ]);
    }
    if ("unknown" in read) {
      return notice(`No day "${asked}" in the itinerary`, [
        ...matchingEntries(trip, request.input, "item"),
        paragraph(
          `The trip has ${plural(trip.days.length, "day")}. Ask for one by number or date:`,
        ),
        ...days,
      ]);
    }
    const day = read.found;
    return answer(`Itinerary: ${dayLabel(trip, day)}`, dayBlocks(trip, day).slice(1));
  },
};
