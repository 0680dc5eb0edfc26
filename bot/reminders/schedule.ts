import type { Trip } from "../trip/model";

/**
 * What a reminder's message needs, copied onto its schedule record at load time, so a run
 * posts it without reading the trip: a run's cost follows what is due, not the trips' size.
 */
export interface ReminderContent {
  tripName: string;
  zone: string;
  zoneLabel: string;
  command: string;
  title: string;
  place?: string;
  notes?: string;
  /** The item's trip day, for "the whole day: /marathon itinerary 3". */
  day: number;
}

/** One reminder of one itinerary item, before it is fanned out to channels. */
export interface ReminderSpec {
  tripId: string;
  itemId: string;
  leadMinutes: number;
  dueAt: Date;
  /** When the item starts: past it, the reminder is too late to be useful. */
  startAt: Date;
  content: ReminderContent;
}

/** Every reminder a trip's itinerary asks for: each item at each of its lead times. */
export function remindersOf(trip: Trip): ReminderSpec[] {
  return trip.itinerary.flatMap((item) =>
    item.leadMinutes.map((leadMinutes) => ({
      tripId: trip.id,
      itemId: item.id,
      leadMinutes,
      dueAt: new Date(item.startAt.getTime() - leadMinutes * 60_000),
      startAt: item.startAt,
      content: {
        tripName: trip.name,
        zone: trip.zone,
        zoneLabel: trip.zoneLabel,
        command: trip.command,
        title: item.title,
        ...(item.place ? { place: item.place } : {}),
        ...(item.notes ? { notes: item.notes } : {}),
        day: item.day,
      },
    })),
  );
}

/** "1 day", "3 hours", "1 hour 30 minutes", "30 minutes". */
export function describeLead(minutes: number): string {
  const parts: string[] = [];
  const days = Math.floor(minutes / 1440);
  const hours = Math.floor((minutes % 1440) / 60);
  const mins = minutes % 60;
  if (days) parts.push(`${days} day${days === 1 ? "" : "s"}`);
  if (hours) parts.push(`${hours} hour${hours === 1 ? "" : "s"}`);
  if (mins) parts.push(`${mins} minute${mins === 1 ? "" : "s"}`);
  return parts.join(" ");
}
