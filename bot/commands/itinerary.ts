import { DateTime } from "luxon";
import { type Block, paragraph, text } from "../reply";
import type { Trip, TripDay } from "../trip/model";
import { formatInZone, localDate } from "../trip/time";
import type { Suggestion, TripCommand } from "./context";
import { answer, itemSpans, notice } from "./format";

export function dayLabel(trip: Trip, day: TripDay): string {
  const first = day.items[0];
  const date = first ? formatInZone(first.startAt, trip.zone, "date") : day.date;
  return `Day ${day.number} — ${date}`;
}

const MONTH_DAY_FORMATS = ["d MMMM", "d MMM", "MMMM d", "MMM d", "d/M", "d.M"];

/** Finds the day a reader means: "2", "day 2", "2025-04-04", "today", "sunday", "4 april", "race". */
export function findDay(trip: Trip, input: string, now: Date): TripDay | undefined {
  const q = input.trim().toLowerCase().replace(/\s+/g, " ");
  const byDate = (date: string) => trip.days.find((d) => d.date === date);
  const numbered = /^(?:day ?)?(\d{1,3})$/.exec(q);
  if (numbered) return trip.days.find((d) => d.number === Number(numbered[1]));
  if (/^\d{4}-\d{2}-\d{2}$/.test(q)) return byDate(q);
  const today = DateTime.fromJSDate(now, { zone: trip.zone });
  const relative: Record<string, number> = { today: 0, tomorrow: 1, yesterday: -1 };
  if (q in relative) return byDate(today.plus({ days: relative[q] ?? 0 }).toISODate() ?? "");
  if (q === "race" || q === "race day" || q === "raceday")
    return byDate(localDate(trip.event.startAt, trip.zone));
  const weekday = trip.days.find(
    (d) =>
      q.length >= 3 &&
      DateTime.fromISO(d.date).setLocale("en").toFormat("cccc").toLowerCase().startsWith(q),
  );
  if (weekday) return weekday;
  const year = DateTime.fromJSDate(trip.event.startAt, { zone: trip.zone }).year;
  for (const format of MONTH_DAY_FORMATS) {
    const dt = DateTime.fromFormat(q, format, { locale: "en", zone: trip.zone }).set({ year });
    if (dt.isValid) return byDate(dt.toISODate() ?? "");
  }
  return undefined;
}

function dayBlocks(trip: Trip, day: TripDay): Block[] {
  return [
    { type: "heading", text: dayLabel(trip, day) },
    { type: "list", items: day.items.map((item) => itemSpans(trip, item)) },
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
  summary: "The trip day by day, or one day: a day number, a date, today, tomorrow",
  usage: "[day N | date]",
  examples: ["itinerary", "itinerary 2", "itinerary tomorrow", "itinerary 2025-04-06"],
  option: {
    name: "day",
    description: "A day number, a date, today or tomorrow",
    suggest: suggestDays,
  },
  run({ trip, now, request }) {
    if (trip.days.length === 0) {
      return notice("Itinerary", [paragraph("The organiser has not published an itinerary yet.")]);
    }
    if (request.input.trim() === "") {
      return answer(
        `Itinerary: ${trip.name}`,
        trip.days.flatMap((d) => dayBlocks(trip, d)),
      );
    }
    const day = findDay(trip, request.input, now);
    if (!day) {
      return notice(`No day "${request.input.trim()}" in the itinerary`, [
        paragraph(`The trip has ${trip.days.length} days. Ask for one by number or date:`),
        { type: "list", items: trip.days.map((d) => [text(dayLabel(trip, d))]) },
      ]);
    }
    return answer(`Itinerary: ${dayLabel(trip, day)}`, dayBlocks(trip, day).slice(1));
  },
};
