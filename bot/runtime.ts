import type { DynamoDBDocumentClient } from "@aws-sdk/lib-dynamodb";
import { calendarLinksFromEnv } from "./calendar/links-from-env";
import { type Bot, createBot } from "./core";
import type { ChannelPoster } from "./delivery";
import { createDocumentClient, dynamoConfigFromEnv } from "./store/dynamo-client";
import { DynamoFactStore } from "./store/dynamo-fact-store";
import { DynamoReminderStore } from "./store/dynamo-reminder-store";
import type { FactStore } from "./store/fact-store";

export interface Runtime {
  bot: Bot;
  store: FactStore;
}

let table: { doc: DynamoDBDocumentClient; tableName: string } | undefined;
let cached: Runtime | undefined;

function tableFromEnv(env: NodeJS.ProcessEnv) {
  if (!table) {
    const config = dynamoConfigFromEnv(env);
    table = { doc: createDocumentClient(config), tableName: config.tableName };
  }
  return table;
}

/** Channel links, subscriptions and deliveries on the table named by TABLE_NAME. */
export function reminderStoreFromEnv(env: NodeJS.ProcessEnv = process.env): DynamoReminderStore {
  const { doc, tableName } = tableFromEnv(env);
  return new DynamoReminderStore(doc, tableName);
}

/**
 * The bot wired to the table named by TABLE_NAME (and DYNAMODB_ENDPOINT locally). Built once
 * per Lambda container, on first use, and reused by every request that container serves.
 */
export function runtimeFromEnv(env: NodeJS.ProcessEnv = process.env): Runtime {
  if (!cached) {
    const { doc, tableName } = tableFromEnv(env);
    const store = new DynamoFactStore(doc, tableName);
    const channels = new DynamoReminderStore(doc, tableName);
    const calendar = calendarLinksFromEnv(env, doc, tableName);
    cached = { store, bot: createBot({ store, channels, calendar, clock: () => new Date() }) };
  }
  return cached;
}

/**
 * A bot on the environment's table that can also post into channels (an organiser's
 * `faq post`) through the given platforms' posters. Adapters call it once per container.
 */
export function botFromEnv(
  env: NodeJS.ProcessEnv,
  posters: Readonly<Record<string, ChannelPoster>>,
  clock: () => Date = () => new Date(),
): Bot {
  return createBot({
    store: runtimeFromEnv(env).store,
    channels: reminderStoreFromEnv(env),
    posters,
    clock,
    calendar: calendarLinksFromEnv(env, tableFromEnv(env).doc, tableFromEnv(env).tableName),
  });
}

/** Forgets the cached runtime, for tests that change the environment between cases. */
export function resetRuntime(): void {
  cached = undefined;
  table = undefined;
}
