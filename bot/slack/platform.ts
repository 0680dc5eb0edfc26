import type { Platform } from "../platform";
import { slackApiFromEnv } from "./poster";

/**
 * Slack: slash commands and interactivity on one Request URL, signed with HMAC-SHA256.
 * Bolt is loaded only when the endpoint is built, so reading this (infra, the trip schema,
 * the reminders run) never loads it.
 */
export const slack: Platform = {
  name: "slack",
  title: "Slack",
  route: "/slack/events",
  endpoint: {
    output: "SlackRequestUrl",
    description: "Slack app: slash command and interactivity Request URL",
  },
  secrets: ["SLACK_SIGNING_SECRET", "SLACK_BOT_TOKEN"],
  userIds: "Slack member ids (U…): a profile → ⋯ → Copy member ID",
  // Slack's requests are a few kilobytes; anything this large is not from Slack.
  maxBodyBytes: 64 * 1024,
  // `@slack/bolt/dist/App` requires its HTTP and Socket Mode receivers when it loads, and they
  // require these; behind API Gateway only Bolt's AwsLambdaReceiver runs. Measured by
  // `npm run bench:slack`: ~1.1 MiB less to compile and ~55 ms less CPU per cold start.
  bundleStubs: {
    "@slack/socket-mode": "./bot/slack/bolt-unused.ts",
    "@slack/oauth": "./bot/slack/bolt-unused.ts",
    "raw-body": "./bot/slack/bolt-unused.ts",
  },
  async http(deps) {
    const { createSlackHttp } = await import("./http");
    return createSlackHttp(deps);
  },
  poster: slackApiFromEnv,
  async standIn(clock) {
    const { slackStandIn } = await import("./stand-in");
    return slackStandIn(clock);
  },
};
