/** The few Block Kit shapes the renderer emits (a subset of Slack's KnownBlock). */

export interface PlainText {
  type: "plain_text";
  text: string;
  emoji?: boolean;
}

export interface Mrkdwn {
  type: "mrkdwn";
  text: string;
}

export interface ButtonElement {
  type: "button";
  text: PlainText;
  action_id: string;
  value: string;
  style?: "primary" | "danger";
}

export type SlackBlock =
  | { type: "header"; text: PlainText }
  | { type: "section"; text: Mrkdwn }
  | { type: "section"; fields: Mrkdwn[] }
  | { type: "context"; elements: Mrkdwn[] }
  | { type: "actions"; elements: ButtonElement[] }
  | { type: "divider" };

/** One Slack message: blocks, and the plain-text fallback shown in notifications. */
export interface SlackMessage {
  text: string;
  blocks: SlackBlock[];
}
