import type { ChannelPoster } from "../delivery";
import { sleep } from "../retry";
import type { ChannelRunReport, Subscription } from "../store/channel-store";
import { isAlert, type ScheduledReminder } from "../store/reminder-schedule";
import type { ReminderStore } from "../store/stores";
import { type DeliveryContext, type DeliveryResult, deliver } from "./deliver";
import { type Delivery, keyOf, planRun, tripsOf } from "./plan";
import { describeLead } from "./schedule";
import { noteReason, type RunLog, type RunSummary, reportOn, Tally } from "./summary";

export type { RunSummary } from "./summary";

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
  /**
   * The longest one call to a platform may take (the posters' own timeout and a little):
   * no call starts with less of the budget left. Default 6 s.
   */
  attemptMs?: number;
  log?: RunLog;
}

/** Time kept back from the budget for recording what the run did. */
const RESERVE_MS = 2_000;
const DEFAULT_ATTEMPT_MS = 6_000;

const messageOf = (e: unknown) => (e instanceof Error ? e.message : String(e));

/**
 * One reminders run: every reminder (and change alert) that has fallen due goes to every
 * channel subscribed to its trip, exactly once per (item, lead time or revision, channel). Its
 * reads grow with what is due: the due index (whose records carry each message's content), one
 * Query per trip with something due for its channels, one read per channel for its delivery
 * state; never the trips' facts, never a Scan.
 *
 * No channel or platform makes it throw: every delivery ends in a state the ledger records
 * (or stays due), it waits for all of them, and it logs its summary line whatever happened.
 * Only a failure to read what is due (the table itself) fails the run, after that line.
 */
export async function runReminders(options: ReminderRunOptions): Promise<RunSummary> {
  const run = new ReminderRun(options);
  let failure: unknown;
  try {
    await run.work();
  } catch (e) {
    failure = e;
  }
  return run.finish(failure);
}

type ChannelReport = ChannelRunReport & { platform: string; channelId: string };
type Resolve = (reminder: ScheduledReminder, done: boolean) => Promise<void>;

/** What one channel's queue carries from one delivery to the next. */
interface ChannelState {
  /** Epoch ms before which the channel takes no post (the platform's Retry-After). */
  holdUntil: number;
  /** Why the channel is gone, once a delivery found it so. */
  gone?: string;
}

/** One run's clock, counts and per-channel reports, shared by its steps. */
class ReminderRun {
  private readonly started = performance.now();
  private readonly options: ReminderRunOptions;
  private readonly store: ReminderStore;
  private readonly log: RunLog;
  private readonly attemptMs: number;
  private readonly tally = new Tally();
  private readonly reports = new Map<string, ChannelReport>();

  constructor(options: ReminderRunOptions) {
    this.options = options;
    this.store = options.reminders;
    this.log = options.log ?? (() => {});
    this.attemptMs = options.attemptMs ?? DEFAULT_ATTEMPT_MS;
  }

  private elapsed = () => performance.now() - this.started;
  // Time moves on from the event's "now" as the run takes real time.
  private now = () => new Date(this.options.now.getTime() + this.elapsed());
  private remainingMs = () => this.options.budgetMs - this.elapsed() - RESERVE_MS;

  async work() {
    const { store, options } = this;
    const due = await store.dueReminders(options.now);
    const subscriptions = await subscriptionsOf(store, tripsOf(due), (tripId, e) => {
      this.log("error", "reminders left due: could not read the trip's channels", {
        tripId,
        error: messageOf(e),
      });
    });
    const readable = due.filter((r) => subscriptions.has(r.tripId));
    this.tally.errors += due.length - readable.length;
    const plan = planRun(readable, subscriptions);

    for (const reminder of plan.superseded) {
      const by = plan.supersededBy.get(reminder) as ScheduledReminder;
      await this.closeSuperseded(reminder, by, subscriptions.get(reminder.tripId) ?? []);
    }
    for (const reminder of plan.unheard) await this.closeUnheard(reminder);

    const resolved = completion(plan.channelsPer, (r) => store.complete(r));
    await inParallel(plan.queues, options.concurrency ?? 10, (queue) =>
      this.deliverQueue(queue, resolved),
    );
    await this.recordRuns();
  }

