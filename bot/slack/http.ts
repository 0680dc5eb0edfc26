import type { HttpRequest, HttpResponse, PlatformDependencies, PlatformHttp } from "../platform";
import { createSlackApp } from "./app";
import { AwsLambdaReceiver, LogLevel } from "./bolt";
import { runSlackJob } from "./jobs";
import { boltLogger } from "./logger";
import { verifySlackRequest } from "./verify";

const respond = (statusCode: number, body = "", headers: Record<string, string> = {}) => ({
  statusCode,
  headers: { "content-type": "text/plain; charset=utf-8", ...headers },
  body,
});
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
 * Slack's endpoint. It checks what Bolt's AwsLambdaReceiver does not (UTF-8 bodies, future
 * timestamps, malformed bodies, retries) before handing the request to Bolt, and never throws:
 * every request gets a status code. Without SLACK_SIGNING_SECRET it cannot be built.
 */
export function createSlackHttp(deps: PlatformDependencies): PlatformHttp {
  const signingSecret = deps.env.SLACK_SIGNING_SECRET;
  if (!signingSecret) throw new Error("SLACK_SIGNING_SECRET is not set");
  const botToken = deps.env.SLACK_BOT_TOKEN || undefined;
  const logger = boltLogger(deps.logger);
  const receiver = new AwsLambdaReceiver({
    signingSecret,
    // Verified here with the exact bytes; Bolt would re-decode a base64 body as ASCII.
    signatureVerification: false,
    logger,
    logLevel: LogLevel.ERROR,
  });
  createSlackApp({ ...deps, receiver, botToken, logger });
  const bolt = receiver.toHandler();

  async function handle(request: HttpRequest): Promise<HttpResponse> {
    const raw = request.body;
    // Slack's certificate check, like Bolt's receiver, is answered before the signature.
    if (
      /^ssl_check=1(&|$)|&ssl_check=1(&|$)/.test(raw.toString("latin1")) &&
      !raw.includes("command=")
    ) {
      return respond(200);
    }
    const verdict = verifySlackRequest({
      secret: signingSecret as string,
      timestamp: request.headers["x-slack-request-timestamp"],
      signature: request.headers["x-slack-signature"],
      rawBody: raw,
      nowMs: deps.clock().getTime(),
    });
    if (verdict !== "ok") return respond(401, "Invalid request signature");

    const text = raw.toString("utf8");
    const parsed = parseBody(text, request.headers["content-type"] ?? "");
    if (!parsed) return respond(400, "Malformed request body");
    if (parsed.body.type === "url_verification") {
      return respond(200, JSON.stringify({ challenge: parsed.body.challenge ?? "" }), {
        "content-type": "application/json",
      });
    }
    // Slack retries what it thinks timed out; the first attempt already answered.
    if (request.headers["x-slack-retry-num"] !== undefined) {
      return respond(200, "", { "x-slack-no-retry": "1" });
    }
    const contentType =
      parsed.kind === "form" ? "application/x-www-form-urlencoded" : "application/json";
    const event = {
      body: text,
      isBase64Encoded: false,
      headers: { ...request.headers, "content-type": contentType },
    };
    const result = await bolt(event as never, {});
    const headers: Record<string, string> = {};
    for (const [k, v] of Object.entries(result.headers ?? {})) headers[k.toLowerCase()] = String(v);
    return {
      statusCode: result.statusCode,
      headers: { "content-type": "text/plain; charset=utf-8", ...headers },
      body: result.body ?? "",
    };
  }

  return {
    async handle(request) {
      try {
        return await handle(request);
      } catch (error) {
        deps.logger.error("Slack request failed", { error });
        return respond(500, "Internal error");
      }
    },
    runLater: (job) => runSlackJob(job, deps),
  };
}
