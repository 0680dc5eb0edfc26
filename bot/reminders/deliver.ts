import { createHash } from "node:crypto";
import type { ChannelPoster, PostOutcome } from "../delivery";
import { type Attempt, withRetries } from "../retry";
import type { DeliveryKey, DeliveryLedger, FinishOutcome } from "../store/delivery-ledger";
import { reminderReply } from "./message";
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
  | { outcome: "sent"; recorded: boolean; retried: number }
  | { outcome: "missed"; recorded: boolean; retried: number; reason: string }
  /** Failed for now; recorded as "retry" for the next run. */
  | { outcome: "deferred"; retried: number; reason: string; attempts: number };

/** A stable delivery key of at most 25 characters (Discord's nonce limit). */
export function deliveryKeyOf(key: DeliveryKey): string {
  return createHash("sha256")
    .update(`${key.tripId}\n${key.itemId}\n${key.leadMinutes}\n${key.platform}\n${key.channelId}`)
    .digest("base64url")
    .slice(0, 25);
}

/**
 * Delivers one reminder to one channel at most once, whatever else runs: it claims the
 * delivery in the ledger, asks the platform first when an earlier run may have posted, posts
 * with retries while the run has time and the item has not started, and records the outcome.
 */
export async function deliver(delivery: Delivery, ctx: DeliveryContext): Promise<DeliveryResult> {
  if (ctx.remainingMs() < 0) return { outcome: "out of time" };
  const claim = await ctx.ledger.claim(delivery.key, ctx.runId, ctx.now(), ctx.leaseMs);
  if (claim.status === "done") return { outcome: "already done" };
  if (claim.status === "busy") return { outcome: "busy" };
  const { reminder, key } = delivery;
  const record = (outcome: Omit<FinishOutcome, "now">) =>
    ctx.ledger.finish(key, ctx.runId, { ...outcome, now: ctx.now() });

  if (tooLate(reminder, ctx.now())) {
    const reason = `too late: the item started at ${reminder.startAt.toISOString()} before the reminder could be posted`;
    const recorded = await record({ state: "missed", parts: claim.parts, reason });
    return { outcome: "missed", recorded, retried: 0, reason };
  }
  if (claim.uncertain && (await postedBefore(delivery, ctx))) {
    return {
      outcome: "sent",
      recorded: await record({ state: "sent", parts: claim.parts }),
      retried: 0,
    };
  }
  const { last, attempts } = await postWithRetries(delivery, claim.parts, ctx);
  const outcome = last.value;
  const retried = attempts - 1;
  if (outcome.ok) {
    return {
      outcome: "sent",
      recorded: await record({ state: "sent", parts: outcome.parts }),
      retried,
    };
  }
  if (!outcome.retryable) {
    const reason = `refused by ${key.platform}: ${outcome.reason}`;
    const recorded = await record({ state: "missed", parts: outcome.parts, reason });
    return { outcome: "missed", recorded, retried, reason };
  }
  await record({ state: "retry", parts: outcome.parts, reason: outcome.reason });
  return { outcome: "deferred", retried, reason: outcome.reason, attempts };
}

/** For a delivery whose last run died mid-send: whether its post is in the channel already. */
async function postedBefore({ reminder, key }: Delivery, ctx: DeliveryContext) {
  if (!ctx.poster?.findDelivered) return false;
  return ctx.poster.findDelivered(key.channelId, deliveryKeyOf(key), reminder.dueAt);
}

/**
 * Posts, retrying 429s, 5xx, timeouts and dropped connections (after Retry-After when the
 * platform said) while attempts remain, the run has time and the item has not started.
 */
async function postWithRetries(delivery: Delivery, parts: number, ctx: DeliveryContext) {
  let attempts = 0;
  const msToStart = delivery.reminder.startAt.getTime() - ctx.now().getTime();
  const last = await withRetries<PostOutcome>(
    async (previous, n) => {
      attempts = n;
      const outcome = await postOnce(delivery, previous?.parts ?? parts, ctx);
      return asAttempt(outcome);
    },
    // A wait that reaches the item's start would post too late.
    { attempts: ctx.maxAttempts, budgetMs: Math.min(ctx.remainingMs(), msToStart - 1) },
  );
  return { last, attempts };
}

const asAttempt = (outcome: PostOutcome): Attempt<PostOutcome> =>
  outcome.ok
    ? { ok: true, value: outcome }
    : {
        ok: false,
        retryable: outcome.retryable,
        retryAfterMs: outcome.retryAfterMs,
        value: outcome,
      };

/** One attempt; `parts` (a running total, skipped ones included) skips what is posted already. */
async function postOnce({ reminder, key }: Delivery, parts: number, ctx: DeliveryContext) {
  if (!ctx.poster) {
    const reason = `no ${key.platform} credentials configured`;
    return { ok: false, parts, retryable: true, reason } satisfies PostOutcome;
  }
  try {
    return await ctx.poster.post(key.channelId, reminderReply(reminder, ctx.now()), {
      skipParts: parts,
      deliveryKey: deliveryKeyOf(key),
    });
  } catch (e) {
    const reason = e instanceof Error ? e.message : String(e);
    return { ok: false, parts, retryable: true, reason } satisfies PostOutcome;
  }
}
