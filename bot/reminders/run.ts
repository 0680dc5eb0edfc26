import type { ChannelPoster } from "../delivery";
import type { Subscription } from "../store/channel-store";
import type { ScheduledReminder } from "../store/reminder-schedule";
import type { ReminderStore } from "../store/stores";
import { type DeliveryContext, type DeliveryResult, deliver } from "./deliver";
import { type Delivery, planRun, tripsOf } from "./plan";

export interface ReminderRunOptions {
  /** Due reminders, subscribed channels and the delivery ledger (`reminderStoreOf(stores)`). */
  reminders: ReminderStore;
  /** By platform: "slack", "discord". */
  posters: Readonly<Record<string, ChannelPoster | undefined>>;
  /** "Now" for this run: the scheduled event's time. */
  now: Date;
  /** How long this run may take; it stops starting work in time to record what it did. */
  budgetMs: number;
  runId: string;
  /** How long a claimed delivery stays this run's; longer than any run lasts. */
  leaseMs?: number;
  /** Channels posted to at once; each channel's reminders go out one by one, in order. */
  concurrency?: number;
  /** Attempts at one delivery within one run before it waits for the next run. */
  maxAttemptsPerRun?: number;
  log?: (level: "info" | "warn", message: string, fields: Record<string, unknown>) => void;
}

export interface RunSummary {
  /** Deliveries (reminder × channel) due and not yet made when this run looked. */
  due: number;
  sent: number;
  /** Attempts after a failed one (429, 5xx, timeout, dropped connection). */
  retried: number;
  /** Deliveries that failed this run and wait for the next. */
  deferred: number;
  /** Given up: too late to be useful, or refused by the platform for good. */
  missed: number;
  /** Held by another run at the same time. */
  busy: number;
  /** Dropped unsent because a later reminder of the same item was due too. */
  superseded: number;
}

/** Time kept back from the budget for recording what the run did. */
const RESERVE_MS = 2_000;

/**
 * One reminders run: every reminder that has fallen due goes to every channel subscribed to its
 * trip, exactly once per (item, lead time, channel). Its reads grow with what is due: the due
 * index (whose records carry each message's content), then one Query per trip with something
 * due for its channels; never the trips' facts, never a Scan.
 */
export async function runReminders(options: ReminderRunOptions): Promise<RunSummary> {
  const started = performance.now();
  const elapsed = () => performance.now() - started;
  const log = options.log ?? (() => {});
  const store = options.reminders;

  const due = await store.dueReminders(options.now);
  const plan = planRun(due, await subscriptionsOf(store, tripsOf(due)));
  for (const r of [...plan.superseded, ...plan.unheard]) await store.complete(r);

  const resolved = completion(plan.channelsPer, (r) => store.complete(r));
  const context = (d: Delivery): DeliveryContext => ({
    ledger: store,
    poster: options.posters[d.key.platform],
    runId: options.runId,
    leaseMs: options.leaseMs ?? 90_000,
    maxAttempts: options.maxAttemptsPerRun ?? 6,
    // Time moves on from the event's "now" as the run takes real time.
    now: () => new Date(options.now.getTime() + elapsed()),
    remainingMs: () => options.budgetMs - elapsed() - RESERVE_MS,
  });
  const results: DeliveryResult[] = [];
  await inParallel(plan.queues, options.concurrency ?? 10, async (queue) => {
    for (const d of queue) {
      const result = await deliver(d, context(d));
      results.push(result);
      report(result, d, log);
      await resolved(d.reminder, finished(result));
    }
  });
  const summary = { ...summarise(results), superseded: plan.superseded.length };
  log("info", "reminders run", { ...summary, durationMs: Math.round(elapsed()) });
  return summary;
}

async function subscriptionsOf(store: ReminderStore, tripIds: readonly string[]) {
  const lists = await Promise.all(tripIds.map((id) => store.subscriptions(id)));
  return new Map<string, Subscription[]>(tripIds.map((id, i) => [id, lists[i] ?? []]));
}

/** Whether the delivery is over for good (sent or missed), so its reminder may close. */
const finished = (r: DeliveryResult) =>
  r.outcome === "already done" || r.outcome === "sent" || r.outcome === "missed";

/**
 * Marks a reminder done in the schedule once every channel it goes to has it for good; one
 * channel left for the next run keeps it due.
 */
function completion(
  channelsPer: ReadonlyMap<ScheduledReminder, number>,
  complete: (r: ScheduledReminder) => Promise<void>,
) {
  const open = new Map(channelsPer);
  const unfinished = new Set<ScheduledReminder>();
  return async (reminder: ScheduledReminder, done: boolean) => {
    if (!done) unfinished.add(reminder);
    const left = (open.get(reminder) ?? 1) - 1;
    open.set(reminder, left);
    if (left === 0 && !unfinished.has(reminder)) await complete(reminder);
  };
}

/** Every reminder that is not sent is logged with its reason. */
function report(
  result: DeliveryResult,
  { key }: Delivery,
  log: Required<ReminderRunOptions>["log"],
) {
  if (result.outcome === "missed" && result.recorded) {
    log("warn", "reminder missed", { ...key, reason: result.reason });
  } else if (result.outcome === "deferred") {
    log("warn", "reminder deferred to the next run", {
      ...key,
      reason: result.reason,
      attempt: result.attempts,
    });
  }
}

function summarise(results: readonly DeliveryResult[]): Omit<RunSummary, "superseded"> {
  const count = (outcome: DeliveryResult["outcome"], recordedOnly = false) =>
    results.filter(
      (r) => r.outcome === outcome && (!recordedOnly || ("recorded" in r && r.recorded)),
    ).length;
  return {
    due: results.filter((r) => r.outcome !== "already done").length,
    sent: count("sent", true),
    retried: results.reduce((n, r) => n + ("retried" in r ? r.retried : 0), 0),
    deferred: count("deferred") + count("out of time"),
    missed: count("missed", true),
    busy: count("busy"),
  };
}

/** Works through `items` with at most `concurrency` at a time. */
async function inParallel<T>(
  items: readonly T[],
  concurrency: number,
  work: (item: T) => Promise<void>,
) {
  let next = 0;
  const workers = Array.from({ length: Math.min(concurrency, items.length) }, async () => {
    while (next < items.length) await work(items[next++] as T);
  });
  await Promise.all(workers);
}
