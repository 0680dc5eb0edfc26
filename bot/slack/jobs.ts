import type { Logger } from "@aws-lambda-powertools/logger";
import { budgetLeft, jobDeadline } from "../after-response";
import type { CommandRequest } from "../commands/context";
import type { Bot } from "../core";
import { paragraph, type Reply } from "../reply";
import { withRetries } from "../retry";
import { isFlowJob, runFlowJob } from "./form-jobs";
import { failure, privateMessages } from "./interaction";
import { type CallResult, postJson } from "./poster";

/**
 * A command answered after Slack's 3 seconds (an organiser's `faq post`): the slash command was
 * acknowledged at once, and its answer replaces that acknowledgement through the response_url.
 * Plain data, so it can travel to a second invocation of the function.
 */
export interface SlackCommandJob {
  kind: "slack-command";
  request: CommandRequest;
  responseUrl: string;
  origin: { c: string; t: string };
}

/** What the slash command answers at once when the rest comes later. */
export const WORKING_ON_IT: Reply = {
  title: "Working on it…",
  blocks: [paragraph("The answer replaces this message in a moment.")],
  buttons: [],
  visibility: "private",
};

const isCommandJob = (job: unknown): job is SlackCommandJob => {
  const j = job as Partial<SlackCommandJob> | null;
  return (
    typeof j === "object" &&
    j !== null &&
    j.kind === "slack-command" &&
    typeof j.responseUrl === "string" &&
    typeof j.request === "object" &&
    typeof j.origin?.t === "string"
  );
};

export async function runSlackJob(
  job: unknown,
  deps: { bot: Bot; logger: Logger; env?: NodeJS.ProcessEnv },
): Promise<void> {
  if (isFlowJob(job)) return runFlowJob(job, { ...deps, env: deps.env ?? {} });
  if (!isCommandJob(job)) {
    deps.logger.warn("not a Slack job; nothing done", { job: typeof job });
    return;
  }
  const deadline = jobDeadline();
  let reply: Reply;
  try {
    reply = await deps.bot.answer(job.request);
  } catch (error) {
    deps.logger.error("answering a slow slash command failed", { error });
    reply = failure("The trip's facts could not be read just now. Please try again.");
  }
  const [first] = privateMessages(reply, job.origin);
  const payload = {
    response_type: reply.visibility === "public" ? "in_channel" : "ephemeral",
    replace_original: true,
    ...first,
  };
  // It replaces the acknowledgement, so sending it again after an unclear failure is harmless.
  const sent = await withRetries<CallResult>(
    async () => {
      const result = await postJson(job.responseUrl, payload);
      return result.ok
        ? { ok: true, value: result }
        : {
            ok: false,
            retryable: result.retryable,
            retryAfterMs: result.retryAfterMs,
            value: result,
          };
    },
    { attempts: 3, maxWaitMs: 10_000, budgetMs: budgetLeft(deadline) },
  );
  if (!sent.value.ok) {
    deps.logger.error("the slow answer could not be sent", { reason: sent.value.reason });
    // Thrown, so the job counts as failed and is kept.
    throw new Error(`Slack command job: the answer was not sent (${sent.value.reason})`);
  }
}
