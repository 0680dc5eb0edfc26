import { createHash } from "node:crypto";
import type { ChannelPoster, PostOutcome } from "../delivery";
import { backoffMs, sleep } from "../retry";
import type {
  DeliveryKey,
  ReminderStore,
  ScheduledReminder,
  Subscription,
} from "../store/reminder-store";
import { reminderReply } from "./message";

export interface ReminderRunOptions {
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

const RESERVE_MS = 2_000;

/** A stable delivery key of at most 25 characters (Discord's nonce limit). */
export function deliveryKeyOf(key: DeliveryKey): string {
  return createHash("sha256")
    .update(`${key.tripId}\n${key.itemId}\n${key.leadMinutes}\n${key.platform}\n${key.channelId}`)
    .digest("base64url")
    .slice(0, 25);
}

/**
 * One reminders run: every reminder that has fallen due goes to every channel subscribed to its
 * trip, exactly once per (item, lead time, channel). Its reads grow with what is due: the due
 * index (whose records carry each message's content), then one Query per trip with something
 * due for its channels; never the trips' facts, never a Scan.
 */
export async function runReminders(options: ReminderRunOptions): Promise<RunSummary> {
  const started = performance.now();
  const leaseMs = options.leaseMs ?? 90_000;
  const concurrency = options.concurrency ?? 10;
  const maxAttempts = options.maxAttemptsPerRun ?? 6;
  const log = options.log ?? (() => {});
  // Time moves on from the event's "now" as the run takes real time.
  const now = () => new Date(options.now.getTime() + (performance.now() - started));
  const remaining = () => options.budgetMs - (performance.now() - started);
  const summary: RunSummary = {
    due: 0,
    sent: 0,
    retried: 0,
    deferred: 0,
    missed: 0,
    busy: 0,
    superseded: 0,
  };

  const due = await options.reminders.dueReminders(options.now);
  const subscriptions = new Map<string, Promise<Subscription[]>>();
  const channelsOf = (tripId: string) => {
    let s = subscriptions.get(tripId);
    if (!s) {
      s = options.reminders.subscriptions(tripId);
      subscriptions.set(tripId, s);
    }
    return s;
  };

  interface Job {
    reminder: ScheduledReminder;
    key: DeliveryKey;
  }
  const jobsByChannel = new Map<string, Job[]>();
  const openChannels = new Map<ScheduledReminder, number>();
  const unresolved = new Set<ScheduledReminder>();

  // Of one item's reminders due together (a trip loaded late, a run that was down), only the
  // latest says anything true ("starts in 20 minutes"); the earlier ones are dropped unsent.
  const latest = new Map<string, ScheduledReminder>();
  for (const r of due) {
    const item = `${r.tripId}#${r.itemId}`;
    const kept = latest.get(item);
    if (!kept || r.leadMinutes < kept.leadMinutes) latest.set(item, r);
  }
  for (const reminder of due) {
    if (latest.get(`${reminder.tripId}#${reminder.itemId}`) !== reminder) {
      await options.reminders.complete(reminder);
      summary.superseded++;
      continue;
    }
    const channels = await channelsOf(reminder.tripId);
    if (channels.length === 0) {
      // Nobody to tell: it is over, and a channel that subscribes later starts from here.
      await options.reminders.complete(reminder);
      continue;
    }
    openChannels.set(reminder, channels.length);
    for (const c of channels) {
      const key: DeliveryKey = {
        tripId: reminder.tripId,
        itemId: reminder.itemId,
        leadMinutes: reminder.leadMinutes,
        platform: c.platform,
        channelId: c.channelId,
      };
      const channelKey = `${c.platform}#${c.channelId}`;
      const jobs = jobsByChannel.get(channelKey) ?? [];
      jobs.push({ reminder, key });
      jobsByChannel.set(channelKey, jobs);
    }
  }

  const resolved = async (r: ScheduledReminder, done: boolean) => {
    if (!done) unresolved.add(r);
    const left = (openChannels.get(r) ?? 1) - 1;
    openChannels.set(r, left);
    if (left === 0 && !unresolved.has(r)) await options.reminders.complete(r);
  };

  const miss = async (job: Job, parts: number, reason: string) => {
    if (
      await options.reminders.finish(job.key, options.runId, {
        state: "missed",
        parts,
        reason,
        now: now(),
      })
    ) {
      summary.missed++;
      log("warn", "reminder missed", { ...job.key, reason });
    }
  };

  async function deliver(job: Job): Promise<boolean> {
    if (remaining() < RESERVE_MS) {
      // Out of time before even trying: the next run takes it.
      summary.due++;
      summary.deferred++;
      return false;
    }
    const claim = await options.reminders.claim(job.key, options.runId, now(), leaseMs);
    // Already delivered to this channel (the reminder is still open for another channel).
    if (claim.status === "done") return true;
    summary.due++;
    if (claim.status === "busy") {
      summary.busy++;
      return false;
    }
    let parts = claim.parts;
    const { startAt } = job.reminder;
    if (now().getTime() >= startAt.getTime()) {
      await miss(
        job,
        parts,
        `too late: the item started at ${startAt.toISOString()} before the reminder could be posted`,
      );
      return true;
    }
    const poster = options.posters[job.key.platform];
    const deliveryKey = deliveryKeyOf(job.key);
    if (claim.uncertain && poster?.findDelivered) {
      // An earlier run died after posting, perhaps: look before posting again.
      if (await poster.findDelivered(job.key.channelId, deliveryKey, job.reminder.dueAt)) {
        if (
          await options.reminders.finish(job.key, options.runId, {
            state: "sent",
            parts,
            now: now(),
          })
        )
          summary.sent++;
        return true;
      }
    }
    for (let attempt = 1; ; attempt++) {
      let outcome: PostOutcome;
      if (!poster) {
        outcome = {
          ok: false,
          parts,
          retryable: true,
          reason: `no ${job.key.platform} credentials configured`,
        };
      } else {
        try {
          outcome = await poster.post(job.key.channelId, reminderReply(job.reminder, now()), {
            skipParts: parts,
            deliveryKey,
          });
        } catch (e) {
          outcome = {
            ok: false,
            parts,
            retryable: true,
            reason: e instanceof Error ? e.message : String(e),
          };
        }
      }
      if (outcome.ok) {
        if (
          await options.reminders.finish(job.key, options.runId, {
            state: "sent",
            parts: outcome.parts,
            now: now(),
          })
        )
          summary.sent++;
        return true;
      }
      // A running total of delivered parts, skipped ones included: the next skipParts.
      parts = outcome.parts;
      if (!outcome.retryable) {
        await miss(job, parts, `refused by ${job.key.platform}: ${outcome.reason}`);
        return true;
      }
      const wait = outcome.retryAfterMs ?? backoffMs(attempt);
      const tooLate = now().getTime() + wait >= startAt.getTime();
      if (attempt >= maxAttempts || remaining() - wait < RESERVE_MS || tooLate) {
        await options.reminders.finish(job.key, options.runId, {
          state: "retry",
          parts,
          reason: outcome.reason,
          now: now(),
        });
        summary.deferred++;
        log("warn", "reminder deferred to the next run", {
          ...job.key,
          reason: outcome.reason,
          attempt,
        });
        return false;
      }
      summary.retried++;
      await sleep(wait);
    }
  }

  const queues = [...jobsByChannel.values()].map((jobs) =>
    jobs.sort((a, b) => a.reminder.dueAt.getTime() - b.reminder.dueAt.getTime()),
  );
  let next = 0;
  const workers = Array.from({ length: Math.min(concurrency, queues.length) }, async () => {
    while (next < queues.length) {
      const jobs = queues[next++] ?? [];
      for (const job of jobs) await resolved(job.reminder, await deliver(job));
    }
  });
  await Promise.all(workers);
  log("info", "reminders run", { ...summary, durationMs: Math.round(performance.now() - started) });
  return summary;
}
