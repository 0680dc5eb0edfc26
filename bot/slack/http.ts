import type { HttpRequest, HttpResponse, PlatformDependencies, PlatformHttp } from "../platform";
import { createSlackApp } from "./app";
import { AwsLambdaReceiver, LogLevel } from "./bolt";
import { runSlackJob } from "./jobs";
import { boltLogger } from "./logger";
import { slackApiFromEnv } from "./poster";
import { parseSlackRequest } from "./requests";
import { verifySlackRequest } from "./verify";

const respond = (statusCode: number, body = "", headers: Record<string, string> = {}) => ({
  statusCode,
  headers: { "content-type": "text/plain; charset=utf-8", ...headers },
  body,
});

/**
 * Slack's endpoint. It checks what Bolt's AwsLambdaReceiver does not (UTF-8 bodies, future
 * timestamps, retries, and that the body is a request this app handles: anything else is a
 * 400, never Bolt's 500) before handing the request to Bolt, and never throws: every request
 * gets a status code. Without SLACK_SIGNING_SECRET it cannot be built.
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
  const api = slackApiFromEnv(deps.env);
  createSlackApp({ ...deps, receiver, botToken, logger, ...(api ? { api } : {}) });
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
    const parsed = parseSlackRequest(text, request.headers["content-type"] ?? "");
    if (!parsed) return respond(400, "Malformed request body");
    if (parsed.kind === "url_verification") {
      return respond(200, JSON.stringify({ challenge: parsed.challenge }), {
        "content-type": "application/json",
      });
    }
    // Slack retries what it thinks timed out; the first attempt already answered.
    if (request.headers["x-slack-retry-num"] !== undefined) {
      return respond(200, "", { "x-slack-no-retry": "1" });
    }
    const event = {
      body: text,
      isBase64Encoded: false,
      headers: { ...request.headers, "content-type": "application/x-www-form-urlencoded" },
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
