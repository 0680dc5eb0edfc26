import { DateTime } from "luxon";
import type {
  ReminderContent,
  ReminderRef,
  ScheduledReminder,
  ScheduleEntry,
} from "../store/reminder-schedule";
import { canonicalJson } from "../store/trip-records";
import type { ItineraryItem, Trip } from "../trip/model";

/** Every reminder a trip's itinerary asks for: each item at each of its lead times. */
export function remindersOf(trip: Trip): ScheduledReminder[] {
  return trip.itinerary.flatMap((item) =>
    item.leadMinutes.map((leadMinutes) => ({
      tripId: trip.id,
      itemId: item.id,
      leadMinutes,
      dueAt: dueAt(item.startAt, leadMinutes, item.zone),
      startAt: item.startAt,
      content: contentOf(trip, item),
    })),
  );
}

/** What a post about an item says of it; its times in the item's own zone. */
export function contentOf(trip: Trip, item: ItineraryItem): ReminderContent {
  return {
    tripName: trip.name,
    zone: item.zone,
    zoneLabel: item.zoneLabel,
    command: trip.command,
    title: item.title,
    ...(item.placeName ? { place: item.placeName } : {}),
    ...(item.notes ? { notes: item.notes } : {}),
    day: item.day,
  };
}

/**
 * When a reminder falls due. Whole days of a lead ("1d", "2d") are calendar days in the item's
 * zone, so a day-before reminder keeps the item's wall-clock time across a clock change; hours
 * and minutes are exact durations.
 */
export function dueAt(startAt: Date, leadMinutes: number, zone: string): Date {
  const days = Math.floor(leadMinutes / 1440);
  return DateTime.fromJSDate(startAt, { zone })
    .minus({ days })
    .minus({ minutes: leadMinutes % 1440 })
    .toJSDate();
}

/** How a load changes a trip's reminder schedule, and what it tells the organiser. */
export interface ScheduleChange {
  put: ScheduleEntry[];
  cancel: ReminderRef[];
  counts: { scheduled: number; updated: number; cancelled: number };
}

/**
 * Brings a trip's schedule in line with its itinerary: new reminders are added, pending ones
 * follow their item's new time and text, removed items' reminders are cancelled, and reminders
 * already finished stay finished whatever changed in the item's text.
 */
export function planSchedule(
  wanted: readonly ScheduledReminder[],
  existing: readonly ScheduleEntry[],
  now: Date,
): ScheduleChange {
  const key = (r: ReminderRef) => `${r.itemId}#${r.leadMinutes}`;
  const have = new Map(existing.map((e) => [key(e), e]));
  const wantedKeys = new Set(wanted.map(key));
  const put: ScheduleEntry[] = [];
  let updated = 0;
  for (const spec of wanted) {
    const old = have.get(key(spec));
    if (old?.state === "done") continue;
    const unchanged =
      old?.dueAt.getTime() === spec.dueAt.getTime() &&
      canonicalJson(old.content) === canonicalJson(spec.content);
    if (unchanged) continue;
    if (old) updated++;
    // An item that has already started gets no reminder: it could only arrive too late.
    put.push({ ...spec, state: spec.startAt.getTime() > now.getTime() ? "pending" : "done" });
  }
  const cancel = existing
    .filter((e) => !wantedKeys.has(key(e)))
    .map(({ tripId, itemId, leadMinutes }) => ({ tripId, itemId, leadMinutes }));
  return {
    put,
    cancel,
    counts: { scheduled: put.length - updated, updated, cancelled: cancel.length },
  };
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
