import { createHash, randomBytes } from "node:crypto";
import { JOB_BUDGET_MS } from "./after-response";
import {
  type ChannelPoster,
  type FoundParts,
  type Mention,
  NOTHING_FOUND,
  type PostOutcome,
} from "./delivery";
import type { Reply } from "./reply";
import { type Attempt, withRetries } from "./retry";

/**
 * Posting one Reply into one channel until it is there once: the retries, Retry-After waits,
 * checks with the platform after an ambiguous failure and resuming a multi-part post where the
 * channel shows it stopped. Reminders (with their ledger around it) and organisers' posts
 * (`faq post`, `announce`) both go through it.
 */
export interface PostJob {
  /** The platform's poster; absent when its credentials are not configured. */
  poster: ChannelPoster | undefined;
  platform: string;
  channelId: string;
  /** The post as it reads at `now` (a reminder counts down to its item). */
  reply(now: Date): Reply;
  /** The same for every attempt at this post, at most 25 characters. */
  deliveryKey: string;
  /** No earlier message of this post can be older than this. */
  since: Date;
  mention?: Mention;
  /** Attempts at the post before giving up for now. */
  maxAttempts: number;
  /** The longest one call to the platform may take: none starts with less time left. */
  attemptMs: number;
  /** Waits must end before this (epoch ms): a reminder's item starts then. */
  waitUntilMs?: number;
  now(): Date;
  /** Time left for new calls. */
  remainingMs(): number;
}

export type Check = { found: FoundParts; failed?: undefined } | { failed: string };

/**
 * Asks the platform how much of the post is in the channel already. A platform that cannot
 * tell says "nothing"; one that fails to answer (in time) leaves it unknown.
 */
export async function postedBefore(job: PostJob): Promise<Check> {
  const find = job.poster?.findDelivered?.bind(job.poster);
  if (!find) return { found: NOTHING_FOUND };
  // The check never outlives its share of the run: it is cut off, and not waited for.
  const stop = new AbortController();
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      stop.abort();
      reject(new Error("no answer in time"));
    }, job.attemptMs);
  });
  try {
    const found = find(job.channelId, job.deliveryKey, job.since, stop.signal);
    return { found: await Promise.race([found, deadline]) };
  } catch (e) {
    return { failed: e instanceof Error ? e.message : String(e) };
  } finally {
    clearTimeout(timer);
  }
}

/** How a post went: its last outcome, the attempts made, and whether a check found it whole. */
export interface Posted {
  last: PostOutcome;
  attempts: number;
  found: boolean;
}

/**
 * Posts from part `parts` on, retrying 429s, 5xx, timeouts and dropped connections (after
 * Retry-After when the platform said) while attempts remain and time allows. After an
 * ambiguous failure it asks the platform before posting again, and resumes after the last
 * part the channel shows, unless the platform itself refuses the repeat (Discord's nonce,
 * within its window).
 */
