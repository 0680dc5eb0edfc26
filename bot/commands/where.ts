import type { Block } from "../reply";
import type { TripCommand } from "./context";
import { answer, isRace, placeSpans, Sources } from "./format";

export const where: TripCommand = {
  name: "where",
  aliases: ["places", "place"],
  shows: (e) => e.kind === "place",
  summary: "Where the event starts and finishes, and the other places on the trip",
  usage: "",
  examples: ["where"],
  run({ trip }) {
    const { event } = trip;
    const sources = new Sources();
    const cited = (place: typeof event.startPlace) => [
      ...placeSpans(place),
      { type: "text" as const, text: sources.cite(place.source ?? event.source) },
    ];
    const blocks: Block[] = [
      { type: "heading", text: isRace(trip) ? "The race" : event.name },
      {
        type: "fields",
        fields: [
          { label: "Start", value: cited(event.startPlace) },
          ...(event.finishPlace ? [{ label: "Finish", value: cited(event.finishPlace) }] : []),
        ],
      },
    ];
    if (trip.places.length > 0) {
      blocks.push({ type: "heading", text: "Other places" });
      blocks.push({
        type: "list",
        items: trip.places.map((p) => [
          ...placeSpans(p),
          { type: "text", text: sources.cite(p.source) },
        ]),
      });
    }
    return answer(`Where: ${event.name}`, [...blocks, ...sources.block()]);
  },
};
