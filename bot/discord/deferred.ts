import { budgetLeft, jobDeadline } from "../after-response";
import type { CommandRequest } from "../commands/context";
import type { Bot } from "../core";
import type { ChannelPoster } from "../delivery";
import { reasonForPeople } from "../delivery";
import { postFromCommand } from "../posting";
import type { Reply } from "../reply";
import { withRetries } from "../retry";
import type { AttachmentSource } from "./attachment";
import { type AttachedFile, chatChangeReply } from "./chat-changes";
import { type DiscordMessage, noticeMessage, renderReply } from "./render";
import { discordRequest, type RestConfig, type RestResult } from "./rest";

/**
 * Work finished after the interaction's initial response (which must leave within 3 s): the
 * messages of an answer too long for one, and shares that take several channel posts. Jobs are
 * plain data, so the "after the response" service may run them in this process or hand them
 * to another invocation.
 */
export type DeferredJob =
  | { type: "follow-ups"; applicationId: string; token: string; messages: DiscordMessage[] }
  | { type: "command"; applicationId: string; token: string; request: CommandRequest }
  | { type: "share"; applicationId: string; token: string; request: CommandRequest }
  | ChatChangeJob;

/** A trip change from the chat, answered once the file is fetched or the load is done. */
export type ChatChangeJob = { applicationId: string; token: string; request: CommandRequest } & (
  | { type: "upload"; file: AttachedFile }
  | { type: "form"; formId: string; values: Record<string, string> }
  | { type: "press"; button: { action: "confirm" | "cancel"; value: string } }
);

const JOB_TYPES: readonly string[] = ["follow-ups", "command", "share", "upload", "form", "press"];

/** Whether a job that came back from a second invocation is one of these. */
export function isDeferredJob(job: unknown): job is DeferredJob {
  const j = job as Partial<DeferredJob> | null;
  return (
    typeof j === "object" &&
    j !== null &&
    JOB_TYPES.includes(String(j.type)) &&
    typeof j.applicationId === "string" &&
    typeof j.token === "string"
  );
}

export interface DeferredDependencies {
  bot: Bot;
  poster: ChannelPoster;
  /** Interaction webhooks need no bot token. */
  rest: RestConfig;
  /** Where attached files may be fetched from, and how much of them. */
  attachments: AttachmentSource;
}

const webhook = (job: { applicationId: string; token: string }) =>
  `/webhooks/${encodeURIComponent(job.applicationId)}/${encodeURIComponent(job.token)}`;

const MAX_ATTEMPTS = 3;
const MAX_WAIT_MS = 10_000;

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

/**
 * Runs a job; throws when a message could not be sent within the job's budget, so the failure
 * is counted and kept (the error names the message, never the interaction's token).
 */
export async function runDeferredJob(job: DeferredJob, deps: DeferredDependencies): Promise<void> {
  const deadline = jobDeadline();
  const send = async (method: "PATCH" | "POST", path: string, body: unknown, what: string) => {
    const last = await withRetries<RestResult>(
      async () => {
        const result = await discordRequest(deps.rest, method, `${webhook(job)}${path}`, {
          body,
          auth: false,
        });
        if (result.ok) return { ok: true, value: result };
        // Editing @original again is harmless; a follow-up whose answer never came may have
        // been posted, and posting it again would show it twice.
        const retryable = result.retryable && (method === "PATCH" || result.status !== undefined);
        return { ok: false, retryable, retryAfterMs: result.retryAfterMs, value: result };
      },
      { attempts: MAX_ATTEMPTS, maxWaitMs: MAX_WAIT_MS, budgetMs: budgetLeft(deadline) },
    );
    if (!last.value.ok) {
      throw new Error(`Discord ${job.type} job: ${what} was not sent (${last.value.reason})`);
    }
  };
  // One part that could not be confirmed (never re-posted, as it may exist) must not cost the
  // reader the parts after it: they are still sent, and the job fails afterwards for that part.
  const sendAll = async (messages: DiscordMessage[]) => {
    const [first, ...rest] = messages;
    if (first) await send("PATCH", "/messages/@original", first, "the answer");
    const failed: unknown[] = [];
    for (const [i, message] of rest.entries()) {
      await send("POST", "", message, `follow-up ${i + 1} of ${rest.length}`).catch((error) =>
        failed.push(error),
      );
    }
    if (failed.length > 0) throw failed[0];
  };
  // A reply that cannot be worked out still replaces the "thinking…" Discord shows meanwhile,
  // which would otherwise stay forever; the job then fails as it would have.
  const replyOrSorry = async (work: () => Promise<Reply>): Promise<Reply> => {
    try {
      return await work();
    } catch (error) {
      await send("PATCH", "/messages/@original", noticeMessage(COULD_NOT_ANSWER), "the apology");
      throw error;
    }
  };
  if (job.type === "follow-ups") return sendAll(job.messages);
  if (job.type === "upload" || job.type === "form" || job.type === "press") {
    const reply = await replyOrSorry(() => chatChangeReply(job, deps));
    return sendAll(renderReply(reply, { visibility: "private" }));
  }
  if (job.type === "command") {
    const reply = await replyOrSorry(() => deps.bot.answer(job.request));
    // The acknowledgement was private, so the answer is too.
    return sendAll(renderReply(reply, { visibility: "private" }));
  }
  const reply = sharedReply(await replyOrSorry(() => deps.bot.answer(job.request)), job.request);
  const outcome = await postFromCommand(deps.poster, job.request.channel.id, reply);
  if (outcome.ok) {
    await send("PATCH", "/messages/@original", { ...SHARED_UPDATE }, "the shared notice");
  } else {
    await send("POST", "", noticeMessage(couldNotShare(outcome.reason)), "the could-not-share");
  }
}

export const SHARED_UPDATE = {
  content: "Shared in the channel.",
  components: [],
  allowed_mentions: { parse: [] },
} as const;

export const COULD_NOT_ANSWER =
  "Sorry, something went wrong on our side and this could not be answered. Try again in a moment.";

export const couldNotShare = (reason: string) =>
  `Could not share this in the channel (${reasonForPeople(reason, "Discord")}). Try again in a moment.`;
