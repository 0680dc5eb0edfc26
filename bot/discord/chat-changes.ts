import type { APIInteraction } from "discord-api-types/v10";
import type { CommandRequest } from "../commands/context";
import { findCommand } from "../commands/registry";
import type { Bot } from "../core";
import type { Form, Reply } from "../reply";
import { withRetries } from "../retry";
import { shorten } from "../text/units";
import { tooLarge } from "../trip-changes/preview";
import { type AttachmentSource, type Download, downloadAttachment } from "./attachment";
import type { ChatChangeJob } from "./deferred";
import { INTERACTION, interactionBase } from "./interaction";
import { DISCORD_LIMITS as L } from "./limits";

/**
 * What Discord adds for changing a trip from the chat: the attachment on `trip upload`, the
 * Confirm and Cancel buttons of a preview, and the modal an edit opens.
 */

/** A trip file attached to a command, as the interaction's `resolved.attachments` names it. */
export interface AttachedFile {
  url: string;
  filename: string;
  size: number;
}

interface Resolved {
  options?: { name: string; type: number; value?: unknown; options?: Resolved["options"] }[];
  resolved?: { attachments?: Record<string, { url: string; filename: string; size: number }> };
}

const ATTACHMENT_OPTION = 11;

/** The file attached to the command's attachment option (`trip upload file:…`), if any. */
export function attachedFile(interaction: APIInteraction): AttachedFile | undefined {
  if (interaction.type !== INTERACTION.command) return undefined;
  const data = interaction.data as Resolved;
  const sub = data.options?.find((o) => o.type === 1);
  const name = sub ? findCommand(sub.name)?.attachment?.name : undefined;
  const option = sub?.options?.find((o) => o.type === ATTACHMENT_OPTION && o.name === name);
  const found = data.resolved?.attachments?.[String(option?.value)];
  return found && { url: found.url, filename: found.filename, size: found.size };
}

const CHOICES = ["confirm", "cancel"] as const;
type Choice = (typeof CHOICES)[number];

/** A Confirm or Cancel click: who clicked, and the proposal the button carried. */
export function choiceClick(
  interaction: APIInteraction,
): { request: CommandRequest; button: { action: Choice; value: string } } | undefined {
  if (interaction.type !== INTERACTION.component) return undefined;
  const customId = (interaction.data as { custom_id?: string }).custom_id ?? "";
  const [action, value = ""] = customId.split(/:(.*)/s);
  const choice = CHOICES.find((c) => c === action);
  if (!choice || value === "") return undefined;
  return {
    request: { ...interactionBase(interaction), command: "trip", input: "" },
    button: { action: choice, value },
  };
}

const FORM_PREFIX = "form:";
const MODAL_TITLE = 45;
const LABEL = 45;
const MODAL_VALUE = 4000;
const PLACEHOLDER = 100;

/** Whether Discord can show this form as a modal (it has no file input). */
export const opensAsModal = (form: Form): boolean =>
  form.fields.length <= 5 && form.fields.every((f) => f.kind !== "file");

/** The MODAL interaction response's data: one text input per field, in action rows. */
export function modalOf(form: Form) {
  return {
    custom_id: `${FORM_PREFIX}${form.id}`.slice(0, L.customId),
    title: shorten(form.title, MODAL_TITLE),
    components: form.fields.slice(0, 5).map((f) => ({
      type: 1,
      components: [
        {
          type: 4,
          custom_id: f.name,
          label: shorten(f.label, LABEL),
          style: f.kind === "paragraph" ? 2 : 1,
          required: f.required,
          max_length: MODAL_VALUE,
          ...(f.value !== undefined ? { value: shorten(f.value, MODAL_VALUE) } : {}),
          ...(f.hint ? { placeholder: shorten(f.hint, PLACEHOLDER) } : {}),
        },
      ],
    })),
  };
}

interface ModalData {
  custom_id: string;
  components: {
    components?: { custom_id?: string; value?: string }[];
    component?: { custom_id?: string; value?: string };
  }[];
}

/** A modal's submission: the form it answers and each text input's value by field name. */
export function formSubmission(
  interaction: APIInteraction,
): { request: CommandRequest; formId: string; values: Record<string, string> } | undefined {
  if (interaction.type !== INTERACTION.modalSubmit) return undefined;
  const data = interaction.data as unknown as ModalData;
  if (!data.custom_id.startsWith(FORM_PREFIX)) return undefined;
  const formId = data.custom_id.slice(FORM_PREFIX.length);
  const values: Record<string, string> = {};
  // Text inputs arrive in action rows, or (newer modals) each in a label.
  for (const row of data.components) {
    for (const input of [...(row.components ?? []), ...(row.component ? [row.component] : [])]) {
      if (input.custom_id && typeof input.value === "string") values[input.custom_id] = input.value;
    }
  }
  const command = formId.split(":")[0] ?? "";
  return { request: { ...interactionBase(interaction), command, input: "" }, formId, values };
}

/** A file that could not be fetched: what the organiser is told (privately). */
export function downloadRefusal(
  download: { reason: "not-discord" | "failed" } | { reason: "not-text"; problem: string },
  name: string,
): Reply {
  const said =
    download.reason === "not-discord"
      ? `${name} is not on Discord's file servers, so the bot did not fetch it. Attach the file to the command itself.`
      : download.reason === "not-text"
        ? `${name} was not read: ${download.problem}.`
        : `${name} could not be fetched from Discord. Try again in a moment.`;
  return {
    title: "The file was not read",
    blocks: [
      { type: "paragraph", spans: [{ type: "text", text: `${said} Nothing was changed.` }] },
    ],
    buttons: [],
    visibility: "private",
  };
}

/** Fetches the attached file (Discord's CDN only, size-capped) and hands it to the bot. */
export async function submitAttachment(
  bot: Bot,
  request: CommandRequest,
  file: AttachedFile,
  source: AttachmentSource,
): Promise<Reply> {
  const name = shorten(file.filename, 100);
  // A busy or failing CDN is tried again (after its Retry-After), as Slack's file host is.
  const { value: download } = await withRetries<Download>(
    async () => {
      const got = await downloadAttachment(file.url, file.size, source);
      return got.ok
        ? { ok: true, value: got }
        : {
            ok: false,
            retryable: got.reason === "failed" && got.retryable,
            ...(got.reason === "failed" && got.retryAfterMs !== undefined
              ? { retryAfterMs: got.retryAfterMs }
              : {}),
            value: got,
          };
    },
    { attempts: 3, maxWaitMs: 5000, budgetMs: 15_000 },
  );
  if (!download.ok) {
    return download.reason === "too-large" ? tooLarge(name) : downloadRefusal(download, name);
  }
  return bot.submitFile(request, { name: file.filename, text: download.text });
}

/** What a deferred upload, form submission or click answers. */
export function chatChangeReply(
  job: ChatChangeJob,
  deps: { bot: Bot; attachments: AttachmentSource },
): Promise<Reply> {
  switch (job.type) {
    case "upload":
      return submitAttachment(deps.bot, job.request, job.file, deps.attachments);
    case "form":
      return deps.bot.submitForm(job.request, job.formId, job.values);
    case "press":
      return deps.bot.press(job.request, job.button);
  }
}
