import type { Subscription } from "../store/channel-store";
import type { DeliveryKey } from "../store/delivery-ledger";
import type { ScheduledReminder } from "../store/reminder-schedule";

/** One reminder to one channel. */
export interface Delivery {
  reminder: ScheduledReminder;
  key: DeliveryKey;
}

/** What a run does with the reminders that have fallen due. */
export interface RunPlan {
  /** Earlier reminders of an item due together with a later one: dropped unsent. */
  superseded: ScheduledReminder[];
  /** Reminders of trips no channel follows: over, and a channel that subscribes later starts after them. */
  unheard: ScheduledReminder[];
  /** One queue per channel, in the order its reminders fall due. */
  queues: Delivery[][];
  /** How many channels each reminder still to post goes to. */
  channelsPer: Map<ScheduledReminder, number>;
}

const itemOf = (r: ScheduledReminder) => `${r.tripId}#${r.itemId}`;

/** The trips with something due: the run reads each one's subscribed channels once. */
export function tripsOf(due: readonly ScheduledReminder[]): string[] {
  return [...new Set(due.map((r) => r.tripId))];
}

/**
 * Fans the due reminders out to the channels following their trips. Of one item's reminders
 * due together (a trip loaded late, a run that was down), only the latest says anything true
 * ("starts in 20 minutes"); the earlier ones are superseded.
 */
export function planRun(
  due: readonly ScheduledReminder[],
  subscriptions: ReadonlyMap<string, readonly Subscription[]>,
): RunPlan {
  const latest = new Map<string, ScheduledReminder>();
  for (const r of due) {
    const kept = latest.get(itemOf(r));
    if (!kept || r.leadMinutes < kept.leadMinutes) latest.set(itemOf(r), r);
  }
  const plan: RunPlan = { superseded: [], unheard: [], queues: [], channelsPer: new Map() };
  const byChannel = new Map<string, Delivery[]>();
  for (const reminder of due) {
    const channels = subscriptions.get(reminder.tripId) ?? [];
    if (latest.get(itemOf(reminder)) !== reminder) plan.superseded.push(reminder);
    else if (channels.length === 0) plan.unheard.push(reminder);
    else plan.channelsPer.set(reminder, channels.length);
    if (!plan.channelsPer.has(reminder)) continue;
    for (const { platform, channelId } of channels) {
      const { tripId, itemId, leadMinutes } = reminder;
      const queue = byChannel.get(`${platform}#${channelId}`) ?? [];
      queue.push({ reminder, key: { tripId, itemId, leadMinutes, platform, channelId } });
      byChannel.set(`${platform}#${channelId}`, queue);
    }
  }
  plan.queues = [...byChannel.values()].map((q) =>
    q.sort((a, b) => a.reminder.dueAt.getTime() - b.reminder.dueAt.getTime()),
  );
  return plan;
}

/** Past its item's start a reminder can only arrive too late. */
export const tooLate = (reminder: ScheduledReminder, now: Date) =>
  now.getTime() >= reminder.startAt.getTime();
