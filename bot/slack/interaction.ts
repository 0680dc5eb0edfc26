import type { CommandRequest } from "../commands/context";
import { parseCommandText } from "../commands/registry";
import type { Bot } from "../core";
import type { ChannelPoster } from "../delivery";
import { paragraph, type Reply } from "../reply";
import { truncateUnits } from "../text/units";
import type { ButtonElement, SlackMessage } from "./blocks";
import { SLACK_LIMITS } from "./limits";
import type { BoltLogger } from "./logger";
import { postJson } from "./poster";
import { proposalButtons } from "./proposal-buttons";
import { renderReply } from "./render";

/** What the listeners use. */
export interface ListenerDependencies {
  bot: Bot;
  /** Posts shared answers; without a bot token, sharing falls back to response_url. */
  poster?: ChannelPoster;
  logger: BoltLogger;
  /** Time for the calls back to Slack while a request waits (Slack allows 3 s in all). */
  callbackTimeoutMs?: number;
}

export const DEFAULT_CALLBACK_MS = 2500;

/** The core's answer, or a private apology through the click's response_url. */
export async function answerOrApologise(
  deps: ListenerDependencies,
  request: CommandRequest,
  responseUrl: string,
): Promise<Reply | undefined> {
  try {
    return await deps.bot.answer(request);
  } catch (e) {
    deps.logger.error("answering a button click failed", e);
    await postJson(
      responseUrl,
      {
        response_type: "ephemeral",
        replace_original: false,
        text: "Sorry, the trip's facts could not be read just now. Please try again.",
      },
      { timeoutMs: deps.callbackTimeoutMs ?? DEFAULT_CALLBACK_MS },
    );
    return undefined;
  }
}

export const SHARE_ACTION = "share";
export const MORE_ACTION = "more";

/** What a button carries back on click: the command as typed, and which message to show. */
export interface ButtonValue {
  /** The slash command ("/marathon"). */
  c: string;
  /** Its text ("itinerary 2"). */
  t: string;
  /** For "show more": the index of the message to show. */
  p?: number;
}

export function encodeButtonValue(value: ButtonValue): string | undefined {
  const encoded = JSON.stringify(value);
  return encoded.length <= SLACK_LIMITS.buttonValue ? encoded : undefined;
}

export function decodeButtonValue(raw: unknown): ButtonValue | undefined {
  if (typeof raw !== "string") return undefined;
  try {
    const v = JSON.parse(raw) as Partial<ButtonValue>;
    if (typeof v.c !== "string" || typeof v.t !== "string") return undefined;
    return { c: v.c, t: v.t, ...(typeof v.p === "number" ? { p: v.p } : {}) };
  } catch {
    return undefined;
  }
}

/** Slack escapes `&`, `<` and `>` in what people type; the core wants the text as typed. */
export function unescapeSlack(value: string): string {
  return value.replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&amp;/g, "&");
}

export function commandRequest(
  typed: string,
  user: { id: string; name?: string },
  channel: string,
  team: string | undefined,
  /** The slash command as Slack sends it ("/marathon"). */
  slash?: string,
): CommandRequest {
  const { command: name, input } = parseCommandText(typed);
  const slashCommand = slash?.replace(/^\//, "");
  return {
    command: name,
    input,
    user,
    channel: { id: channel },
    ...(team ? { workspace: { id: team } } : {}),
    platform: "slack",
    ...(slashCommand ? { slashCommand } : {}),
  };
}

/** The reply's messages as a private reader sees them: share on each, "show more" when split. */
export function privateMessages(reply: Reply, origin: { c: string; t: string }): SlackMessage[] {
  return renderReply(reply, {
    buttons: ({ index, count }) => {
      const buttons: ButtonElement[] = [];
      const next = index + 1 < count ? encodeButtonValue({ ...origin, p: index + 1 }) : undefined;
      if (next) {
        buttons.push({
          type: "button",
          text: { type: "plain_text", text: "Show more" },
          action_id: MORE_ACTION,
          value: next,
        });
      }
      const share = reply.buttons.find((b) => b.action === "share");
      const shareValue = encodeButtonValue(origin);
      if (share && shareValue && reply.visibility === "private") {
        buttons.push({
          type: "button",
          text: { type: "plain_text", text: truncateUnits(share.label, SLACK_LIMITS.buttonText) },
          action_id: SHARE_ACTION,
          value: shareValue,
          style: "primary",
        });
      }
      if (index === count - 1) buttons.push(...proposalButtons(reply));
      return buttons;
    },
  });
}

export const failure = (message: string): Reply => ({
  title: "Something went wrong",
  blocks: [paragraph(message)],
  buttons: [],
  visibility: "private",
});
