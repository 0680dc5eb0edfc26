import {
  BatchWriteCommand,
  type DynamoDBDocumentClient,
  QueryCommand,
  type QueryCommandInput,
} from "@aws-sdk/lib-dynamodb";
import { withRetries } from "../retry";

export type Item = Record<string, unknown>;

/** Every page of a Query: a trip bigger than DynamoDB's 1 MB page still reads whole. */
export async function queryAll(doc: DynamoDBDocumentClient, input: QueryCommandInput) {
  const items: Item[] = [];
  let start: Record<string, unknown> | undefined;
  do {
    const page = await doc.send(new QueryCommand({ ...input, ExclusiveStartKey: start }));
    items.push(...((page.Items ?? []) as Item[]));
    start = page.LastEvaluatedKey;
  } while (start);
  return items;
}

export type WriteRequest = { PutRequest: { Item: Item } } | { DeleteRequest: { Key: Item } };

const BATCH_SIZE = 25;
const BATCH_ATTEMPTS = 9;

/** Writes in batches of 25, resending what DynamoDB left unprocessed (throttling) after a backoff. */
export async function batchWrite(
  doc: DynamoDBDocumentClient,
  tableName: string,
  requests: readonly WriteRequest[],
): Promise<void> {
  for (let i = 0; i < requests.length; i += BATCH_SIZE) {
    const batch = requests.slice(i, i + BATCH_SIZE);
    const last = await withRetries<WriteRequest[]>(
      async (unprocessed) => {
        const out = await doc.send(
          new BatchWriteCommand({ RequestItems: { [tableName]: unprocessed ?? batch } }),
        );
        const left = (out.UnprocessedItems?.[tableName] ?? []) as WriteRequest[];
        return left.length === 0
          ? { ok: true, value: left }
          : { ok: false, retryable: true, value: left };
      },
      { attempts: BATCH_ATTEMPTS },
    );
    if (!last.ok) throw new Error("DynamoDB kept returning unprocessed writes; try again");
  }
}
