/**
 * The organisers' flows on Slack, the part inside the 3-second answer: a reply's form opens as a
 * modal (the command's trigger id is good for 3 seconds, once), a submission is checked and
 * acknowledged at once, a Confirm/Cancel click is acknowledged at once, and a reply's files are
 * promised — the slow halves run after the response (form-jobs.ts).
 */
import type {
  BlockAction,
  SlackActionMiddlewareArgs,
  SlackViewMiddlewareArgs,
  ViewSubmitAction,
} from "@slack/bolt";
import type { AfterResponse } from "../after-response";
import type { CommandRequest } from "../commands/context";
import { reasonForPeople } from "../delivery";
import { TRIP_FILE_MAX_BYTES } from "../loading/trip-file-limit";
import { context, type Reply } from "../reply";
import { withRetries } from "../retry";
import type { SlackFilesJob, SlackFormJob, SlackPressJob } from "./form-jobs";
import { CONFIRM_ACTION } from "./form-requests";
import { DEFAULT_CALLBACK_MS, failure, type ListenerDependencies } from "./interaction";
import type { BoltLogger } from "./logger";
import { FORM_CALLBACK, formView, readMetadata, submittedValues } from "./modal";
import type { CallResult, SlackPoster } from "./poster";

export interface FlowDependencies extends ListenerDependencies {
  later: AfterResponse;
  /** Slack's Web API with the bot token; without one no form opens. */
  api?: SlackPoster;
}

/**
 * Opens the reply's form as a modal with the command's trigger id; undefined when it opened
 * (the command is then answered with nothing), else the private apology to answer with.
 */
export async function openForm(
  deps: FlowDependencies,
  reply: Reply,
  command: { trigger_id?: string; channel_id: string; team_id?: string },
  /** When the command arrived: its trigger id dies 3 seconds later. */
  arrivedAt: number,
): Promise<Reply | undefined> {
  const form = reply.form;
  if (!form) return reply;
  const api = deps.api;
  if (!api || !command.trigger_id) {
    // The reply still says what the form is for; only the form cannot open.
    return {
      ...reply,
      blocks: [...reply.blocks, context("The form cannot open here: the app has no bot token.")],
    };
  }
  const view = formView(form, {
    f: form.id,
    c: command.channel_id,
    ...(command.team_id ? { w: command.team_id } : {}),
  });
  // The trigger id dies 3 seconds after the command was typed: every try ends before then,
  // and a second one only if it fits.
  const deadline = arrivedAt + (deps.callbackTimeoutMs ?? DEFAULT_CALLBACK_MS);
  const left = () => Math.max(0, deadline - Date.now());
  const opened = await withRetries<CallResult>(
    async () => {
      const signal = AbortSignal.timeout(Math.max(1, left()));
      const r = await api.call("views.open", { trigger_id: command.trigger_id, view }, signal);
      return r.ok ? { ok: true, value: r } : { ...r, ok: false, value: r };
    },
    { attempts: 2, maxWaitMs: 500, budgetMs: left() },
  );
  if (opened.value.ok) return undefined;
  deps.logger.error(`views.open failed: ${opened.value.reason}`);
  return failure(
    `The form could not be opened (${reasonForPeople(opened.value.reason, "Slack")}). Nothing was changed; please try again.`,
  );
}

/**
 * A reply with files: Slack attaches none to a private answer, so they go to the reader in a
 * direct message after the response, and the answer says so (then says how it went).
 */
export function deferFiles(
  deps: FlowDependencies,
  reply: Reply,
  user: string,
  responseUrl: string,
): Reply {
  const files = reply.files ?? [];
  if (files.length === 0) return reply;
  const answer: Reply = { ...reply, files: [] };
  const job: SlackFilesJob = { kind: "slack-files", user, files, reply: answer, responseUrl };
  deps.later.defer(job);
  return {
    ...answer,
    blocks: [...answer.blocks, context("Sending the file to you in a direct message…")],
  };
}

const fileTypes = /\.ya?ml$/i;

/** What Slack's modal shows beside a field at once, for a file that cannot be a trip file. */
function fileErrors(files: { field: string; name: string; size?: number | undefined }[]) {
  const errors: Record<string, string> = {};
  for (const f of files) {
    if (!fileTypes.test(f.name)) errors[f.field] = "Choose a YAML file (.yaml or .yml).";
    else if (f.size !== undefined && f.size > TRIP_FILE_MAX_BYTES) {
      errors[f.field] = `The file is larger than ${TRIP_FILE_MAX_BYTES / 1024} KiB.`;
    }
  }
  return errors;
}

const flowRequest = (
  command: string,
  user: { id: string; name?: string },
  channel: string,
  workspace: string | undefined,
): CommandRequest => ({
  command,
  input: "",
  user,
  channel: { id: channel },
  ...(workspace ? { workspace: { id: workspace } } : {}),
  platform: "slack",
});

/** A modal's submit: answered at once (closed, or errors beside a field), handled after. */
export const formSubmissionListener =
  (deps: FlowDependencies) =>
  async ({ ack, body, view }: SlackViewMiddlewareArgs<ViewSubmitAction>) => {
    const meta = readMetadata(view.private_metadata);
    if (!meta) {
      deps.logger.warn("a modal came back without this app's metadata");
      await ack();
      return;
    }
    const { values, files } = submittedValues(view.state.values as never);
    const errors = fileErrors(files);
    if (Object.keys(errors).length > 0) {
      await ack({ response_action: "errors", errors });
      return;
    }
    if (meta.f === "upload" && files.length === 0) {
      await ack({ response_action: "errors", errors: { file: "Choose the trip file." } });
      return;
    }
    await ack();
    const user = { id: body.user.id, ...(body.user.name ? { name: body.user.name } : {}) };
    const command = meta.f.startsWith("edit:") ? "edit" : "trip";
    const [file] = files;
    const job: SlackFormJob = {
      kind: "slack-form",
      request: flowRequest(command, user, meta.c, meta.w ?? body.team?.id),
      formId: meta.f,
      values,
      ...(file ? { file } : {}),
    };
    deps.later.defer(job);
  };

/** Confirm or Cancel on a preview: acknowledged at once; the outcome replaces the preview. */
export const pressListener =
  (deps: FlowDependencies & { logger: BoltLogger }) =>
  async ({ ack, body, action }: SlackActionMiddlewareArgs<BlockAction>) => {
    await ack();
    if (body.type !== "block_actions" || action.type !== "button" || !action.value) return;
    const user = { id: body.user.id, ...(body.user.name ? { name: body.user.name } : {}) };
    const job: SlackPressJob = {
      kind: "slack-press",
      request: flowRequest("trip", user, body.channel?.id ?? "", body.team?.id),
      button: {
        action: action.action_id === CONFIRM_ACTION ? "confirm" : "cancel",
        value: action.value,
      },
      responseUrl: body.response_url,
    };
    deps.later.defer(job);
  };

export { FORM_CALLBACK };
