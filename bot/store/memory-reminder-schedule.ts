import {
  isAlert,
  LOOKBACK_DAYS,
  type ReminderRef,
  type ReminderSchedule,
  reminderKey,
  type ScheduledReminder,
  type ScheduleEntry,
} from "./reminder-schedule";

/** Orders as DynamoDB orders string sort keys. */
const byString =
  <T>(key: (t: T) => string) =>
  (a: T, b: T) =>
    key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0;

const startOfUtcDay = (ms: number) => ms - (ms % 86_400_000);

/** The reminder schedule in memory, for tests and one-process runs. */
export class MemoryReminderSchedule implements ReminderSchedule {
  private readonly entries = new Map<string, ScheduleEntry>();

  async scheduleOf(tripId: string): Promise<ScheduleEntry[]> {
    return [...this.entries.values()]
      .filter((e) => e.tripId === tripId && !isAlert(e))
      .sort(byString((e) => `${e.itemId}#${e.leadMinutes}`))
      .map((e) => structuredClone(e));
  }

  async update(change: {
    put: readonly ScheduleEntry[];
    cancel: readonly ReminderRef[];
  }): Promise<void> {
    for (const e of change.put) this.entries.set(reminderKey(e), structuredClone(e));
    for (const r of change.cancel) this.entries.delete(reminderKey(r));
  }

  async dueReminders(now: Date): Promise<ScheduledReminder[]> {
    // The same window as the DynamoDB due index's day partitions.
    const from = startOfUtcDay(now.getTime()) - LOOKBACK_DAYS * 86_400_000;
    return [...this.entries.values()]
      .filter((e) => e.state === "pending")
      .filter((e) => e.dueAt.getTime() >= from && e.dueAt.getTime() <= now.getTime())
      .sort(byString((e) => `${e.dueAt.toISOString()}#${reminderKey(e)}`))
      .map(({ state: _, ...r }) => structuredClone(r));
  }

  async complete(reminder: ScheduledReminder): Promise<void> {
    const entry = this.entries.get(reminderKey(reminder));
    if (entry?.dueAt.getTime() === reminder.dueAt.getTime()) entry.state = "done";
  }
}
