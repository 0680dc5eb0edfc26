import { slackHandlerFromEnv } from "../bot/slack/from-env";

/** Slack's Lambda entry point (API Gateway HTTP API, payload v2.0); see bot/slack/handler.ts. */
export const handler = slackHandlerFromEnv();
