import { createHash } from "node:crypto";
import type { ChannelPoster, Mention } from "../delivery";
import { type PostJob, postedBefore, postUntilDone } from "../posting";
import type { DeliveryKey, DeliveryLedger, FinishOutcome } from "../store/delivery-ledger";
import type { ScheduledReminder } from "../store/reminder-schedule";
import { changeReply, reminderReply } from "./message";
import { type Delivery, tooLate } from "./plan";

/** What delivering needs from the run. */
export interface DeliveryContext {
  ledger: DeliveryLedger;
  /** The delivery's platform's poster; absent when its credentials are not configured. */
  poster: ChannelPoster | undefined;
  runId: string;
  /** How long a claim stays this run's; longer than any run lasts. */
  leaseMs: number;
  /** Attempts at one delivery within one run before it waits for the next run. */
  maxAttempts: number;
  /**
   * The longest one call to the platform (a post, a check) may take: none starts with less
   * time left than this, so the run finishes within its budget.
   */
  attemptMs: number;
  /** Who the post pings, as the channel's organisers set it; nobody by default. */
  mention?: Mention;
  /** "Now", moving on as the run takes real time. */
  now(): Date;
  /** The run's time left for new work (its budget less what recording its outcome needs). */
  remainingMs(): number;
}

/** How one delivery went; `recorded` is false when another run's record won. */
export type DeliveryResult =
  /** Already in this channel (the reminder is still open for another channel). */
  | { outcome: "already done" }
  /** The run ran out of time before trying: the next run takes it. */
  | { outcome: "out of time" }
  /** Another run holds it now. */
  | { outcome: "busy" }
  /** Not tried: the channel is waiting out a Retry-After until `until` (epoch ms). */
  | { outcome: "waiting"; until: number }
  /** The store failed under it: nothing is known to have changed; the next run takes it. */
  | { outcome: "failed"; reason: string }
  /** `found`: an earlier, ambiguous attempt had posted it, as the platform said when asked. */
  | { outcome: "sent"; recorded: boolean; retried: number; found?: boolean }
  | {
      outcome: "missed";
      recorded: boolean;
      retried: number;
      reason: string;
      cause: MissedCause;
    }
  /** Failed for now; recorded as "retry" for the next run. */
  | {
      outcome: "deferred";
      retried: number;
      reason: string;
      attempts: number;
      /** The platform's Retry-After from the last attempt, when it said. */
      retryAfterMs?: number;
      /** The post may be in the channel: the next run asks the platform first. */
      uncertain?: boolean;
    };

/** Why a delivery was given up for good. */
export type MissedCause = "too late" | "refused" | "channel gone" | "superseded";

/** A stable delivery key of at most 25 characters (Discord's nonce limit). */
export function deliveryKeyOf(key: DeliveryKey): string {
  const slot = key.alertRevision !== undefined ? `alert ${key.alertRevision}` : key.leadMinutes;
  return createHash("sha256")
    .update(`${key.tripId}\n${key.itemId}\n${slot}\n${key.platform}\n${key.channelId}`)
    .digest("base64url")
    .slice(0, 25);
}

/**
 * The post for a scheduled entry: a reminder, or a change alert; `command`, the slash command
 * readers type where it goes, when that is not the trip's own.
 */
export function replyFor(reminder: ScheduledReminder, now: Date, command?: string) {
  const posted = command ? { ...reminder, content: { ...reminder.content, command } } : reminder;
  return posted.change ? changeReply(posted, now) : reminderReply(posted, now);
}

/**
 * Delivers one reminder to one channel at most once, whatever else runs: it claims the
 * delivery in the ledger, asks the platform first whenever an earlier attempt may have posted
 * (a run that died, a timeout, a dropped connection), posts with retries while the run has
 * time and the item has not started, and records the outcome.
 */
export async function deliver(delivery: Delivery, ctx: DeliveryContext): Promise<DeliveryResult> {
  if (ctx.remainingMs() < ctx.attemptMs) return { outcome: "out of time" };
  const claim = await ctx.ledger.claim(delivery.key, ctx.runId, ctx.now(), ctx.leaseMs);
  if (claim.status === "done") return { outcome: "already done" };
  if (claim.status === "busy") return { outcome: "busy" };
  const { reminder, key } = delivery;
  const record = (outcome: Omit<FinishOutcome, "now">) =>
    ctx.ledger.finish(key, ctx.runId, { ...outcome, now: ctx.now() });

  if (tooLate(reminder, ctx.now())) {
    const reason = `too late: the item started at ${reminder.startAt.toISOString()} before it could be posted`;
    const recorded = await record({ state: "missed", parts: claim.parts, reason });
    return { outcome: "missed", recorded, retried: 0, reason, cause: "too late" };
  }
  const job = jobOf(delivery, ctx);
  let parts = claim.parts;
  if (claim.uncertain) {
    const check = await postedBefore(job);
    if (check.failed !== undefined) {
      const reason = `could not ask ${key.platform} whether an earlier attempt posted: ${check.failed}`;
      await record({ state: "retry", parts, reason, uncertain: true });
      return { outcome: "deferred", retried: 0, reason, attempts: 0, uncertain: true };
    }
    if (check.found.complete) {
      const recorded = await record({ state: "sent", parts: Math.max(parts, check.found.parts) });
      return { outcome: "sent", recorded, retried: 0, found: true };
    }
    // The parts the channel shows are not posted again.
    parts = Math.max(parts, check.found.parts);
  }
  const { last: outcome, attempts, found } = await postUntilDone(job, parts);
  const retried = Math.max(0, attempts - 1);
  if (outcome.ok) {
    const recorded = await record({ state: "sent", parts: outcome.parts });
    return { outcome: "sent", recorded, retried, ...(found ? { found } : {}) };
  }
  if (!outcome.retryable) {
    const cause = outcome.channelGone ? "channel gone" : "refused";
    const reason = outcome.channelGone
      ? `channel gone: ${key.platform} said ${outcome.reason}`
      : `refused by ${key.platform}: ${outcome.reason}`;
    const recorded = await record({ state: "missed", parts: outcome.parts, reason });
    return { outcome: "missed", recorded, retried, reason, cause };
  }
  const uncertain = outcome.ambiguous === true;
  await record({ state: "retry", parts: outcome.parts, reason: outcome.reason, uncertain });
  return {
    outcome: "deferred",
    retried,
    reason: outcome.reason,
    attempts,
    ...(outcome.retryAfterMs !== undefined ? { retryAfterMs: outcome.retryAfterMs } : {}),
    ...(uncertain ? { uncertain } : {}),
  };
}

/** The post of one delivery, as the shared posting steps take it. */
function jobOf({ reminder, key }: Delivery, ctx: DeliveryContext): PostJob {
  return {
    poster: ctx.poster,
    platform: key.platform,
    channelId: key.channelId,
    reply: (now) => replyFor(reminder, now, ctx.poster?.slashCommand),
    deliveryKey: deliveryKeyOf(key),
    // A post older than the item's earliest reminder cannot be this one.
    since: new Date(Math.min(reminder.dueAt.getTime(), ctx.now().getTime()) - 60_000),
    ...(ctx.mention ? { mention: ctx.mention } : {}),
    maxAttempts: ctx.maxAttempts,
    attemptMs: ctx.attemptMs,
    // A wait that reaches the item's start would post too late.
    waitUntilMs: reminder.startAt.getTime(),
    now: ctx.now,
    remainingMs: ctx.remainingMs,
  };
}
