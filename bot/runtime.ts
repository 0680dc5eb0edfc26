import type { Logger } from "@aws-lambda-powertools/logger";
import type { Metrics } from "@aws-lambda-powertools/metrics";
import type { AfterResponse, AfterResponseFactory } from "./after-response";
import { calendarLinksFromEnv } from "./calendar/links-from-env";
import { type Bot, createBot } from "./core";
import type { ChannelPoster } from "./delivery";
import type { Platform, PlatformHttp } from "./platform";
import { createDocumentClient, dynamoConfigFromEnv } from "./store/dynamo-client";
import { DynamoFactStore } from "./store/dynamo-fact-store";
import { DynamoProposalStore } from "./store/dynamo-proposal-store";
import { DynamoQuestionStore } from "./store/dynamo-question-store";
import { DynamoReminderSchedule } from "./store/dynamo-reminder-schedule";
import { DynamoReminderStore } from "./store/dynamo-reminder-store";
import { DynamoTripVersions } from "./store/dynamo-trip-versions";
import type { FactStore } from "./store/fact-store";
import { measuredBot } from "./telemetry";

/** Posters by platform name, for the platforms whose bot tokens are configured. */
export type Posters = Readonly<Record<string, ChannelPoster>>;

/**
 * The composition root: everything a function needs, wired from its environment (TABLE_NAME,
 * DYNAMODB_ENDPOINT, each platform's credentials). The handlers build it once per container,
 * on their first event, and keep it; nothing here is a module singleton.
 */
export interface Runtime {
  store: FactStore;
  /** Channel links, subscriptions, the reminder schedule and deliveries. */
  reminders: DynamoReminderStore;
  posters: Posters;
  bot: Bot;
}

export interface RuntimeOptions {
  /** Which platforms may post (the reminders run: all of them; a webhook: its own). */
  platforms: readonly Platform[];
  clock?: () => Date;
}

/** The posters of the given platforms whose bot tokens the environment holds. */
export function postersFromEnv(env: NodeJS.ProcessEnv, platforms: readonly Platform[]): Posters {
  const posters: Record<string, ChannelPoster> = {};
  for (const platform of platforms) {
    const poster = platform.poster(env);
    if (poster) posters[platform.name] = poster;
  }
  return posters;
}

export function createRuntime(env: NodeJS.ProcessEnv, options: RuntimeOptions): Runtime {
  const config = dynamoConfigFromEnv(env);
  const doc = createDocumentClient(config);
  const store = new DynamoFactStore(doc, config.tableName);
  const reminders = new DynamoReminderStore(doc, config.tableName);
  const posters = postersFromEnv(env, options.platforms);
  const bot = createBot({
    store,
    channels: reminders,
    questions: new DynamoQuestionStore(doc, config.tableName),
    calendar: calendarLinksFromEnv(env, doc, config.tableName),
    versions: new DynamoTripVersions(doc, config.tableName),
    changes: {
      schedule: new DynamoReminderSchedule(doc, config.tableName),
      proposals: new DynamoProposalStore(doc, config.tableName),
    },
    posters,
    clock: options.clock ?? (() => new Date()),
  });
  return { store, reminders, posters, bot };
}

/** A platform's endpoint and the service that runs what it defers, ready for any transport. */
export interface Endpoint {
  http: PlatformHttp;
  later: AfterResponse;
}

export interface EndpointOptions {
  clock?: () => Date;
  /** The bot to answer with, given the posters; by default the environment's table. */
  bot?: (posters: Posters) => Bot;
  /** Where work after the response goes (in AWS a self-invocation, elsewhere this process). */
  later: AfterResponseFactory;
  logger: Logger;
  metrics: Metrics;
}

/**
 * One platform's endpoint wired from the environment (its secrets filled in): its poster, the
 * bot on the table (counted and timed), and the after-the-response service, which runs the
 * jobs this endpoint defers. Lambda builds it once per container; a local server may too.
 */
export async function composeEndpoint(
  platform: Platform,
  env: NodeJS.ProcessEnv,
  options: EndpointOptions,
): Promise<Endpoint> {
  const clock = options.clock ?? (() => new Date());
  const poster = platform.poster(env);
  const posters: Posters = poster ? { [platform.name]: poster } : {};
  const bot = options.bot?.(posters) ?? createRuntime(env, { platforms: [platform], clock }).bot;
  let http: PlatformHttp | undefined;
  const later = options.later(async (job) => {
    if (!http) throw new Error("a job arrived before the endpoint was built");
    await http.runLater(job);
  });
  http = await platform.http({
    bot: measuredBot(bot, options.metrics),
    env,
    poster,
    clock,
    later,
    logger: options.logger,
  });
  return { http, later };
}
