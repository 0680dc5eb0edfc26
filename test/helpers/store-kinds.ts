import type { DynamoDBDocumentClient } from "@aws-sdk/lib-dynamodb";
import { createDocumentClient, ensureTable } from "../../bot/store/dynamo-client";
import { dynamoStores } from "../../bot/store/dynamo-stores";
import { type LocalDynamo, startLocalDynamo } from "../../bot/store/local-dynamo";
import { memoryStores } from "../../bot/store/memory-stores";
import type { Stores } from "../../bot/store/stores";

// Node 20 here; the SDK's notice about future releases needing Node 22 is noise in tests.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= "true";

/** One implementation of every port, as a contract suite opens it. */
export interface StoreKind {
  name: string;
  /** Fresh, empty stores: DynamoDB ones get a new table on the file's one local server. */
  fresh(): Promise<Stores>;
  close(): Promise<void>;
}

function inMemory(): StoreKind {
  return { name: "in memory", fresh: async () => memoryStores(), close: async () => {} };
}

function onDynamo(): StoreKind {
  let server: Promise<LocalDynamo> | undefined;
  const clients: DynamoDBDocumentClient[] = [];
  return {
    name: "DynamoDB (dynalite)",
    async fresh() {
      server ??= startLocalDynamo();
      const tableName = `contract-${Math.random().toString(36).slice(2, 10)}`;
      const doc = createDocumentClient({ tableName, endpoint: (await server).endpoint });
      clients.push(doc);
      await ensureTable(doc, tableName);
      return dynamoStores(doc, tableName);
    },
    async close() {
      for (const doc of clients) doc.destroy();
      await (await server)?.close();
    },
  };
}

/**
 * Both implementations, for `describe.each(storeKinds())`: every port's contract runs against
 * the in-memory version the unit tests use and the DynamoDB one on a real protocol server.
 */
export const storeKinds = (): StoreKind[] => [inMemory(), onDynamo()];
