/**
 * Sending a member a file in a direct message: Slack attaches no file to a slash command's
 * private answer, so the file goes through Slack's external upload flow into the DM —
 * conversations.open, files.getUploadURLExternal, a POST of the bytes, files.completeUploadExternal.
 * Each step is retried on 429/5xx/timeouts by the one retry helper.
 * https://docs.slack.dev/messaging/working-with-files#upload
 */
import type { ReplyFile } from "../reply";
import { type Attempt, withRetries } from "../retry";
import type { CallResult, SlackPoster } from "./poster";

export type SendOutcome = { ok: true; channel: string } | { ok: false; reason: string };

type Failed = Extract<CallResult, { ok: false }>;

/** One step, retried: at most 3 tries, waiting as Slack asks, within `budgetMs` in all. */
async function step(call: () => Promise<CallResult>, deadline: number): Promise<CallResult> {
  const outcome = await withRetries<CallResult>(
    async (): Promise<Attempt<CallResult>> => {
      const result = await call();
      return result.ok
        ? { ok: true, value: result }
        : {
            ok: false,
            retryable: result.retryable,
            ...(result.retryAfterMs !== undefined ? { retryAfterMs: result.retryAfterMs } : {}),
            value: result,
          };
    },
    { attempts: 3, maxWaitMs: 5000, budgetMs: Math.max(0, deadline - Date.now()) },
  );
  return outcome.value;
}

/** The POST of a file's bytes to the URL files.getUploadURLExternal gave, classified. */
async function upload(url: string, file: ReplyFile, timeoutMs: number): Promise<CallResult> {
  const form = new FormData();
  form.append("filename", new Blob([file.text], { type: file.contentType }), file.name);
  try {
    const response = await fetch(url, {
      method: "POST",
      body: form,
      signal: AbortSignal.timeout(timeoutMs),
    });
    await response.body?.cancel();
    if (response.ok) return { ok: true, body: {} };
    const retryable = response.status === 429 || response.status >= 500;
    return { ok: false, retryable, reason: `the upload answered ${response.status}` };
  } catch {
    return { ok: false, retryable: true, reason: "the upload did not finish" };
  }
}

/** Sends `file` to `user` in a direct message from the bot, with `comment` above it. */
export async function sendFileAsDirectMessage(
  api: SlackPoster,
  input: { user: string; file: ReplyFile; comment: string; budgetMs: number },
): Promise<SendOutcome> {
  const deadline = Date.now() + input.budgetMs;
  const failed = (what: string, r: Failed) => ({
    ok: false as const,
    reason: `${what}: ${r.reason}`,
  });
  const opened = await step(() => api.call("conversations.open", { users: input.user }), deadline);
  if (!opened.ok) return failed("the direct message could not be opened", opened);
  const channel = (opened.body.channel as { id?: unknown } | undefined)?.id;
  if (typeof channel !== "string") return { ok: false, reason: "Slack gave no direct message" };

  const bytes = Buffer.byteLength(input.file.text);
  const asked = await step(
    () =>
      api.call(
        "files.getUploadURLExternal",
        { filename: input.file.name, length: String(bytes) },
        undefined,
        true,
      ),
    deadline,
  );
  if (!asked.ok) return failed("Slack gave no upload address", asked);
  const { upload_url: url, file_id: id } = asked.body;
  if (typeof url !== "string" || typeof id !== "string") {
    return { ok: false, reason: "Slack gave no upload address" };
  }
  const sent = await step(() => upload(url, input.file, 5000), deadline);
  if (!sent.ok) return failed("the file could not be uploaded", sent);
  const shared = await step(
    () =>
      api.call("files.completeUploadExternal", {
        files: [{ id, title: input.file.name }],
        channel_id: channel,
        initial_comment: input.comment,
      }),
    deadline,
  );
  if (!shared.ok) return failed("the file could not be shared", shared);
  return { ok: true, channel };
}
