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
import type { TripFile } from "../bot/trip/schema";

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

/** Someone who organises every trip loaded here: the playground's reader on one platform. */
export interface LocalOrganiser {
  platform: string;
  user: string;
}

/** The file with `organisers` listed too, beside whoever it lists already. */
export function withLocalOrganisers(
  file: TripFile,
  organisers: readonly LocalOrganiser[],
): TripFile {
  const lists: Record<string, string[]> = { ...file.organisers };
  for (const { platform, user } of organisers) {
    const ids = lists[platform] ?? [];
    if (!ids.includes(user)) lists[platform] = [...ids, user];
  }
  return { ...file, organisers: lists };
}

/**
 * Reads, validates and loads a trip file; throws with every error's line and column.
 * `organisers` (the local playground's readers) organise it too.
 */
export async function loadTripFile(
  stores: TripLoadStores,
  path: string,
  organisers: readonly LocalOrganiser[] = [],
) {
  const parsed = parseTripText(await readFile(path, "utf8"), path, { platforms: PLATFORM_NAMES });
  if (!parsed.ok) throw new Error(parsed.errors.map(formatTripError).join("\n"));
  return loadTrip(stores, withLocalOrganisers(parsed.file, organisers));
}
