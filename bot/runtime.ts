import { type Bot, createBot } from "./core";
import { createDocumentClient, dynamoConfigFromEnv } from "./store/dynamo-client";
import { DynamoFactStore } from "./store/dynamo-fact-store";
import type { FactStore } from "./store/fact-store";

export interface Runtime {
  bot: Bot;
  store: FactStore;
}

let cached: Runtime | undefined;

/**
 * The bot wired to the table named by TABLE_NAME (and DYNAMODB_ENDPOINT locally). Built once
 * per Lambda container, on first use, and reused by every request that container serves.
 */
export function runtimeFromEnv(env: NodeJS.ProcessEnv = process.env): Runtime {
  if (!cached) {
    const config = dynamoConfigFromEnv(env);
    const store = new DynamoFactStore(createDocumentClient(config), config.tableName);
    cached = { store, bot: createBot({ store, clock: () => new Date() }) };
  }
  return cached;
}

/** Forgets the cached runtime, for tests that change the environment between cases. */
export function resetRuntime(): void {
  cached = undefined;
}
