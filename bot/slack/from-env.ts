import type { SecretFetcher } from "../config/secrets";
import { botFromEnv, type Runtime } from "../runtime";
import { createSlackHandler, type HttpResponse, type SlackHandler } from "./handler";
import { DEFAULT_SLACK_API_URL, SlackPoster } from "./poster";

export interface SlackHandlerOptions {
  env?: NodeJS.ProcessEnv;
  /** The bot and its store; by default built from TABLE_NAME / DYNAMODB_ENDPOINT. */
  runtime?: Runtime;
  /** "Now" for the signature timestamp check. */
  nowMs?: () => number;
  /** Reads a Secrets Manager secret (tests give a fake); Powertools by default. */
  fetchSecret?: SecretFetcher;
}

const notConfigured = (e: unknown): HttpResponse => {
  console.error("The Slack handler is not configured:", e instanceof Error ? e.message : e);
  return {
    statusCode: 500,
    headers: { "content-type": "text/plain; charset=utf-8" },
    body: "Not configured",
  };
};

/**
 * The Slack handler wired from the environment: SLACK_SIGNING_SECRET and SLACK_BOT_TOKEN (or,
 * in AWS, the secret named by SLACK_SECRET_ARN holding them), SLACK_API_URL, TABLE_NAME,
 * DYNAMODB_ENDPOINT. It is built on the first request and kept for the container (rebuilt only
 * when the secret's value changes); a missing setting answers 500 and is logged, never thrown.
 */
export function slackHandlerFromEnv(options: SlackHandlerOptions = {}): SlackHandler {
  const baseEnv = options.env ?? process.env;
  const build = (env: NodeJS.ProcessEnv): SlackHandler => {
    const signingSecret = env.SLACK_SIGNING_SECRET;
    if (!signingSecret) throw new Error("SLACK_SIGNING_SECRET is not set");
    const botToken = env.SLACK_BOT_TOKEN || undefined;
    const poster = botToken
      ? new SlackPoster({ token: botToken, apiUrl: env.SLACK_API_URL || DEFAULT_SLACK_API_URL })
      : undefined;
    // Organisers' posts (faq post) go out through this adapter's poster.
    const bot = options.runtime?.bot ?? botFromEnv(env, poster ? { slack: poster } : {});
    return createSlackHandler({ bot, signingSecret, botToken, poster, nowMs: options.nowMs });
  };

  let plain: SlackHandler | undefined;
  let fromSecrets: SlackHandler | undefined;
  return async (event) => {
    try {
      if (baseEnv.SLACK_SECRET_ARN) {
        // Loaded only where a secret is configured: local runs and tests never pay for it.
        if (!fromSecrets) {
          const { withSecrets } = await import("../config/secrets");
          fromSecrets = withSecrets(build, { env: baseEnv, fetchSecret: options.fetchSecret });
        }
        return await fromSecrets(event);
      }
      plain ??= build(baseEnv);
      return await plain(event);
    } catch (e) {
      return notConfigured(e);
    }
  };
}
