import { readFile } from "node:fs/promises";
import type { DynamoDBDocumentClient } from "@aws-sdk/lib-dynamodb";
import { loadTrip, type TripLoadStores } from "../bot/loading/load-trip";
import { PLATFORM_NAMES } from "../bot/platforms";
import { createDocumentClient, ensureTable } from "../bot/store/dynamo-client";
import type { DynamoFactStore } from "../bot/store/dynamo-fact-store";
import { dynamoStores } from "../bot/store/dynamo-stores";
import { type LocalDynamo, startLocalDynamo } from "../bot/store/local-dynamo";
import { DEFAULT_TABLE_NAME } from "../bot/store/table";
import { formatTripError, parseTripText } from "../bot/trip/parse";

// These machines run Node 20; the SDK's notice about future releases needing Node 22 is noise
// here (the Lambda runtime is newer). The lockfile pins a release that supports Node 20.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= "true";

/** Where `npm start` and the trip CLI keep the local table between runs (git ignores data/). */
export const LOCAL_DATA_PATH = "data/dynamodb";

export const EXAMPLE_TRIPS = [
  "trips/pyongyang-marathon-2025.yaml",
  "trips/new-york-marathon-2025.yaml",
];

export interface LocalEnvironment {
  store: DynamoFactStore;
  stores: ReturnType<typeof dynamoStores>;
  doc: DynamoDBDocumentClient;
  tableName: string;
  endpoint: string;
  close(): Promise<void>;
}

/** An embedded DynamoDB with the fact table, for `npm run ask`, `npm start` and tests. */
export async function openLocalEnvironment(
  options: { path?: string; tableName?: string } = {},
): Promise<LocalEnvironment> {
  const server: LocalDynamo = await startLocalDynamo({ path: options.path });
  const tableName = options.tableName ?? DEFAULT_TABLE_NAME;
  const doc = createDocumentClient({ tableName, endpoint: server.endpoint });
  await ensureTable(doc, tableName);
  const stores = dynamoStores(doc, tableName);
  return {
    store: stores.facts,
    stores,
    doc,
    tableName,
    endpoint: server.endpoint,
    async close() {
      doc.destroy();
      await server.close();
    },
  };
}

/** Reads, validates and loads a trip file; throws with every error's line and column. */
export async function loadTripFile(stores: TripLoadStores, path: string) {
  const parsed = parseTripText(await readFile(path, "utf8"), path, { platforms: PLATFORM_NAMES });
  if (!parsed.ok) throw new Error(parsed.errors.map(formatTripError).join("\n"));
  return loadTrip(stores, parsed.file);
}
