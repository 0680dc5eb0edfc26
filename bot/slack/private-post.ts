/**
 * A private message to one member where they typed: `chat.postEphemeral` in the channel, or —
 * where the bot cannot post there (a private channel it was not invited to, an archived one) —
 * the same messages in a direct message from the bot, so the member still sees the answer.
 */
import { budgetLeft } from "../after-response";
import { withRetries } from "../retry";
import type { SlackMessage } from "./blocks";
import type { CallResult, SlackPoster } from "./poster";

/** Slack's errors for "the bot cannot post in this channel", which a DM gets round. */
const NOT_THERE = new Set([
  "not_in_channel",
  "channel_not_found",
  "user_not_in_channel",
  "is_archived",
  "restricted_action",
]);

/** A call, retried on 429/5xx/timeouts within what is left of the job's budget. */
export function retried(call: () => Promise<CallResult>, deadline: number): Promise<CallResult> {
  return withRetries<CallResult>(
    async () => {
      const r = await call();
      return r.ok ? { ok: true, value: r } : { ...r, ok: false, value: r };
    },
    { attempts: 3, maxWaitMs: 10_000, budgetMs: budgetLeft(deadline) },
  ).then((outcome) => outcome.value);
}

/** Posts `messages` privately to `user` in `channel` (or their DM); the last outcome. */
export async function postPrivately(
  api: SlackPoster,
  to: { channel: string; user: string },
  messages: SlackMessage[],
  deadline: number,
): Promise<CallResult> {
  let last: CallResult = { ok: true, body: {} };
  let dm: string | undefined;
  for (const message of messages) {
    if (!dm) {
      last = await retried(
        () => api.call("chat.postEphemeral", { channel: to.channel, user: to.user, ...message }),
        deadline,
      );
      if (last.ok || !last.error || !NOT_THERE.has(last.error)) {
        if (!last.ok) return last;
        continue;
      }
      const opened = await retried(
        () => api.call("conversations.open", { users: to.user }),
        deadline,
      );
      const id = opened.ok ? (opened.body.channel as { id?: unknown } | undefined)?.id : undefined;
      if (typeof id !== "string") return opened.ok ? last : opened;
      dm = id;
    }
    const channel = dm;
    last = await retried(() => api.call("chat.postMessage", { channel, ...message }), deadline);
    if (!last.ok) return last;
  }
  return last;
}
