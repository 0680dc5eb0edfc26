import { createBot } from "../core";
import { type Runtime, reminderStoreFromEnv, runtimeFromEnv } from "../runtime";
import { createSlackHandler, type SlackHandler } from "./handler";
import { DEFAULT_SLACK_API_URL, SlackPoster } from "./poster";

export interface SlackHandlerOptions {
  env?: NodeJS.ProcessEnv;
  /** The bot and its store; by default built from TABLE_NAME / DYNAMODB_ENDPOINT. */
  runtime?: Runtime;
  /** "Now" for the signature timestamp check. */
  nowMs?: () => number;
}

/**
 * The Slack handler wired from the environment (SLACK_SIGNING_SECRET, SLACK_BOT_TOKEN,
 * SLACK_API_URL, TABLE_NAME, DYNAMODB_ENDPOINT). It is built on the first request and reused for
 * the container's life; a missing setting answers 500 and is logged, never thrown.
 */
export function slackHandlerFromEnv(options: SlackHandlerOptions = {}): SlackHandler {
  let built: SlackHandler | undefined;
  const build = (): SlackHandler => {
    const env = options.env ?? process.env;
    const signingSecret = env.SLACK_SIGNING_SECRET;
    if (!signingSecret) throw new Error("SLACK_SIGNING_SECRET is not set");
    const botToken = env.SLACK_BOT_TOKEN || undefined;
    const poster = botToken
      ? new SlackPoster({ token: botToken, apiUrl: env.SLACK_API_URL || DEFAULT_SLACK_API_URL })
      : undefined;
    // Organisers' posts (faq post) go out through this adapter's poster.
    const bot =
      options.runtime?.bot ??
      createBot({
        store: runtimeFromEnv(env).store,
        channels: reminderStoreFromEnv(env),
        posters: poster ? { slack: poster } : {},
        clock: () => new Date(),
      });
    return createSlackHandler({ bot, signingSecret, botToken, poster, nowMs: options.nowMs });
  };
  return async (event) => {
    try {
      built ??= build();
    } catch (e) {
      console.error("The Slack handler is not configured:", e instanceof Error ? e.message : e);
      return {
        statusCode: 500,
        headers: { "content-type": "text/plain; charset=utf-8" },
        body: "Not configured",
      };
    }
    return built(event);
  };
}