export async function postUntilDone(job: PostJob, parts: number): Promise<Posted> {
  let attempts = 0;
  let found = false;
  let firstPostAt: number | undefined;
  const stop = (value: PostOutcome): Attempt<PostOutcome> => ({
    ok: false,
    retryable: false,
    value,
  });
  const waitMs =
    job.waitUntilMs === undefined ? Infinity : job.waitUntilMs - job.now().getTime() - 1;
  const last = await withRetries<PostOutcome>(
    async (previous, n) => {
      let resumeAt = previous?.parts ?? parts;
      const outOfTime = (ambiguous: boolean) =>
        stop({ ok: false, parts: resumeAt, retryable: true, reason: "out of time", ambiguous });
      if (previous && !previous.ok && previous.ambiguous) {
        const window = job.poster?.dedupeWindowMs ?? 0;
        const covered = firstPostAt !== undefined && Date.now() - firstPostAt < window;
        if (!covered) {
          if (job.remainingMs() < job.attemptMs) return outOfTime(true);
          const check = await postedBefore(job);
          if (check.failed !== undefined) {
            return stop({
              ...previous,
              reason: `${previous.reason}; could not ask ${job.platform} whether it posted: ${check.failed}`,
            });
          }
          if (check.found.complete) {
            found = true;
            return { ok: true, value: { ok: true, parts: check.found.parts } };
          }
          resumeAt = Math.max(resumeAt, check.found.parts);
        }
      }
      if (job.remainingMs() < job.attemptMs) {
        return outOfTime(previous !== undefined && !previous.ok && previous.ambiguous === true);
      }
      attempts = n;
      firstPostAt ??= Date.now();
      return asAttempt(await postOnce(job, resumeAt));
    },
    { attempts: job.maxAttempts, budgetMs: Math.min(job.remainingMs(), waitMs) },
  );
  return { last: last.value, attempts, found };
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
async function postOnce(job: PostJob, parts: number): Promise<PostOutcome> {
  if (!job.poster) {
    const reason = `no ${job.platform} credentials configured`;
    return { ok: false, parts, retryable: true, reason };
  }
  try {
    return await job.poster.post(job.channelId, job.reply(job.now()), {
      skipParts: parts,
      deliveryKey: job.deliveryKey,
      // No call outlives the time left.
      signal: AbortSignal.timeout(Math.max(1, Math.floor(job.remainingMs()))),
      ...(job.mention ? { mention: job.mention } : {}),
    });
  } catch (e) {
    const reason = e instanceof Error ? e.message : String(e);
    return { ok: false, parts, retryable: true, ambiguous: true, reason };
  }
}

/**
 * One reply posted until it is there once, within `budgetMs` from now: the engine's job for a
 * post made while someone waits for its outcome.
 */
async function postNow(
  poster: ChannelPoster,
  channelId: string,
  reply: Reply,
  options: { deliveryKey: string; maxAttempts: number; attemptMs: number; budgetMs: number },
): Promise<PostOutcome> {
  const started = Date.now();
  const job: PostJob = {
    poster,
    platform: poster.platform,
    channelId,
    reply: () => reply,
    deliveryKey: options.deliveryKey,
    since: new Date(started - 60_000),
    maxAttempts: options.maxAttempts,
    attemptMs: options.attemptMs,
    now: () => new Date(),
    remainingMs: () => options.budgetMs - (Date.now() - started),
  };
  return (await postUntilDone(job, 0)).last;
}

/**
 * An organiser's public post from a command (`faq post`, `announce`): posted until it is there
 * once, within part of the after-response job's budget, so the organiser's answer still has
 * time to go out (a job whose answer fails is retried whole, and would post again). Its own
 * delivery key lets a retry find what an unanswered attempt posted.
 */
export function postFromCommand(
  poster: ChannelPoster,
  channelId: string,
  reply: Reply,
): Promise<PostOutcome> {
  return postNow(poster, channelId, reply, {
    deliveryKey: randomBytes(19).toString("base64url").slice(0, 25),
    maxAttempts: 6,
    attemptMs: COMMAND_ATTEMPT_MS,
    budgetMs: COMMAND_POST_BUDGET_MS,
  });
}

/**
 * A member's "Share in channel", posted inside the platform's 3-second callback: the same
 * engine in a budget of `budgetMs`, so a 429 whose Retry-After fits is waited out and a lost
 * answer is checked with the platform before posting again; what does not fit is given up.
 */
export function postWithin(
  poster: ChannelPoster,
  channelId: string,
  reply: Reply,
  budgetMs: number,
): Promise<PostOutcome> {
  return postNow(poster, channelId, reply, {
    // The same answer shared twice into a channel is one delivery: a second click after a lost
    // answer finds (or, on Discord, is refused as) the first.
    deliveryKey: createHash("sha256")
      .update(`${channelId}\n${JSON.stringify(reply)}`)
      .digest("base64url")
      .slice(0, 25),
    maxAttempts: 3,
    attemptMs: Math.min(SHARE_ATTEMPT_MS, budgetMs),
    budgetMs,
  });
}

/** The least time worth starting a call to the platform with, inside a callback. */
const SHARE_ATTEMPT_MS = 300;

/**
 * How long a command's post may keep trying (half the job's budget; the answer takes the rest),
 * and the longest one call may take (the posters' 5 s timeout and a little).
 */
const COMMAND_POST_BUDGET_MS = JOB_BUDGET_MS / 2;
const COMMAND_ATTEMPT_MS = 5_500;

/**
 * What an organiser is told about a command's post that did not surely go out: after a lost
 * answer it may be in the channel, and sending it again would show it twice.
 */
export function failedPostText(outcome: PostOutcome & { ok: false }, what: string): string {
  return outcome.ambiguous
    ? `The platform did not answer, so ${what} may have been posted: look in the channel before sending it again.`
    : `The platform said: ${outcome.reason}. Try again in a minute.`;
}
