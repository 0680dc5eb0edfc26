import { randomBytes } from "node:crypto";
import type { ChannelPoster, PostOutcome } from "./delivery";
import type { Reply } from "./reply";
import { type Attempt, withRetries } from "./retry";

/**
 * A command's public post (an organiser's announcement, the FAQ), made while the organiser
 * waits for its outcome: a 429 is waited out as the platform asked, a 5xx is tried again, and
 * an ambiguous failure (no answer: the platform may have posted) is tried again only where a
 * repeat cannot show twice: the platform refuses it (Discord's nonce, within its window) or
 * says the post is not there (Slack's message metadata). Otherwise it is reported as such, so
 * the organiser looks in the channel rather than posting the notice twice.
 */

const ATTEMPTS = 3;
/** Longer waits are not worth an organiser's wait; the answer says to try again. */
const MAX_WAIT_MS = 10_000;
const BUDGET_MS = 20_000;

export async function postPublicly(
  poster: ChannelPoster,
  channelId: string,
  reply: Reply,
): Promise<PostOutcome> {
  // One key for every attempt at this post, and only this post: a deliberate repeat of the
  // same text later is a new post.
  const deliveryKey = `post-${randomBytes(8).toString("hex")}`;
  const since = new Date(Date.now() - 60_000);
  const started = Date.now();
  const stop = (value: PostOutcome): Attempt<PostOutcome> => ({
    ok: false,
    retryable: false,
    value,
  });
  const last = await withRetries<PostOutcome>(
    async (previous) => {
      if (previous && !previous.ok && previous.ambiguous) {
        const refusesRepeats = Date.now() - started < (poster.dedupeWindowMs ?? 0);
        if (!refusesRepeats) {
          if (!poster.findDelivered) return stop(previous);
          try {
            // The whole post is there (its last message): the lost answer was a success.
            if (await poster.findDelivered(channelId, deliveryKey, since)) {
              return { ok: true, value: { ok: true, parts: previous.parts + 1 } };
            }
          } catch {
            return stop(previous);
          }
        }
      }
      const outcome = await poster.post(channelId, reply, {
        skipParts: previous?.parts ?? 0,
        deliveryKey,
      });
      return outcome.ok
        ? { ok: true, value: outcome }
        : {
            ok: false,
            retryable: outcome.retryable,
            retryAfterMs: outcome.retryAfterMs,
            value: outcome,
          };
    },
    { attempts: ATTEMPTS, maxWaitMs: MAX_WAIT_MS, budgetMs: BUDGET_MS },
  );
  return last.value;
}

/** What an organiser is told about a post that did not (surely) go out. */
export function failedPostText(outcome: PostOutcome & { ok: false }, what: string): string {
  return outcome.ambiguous
    ? `The platform did not answer, so ${what} may have been posted: look in the channel before sending it again.`
    : `The platform said: ${outcome.reason}. Try again in a minute.`;
}
