import { ConditionalCheckFailedException } from "@aws-sdk/client-dynamodb";
import {
  BatchWriteCommand,
  type DynamoDBDocumentClient,
  PutCommand,
  QueryCommand,
  type QueryCommandInput,
} from "@aws-sdk/lib-dynamodb";
import { resolveTrip, type Trip } from "../trip/model";
import type { TripFile } from "../trip/schema";
import {
  ConcurrentLoadError,
  type FactStore,
  type LoadResult,
  type TripSummary,
} from "./fact-store";
import { keys, TABLE_KEYS } from "./table";
import { diffRecords, type FactRecord, recordsToTrip, tripToRecords } from "./trip-records";

type Item = Record<string, unknown>;

interface Head {
  revision: number;
  manifest: string[];
}

/**
 * The fact store on one DynamoDB table. A trip is one partition; a command reads it with one
 * Query. Loads never need a transaction: new facts are written under new sort keys first, then
 * one conditional write of HEAD switches readers over, then what HEAD no longer lists is
 * deleted. A load that dies part-way leaves the previous revision intact and visible.
 */
export class DynamoFactStore implements FactStore {
  constructor(
    private readonly doc: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  async getTrip(tripId: string): Promise<Trip | undefined> {
    const file = await this.readTripFile(tripId);
    return file ? resolveTrip(file) : undefined;
  }

  async exportTrip(tripId: string): Promise<TripFile | undefined> {
    return this.readTripFile(tripId);
  }

  async listTrips(): Promise<TripSummary[]> {
    const items = await this.queryAll({
      TableName: this.tableName,
      KeyConditionExpression: "#pk = :pk",
      ExpressionAttributeNames: { "#pk": TABLE_KEYS.partitionKey },
      ExpressionAttributeValues: { ":pk": keys.tripsPartition },
    });
    return items.map((i) => ({
      id: String(i.id),
      name: String(i.name),
      command: String(i.command),
    }));
  }

  async loadTrip(file: TripFile, options: { dryRun?: boolean } = {}): Promise<LoadResult> {
    const pk = keys.tripPartition(file.id);
    const stored = await this.readPartition(file.id, true);
    const head = stored.head;
    const current = head ? (this.currentFacts(head, stored.facts) ?? []) : [];
    const next = tripToRecords(file);
    const changes = diffRecords(current, next);
    const revision = head?.revision ?? 0;
    if (options.dryRun) return { tripId: file.id, changes, written: false, revision };

    const manifest = next.map((r) => r.sk);
    const present = new Set(stored.facts.map((f) => f.sk));
    if (changes.length > 0 || !head) {
      await this.batchWrite(
        next.filter((r) => !present.has(r.sk)).map((r) => ({ PutRequest: { Item: { pk, ...r } } })),
      );
      try {
        await this.doc.send(
          new PutCommand({
            TableName: this.tableName,
            Item: {
              pk,
              sk: keys.head,
              revision: revision + 1,
              manifest,
              loadedAt: new Date().toISOString(),
            },
            ConditionExpression: head ? "revision = :expected" : "attribute_not_exists(pk)",
            ExpressionAttributeValues: head ? { ":expected": revision } : undefined,
          }),
        );
      } catch (e) {
        if (e instanceof ConditionalCheckFailedException) throw new ConcurrentLoadError(file.id);
        throw e;
      }
    }
    // Rewritten on every load (same content when nothing changed), so a load that died before
    // this step still lists its trip once it is run again.
    await this.doc.send(
      new PutCommand({
        TableName: this.tableName,
        Item: {
          pk: keys.tripsPartition,
          sk: keys.tripEntry(file.id),
          id: file.id,
          name: file.name,
          command: file.command,
        },
      }),
    );
    // Facts no revision points at any more: the old versions, and leftovers of a failed load.
    const keep = new Set(manifest);
    await this.batchWrite(
      stored.facts
        .filter((f) => !keep.has(f.sk))
        .map((f) => ({ DeleteRequest: { Key: { pk, sk: f.sk } } })),
    );
    const written = changes.length > 0 || !head;
    return { tripId: file.id, changes, written, revision: written ? revision + 1 : revision };
  }

  private async readTripFile(tripId: string): Promise<TripFile | undefined> {
    let stored = await this.readPartition(tripId, false);
    if (!stored.head) return undefined;
    let facts = this.currentFacts(stored.head, stored.facts);
    if (!facts) {
      // An eventually consistent read raced a load: read again, strongly consistent.
      stored = await this.readPartition(tripId, true);
      facts = stored.head ? this.currentFacts(stored.head, stored.facts) : undefined;
      if (!facts) return undefined;
    }
    return recordsToTrip(facts);
  }

  private currentFacts(head: Head, facts: FactRecord[]): FactRecord[] | undefined {
    const bySk = new Map(facts.map((f) => [f.sk, f]));
    const current = head.manifest.map((sk) => bySk.get(sk));
    return current.every((f) => f !== undefined) ? (current as FactRecord[]) : undefined;
  }

  private async readPartition(
    tripId: string,
    consistent: boolean,
  ): Promise<{ head?: Head; facts: FactRecord[] }> {
    const items = await this.queryAll({
      TableName: this.tableName,
      KeyConditionExpression: "#pk = :pk",
      ExpressionAttributeNames: { "#pk": TABLE_KEYS.partitionKey },
      ExpressionAttributeValues: { ":pk": keys.tripPartition(tripId) },
      ConsistentRead: consistent,
    });
    let head: Head | undefined;
    const facts: FactRecord[] = [];
    for (const item of items) {
      if (item.sk === keys.head) {
        head = { revision: Number(item.revision), manifest: (item.manifest as string[]) ?? [] };
      } else if (String(item.sk).startsWith(keys.factPrefix)) {
        facts.push(item as unknown as FactRecord);
      }
    }
    return { head, facts };
  }

  private async queryAll(input: QueryCommandInput): Promise<Item[]> {
    const items: Item[] = [];
    let start: Record<string, unknown> | undefined;
    do {
      const page = await this.doc.send(new QueryCommand({ ...input, ExclusiveStartKey: start }));
      items.push(...((page.Items ?? []) as Item[]));
      start = page.LastEvaluatedKey;
    } while (start);
    return items;
  }

  private async batchWrite(
    requests: NonNullable<
      ConstructorParameters<typeof BatchWriteCommand>[0]["RequestItems"]
    >[string],
  ) {
    for (let i = 0; i < requests.length; i += 25) {
      let pending = requests.slice(i, i + 25);
      for (let attempt = 0; pending.length > 0; attempt++) {
        if (attempt > 8)
          throw new Error("DynamoDB kept returning unprocessed writes; try the load again");
        if (attempt > 0) await new Promise((r) => setTimeout(r, 50 * 2 ** attempt));
        const out = await this.doc.send(
          new BatchWriteCommand({ RequestItems: { [this.tableName]: pending } }),
        );
        pending = out.UnprocessedItems?.[this.tableName] ?? [];
      }
    }
  }
}
