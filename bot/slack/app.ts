import type { CommandRequest } from "../commands/context";
import { parseCommandText } from "../commands/registry";
import type { Bot } from "../core";
import { paragraph, type Reply, text } from "../reply";
import type { ButtonElement, SlackMessage } from "./blocks";
import { App, type AwsLambdaReceiver, LogLevel } from "./bolt";
import { SLACK_LIMITS } from "./limits";
import { postJson, type SlackPoster } from "./poster";
import { renderReply } from "./render";

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

export interface SlackAppDependencies {
  bot: Bot;
  receiver: AwsLambdaReceiver;
  /** Posts shared answers; without a bot token, sharing falls back to response_url. */
  poster?: SlackPoster;
  botToken?: string;
  /** Time for the calls back to Slack while a request waits (Slack allows 3 s in all). */
  callbackTimeoutMs?: number;
}

/** Slack escapes `&`, `<` and `>` in what people type; the core wants the text as typed. */
export function unescapeSlack(value: string): string {
  return value.replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&amp;/g, "&");
}

function request(
  typed: string,
  user: { id: string; name?: string },
  channel: string,
  team: string | undefined,
): CommandRequest {
  const { command: name, input } = parseCommandText(typed);
  return {
    command: name,
    input,
    user,
    channel: { id: channel },
    ...(team ? { workspace: { id: team } } : {}),
    platform: "slack",
  };
}

/** The reply's messages as a private reader sees them: share on each, "show more" when split. */
function privateMessages(reply: Reply, origin: { c: string; t: string }): SlackMessage[] {
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
          text: { type: "plain_text", text: share.label.slice(0, SLACK_LIMITS.buttonText) },
          action_id: SHARE_ACTION,
          value: shareValue,
          style: "primary",
        });
      }
      return buttons;
    },
  });
}

const failure = (message: string): Reply => ({
  title: "Something went wrong",
  blocks: [paragraph(message)],
  buttons: [],
  visibility: "private",
});

/**
 * The Bolt app: `/marathon <text>` (any slash command routed here) answers through the core;
 * "Share in channel" posts the same answer publicly; "Show more" shows the next message of a
 * long answer. Listeners answer inside Slack's 3 seconds; nothing runs after the response.
 */
export function createSlackApp(deps: SlackAppDependencies): App {
  const budgetMs = deps.callbackTimeoutMs ?? 2500;
  const app = new App({
    receiver: deps.receiver,
    // A fixed token needs no auth.test round trip on each cold start.
    authorize: async () => ({ botToken: deps.botToken ?? "" }),
    ignoreSelf: false,
    logLevel: LogLevel.ERROR,
  });

  app.command(/^\/\S+$/, async ({ command, ack, logger }) => {
    const origin = { c: command.command, t: unescapeSlack(command.text ?? "") };
    let reply: Reply;
    try {
      reply = await deps.bot.answer(
        request(
          origin.t,
          { id: command.user_id, name: command.user_name },
          command.channel_id,
          command.team_id,
        ),
      );
    } catch (e) {
      logger.error("answering a slash command failed", e);
      reply = failure("The trip's facts could not be read just now. Please try again.");
    }
    const [first] = privateMessages(reply, origin);
    await ack({
      response_type: reply.visibility === "public" ? "in_channel" : "ephemeral",
      ...first,
    });
  });

  /** The core's answer, or a private apology through the click's response_url. */
  async function answerOrApologise(req: CommandRequest, responseUrl: string) {
    try {
      return await deps.bot.answer(req);
    } catch (e) {
      app.logger.error("answering a button click failed", e);
      await postJson(
        responseUrl,
        {
          response_type: "ephemeral",
          replace_original: false,
          text: "Sorry, the trip's facts could not be read just now. Please try again.",
        },
        { timeoutMs: budgetMs },
      );
      return undefined;
    }
  }

  app.action(MORE_ACTION, async ({ ack, body, action, logger }) => {
    await ack();
    if (body.type !== "block_actions" || action.type !== "button") return;
    const value = decodeButtonValue(action.value);
    const channel = body.channel?.id ?? "";
    if (!value || value.p === undefined) return;
    const reply = await answerOrApologise(
      request(value.t, { id: body.user.id, name: body.user.name }, channel, body.team?.id),
      body.response_url,
    );
    if (!reply) return;
    const message = privateMessages(reply, value)[value.p];
    if (!message) return;
    const sent = await postJson(
      body.response_url,
      { response_type: "ephemeral", replace_original: false, ...message },
      { timeoutMs: budgetMs },
    );
    if (!sent.ok) logger.error(`show more failed: ${sent.reason}`);
  });

  app.action(SHARE_ACTION, async ({ ack, body, action, logger }) => {
    await ack();
    if (body.type !== "block_actions" || action.type !== "button") return;
    const value = decodeButtonValue(action.value);
    const channel = body.channel?.id;
    if (!value || !channel) return;
    const answer = await answerOrApologise(
      request(value.t, { id: body.user.id, name: body.user.name }, channel, body.team?.id),
      body.response_url,
    );
    if (!answer) return;
    const who = body.user.name ?? body.user.username ?? "someone";
    const shared: Reply = {
      ...answer,
      blocks: [
        ...answer.blocks,
        { type: "context", spans: [text(`Shared by ${who} · ${value.c} ${value.t}`.trim())] },
      ],
      buttons: [],
      visibility: "public",
    };
    // Slack waits 3 s for this request in all: every call shares one budget.
    const deadline = Date.now() + budgetMs;
    const left = () => Math.max(200, deadline - Date.now());
    const posted = deps.poster
      ? await deps.poster.post(channel, shared, { signal: AbortSignal.timeout(left()) })
      : undefined;
    let done = posted?.ok === true;
    // Only when Slack refused outright (the bot is not in this private channel, or has no
    // token) does the answer go through the command's response_url instead: after a timeout or
    // a 5xx the post may have landed, and a second copy would be worse than a retry.
    const refused = !posted || (!posted.ok && !posted.retryable && posted.parts === 0);
    if (refused) {
      logger.warn(
        `chat.postMessage refused (${posted?.ok === false ? posted.reason : "no token"})`,
      );
      done = true;
      for (const message of renderReply(shared)) {
        const sent = await postJson(
          body.response_url,
          { response_type: "in_channel", replace_original: false, ...message },
          { timeoutMs: left() },
        );
        if (!sent.ok) {
          done = false;
          break;
        }
      }
    }
    await postJson(
      body.response_url,
      done
        ? { delete_original: true }
        : {
            response_type: "ephemeral",
            replace_original: false,
            text: "Sorry, that answer could not be shared just now. Please try again.",
          },
      { timeoutMs: left() },
    );
  });

  app.error(async (error) => {
    app.logger.error("unhandled error in a Slack listener", error);
  });

  return app;
}
