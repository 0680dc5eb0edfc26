import { type Block, paragraph, text } from "../reply";
import type { ItineraryItem, Trip } from "../trip/model";
import { humanDistance } from "../trip/time";
import type { TripCommand } from "./context";
import { entriesNamed } from "./finding-reply";
import { answer, itemSpans, moment, notice } from "./format";

/** The items still to come that `words` name ("bus", "meal"), in order; empty if none. */
export function upcomingNamed(trip: Trip, words: string, now: Date): ItineraryItem[] {
  // Only words are searched: a plain "next" builds no search index on a cold container.
  if (words.trim() === "") return [];
  const named = new Set(
    entriesNamed(trip, words.trim(), "item").flatMap((r) =>
      r.entry.kind === "item" ? [r.entry.item] : [],
    ),
  );
  return trip.itinerary.filter((i) => i.startAt.getTime() > now.getTime() && named.has(i));
}

export const next: TripCommand = {
  name: "next",
  aliases: ["now", "upcoming"],
  summary: "The next item on the itinerary and how long until it",
  usage: "[what]",
  examples: ["next", "next bus"],
  examplesFor: () => ["next"],
  // "next bus", "next meal": the next of the items the words name.
  option: { name: "what", description: "Only items like this, e.g. bus or dinner" },
  run({ trip, now, request }) {
    const t = now.getTime();
    const ongoing = trip.itinerary.filter(
      (i) => i.startAt.getTime() <= t && i.endAt !== undefined && i.endAt.getTime() > t,
    );
    const later = trip.itinerary.filter((i) => i.startAt.getTime() > t);
    const named = upcomingNamed(trip, request.input, now);
    // Words that name none still to come ("next one", "next item") ask for the next of all.
    const upcoming = named.length > 0 ? named : later;
    const [first, then] = upcoming;
    const blocks: Block[] = [];
    if (ongoing.length > 0) {
      blocks.push({ type: "heading", text: "Happening now" });
      blocks.push({ type: "list", items: ongoing.map((i) => itemSpans(i)) });
    }
    if (!first) {
      const last = trip.itinerary.at(-1);
      if (ongoing.length > 0) return answer("Happening now", blocks);
      return notice("Nothing left on the itinerary", [
        paragraph(
          last
            ? `The trip is over: the last item, ${last.title}, was ${humanDistance(now, last.startAt)}.`
            : "The organiser has not published an itinerary yet.",
        ),
      ]);
    }
    const detail = (item: ItineraryItem): Block[] => [
      paragraph(
        text(item.title, true),
        text(` ${humanDistance(now, item.startAt)}: `),
        moment(item, item.startAt, "datetime"),
        ...(item.placeName ? [text(` — ${item.placeName}`)] : []),
      ),
      ...(item.notes ? [paragraph(item.notes)] : []),
    ];
    blocks.push({ type: "heading", text: "Next" }, ...detail(first));
    if (then)
      blocks.push(
        { type: "heading", text: "After that" },
        { type: "list", items: [itemSpans(then, "datetime")] },
      );
    return answer(`Next: ${first.title}`, blocks);
  },
};
