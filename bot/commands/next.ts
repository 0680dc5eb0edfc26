import { type Block, paragraph, text } from "../reply";
import type { ItineraryItem } from "../trip/model";
import { humanDistance } from "../trip/time";
import type { TripCommand } from "./context";
import { answer, itemSpans, moment, notice } from "./format";

export const next: TripCommand = {
  name: "next",
  aliases: ["now", "upcoming"],
  // The item it shows is chosen by the clock, not by words: "next bus" asks about the bus.
  shows: () => false,
  summary: "The next item on the itinerary and how long until it",
  usage: "",
  examples: ["next"],
  run({ trip, now }) {
    const t = now.getTime();
    const ongoing = trip.itinerary.filter(
      (i) => i.startAt.getTime() <= t && i.endAt !== undefined && i.endAt.getTime() > t,
    );
    const upcoming = trip.itinerary.filter((i) => i.startAt.getTime() > t);
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
