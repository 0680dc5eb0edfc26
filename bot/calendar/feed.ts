import { createHash } from "node:crypto";
import { ICalAlarmType, ICalCalendar, escape as icalText } from "ical-generator";
import type { EventVersions } from "../store/calendar-tokens";
import { canonicalJson } from "../store/trip-records";
import { withoutControls } from "../text/typed";
import type { Trip } from "../trip/model";
import { type EventContent, eventContent } from "./events";

/** Calendar apps are asked to fetch the feed again after this long. */
export const REFRESH_SECONDS = 60 * 60;

/** Bumped when the feed's layout changes, so every client fetches the new form once. */
const FEED_FORMAT = 1;

export function tripEvents(trip: Trip): EventContent[] {
  return trip.itinerary.map((item) => eventContent(trip, item));
}

/**
 * The feed's entity tag: a hash of everything the body is made from (the trip's events as this
 * revision has them, and their versions), so it changes exactly when the body would.
 */
export function feedTag(trip: Trip, events: readonly EventContent[], versions: EventVersions) {
  const hash = createHash("sha256")
    .update(
      canonicalJson({
        format: FEED_FORMAT,
        name: trip.name,
        events: events.map((e) => ({
          ...e,
          start: e.start.toISOString(),
          end: e.end?.toISOString(),
          version: versions[e.itemId],
        })),
      }),
    )
    .digest("base64url")
    .slice(0, 27);
  return `"${hash}"`;
}

/**
 * The trip's itinerary as an iCalendar feed: one event per item, times in UTC (exact instants
 * whatever the clocks do), alarms at the item's reminder leads. DTSTAMP and LAST-MODIFIED are
 * when the event's content was first served, so an unchanged trip gives the same bytes.
 */
export function renderFeed(
  trip: Trip,
  events: readonly EventContent[],
  versions: EventVersions,
): string {
  const name = withoutControls(trip.name);
  const calendar = new ICalCalendar({
    // ical-generator escapes an event's text but writes the calendar's NAME, X-WR-CALNAME and
    // X-WR-CALDESC as given: a comma, semicolon or backslash in a trip's name would be misread,
    // and a line break in it would end the property and start whatever the name says next.
    name: icalText(name, false),
    description: icalText(
      `The itinerary of ${name}, kept up to date from the trip's facts.`,
      false,
    ),
    prodId: { company: "trip-group-bot", product: "calendar", language: "EN" },
    ttl: REFRESH_SECONDS,
  });
  for (const event of events) {
    const version = versions[event.itemId];
    const stamp = version ? new Date(version.changedAt) : event.start;
    calendar.createEvent({
      id: event.uid,
      sequence: version?.sequence ?? 0,
      stamp,
      lastModified: stamp,
      start: event.start,
      end: event.end ?? null,
      // iCalendar text holds no control characters (RFC 5545, 3.3.11): one makes apps drop it all.
      summary: withoutControls(event.summary),
      location: event.location === undefined ? null : withoutControls(event.location),
      description: event.description === undefined ? null : withoutControls(event.description),
      alarms: event.alarmMinutes.map((minutes) => ({
        type: ICalAlarmType.display,
        trigger: minutes * 60,
        description: withoutControls(event.summary),
      })),
    });
  }
  return calendar.toString();
}
