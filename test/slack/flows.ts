/** Slack's side of the organisers' flows, as Slack sends them: a modal's submission, a click. */
import type { HostedFile } from "../../bot/slack/stand-in";

export interface OpenedView {
  callback_id: string;
  private_metadata: string;
  title: { text: string };
  blocks: {
    type: string;
    block_id: string;
    label: { text: string };
    optional?: boolean;
    element: {
      type: string;
      action_id: string;
      initial_value?: string;
      multiline?: boolean;
      filetypes?: string[];
      max_files?: number;
    };
  }[];
}

/**
 * The view_submission Slack POSTs when `user` submits `view`: each text input holds its
 * initial value unless `values` says otherwise; each file input holds `file`.
 */
export function submissionBody(
  view: OpenedView,
  input: { user: string; values?: Record<string, string>; file?: Partial<HostedFile> },
): string {
  const values: Record<string, Record<string, unknown>> = {};
  for (const block of view.blocks) {
    const { action_id: action, type } = block.element;
    values[block.block_id] = {
      [action]:
        type === "file_input"
          ? { type, files: input.file ? [input.file] : [] }
          : { type, value: input.values?.[action] ?? block.element.initial_value ?? null },
    };
  }
  const payload = {
    type: "view_submission",
    team: { id: "T0001", domain: "runners" },
    user: { id: input.user, username: "org", name: "org", team_id: "T0001" },
    api_app_id: "A0001",
    token: "legacy-verification-token",
    trigger_id: "7.8.9",
    view: {
      id: "V0001",
      team_id: "T0001",
      type: "modal",
      blocks: view.blocks,
      private_metadata: view.private_metadata,
      callback_id: view.callback_id,
      state: { values },
      hash: "1.abc",
      title: view.title,
      app_id: "A0001",
    },
    response_urls: [],
    is_enterprise_install: false,
  };
  return new URLSearchParams({ payload: JSON.stringify(payload) }).toString();
}

/** A click on Confirm or Cancel of a private preview, by `user`. */
export function pressBody(input: {
  actionId: string;
  value: string;
  user: string;
  responseUrl: string;
}): string {
  const payload = {
    type: "block_actions",
    team: { id: "T0001", domain: "runners" },
    user: { id: input.user, username: "org", name: "org", team_id: "T0001" },
    api_app_id: "A0001",
    token: "legacy-verification-token",
    container: { type: "message", message_ts: "1.1", channel_id: "C0001", is_ephemeral: true },
    trigger_id: "4.5.6",
    channel: { id: "C0001", name: "new-york-2025" },
    response_url: input.responseUrl,
    actions: [
      {
        type: "button",
        action_id: input.actionId,
        block_id: "b1",
        text: { type: "plain_text", text: input.actionId },
        value: input.value,
        style: input.actionId === "confirm" ? "primary" : "danger",
        action_ts: "1.2",
      },
    ],
  };
  return new URLSearchParams({ payload: JSON.stringify(payload) }).toString();
}
