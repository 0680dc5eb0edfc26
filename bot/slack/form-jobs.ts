/**
 * The slow halves of the organisers' flows on Slack, run after Slack's 3-second answer through
 * the "after the response" service: a submitted form (fetch the file, preview it privately with
 * Confirm and Cancel), a Confirm or Cancel click (its outcome replaces the preview), and a
 * reply's files (sent in a direct message). Each job is plain data.
 */
import type { Logger } from "@aws-lambda-powertools/logger";
import { budgetLeft, jobDeadline } from "../after-response";
import type { CommandRequest } from "../commands/context";
import type { Bot } from "../core";
import { reasonForPeople } from "../delivery";
import { TRIP_FILE_MAX_BYTES } from "../loading/trip-file-limit";
import { paragraph, type Reply, type ReplyFile } from "../reply";
import { withRetries } from "../retry";
import { type Downloaded, downloadSlackFile, slackFileBases } from "./file-download";
import { failure } from "./interaction";
import type { PickedFile } from "./modal";
import { postJson, slackApiFromEnv } from "./poster";
import { postPrivately, retried } from "./private-post";
import { proposalMessages } from "./proposal-buttons";
import { sendFileAsDirectMessage } from "./send-file";

/** A submitted modal: its values, and the file picked in it, if any. */
export interface SlackFormJob {
  kind: "slack-form";
  request: CommandRequest;
  formId: string;
  values: Record<string, string>;
  file?: PickedFile;
}

/** A Confirm or Cancel click on a preview. */
export interface SlackPressJob {
  kind: "slack-press";
  request: CommandRequest;
  button: { action: "confirm" | "cancel"; value: string };
  responseUrl: string;
}

/** A private answer's files, sent to its reader in a direct message. */
export interface SlackFilesJob {
  kind: "slack-files";
  user: string;
  files: ReplyFile[];
  /** The answer, which the outcome replaces (it said "sending…"). */
  reply: Reply;
  responseUrl: string;
}

export type SlackFlowJob = SlackFormJob | SlackPressJob | SlackFilesJob;

export interface FlowJobDependencies {
  bot: Bot;
  logger: Logger;
  env: NodeJS.ProcessEnv;
}

export const isFlowJob = (job: unknown): job is SlackFlowJob => {
  const j = job as { kind?: unknown; request?: unknown; responseUrl?: unknown } | null;
  if (typeof j !== "object" || j === null) return false;
  if (j.kind === "slack-files") return typeof j.responseUrl === "string";
  return (j.kind === "slack-form" || j.kind === "slack-press") && typeof j.request === "object";
};

export async function runFlowJob(job: SlackFlowJob, deps: FlowJobDependencies): Promise<void> {
  const deadline = jobDeadline();
  switch (job.kind) {
    case "slack-form":
      return runForm(job, deps, deadline);
    case "slack-press":
      return runPress(job, deps, deadline);
    case "slack-files":
      return runFiles(job, deps, deadline);
  }
}

/** The file, fetched with the bot token and the one retry helper. */
async function fetchPicked(
  file: PickedFile,
  env: NodeJS.ProcessEnv,
  deadline: number,
): Promise<Downloaded> {
  const token = env.SLACK_BOT_TOKEN;
  if (!token) return { ok: false, reason: "the bot has no Slack token", retryable: false };
  const options = {
    token,
    maxBytes: TRIP_FILE_MAX_BYTES,
    bases: slackFileBases(env.SLACK_API_URL),
  };
  const outcome = await withRetries<Downloaded>(
    async () => {
      const got = await downloadSlackFile(file.url, options);
      return got.ok ? { ok: true, value: got } : { ...got, ok: false, value: got };
    },
    { attempts: 3, maxWaitMs: 5000, budgetMs: budgetLeft(deadline) },
  );
  return outcome.value;
}

async function answerForm(job: SlackFormJob, deps: FlowJobDependencies, deadline: number) {
  if (!job.file) return deps.bot.submitForm(job.request, job.formId, job.values);
  const got = await fetchPicked(job.file, deps.env, deadline);
  if (!got.ok) {
    return failure(
      `${job.file.name} could not be read: ${reasonForPeople(got.reason, "Slack")}. Nothing was changed.`,
    );
  }
  return deps.bot.submitFile(job.request, { name: job.file.name, text: got.text });
}

/** The preview (or the errors), posted privately to the member in the form's channel. */
async function runForm(job: SlackFormJob, deps: FlowJobDependencies, deadline: number) {
  let reply: Reply;
  try {
    reply = await answerForm(job, deps, deadline);
  } catch (error) {
    deps.logger.error("a submitted Slack form failed", { error });
    reply = failure("The form could not be handled just now. Nothing was changed; try again.");
  }
  const api = slackApiFromEnv(deps.env);
  if (!api) throw new Error("Slack form job: no SLACK_BOT_TOKEN to answer with");
  const to = { channel: job.request.channel.id, user: job.request.user.id };
  const sent = await postPrivately(api, to, proposalMessages(reply), deadline);
  if (!sent.ok) {
    deps.logger.error("the form's answer could not be posted", { reason: sent.reason });
    throw new Error(`Slack form job: the answer was not posted (${sent.reason})`);
  }
}

/** The click's outcome replaces the preview it was on. */
async function runPress(job: SlackPressJob, deps: FlowJobDependencies, deadline: number) {
  let reply: Reply;
  try {
    reply = await deps.bot.press(job.request, job.button);
  } catch (error) {
    deps.logger.error("a Confirm/Cancel click failed", { error });
    reply = failure("That could not be done just now. Nothing was changed; try again.");
  }
  await replaceOriginal(job.responseUrl, reply, deps, deadline);
}

async function runFiles(job: SlackFilesJob, deps: FlowJobDependencies, deadline: number) {
  const api = slackApiFromEnv(deps.env);
  const notes: string[] = [];
  for (const file of job.files) {
    const sent = api
      ? await sendFileAsDirectMessage(api, {
          user: job.user,
          file,
          comment: `${file.name}, as you asked.`,
          budgetMs: budgetLeft(deadline),
        })
      : { ok: false as const, reason: "the bot has no Slack token" };
    notes.push(
      sent.ok
        ? `${file.name}: sent to you in a direct message.`
        : `${file.name} could not be sent to you: ${reasonForPeople(sent.reason, "Slack")}. Please try again.`,
    );
  }
  const reply: Reply = { ...job.reply, blocks: [...job.reply.blocks, paragraph(notes.join("\n"))] };
  await replaceOriginal(job.responseUrl, reply, deps, deadline);
}

async function replaceOriginal(
  responseUrl: string,
  reply: Reply,
  deps: FlowJobDependencies,
  deadline: number,
) {
  const [first, ...rest] = proposalMessages(reply);
  const payloads = [
    { response_type: "ephemeral", replace_original: true, ...first },
    ...rest.map((m) => ({ response_type: "ephemeral", replace_original: false, ...m })),
  ];
  for (const payload of payloads) {
    const sent = await retried(() => postJson(responseUrl, payload), deadline);
    if (!sent.ok) {
      deps.logger.error("the outcome could not be shown", { reason: sent.reason });
      throw new Error(`Slack job: the outcome was not sent (${sent.reason})`);
    }
  }
}
