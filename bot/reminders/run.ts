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
  const started = performance.now();
  const elapsed = () => performance.now() - started;
  const log = options.log ?? (() => {});
  const store = options.reminders;
  const attemptMs = options.attemptMs ?? DEFAULT_ATTEMPT_MS;
  const now = () => new Date(options.now.getTime() + elapsed());
  const remainingMs = () => options.budgetMs - elapsed() - RESERVE_MS;
  const tally = new Tally();
  const reports = new Map<string, ChannelRunReport & { platform: string; channelId: string }>();
  const reportFor = ({ platform, channelId }: { platform: string; channelId: string }) => {
    const key = `${platform}#${channelId}`;
    const report = reports.get(key) ?? {
      platform,
      channelId,
      at: options.now,
      sent: 0,
      missed: 0,
      deferred: 0,
      reasons: [],
    };
    reports.set(key, report);
    return report;
  };
  /** Any store call the run can live without: logged, never thrown. */
  const tolerate = async (what: string, fields: Record<string, unknown>, work: () => unknown) => {
    try {
      await work();
      return true;
    } catch (e) {
      tally.errors++;
      log("error", what, { ...fields, error: messageOf(e) });
      return false;
    }
  };

  let failure: unknown;
  try {
    const due = await store.dueReminders(options.now);
    const subscriptions = await subscriptionsOf(store, tripsOf(due), (tripId, e) => {
      log("error", "reminders left due: could not read the trip's channels", {
        tripId,
        error: messageOf(e),
      });
    });
    const readable = due.filter((r) => subscriptions.has(r.tripId));
    tally.errors += due.length - readable.length;
    const plan = planRun(readable, subscriptions);

    for (const reminder of plan.superseded) {
      const by = plan.supersededBy.get(reminder) as ScheduledReminder;
      const reason = isAlert(by)
        ? `superseded: a newer change alert (revision ${by.alertRevision}) covers it`
        : `superseded: the ${describeLead(by.leadMinutes)} reminder of the same item fell due with it`;
      const channels = subscriptions.get(reminder.tripId) ?? [];
      for (const { platform, channelId } of channels) {
        const key = keyOf(reminder, platform, channelId);
        await tolerate("could not record a superseded reminder", { ...key }, async () => {
          if (await store.skip(key, options.runId, { reason, now: now() })) {
            tally.missed++;
            const report = reportFor(key);
            report.missed++;
            noteReason(report, reason);
          }
        });
      }
      tally.superseded++;
      log("warn", "reminder missed", { ...refOf(reminder), cause: "superseded", reason });
      await tolerate("could not close a superseded reminder", refOf(reminder), () =>
        store.complete(reminder),
      );
    }
    for (const reminder of plan.unheard) {
      tally.remindersOff++;
      const reason = `reminders off: no channel follows trip ${reminder.tripId}`;
      log("warn", "reminder missed", { ...refOf(reminder), cause: "reminders off", reason });
      await tolerate("could not close a reminder", refOf(reminder), () => store.complete(reminder));
    }

    const resolved = completion(plan.channelsPer, (r) => store.complete(r));
    const context = (d: Delivery): DeliveryContext => ({
      ledger: store,
      poster: options.posters[d.key.platform],
      runId: options.runId,
      leaseMs: options.leaseMs ?? 90_000,
      maxAttempts: options.maxAttemptsPerRun ?? 6,
      attemptMs,
      ...(d.mention ? { mention: d.mention } : {}),
      // Time moves on from the event's "now" as the run takes real time.
      now,
      remainingMs,
    });

    await inParallel(plan.queues, options.concurrency ?? 10, async (queue) => {
      const first = queue[0] as Delivery;
      const { platform, channelId } = first.key;
      let holdUntil = 0;
      await tolerate(
        "could not read a channel's delivery state",
        { platform, channelId },
        async () => {
          holdUntil = (await store.deliveryState(platform, channelId)).notBefore?.getTime() ?? 0;
        },
      );
      let gone: string | undefined;
      for (const d of queue) {
        let result: DeliveryResult;
        try {
          if (gone) result = await skipGone(d, gone);
          else {
            const wait = holdUntil - now().getTime();
            if (wait > 0 && wait + attemptMs > remainingMs()) {
              result = { outcome: "waiting", until: holdUntil };
            } else {
              if (wait > 0) await sleep(wait);
              result = await deliver(d, context(d));
            }
          }
        } catch (e) {
          result = { outcome: "failed", reason: messageOf(e) };
        }
        if (result.outcome === "deferred" && result.retryAfterMs !== undefined) {
          // The channel waits out the platform's Retry-After, in this run and the next ones.
          const until = now().getTime() + result.retryAfterMs;
          if (until > holdUntil) {
            holdUntil = until;
            await tolerate("could not keep a channel's Retry-After", { ...d.key }, () =>
              store.holdDeliveries(platform, channelId, new Date(until)),
            );
          }
        }
        if (result.outcome === "missed" && result.cause === "channel gone") gone = result.reason;
        tally.add(result, d);
        reportOn(result, d, log, reportFor(d.key));
        await tolerate("could not close a reminder", refOf(d.reminder), () =>
          resolved(d.reminder, finished(result)),
        );
      }
    });
    await Promise.all(
      [...reports.values()].map(({ platform, channelId, ...report }) =>
        tolerate("could not record a channel's last run", { platform, channelId }, () =>
          store.recordRun(platform, channelId, report),
        ),
      ),
    );
  } catch (e) {
    failure = e;
  }
  const summary = tally.summary();
  log(failure ? "error" : "info", "reminders run", {
    ...summary,
    durationMs: Math.round(elapsed()),
    ...(failure ? { error: messageOf(failure) } : {}),
  });
  if (failure) throw failure;
  return summary;

  /** The rest of a gone channel's queue: recorded missed without a call. */
  async function skipGone(d: Delivery, why: string): Promise<DeliveryResult> {
    const reason = why.startsWith("channel gone") ? why : `channel gone: ${why}`;
    if (await store.skip(d.key, options.runId, { reason, now: now() })) {
      return { outcome: "missed", recorded: true, retried: 0, reason, cause: "channel gone" };
    }
    const record = await store.record(d.key);
    return record?.state === "sent" || record?.state === "missed"
      ? { outcome: "already done" }
      : { outcome: "busy" };
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
