import type { APIGatewayProxyEventV2 } from "aws-lambda";
import { slackSignatureHeaders } from "../../bot/slack/stand-in";

export const SECRET = "test-signing-secret-0123456789abcdef";

/** Slack's signature, as Slack's stand-in signs (apart from the verifying code under test). */
export function sign(secret: string, timestamp: number | string, body: Buffer | string): string {
  return slackSignatureHeaders(secret, body, Number(timestamp))["x-slack-signature"] as string;
}

/** An API Gateway HTTP API (v2.0) event, signed as Slack signs it. */
export function slackEvent(
  body: string,
  options: {
    secret?: string;
    timestamp?: number;
    contentType?: string;
    base64?: boolean;
    headers?: Record<string, string>;
    signature?: string;
  } = {},
): APIGatewayProxyEventV2 {
  const timestamp = options.timestamp ?? Math.floor(Date.now() / 1000);
  const bytes = Buffer.from(body, "utf8");
  return {
    version: "2.0",
    routeKey: "POST /slack/events",
    rawPath: "/slack/events",
    rawQueryString: "",
    headers: {
      "content-type": options.contentType ?? "application/x-www-form-urlencoded",
      "x-slack-request-timestamp": String(timestamp),
      "x-slack-signature": options.signature ?? sign(options.secret ?? SECRET, timestamp, bytes),
      ...options.headers,
    },
    requestContext: {
      accountId: "123456789012",
      apiId: "api",
      domainName: "example.execute-api.eu-west-1.amazonaws.com",
      domainPrefix: "example",
      http: {
        method: "POST",
        path: "/slack/events",
        protocol: "HTTP/1.1",
        sourceIp: "127.0.0.1",
        userAgent: "Slackbot 1.0 (+https://api.slack.com/robots)",
      },
      requestId: "req",
      routeKey: "POST /slack/events",
      stage: "$default",
      time: "24/Nov/2026:05:00:00 +0000",
      timeEpoch: timestamp * 1000,
    },
    body: options.base64 ? bytes.toString("base64") : body,
    isBase64Encoded: options.base64 ?? false,
  };
}

/** A slash command's form body, as Slack sends it. */
export function commandBody(text: string, fields: Record<string, string> = {}): string {
  return new URLSearchParams({
    token: "legacy-verification-token",
    team_id: "T0001",
    team_domain: "runners",
    channel_id: "C0001",
    channel_name: "pyongyang-2025",
    user_id: "U0001",
    user_name: "ana",
    command: "/marathon",
    text,
    api_app_id: "A0001",
    // Nothing listens there: a test that does not give its own never reaches Slack.
    response_url: "http://127.0.0.1:9/commands/T0001/1/abc",
    trigger_id: "1.2.3",
    ...fields,
  }).toString();
}

/** An interactivity body: a click on a button of an earlier answer. */
export function buttonClickBody(input: {
  actionId: string;
  value: string;
  responseUrl: string;
  channel?: string;
}): string {
  const payload = {
    type: "block_actions",
    team: { id: "T0001", domain: "runners" },
    user: { id: "U0001", username: "ana", name: "ana", team_id: "T0001" },
    api_app_id: "A0001",
    token: "legacy-verification-token",
    container: {
      type: "message",
      message_ts: "1.1",
      channel_id: input.channel ?? "C0001",
      is_ephemeral: true,
    },
    trigger_id: "4.5.6",
    channel: { id: input.channel ?? "C0001", name: "pyongyang-2025" },
    response_url: input.responseUrl,
    actions: [
      {
        type: "button",
        action_id: input.actionId,
        block_id: "b1",
        text: { type: "plain_text", text: "Share in channel" },
        value: input.value,
        action_ts: "1.2",
      },
    ],
  };
  return new URLSearchParams({ payload: JSON.stringify(payload) }).toString();
}
