import { type Block, paragraph, text } from "../reply";
import type { ItineraryItem } from "../trip/model";
import { humanDistance } from "../trip/time";
import type { TripCommand } from "./context";
import { entriesNamed } from "./finding-reply";
import { answer, itemSpans, moment, notice } from "./format";

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
    // Only words are searched: a plain "next" builds no search index on a cold container.
    const words = request.input.trim();
    const named = new Set(
      (words ? entriesNamed(trip, words, "item") : []).flatMap((r) =>
        r.entry.kind === "item" ? [r.entry.item] : [],
      ),
    );
    // Words that name none still to come ("next one", "next item") ask for the next of all.
    const upcoming = later.some((i) => named.has(i)) ? later.filter((i) => named.has(i)) : later;
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
        ...(item.place ? [text(` — ${item.place}`)] : []),
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
