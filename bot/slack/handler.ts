import type { APIGatewayProxyEventV2 } from "aws-lambda";
import type { Bot } from "../core";
import { createSlackApp } from "./app";
import { AwsLambdaReceiver, LogLevel } from "./bolt";
import type { SlackPoster } from "./poster";
import { verifySlackRequest } from "./verify";

export interface HttpResponse {
  statusCode: number;
  headers: Record<string, string>;
  body: string;
}

export type SlackHandler = (event: APIGatewayProxyEventV2) => Promise<HttpResponse>;

export interface SlackHandlerDependencies {
  bot: Bot;
  signingSecret: string;
  botToken?: string;
  poster?: SlackPoster;
  /** "Now" for the timestamp check; injected in tests. */
  nowMs?: () => number;
  callbackTimeoutMs?: number;
}

/** Slack's requests are a few kilobytes; anything this large is not from Slack. */
export const MAX_BODY_BYTES = 64 * 1024;

const respond = (statusCode: number, body = "", headers: Record<string, string> = {}) => ({
  statusCode,
  headers: { "content-type": "text/plain; charset=utf-8", ...headers },
  body,
});

function header(headers: APIGatewayProxyEventV2["headers"] | undefined, name: string) {
  const wanted = name.toLowerCase();
  for (const [key, value] of Object.entries(headers ?? {})) {
    if (key.toLowerCase() === wanted) return value;
  }
  return undefined;
}

type Parsed = { kind: "form" | "json"; body: Record<string, unknown> };

/** Slack sends forms (commands; interactivity as a JSON `payload` field) or JSON (events). */
function parseBody(raw: string, contentType: string): Parsed | undefined {
  const type = contentType.split(";")[0]?.trim().toLowerCase();
  try {
    if (type === "application/x-www-form-urlencoded") {
      const form = Object.fromEntries(new URLSearchParams(raw));
      if (typeof form.payload === "string") {
        const payload: unknown = JSON.parse(form.payload);
        if (!payload || typeof payload !== "object") return undefined;
      } else if (typeof form.command !== "string" && form.ssl_check === undefined) {
        return undefined;
      }
      return { kind: "form", body: form };
    }
    if (type === "application/json") {
      const json: unknown = JSON.parse(raw);
      return json && typeof json === "object" && !Array.isArray(json)
        ? { kind: "json", body: json as Record<string, unknown> }
        : undefined;
    }
  } catch {
    return undefined;
  }
  return undefined;
}

/**
 * The Slack HTTP endpoint as a Lambda handler (API Gateway HTTP API, payload v2.0). It checks
 * what Bolt's AwsLambdaReceiver does not (UTF-8 base64 bodies, future timestamps, malformed
 * bodies, retries) before handing the request to Bolt, and never throws: every request gets a
 * status code.
 */
export function createSlackHandler(deps: SlackHandlerDependencies): SlackHandler {
  const receiver = new AwsLambdaReceiver({
    signingSecret: deps.signingSecret,
    // Verified above with the exact bytes; Bolt would re-decode a base64 body as ASCII.
    signatureVerification: false,
    logLevel: LogLevel.ERROR,
  });
  createSlackApp({
    bot: deps.bot,
    receiver,
    poster: deps.poster,
    botToken: deps.botToken,
    callbackTimeoutMs: deps.callbackTimeoutMs,
  });
  const boltHandler = receiver.toHandler();
  const now = deps.nowMs ?? Date.now;

  return async (event) => {
    try {
      // Checked before decoding, so a huge body costs nothing: a UTF-8 string is at least as many
      // bytes as characters, and base64 holds 3 bytes in 4 characters.
      const encoded = event.body ?? "";
      const limit = event.isBase64Encoded ? 4 * Math.ceil(MAX_BODY_BYTES / 3) : MAX_BODY_BYTES;
      if (encoded.length > limit) return respond(413, "Request body too large");
      const raw = Buffer.from(encoded, event.isBase64Encoded ? "base64" : "utf8");
      if (raw.length > MAX_BODY_BYTES) return respond(413, "Request body too large");
      // Slack's certificate check, like Bolt's receiver, is answered before the signature.
      if (
        /^ssl_check=1(&|$)|&ssl_check=1(&|$)/.test(raw.toString("latin1")) &&
        !raw.includes("command=")
      ) {
        return respond(200);
      }
      const verdict = verifySlackRequest({
        secret: deps.signingSecret,
        timestamp: header(event.headers, "x-slack-request-timestamp"),
        signature: header(event.headers, "x-slack-signature"),
        rawBody: raw,
        nowMs: now(),
      });
      if (verdict !== "ok") return respond(401, "Invalid request signature");

      const text = raw.toString("utf8");
      const parsed = parseBody(text, header(event.headers, "content-type") ?? "");
      if (!parsed) return respond(400, "Malformed request body");
      if (parsed.body.type === "url_verification") {
        return respond(200, JSON.stringify({ challenge: parsed.body.challenge ?? "" }), {
          "content-type": "application/json",
        });
      }
      // Slack retries what it thinks timed out; the first attempt already answered.
      if (header(event.headers, "x-slack-retry-num") !== undefined) {
        return respond(200, "", { "x-slack-no-retry": "1" });
      }

      const result = await boltHandler(
        {
          ...event,
          body: text,
          isBase64Encoded: false,
          headers: {
            ...Object.fromEntries(
              Object.entries(event.headers ?? {}).filter(
                ([k]) => k.toLowerCase() !== "content-type",
              ),
            ),
            "content-type":
              parsed.kind === "form" ? "application/x-www-form-urlencoded" : "application/json",
          },
        },
        {},
      );
      const headers: Record<string, string> = {};
      for (const [k, v] of Object.entries(result.headers ?? {}))
        headers[k.toLowerCase()] = String(v);
      return {
        statusCode: result.statusCode,
        headers: { "content-type": "text/plain; charset=utf-8", ...headers },
        body: result.body ?? "",
      };
    } catch (e) {
      console.error("Slack handler failed", e);
      return respond(500, "Internal error");
    }
  };
}
