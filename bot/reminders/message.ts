import { moment } from "../commands/format";
import { context, paragraph, type Reply, text } from "../reply";
import type { ItineraryItem, Trip } from "../trip/model";
import { humanDistance } from "../trip/time";
import { describeLead } from "./schedule";

/** A reminder as posted into a channel: what, when (both times), where, and the notes. */
export function reminderReply(
  trip: Trip,
  item: ItineraryItem,
  leadMinutes: number,
  now: Date,
): Reply {
  return {
    title: `Reminder: ${item.title}`,
    blocks: [
      paragraph(
        text(item.title, true),
        ` starts ${humanDistance(now, item.startAt)}: `,
        moment(trip, item.startAt, "datetime", true),
        item.place ? ` — ${item.place}` : "",
      ),
      ...(item.notes ? [paragraph(item.notes)] : []),
      context(
        `Reminder ${describeLead(leadMinutes)} before. The whole day: /${trip.command} itinerary ${item.day}`,
      ),
    ],
    buttons: [],
    visibility: "public",
  };
}
