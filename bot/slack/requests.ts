import * as z from "zod/mini";
import { CANCEL_ACTION, CONFIRM_ACTION, ViewSubmissionPayload } from "./form-requests";
import { MORE_ACTION, SHARE_ACTION } from "./interaction";

/**
 * The Slack requests this app handles, as zod schemas: a body that is signed but not one of
 * these is refused with a 400 before Bolt sees it. Bolt trusts Slack's shapes, so a signed
 * `block_actions` without a `user`, with `channel: null` or with no actions made it throw
 * (a 500). Only the fields the listeners and Bolt read are checked; Slack's extra ones pass.
 *
 * `zod/mini`: the same zod, with functions instead of methods (`z.optional(s)` for
 * `s.optional()`, `.check(z.maxLength(n))` for `.max(n)`), so the bundle keeps only what is
 * used: the full `zod` added ~450 KiB and ~20 ms to every cold start.
 */

const id = z.string().check(z.minLength(1), z.maxLength(255));
const responseUrl = z.string().check(
  z.maxLength(2000),
  z.refine((url) => URL.canParse(url) && /^https?:$/.test(new URL(url).protocol)),
);

/** `/marathon <text>`: the form Slack POSTs for a slash command. */
export const SlashCommandForm = z.object({
  command: z.string().check(z.regex(/^\/\S{1,100}$/)),
  text: z.optional(z.string()),
  user_id: id,
  user_name: z.optional(z.string()),
  channel_id: id,
  team_id: z.optional(id),
  response_url: responseUrl,
});

/** A click on one of this app's buttons ("Show more", "Share in channel", Confirm, Cancel). */
export const ButtonClickPayload = z.object({
  type: z.literal("block_actions"),
  user: z.object({ id, name: z.optional(z.string()), username: z.optional(z.string()) }),
  channel: z.object({ id }),
  team: z.optional(z.nullable(z.object({ id }))),
  response_url: responseUrl,
  actions: z
    .array(
      z.object({
        type: z.literal("button"),
        action_id: z.enum([MORE_ACTION, SHARE_ACTION, CONFIRM_ACTION, CANCEL_ACTION]),
        value: z.string().check(z.minLength(1), z.maxLength(2000)),
      }),
    )
    .check(z.length(1)),
});

/** Slack's check of the Request URL, when the app's settings are saved. */
export const UrlVerification = z.object({
  type: z.literal("url_verification"),
  challenge: z.string().check(z.maxLength(1000)),
});

export type SlackRequest =
  | { kind: "command"; form: z.infer<typeof SlashCommandForm> }
  | { kind: "click"; payload: z.infer<typeof ButtonClickPayload> }
  | { kind: "submission"; payload: z.infer<typeof ViewSubmissionPayload> }
  | { kind: "url_verification"; challenge: string };

function parseJson(raw: string): unknown {
  try {
    return JSON.parse(raw);
  } catch {
    return undefined;
  }
}

/**
 * The request in a signed body, or undefined when it is none this app handles. Slack sends
 * forms (commands; interactivity as a JSON `payload` field) and JSON (the URL check).
 */
export function parseSlackRequest(raw: string, contentType: string): SlackRequest | undefined {
  const type = contentType.split(";")[0]?.trim().toLowerCase();
  if (type === "application/json") {
    const check = UrlVerification.safeParse(parseJson(raw));
    return check.success
      ? { kind: "url_verification", challenge: check.data.challenge }
      : undefined;
  }
  if (type !== "application/x-www-form-urlencoded") return undefined;
  const fields = [...new URLSearchParams(raw)];
  // Slack never sends a field twice; Bolt reads a repeated one as a list and fails on it.
  const form = Object.fromEntries(fields);
  if (Object.keys(form).length !== fields.length) return undefined;
  if (form.payload !== undefined) {
    const payload = parseJson(form.payload);
    const submission = ViewSubmissionPayload.safeParse(payload);
    if (submission.success) return { kind: "submission", payload: submission.data };
    const click = ButtonClickPayload.safeParse(payload);
    return click.success ? { kind: "click", payload: click.data } : undefined;
  }
  const command = SlashCommandForm.safeParse(form);
  return command.success ? { kind: "command", form: command.data } : undefined;
}
