import type { CommandRequest } from "../commands/context";
import type { Bot } from "../core";
import type { ChannelPoster, PostOutcome } from "../delivery";
import type { Reply } from "../reply";
import { withRetries } from "../retry";
import { type DiscordMessage, noticeMessage, renderReply } from "./render";
import { discordRequest, type RestConfig } from "./rest";

/**
 * Work finished after the interaction's initial response (which must leave within 3 s): the
 * messages of an answer too long for one, and shares that take several channel posts. Jobs are
 * plain data, so a deferrer may run them in this process or hand them to another invocation.
 */
export type DeferredJob =
  | { type: "follow-ups"; applicationId: string; token: string; messages: DiscordMessage[] }
  | { type: "command"; applicationId: string; token: string; request: CommandRequest }
  | { type: "share"; applicationId: string; token: string; request: CommandRequest };

export interface Deferrer {
  defer(job: DeferredJob): void;
  /** Resolves once deferred jobs are safely handed over; awaited before the response leaves. */
  flush?(): Promise<void>;
}

export interface DeferredDependencies {
  bot: Bot;
  poster: ChannelPoster;
  /** Interaction webhooks need no bot token. */
  rest: RestConfig;
}

const webhook = (job: { applicationId: string; token: string }) =>
  `/webhooks/${encodeURIComponent(job.applicationId)}/${encodeURIComponent(job.token)}`;

const MAX_ATTEMPTS = 3;
const MAX_WAIT_MS = 10_000;

/** Posts a shared answer, retrying what is worth retrying and never re-posting a part. */
export async function postWithRetries(
  poster: ChannelPoster,
  channelId: string,
  reply: Reply,
): Promise<PostOutcome> {
  const last = await withRetries<PostOutcome>(
    async (previous) => {
      const outcome = await poster.post(channelId, reply, { skipParts: previous?.parts ?? 0 });
      return outcome.ok
        ? { ok: true, value: outcome }
        : {
            ok: false,
            retryable: outcome.retryable,
            retryAfterMs: outcome.retryAfterMs,
            value: outcome,
          };
    },
    { attempts: MAX_ATTEMPTS, maxWaitMs: MAX_WAIT_MS },
  );
  return last.value;
}

export function sharedReply(reply: Reply, request: CommandRequest): Reply {
  const by = request.user.name ?? "someone";
  return {
    ...reply,
    visibility: "public",
    buttons: [],
    blocks: [
      ...reply.blocks,
      { type: "context", spans: [{ type: "text", text: `Shared by ${by}` }] },
    ],
  };
}

export async function runDeferredJob(job: DeferredJob, deps: DeferredDependencies): Promise<void> {
  const send = (method: "PATCH" | "POST", path: string, body: unknown) =>
    discordRequest(deps.rest, method, `${webhook(job)}${path}`, { body, auth: false });
  const sendAll = async (messages: DiscordMessage[]) => {
    const [first, ...rest] = messages;
    if (first) await send("PATCH", "/messages/@original", first);
    for (const message of rest) await send("POST", "", message);
  };
  if (job.type === "follow-ups") return sendAll(job.messages);
  if (job.type === "command") {
    const reply = await deps.bot.answer(job.request);
    // The acknowledgement was private, so the answer is too.
    return sendAll(renderReply(reply, { visibility: "private" }));
  }
  const reply = sharedReply(await deps.bot.answer(job.request), job.request);
  const outcome = await postWithRetries(deps.poster, job.request.channel.id, reply);
  if (outcome.ok) {
    await send("PATCH", "/messages/@original", { ...SHARED_UPDATE });
  } else {
    await send("POST", "", noticeMessage(couldNotShare(outcome.reason)));
  }
}

export const SHARED_UPDATE = {
  content: "Shared in the channel.",
  components: [],
  allowed_mentions: { parse: [] },
} as const;

export const couldNotShare = (reason: string) =>
  `Could not share this in the channel (${reason}). Try again in a moment.`;

/**
 * Runs jobs in this process once the response has left. Right for a long-running server and
 * for tests (`idle()` waits for every job); on Lambda the container may freeze once the
 * response is returned, so a deployment there should hand jobs to an asynchronous invocation.
 */
export function inProcessDeferrer(
  deps: () => DeferredDependencies,
  onError: (e: unknown) => void = (e) => console.error("deferred Discord job failed", e),
): Deferrer & { idle(): Promise<void> } {
  const pending = new Set<Promise<void>>();
  return {
    defer(job) {
      const p = new Promise<void>((resolve) => setImmediate(resolve))
        .then(() => runDeferredJob(job, deps()))
        .catch(onError)
        .finally(() => pending.delete(p));
      pending.add(p);
    },
    async idle() {
      while (pending.size > 0) await Promise.all([...pending]);
    },
  };
}