  /** Logs the summary line whatever happened; a failure is rethrown after it. */
  finish(failure: unknown): RunSummary {
    const summary = this.tally.summary();
    this.log(failure ? "error" : "info", "reminders run", {
      ...summary,
      durationMs: Math.round(this.elapsed()),
      ...(failure ? { error: messageOf(failure) } : {}),
    });
    if (failure) throw failure;
    return summary;
  }

  /** Recorded missed in every channel it would have gone to, then closed in the schedule. */
  private async closeSuperseded(
    reminder: ScheduledReminder,
    by: ScheduledReminder,
    channels: readonly Subscription[],
  ) {
    const reason = !isAlert(by)
      ? `superseded: the ${describeLead(by.leadMinutes)} reminder of the same item fell due with it`
      : by.alertRevision === reminder.alertRevision
        ? "superseded: the item was changed back before its change was announced"
        : `superseded: a newer change alert (revision ${by.alertRevision}) covers it`;
    for (const { platform, channelId } of channels) {
      const key = keyOf(reminder, platform, channelId);
      await this.tolerate("could not record a superseded reminder", { ...key }, async () => {
        if (await this.store.skip(key, this.options.runId, { reason, now: this.now() })) {
          this.tally.missed++;
          const report = this.reportFor(key);
          report.missed++;
          noteReason(report, reason);
        }
      });
    }
    this.tally.superseded++;
    this.log("warn", "reminder missed", { ...refOf(reminder), cause: "superseded", reason });
    await this.tolerate("could not close a superseded reminder", refOf(reminder), () =>
      this.store.complete(reminder),
    );
  }

  /** A reminder of a trip no channel follows: logged missed and closed. */
  private async closeUnheard(reminder: ScheduledReminder) {
    this.tally.remindersOff++;
    const reason = `reminders off: no channel follows trip ${reminder.tripId}`;
    this.log("warn", "reminder missed", { ...refOf(reminder), cause: "reminders off", reason });
    await this.tolerate("could not close a reminder", refOf(reminder), () =>
      this.store.complete(reminder),
    );
  }

  /** One channel's deliveries, one by one in order. */
  private async deliverQueue(queue: readonly Delivery[], resolved: Resolve) {
    const { platform, channelId } = (queue[0] as Delivery).key;
    const channel: ChannelState = { holdUntil: await this.holdOf(platform, channelId) };
    for (const d of queue) {
      const result = await this.attempt(d, channel);
      await this.keepRetryAfter(result, d, channel);
      if (result.outcome === "missed" && result.cause === "channel gone")
        channel.gone = result.reason;
      this.tally.add(result, d);
      reportOn(result, d, this.log, this.reportFor(d.key));
      await this.tolerate("could not close a reminder", refOf(d.reminder), () =>
        resolved(d.reminder, finished(result)),
      );
    }
  }

  /** Until when the channel waits out an earlier Retry-After (0: it does not). */
  private async holdOf(platform: string, channelId: string) {
    let holdUntil = 0;
    await this.tolerate(
      "could not read a channel's delivery state",
      { platform, channelId },
      async () => {
        holdUntil = (await this.store.deliveryState(platform, channelId)).notBefore?.getTime() ?? 0;
      },
    );
    return holdUntil;
  }

  /** One delivery: skipped if the channel is gone, left waiting if its hold outlasts the budget. */
  private async attempt(d: Delivery, channel: ChannelState): Promise<DeliveryResult> {
    try {
      if (channel.gone) return await this.skipGone(d, channel.gone);
      const wait = channel.holdUntil - this.now().getTime();
      if (wait > 0 && wait + this.attemptMs > this.remainingMs()) {
        return { outcome: "waiting", until: channel.holdUntil };
      }
      if (wait > 0) await sleep(wait);
      return await deliver(d, this.context(d));
    } catch (e) {
      return { outcome: "failed", reason: messageOf(e) };
    }
  }

