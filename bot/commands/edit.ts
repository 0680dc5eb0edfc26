import { editForm } from "../loading/edit-item";
import { paragraph, text } from "../reply";
import { shorten } from "../text/units";
import type { ItineraryItem, Trip } from "../trip/model";
import { formatInZone } from "../trip/time";
import type { Suggestion, TripCommand } from "./context";
import { notice } from "./format";
import { isOrganiser, organisersOnly } from "./organisers";

function suggestItems(trip: Trip, partial: string): Suggestion[] {
  const q = partial.trim().toLowerCase();
  return trip.itinerary
    .filter((i) => q === "" || i.id.includes(q) || i.title.toLowerCase().includes(q))
    .map((i) => ({
      label: `${formatInZone(i.startAt, i.zone, "datetime")} ${i.title} (${i.id})`,
      value: i.id,
    }));
}

/** The item a reference names: its id, else the one item whose title says it. */
function itemNamed(trip: Trip, ref: string): ItineraryItem | undefined {
  const q = ref.trim().toLowerCase();
  const byId = trip.itinerary.find((i) => i.id === q);
  if (byId) return byId;
  const byTitle = trip.itinerary.filter((i) => i.title.toLowerCase().includes(q));
  return byTitle.length === 1 ? byTitle[0] : undefined;
}

export const edit: TripCommand = {
  name: "edit",
  aliases: [],
  summary: "Organisers: change one itinerary item's time, title, place or notes (preview first)",
  usage: "<item>",
  examples: ["edit race-start"],
  organisers: true,
  option: { name: "item", description: "The itinerary item (its id)", suggest: suggestItems },
  run({ trip, request }) {
    if (!isOrganiser(trip, request)) return organisersOnly("edit the itinerary");
    const ref = request.input.trim();
    const item = ref === "" ? undefined : itemNamed(trip, ref);
    if (!item) {
      return notice(ref === "" ? "Which item?" : `No item "${shorten(ref, 60)}"`, [
        paragraph(
          "Name the item by its id, e.g. ",
          text(`/${trip.command} edit ${trip.itinerary[0]?.id ?? "race-start"}`, true),
          `. Items: ${shorten(trip.itinerary.map((i) => i.id).join(", "), 1500)}.`,
        ),
      ]);
    }
    const form = editForm(item);
    if (!form) {
      return notice("Edit the trip file instead", [
        paragraph(
          `The id "${shorten(item.id, 70)}" is too long to edit in a form: download the trip file, edit it and upload it.`,
        ),
      ]);
    }
    return {
      ...notice(`Edit: ${shorten(item.title, 200)}`, [
        paragraph(
          "A form opens with the item's start, end, title, place and notes. Times are the trip file's: YYYY-MM-DD HH:MM in the item's time zone. You get a preview before anything changes.",
        ),
      ]),
      form,
    };
  },
};
