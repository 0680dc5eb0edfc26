import type { Mention } from "../delivery";
import type { Subscription } from "../store/channel-store";
import type { DeliveryKey } from "../store/delivery-ledger";
import { isAlert, type ScheduledReminder } from "../store/reminder-schedule";
import { differs } from "./alerts";

/** One reminder to one channel. */
export interface Delivery {
  reminder: ScheduledReminder;
  key: DeliveryKey;
  /** Who the channel's posts ping (its organisers' choice); nobody when absent. */
  mention?: Mention;
}

/** The ledger's key for a reminder (or change alert) in one channel. */
export function keyOf(r: ScheduledReminder, platform: string, channelId: string): DeliveryKey {
  const { tripId, itemId, leadMinutes, alertRevision } = r;
  return {
    tripId,
    itemId,
    leadMinutes,
    platform,
    channelId,
    ...(alertRevision !== undefined ? { alertRevision } : {}),
  };
}

/** What a run does with the reminders that have fallen due. */
export interface RunPlan {
  /**
   * Earlier reminders of an item due together with a later one, and change alerts of an item
   * a newer alert covers: dropped unsent.
   */
  superseded: ScheduledReminder[];
  /** For each superseded one, the reminder or alert that replaces it. */
  supersededBy: Map<ScheduledReminder, ScheduledReminder>;
  /** Reminders of trips no channel follows: over, and a channel that subscribes later starts after them. */
  unheard: ScheduledReminder[];
  /** One queue per channel, in the order its reminders fall due. */
  queues: Delivery[][];
  /** How many channels each reminder still to post goes to. */
  channelsPer: Map<ScheduledReminder, number>;
}

/** Reminders of one item supersede each other; so do its change alerts, apart. */
const groupOf = (r: ScheduledReminder) => `${r.tripId}#${r.itemId}${isAlert(r) ? "#alert" : ""}`;

/** Of two due together, the one that says something true: the latest reminder, the newest alert. */
const newer = (a: ScheduledReminder, b: ScheduledReminder) =>
  isAlert(a) ? (a.alertRevision ?? 0) > (b.alertRevision ?? 0) : a.leadMinutes < b.leadMinutes;

/** The same schedule entry (a merged alert is its newest alert's entry). */
const sameEntry = (a: ScheduledReminder, b: ScheduledReminder) =>
  groupOf(a) === groupOf(b) &&
  a.leadMinutes === b.leadMinutes &&
  a.alertRevision === b.alertRevision;

/**
 * The newest change alert of an item, told from what the channels last saw: the state before
 * the oldest alert still due, none of which has gone out (a post of the newest alone would start
 * from a state nobody was told of).
 */
function sinceFirst(newest: ScheduledReminder, first: ScheduledReminder): ScheduledReminder {
  const was = first.change?.was;
  if (!isAlert(newest) || !newest.change || !was) return newest;
  return { ...newest, change: { ...newest.change, was } };
}

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
  const oldest = new Map<string, ScheduledReminder>();
  for (const r of due) {
    const kept = latest.get(groupOf(r));
    if (!kept || newer(r, kept)) latest.set(groupOf(r), r);
    const first = oldest.get(groupOf(r));
    if (!first || newer(first, r)) oldest.set(groupOf(r), r);
  }
  for (const [group, newest] of latest) {
    const from = oldest.get(group);
    if (from && from !== newest) latest.set(group, sinceFirst(newest, from));
  }
  const plan: RunPlan = {
    superseded: [],
    supersededBy: new Map(),
    unheard: [],
    queues: [],
    channelsPer: new Map(),
  };
  const byChannel = new Map<string, Delivery[]>();
  for (const reminder of due) {
    const channels = subscriptions.get(reminder.tripId) ?? [];
    const by = latest.get(groupOf(reminder)) as ScheduledReminder;
    if (
      isAlert(reminder) &&
      by.change?.was &&
      by.change.now &&
      !differs(by.change.was, by.change.now)
    ) {
      // Changed and changed back before any of it was announced: nothing to say.
      plan.superseded.push(reminder);
      plan.supersededBy.set(reminder, by);
      continue;
    }
    if (!sameEntry(by, reminder)) {
      plan.superseded.push(reminder);
      plan.supersededBy.set(reminder, by);
      continue;
    }
    // The post: an alert that supersedes others tells the change since the first of them.
    const post = by;
    if (channels.length === 0) {
      plan.unheard.push(post);
      continue;
    }
    plan.channelsPer.set(post, channels.length);
    for (const { platform, channelId, mention } of channels) {
      const queue = byChannel.get(`${platform}#${channelId}`) ?? [];
      queue.push({
        reminder: post,
        key: keyOf(post, platform, channelId),
        ...(mention ? { mention } : {}),
      });
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