  private context(d: Delivery): DeliveryContext {
    const { options } = this;
    return {
      ledger: this.store,
      poster: options.posters[d.key.platform],
      runId: options.runId,
      leaseMs: options.leaseMs ?? 90_000,
      maxAttempts: options.maxAttemptsPerRun ?? 6,
      attemptMs: this.attemptMs,
      ...(d.mention ? { mention: d.mention } : {}),
      now: this.now,
      remainingMs: this.remainingMs,
    };
  }

  /** The channel waits out the platform's Retry-After, in this run and the next ones. */
  private async keepRetryAfter(result: DeliveryResult, d: Delivery, channel: ChannelState) {
    if (result.outcome !== "deferred" || result.retryAfterMs === undefined) return;
    const until = this.now().getTime() + result.retryAfterMs;
    if (until <= channel.holdUntil) return;
    channel.holdUntil = until;
    await this.tolerate("could not keep a channel's Retry-After", { ...d.key }, () =>
      this.store.holdDeliveries(d.key.platform, d.key.channelId, new Date(until)),
    );
  }

  /** The rest of a gone channel's queue: recorded missed without a call. */
  private async skipGone(d: Delivery, why: string): Promise<DeliveryResult> {
    const reason = why.startsWith("channel gone") ? why : `channel gone: ${why}`;
    if (await this.store.skip(d.key, this.options.runId, { reason, now: this.now() })) {
      return { outcome: "missed", recorded: true, retried: 0, reason, cause: "channel gone" };
    }
    const record = await this.store.record(d.key);
    return record?.state === "sent" || record?.state === "missed"
      ? { outcome: "already done" }
      : { outcome: "busy" };
  }

  private async recordRuns() {
    await Promise.all(
      [...this.reports.values()].map(({ platform, channelId, ...report }) =>
        this.tolerate("could not record a channel's last run", { platform, channelId }, () =>
          this.store.recordRun(platform, channelId, report),
        ),
      ),
    );
  }

  private reportFor({ platform, channelId }: { platform: string; channelId: string }) {
    const key = `${platform}#${channelId}`;
    const report = this.reports.get(key) ?? {
      platform,
      channelId,
      at: this.options.now,
      sent: 0,
      missed: 0,
      deferred: 0,
      reasons: [],
    };
    this.reports.set(key, report);
    return report;
  }

  /** Any store call the run can live without: logged, never thrown. */
  private async tolerate(what: string, fields: Record<string, unknown>, work: () => unknown) {
    try {
      await work();
      return true;
    } catch (e) {
      this.tally.errors++;
      this.log("error", what, { ...fields, error: messageOf(e) });
      return false;
    }
  }
}

const refOf = (r: ScheduledReminder) => ({
  tripId: r.tripId,
  itemId: r.itemId,
  leadMinutes: r.leadMinutes,
  ...(r.alertRevision !== undefined ? { alertRevision: r.alertRevision } : {}),
});

/** Reads each trip's channels; a trip whose read fails is left out (its reminders stay due). */
async function subscriptionsOf(
  store: ReminderStore,
  tripIds: readonly string[],
  failed: (tripId: string, e: unknown) => void,
) {
  const lists = await Promise.all(
    tripIds.map((id) =>
      store.subscriptions(id).catch((e: unknown) => {
        failed(id, e);
        return undefined;
      }),
    ),
  );
  const map = new Map<string, Subscription[]>();
  tripIds.forEach((id, i) => {
    const list = lists[i];
    if (list) map.set(id, list);
  });
  return map;
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

/** Works through `items` with at most `concurrency` at a time; waits for every one. */
async function inParallel<T>(
  items: readonly T[],
  concurrency: number,
  work: (item: T) => Promise<void>,
) {
  let next = 0;
  const workers = Array.from({ length: Math.min(concurrency, items.length) }, async () => {
    while (next < items.length) await work(items[next++] as T);
  });
  await Promise.allSettled(workers);
}
