import { MAX_OWED_BYTES, owedBytes } from "../store/fact-store";
import type {
  ItemChange,
  ItemSnapshot,
  ReminderContent,
  ScheduleEntry,
} from "../store/reminder-schedule";
import type { ItineraryItem, Trip } from "../trip/model";
import { formatInZone } from "../trip/time";
import { contentOf } from "./schedule";

/** How far ahead a change is worth announcing even when no reminder has gone out yet. */
export const ANNOUNCE_WITHIN_MS = 48 * 3_600_000;

/** A change alert a load makes, as the CLI lists it. */
export interface AlertSummary {
  itemId: string;
  title: string;
  /** "time: Sat 1 Nov 2025, 08:00 → 09:00 New York time", "removed", … */
  changes: string[];
}

// The place as the file writes it: snapshots stored before names were shown keep comparing equal.
const snapshot = (item: ItineraryItem): ItemSnapshot => ({
  title: item.title,
  startAt: item.startAt.toISOString(),
  ...(item.place ? { place: item.place } : {}),
});

/**
 * The change alerts a load owes the channels: one per item that it moves, retitles, relocates
 * or removes, when the item starts within the next 48 hours (before or after the change) or a
 * reminder of it has already gone out. Each is due at once and keyed by the trip revision the
 * load makes, so the reminders run posts it exactly once per channel through the ledger.
 */
export function changeAlerts(
  before: Trip,
  after: Trip,
  scheduled: readonly ScheduleEntry[],
  now: Date,
  revision: number,
): ScheduleEntry[] {
  const next = new Map(after.itinerary.map((i) => [i.id, i]));
  const alerts: ScheduleEntry[] = [];
  for (const old of before.itinerary) {
    const item = next.get(old.id);
    const was = snapshot(old);
    const is = item ? snapshot(item) : undefined;
    if (is && !differs(was, is)) continue;
    const starts = [old.startAt, ...(item ? [item.startAt] : [])].map((d) => d.getTime());
    const latest = Math.max(...starts);
    if (latest <= now.getTime()) continue;
    const close = starts.some((t) => t > now.getTime() && t - now.getTime() <= ANNOUNCE_WITHIN_MS);
    const reminded = scheduled.some(
      (e) => e.itemId === old.id && e.state === "done" && e.dueAt.getTime() <= now.getTime(),
    );
    if (!close && !reminded) continue;
    alerts.push({
      tripId: after.id,
      itemId: old.id,
      leadMinutes: 0,
      alertRevision: revision,
      dueAt: now,
      startAt: new Date(latest),
      content: contentOf(item ? after : before, item ?? old),
      change: { was, ...(is ? { now: is } : {}) },
      state: "pending",
    });
  }
  return alerts;
}

/** Whether an item reads differently in a post: its time, title or place. */
export const differs = (a: ItemSnapshot, b: ItemSnapshot) =>
  a.startAt !== b.startAt || a.title !== b.title || (a.place ?? "") !== (b.place ?? "");

/** A change alert as its revision's HEAD keeps it until the alert is in the schedule. */
interface OwedAlert {
  tripId: string;
  itemId: string;
  alertRevision: number;
  startAt: string;
  content: ReminderContent;
  change: ItemChange;
}

/**
 * The alerts a load's revision owes, as its commit writes them beside the switch: one string
 * per alert, soonest first, as many as fit in `MAX_OWED_BYTES`. A change post never shows the
 * item's notes, so they are left out; a load announcing more than fits still schedules the rest
 * itself, but only what fits is finished by a re-run after a crash.
 */
export function owedForm(alerts: readonly ScheduleEntry[]): string[] {
  const owes: string[] = [];
  let bytes = 0;
  const soonest = [...alerts].sort((a, b) => a.startAt.getTime() - b.startAt.getTime());
  for (const alert of soonest) {
    if (alert.alertRevision === undefined || !alert.change) continue;
    const { notes: _notes, ...content } = alert.content;
    const owed: OwedAlert = {
      tripId: alert.tripId,
      itemId: alert.itemId,
      alertRevision: alert.alertRevision,
      startAt: alert.startAt.toISOString(),
      content,
      change: alert.change,
    };
    const text = JSON.stringify(owed);
    bytes += owedBytes([text]);
    if (bytes > MAX_OWED_BYTES) break;
    owes.push(text);
  }
  return owes;
}

/**
 * What a revision still owes, back as change alerts due at `now`: the load that owed them may
 * have died long enough ago for their first due time to be past a reminders run's look-back.
 */
export function owedAlerts(owed: readonly string[], now: Date): ScheduleEntry[] {
  return owed.map((text) => {
    const o = JSON.parse(text) as OwedAlert;
    return {
      tripId: o.tripId,
      itemId: o.itemId,
      leadMinutes: 0,
      alertRevision: o.alertRevision,
      dueAt: now,
      startAt: new Date(o.startAt),
      content: o.content,
      change: o.change,
      state: "pending",
    };
  });
}

/** A change alert in words, for the CLI's list of what a load announces. */
export function summariseAlert(alert: ScheduleEntry): AlertSummary {
  const { was, now } = alert.change ?? {};
  const c = alert.content;
  const at = (iso: string) => formatInZone(new Date(iso), c.zone, "datetime");
  const changes: string[] = [];
  if (was && !now) changes.push(`removed (was ${at(was.startAt)} ${c.zoneLabel} time)`);
  if (was && now) {
    if (was.startAt !== now.startAt) {
      changes.push(`time: ${at(was.startAt)} → ${at(now.startAt)} ${c.zoneLabel} time`);
    }
    if (was.title !== now.title) changes.push(`title: ${was.title} → ${now.title}`);
    if ((was.place ?? "") !== (now.place ?? "")) {
      changes.push(`place: ${was.place ?? "(none)"} → ${now.place ?? "(none)"}`);
    }
  }
  return { itemId: alert.itemId, title: now?.title ?? was?.title ?? c.title, changes };
}
