import { ConditionalCheckFailedException } from "@aws-sdk/client-dynamodb";
import {
  type DynamoDBDocumentClient,
  PutCommand,
  QueryCommand,
  type QueryCommandInput,
} from "@aws-sdk/lib-dynamodb";
import { remindersOf } from "../reminders/schedule";
import { resolveTrip, type Trip } from "../trip/model";
import type { TripFile } from "../trip/schema";
import { batchWrite, reminderScheduleWrites } from "./dynamo-reminder-store";
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
    private readonly clock: () => Date = () => new Date(),
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
    const stored = await this.readPartition(file.id, true, true);
    const head = stored.head;
    const current = head ? (this.currentFacts(head, stored.facts) ?? []) : [];
    const next = tripToRecords(file);
    const changes = diffRecords(current, next);
    const revision = head?.revision ?? 0;
    const schedule = reminderScheduleWrites(
      remindersOf(resolveTrip(file)),
      stored.reminders,
      this.clock(),
    );
    const existing = new Set(stored.reminders.map((r) => String(r.sk)));
    const reminders = {
      scheduled: schedule.puts.filter((p) => !existing.has(String(p.sk))).length,
      updated: schedule.puts.filter((p) => existing.has(String(p.sk))).length,
      cancelled: schedule.deletes.length,
    };
    if (options.dryRun) return { tripId: file.id, changes, written: false, revision, reminders };

    const manifest = next.map((r) => r.sk);
    const present = new Set(stored.facts.map((f) => f.sk));
    if (changes.length > 0 || !head) {
      await batchWrite(
        this.doc,
        this.tableName,
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
              loadedAt: this.clock().toISOString(),
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
    // Reminders follow the itinerary now in force; a load that changed nothing still repairs a
    // schedule that an earlier load died before writing.
    await batchWrite(this.doc, this.tableName, [
      ...schedule.puts.map((Item) => ({ PutRequest: { Item } })),
      ...schedule.deletes.map((Key) => ({ DeleteRequest: { Key } })),
    ]);
    // Facts no revision points at any more: the old versions, and leftovers of a failed load.
    const keep = new Set(manifest);
    await batchWrite(
      this.doc,
      this.tableName,
      stored.facts
        .filter((f) => !keep.has(f.sk))
        .map((f) => ({ DeleteRequest: { Key: { pk, sk: f.sk } } })),
    );
    const written = changes.length > 0 || !head;
    return {
      tripId: file.id,
      changes,
      written,
      revision: written ? revision + 1 : revision,
      reminders,
    };
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

  /**
   * Reads a trip's partition. Facts and HEAD sort between "FACT#" and "HEAD", so a command's
   * Query reads only those; a load also reads the reminder schedule beside them.
   */
  private async readPartition(
    tripId: string,
    consistent: boolean,
    withReminders = false,
  ): Promise<{ head?: Head; facts: FactRecord[]; reminders: Item[] }> {
    const items = await this.queryAll({
      TableName: this.tableName,
      KeyConditionExpression: withReminders
        ? "#pk = :pk"
        : "#pk = :pk AND #sk BETWEEN :from AND :to",
      ExpressionAttributeNames: {
        "#pk": TABLE_KEYS.partitionKey,
        ...(withReminders ? {} : { "#sk": TABLE_KEYS.sortKey }),
      },
      ExpressionAttributeValues: {
        ":pk": keys.tripPartition(tripId),
        ...(withReminders ? {} : { ":from": keys.factPrefix, ":to": keys.head }),
      },
      ConsistentRead: consistent,
    });
    let head: Head | undefined;
    const facts: FactRecord[] = [];
    const reminders: Item[] = [];
    for (const item of items) {
      const sk = String(item.sk);
      if (sk === keys.head) {
        head = { revision: Number(item.revision), manifest: (item.manifest as string[]) ?? [] };
      } else if (sk.startsWith(keys.factPrefix)) {
        facts.push(item as unknown as FactRecord);
      } else if (sk.startsWith(keys.reminderPrefix)) {
        reminders.push(item);
      }
    }
    return { head, facts, reminders };
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
}
