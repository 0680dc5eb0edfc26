/**
 * The Platform contract: what an adapter folder implements so that the handlers, infra, the
 * secrets loader and the reminders run can serve it without naming it. The list is in
 * platforms.ts.
 */
import type { Logger } from "@aws-lambda-powertools/logger";
import type { AfterResponse } from "./after-response";
import type { Bot } from "./core";
import type { ChannelPoster } from "./delivery";
import type { LocalApi } from "./local-api";

/** An HTTP request as every adapter receives it: decoded once, by the transport. */
export interface HttpRequest {
  /** Header names in lower case. */
  headers: Readonly<Record<string, string | undefined>>;
  /** The body exactly as received: signatures cover these bytes. */
  body: Buffer;
}

export interface HttpResponse {
  statusCode: number;
  headers: Record<string, string>;
  body: string;
}

/** What the composition root hands an adapter's HTTP endpoint, built once per container. */
export interface PlatformDependencies {
  bot: Bot;
  /** The environment with this platform's secrets filled in. */
  env: NodeJS.ProcessEnv;
  /** This platform's poster, when its bot token is configured. */
  poster: ChannelPoster | undefined;
  /** "Now": signature ages, and every answer. */
  clock: () => Date;
  /** Work that must happen after the response has left (long posts, follow-ups). */
  later: AfterResponse;
  logger: Logger;
}

/** An adapter's HTTP endpoint: verify, parse, answer, render; and run what it deferred. */
export interface PlatformHttp {
  /** Answers every request with a status code; never throws. */
  handle(request: HttpRequest): Promise<HttpResponse>;
  /** Runs a job this endpoint handed to `later` (in AWS, in a second invocation). */
  runLater(job: unknown): Promise<void>;
}

/**
 * A chat platform. The descriptive fields are plain data that infra, the secrets loader and the
 * trip schema read; `http` loads the platform's SDK only when called, so reading the list (at
 * synth time, or to validate a trip file) never loads Bolt or discord.js.
 */
export interface Platform {
  /** Keys organiser ids, channel links and deliveries: "slack". */
  readonly name: string;
  /** For people and for resource names: "Slack". */
  readonly title: string;
  /** The webhook's path: "/slack/events". */
  readonly route: string;
  /** Infra's output of the webhook URL, and what to do with it. */
  readonly endpoint: { readonly output: string; readonly description: string };
  /** The variables holding its credentials; in AWS one secret holds them all. */
  readonly secrets: readonly string[];
  /** How a trip file's organisers list this platform's user ids. */
  readonly userIds: string;
  /** Largest request body it accepts (checked before decoding); unlimited when absent. */
  readonly maxBodyBytes?: number;
  /**
   * Packages its SDK loads but no Lambda runs, each replaced in every function's bundle by a
   * module (a path from the project root) that throws if reached: less to compile at start.
   */
  readonly bundleStubs?: Readonly<Record<string, string>>;
  http(deps: PlatformDependencies): Promise<PlatformHttp>;
  /** Public posts (reminders, the FAQ) when the bot token is configured. */
  poster(env: NodeJS.ProcessEnv): ChannelPoster | undefined;
  /**
   * How `npm start` and the tests play this platform on this machine (its `stand-in.ts`),
   * signing requests at `clock`'s time.
   */
  standIn?(clock?: () => Date): Promise<LocalApi>;
}

/** The variable naming a platform's Secrets Manager secret in AWS: SLACK_SECRET_ARN. */
export const secretArnVariable = (platform: Pick<Platform, "name">): string =>
  `${platform.name.toUpperCase().replace(/[^A-Z0-9]/g, "_")}_SECRET_ARN`;

/** A platform's Lambda entry point, by convention `handlers/<name>.ts`. */
export const handlerEntry = (platform: Pick<Platform, "name">): string =>
  `handlers/${platform.name}.ts`;
