import { createHash } from "node:crypto";
import { canonicalJson } from "../store/trip-records";
import type { ItineraryItem, Trip } from "../trip/model";
import { placeNamed } from "../trip/places";
import type { Place } from "../trip/schema";

/** Everything one itinerary item's calendar event shows; its hash tells a changed event. */
export interface EventContent {
  itemId: string;
  /** `<item id>@<trip id>`: never changes for the item, so calendars update it in place. */
  uid: string;
  start: Date;
  /** Absent for an item without an end: the event is then a moment (RFC 5545 §3.6.1). */
  end?: Date;
  summary: string;
  location?: string;
  description?: string;
  /** Alarm lead times in minutes: the item's reminder leads. */
  alarmMinutes: number[];
}

/** The trip's place an item's free-text `place` names (by name or id), if it names one. */
export function placeOf(trip: Trip, name: string | undefined): Place | undefined {
  const { startPlace, finishPlace } = trip.event;
  return placeNamed([startPlace, ...(finishPlace ? [finishPlace] : []), ...trip.places], name);
}

/** "Kim Il Sung Stadium, 1 Stadium Road": the place's name, and its address when known. */
export function locationText(trip: Trip, item: ItineraryItem): string | undefined {
  if (!item.place) return undefined;
  const place = placeOf(trip, item.place);
  const name = item.placeName ?? item.place;
  return place?.address ? `${name}, ${place.address}` : name;
}

export function eventContent(trip: Trip, item: ItineraryItem): EventContent {
  const description = [item.notes, item.source ? `Source: ${item.source}` : undefined]
    .filter(Boolean)
    .join("\n\n");
  return {
    itemId: item.id,
    uid: `${item.id}@${trip.id}`,
    start: item.startAt,
    ...(item.endAt ? { end: item.endAt } : {}),
    summary: item.title,
    ...(item.place ? { location: locationText(trip, item) } : {}),
    ...(description ? { description } : {}),
    alarmMinutes: item.leadMinutes,
  };
}

export function contentHash(content: EventContent): string {
  return createHash("sha256")
    .update(
      canonicalJson({
        ...content,
        start: content.start.toISOString(),
        end: content.end?.toISOString(),
      }),
    )
    .digest("hex")
    .slice(0, 16);
}
