import type { APIGatewayProxyEventV2, Context } from "aws-lambda";
import { type AfterResponseFactory, inProcessAfterResponse } from "../after-response";
import { type SecretFetcher, withSecrets } from "../config/secrets";
import type { Bot } from "../core";
import type { HttpRequest, HttpResponse, Platform } from "../platform";
import { composeEndpoint, type Endpoint, type Posters } from "../runtime";
import { createTelemetry, publishMetrics, type Telemetry } from "../telemetry";
import {
  isSelfInvocation,
  type SelfInvocation,
  selfInvokeAfterResponse,
  selfInvokeTarget,
} from "./self-invoke";

export interface LambdaHttpOptions {
  /** Defaults to process.env, read on the first event. */
  env?: NodeJS.ProcessEnv;
  /** Reads a Secrets Manager secret (tests give a fake); Powertools by default. */
  fetchSecret?: SecretFetcher;
  /** "Now": signature ages and answers. */
  clock?: () => Date;
  /** The bot to answer with, given the posters; by default the environment's table. */
  bot?: (posters: Posters) => Bot;
  /** Work after the response; by default a self-invocation in Lambda, this process elsewhere. */
  later?: AfterResponseFactory;
  telemetry?: Telemetry;
}

export type LambdaEvent = APIGatewayProxyEventV2 | SelfInvocation;
export type LambdaHttpHandler = (event: LambdaEvent, context?: Context) => Promise<HttpResponse>;

/** Which kind of job a self-invocation carried (its data may hold a token: never logged). */
const jobKind = ({ afterResponse: job }: SelfInvocation): string => {
  const j = job as { type?: unknown; kind?: unknown } | null;
  return String((typeof j === "object" && j !== null && (j.type ?? j.kind)) || typeof job);
};

const text = (statusCode: number, body: string): HttpResponse => ({
  statusCode,
  headers: { "content-type": "text/plain; charset=utf-8" },
  body,
});

/**
 * The one decoding of an API Gateway HTTP API (payload v2.0) event: header names in lower case,
 * the body as the exact bytes sent. A body over `maxBytes` is refused before it is decoded, so
 * a huge one costs nothing (base64 holds 3 bytes in 4 characters).
 */
export function decodeEvent(
  event: APIGatewayProxyEventV2,
  maxBytes?: number,
): HttpRequest | HttpResponse {
  const encoded = event.body ?? "";
  if (maxBytes !== undefined) {
    const limit = event.isBase64Encoded ? 4 * Math.ceil(maxBytes / 3) : maxBytes;
    if (encoded.length > limit) return text(413, "Request body too large");
  }
  const body = Buffer.from(encoded, event.isBase64Encoded ? "base64" : "utf8");
  if (maxBytes !== undefined && body.length > maxBytes) {
    return text(413, "Request body too large");
  }
  const headers: Record<string, string | undefined> = {};
  for (const [name, value] of Object.entries(event.headers ?? {})) {
    headers[name.toLowerCase()] = value;
  }
  return { headers, body };
}

/**
 * A platform's Lambda handler: secrets loaded one way (one secret per platform in AWS, plain
 * variables elsewhere), dependencies built once per container (and again only when a secret's
 * value changes), each event decoded once, jobs handed over before the response leaves, and
 * never a throw into the Lambda runtime: a misconfiguration answers 500 and is logged.
 */
export function lambdaHttp(platform: Platform, options: LambdaHttpOptions = {}): LambdaHttpHandler {
  const { logger, metrics } = options.telemetry ?? createTelemetry(`trip-bot-${platform.name}`);
  const onError = (message: string) => (error: unknown) => logger.error(message, { error });

  /** In Lambda a job goes to a second invocation of this function; elsewhere it runs here. */
  const laterFor =
    (env: NodeJS.ProcessEnv): AfterResponseFactory =>
    (run) => {
      const target = selfInvokeTarget(env);
      return target
        ? selfInvokeAfterResponse(target, onError("could not hand a job to Lambda"))
        : inProcessAfterResponse(run, onError("a job after the response failed"));
    };
  const compose = (env: NodeJS.ProcessEnv) =>
    composeEndpoint(platform, env, {
      clock: options.clock,
      bot: options.bot,
      later: options.later ?? laterFor(env),
      logger,
      metrics,
    });

  const serve = withSecrets(
    (env) => {
      const ready = compose(env);
      // A failed build is reported on each event, as a 500, until the secrets change.
      ready.catch(() => {});
      return async (event: LambdaEvent) => answer(await ready, event);
    },
    {
      env: options.env,
      fetchSecret: options.fetchSecret,
      platforms: [platform],
      onStale: onError("could not refresh secrets; going on with the ones loaded before"),
    },
  );

  async function answer({ http, later }: Endpoint, event: LambdaEvent): Promise<HttpResponse> {
    if (isSelfInvocation(event)) {
      await http.runLater(event.afterResponse);
      return { statusCode: 200, headers: {}, body: "" };
    }
    const request = decodeEvent(event, platform.maxBodyBytes);
    if ("statusCode" in request) return request;
    const response = await http.handle(request);
    await later.flush();
    return response;
  }

  return async (event, context) => {
    if (context) logger.addContext(context);
    try {
      return await serve(event);
    } catch (error) {
      if (isSelfInvocation(event)) {
        // Thrown, so the asynchronous invocation counts as failed: the Errors alarm sees it, and
        // Lambda hands the event to the failures queue.
        logger.error("a job after the response failed", { error, job: jobKind(event) });
        throw error;
      }
      logger.error(`the ${platform.title} handler failed`, { error });
      // No detail for the caller: the log says what is missing or broken.
      return { statusCode: 500, headers: {}, body: "" };
    } finally {
      publishMetrics(metrics);
    }
  };
}
