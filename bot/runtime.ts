import { type Bot, createBot } from "./core";
import type { ChannelPoster } from "./delivery";
import type { Platform } from "./platform";
import { createDocumentClient, dynamoConfigFromEnv } from "./store/dynamo-client";
import { DynamoFactStore } from "./store/dynamo-fact-store";
import { DynamoReminderStore } from "./store/dynamo-reminder-store";
import type { FactStore } from "./store/fact-store";

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
    posters,
    clock: options.clock ?? (() => new Date()),
  });
  return { store, reminders, posters, bot };
}
