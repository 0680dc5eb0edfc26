import type { Ranked } from "../answer/engine";
import type { Finding } from "../answer/find";
import { tripIndex } from "../answer/find";
import type { ItineraryItem, Trip } from "../trip/model";
import { formatInZone } from "../trip/time";

/**
 * A clock time inside a question: "whats happening at 6pm", "where do we need to be at 07:30
 * on saturday". The itinerary item that starts then is the answer, as its start time reads
 * where it happens.
 */
const CLOCK = /\b(\d{1,2})(?:[:.](\d{2}))?\s*(am|pm)\b|\b(\d{1,2})[:.](\d{2})\b/;

/** "18:00" for "6pm", "6 pm", "6:00pm", "18:00", "18.00"; undefined for no time of day. */
export function clockIn(question: string): { at: string; words: string } | undefined {
  const m = CLOCK.exec(question.toLowerCase());
  if (!m) return undefined;
  const [words, h12, m12, half, h24, m24] = m;
  let hour = Number(h12 ?? h24);
  const minute = Number(m12 ?? m24 ?? 0);
  if (half) {
    if (hour < 1 || hour > 12) return undefined;
    hour = (hour % 12) + (half === "pm" ? 12 : 0);
  }
  if (hour > 23 || minute > 59) return undefined;
  const two = (n: number) => String(n).padStart(2, "0");
  return { at: `${two(hour)}:${two(minute)}`, words };
}

/** The items starting at `at` (HH:mm where each happens), on `day` when one is named. */
export function itemsAt(trip: Trip, at: string, day?: number): ItineraryItem[] {
  return trip.itinerary.filter(
    (i) => (day === undefined || i.day === day) && formatInZone(i.startAt, i.zone, "time") === at,
  );
}

/** The items as a finding: sure of one, choices among several. */
export function findingOf(trip: Trip, items: readonly ItineraryItem[]): Finding {
  const ranked = items.flatMap((item): Ranked[] => {
    const entry = tripIndex(trip).entries.find((e) => e.kind === "item" && e.item === item);
    return entry ? [{ entry, score: 1, coverage: 1, matched: [] }] : [];
  });
  const [only] = ranked;
  return ranked.length === 1 && only
    ? { sure: true, best: only, also: [] }
    : { sure: false, choices: ranked.slice(0, 3) };
}
