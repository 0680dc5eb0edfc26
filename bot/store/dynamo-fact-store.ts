import { ConditionalCheckFailedException } from "@aws-sdk/client-dynamodb";
import {
  type DynamoDBDocumentClient,
  GetCommand,
  PutCommand,
  UpdateCommand,
} from "@aws-sdk/lib-dynamodb";
import { resolveTrip, type Trip } from "../trip/model";
import type { TripFile } from "../trip/schema";
import { batchWrite, queryAll } from "./dynamo-requests";
import {
  ConcurrentLoadError,
  type FactStore,
  MAX_OWED_BYTES,
  OwedTooLargeError,
  owedBytes,
  type RevisionDraft,
  type StoredTrip,
  type TripSummary,
} from "./fact-store";
import { keys, TABLE_KEYS } from "./table";
import { diffRecords, type FactRecord, recordsToTrip, tripToRecords } from "./trip-records";

interface Head {
  revision: number;
  manifest: string[];
  /** What the revision still owes, as its commit was given it (absent: nothing). */
  owed: string[];
}

interface StoredFacts {
  head?: Head;
  /** Every fact record in the partition: the revision in force, older ones, a failed load's. */
  facts: FactRecord[];
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

  async readTrip(tripId: string): Promise<StoredTrip | undefined> {
    // Consistent, so a load that switched HEAD before this read is in it. A Query is no
    // snapshot: one that overlapped a load's switch can miss facts HEAD lists; read again.
    for (let attempt = 0; attempt < 3; attempt++) {
      const { head, facts } = await this.readFacts(tripId, true);
      if (!head) return undefined;
      const current = this.currentFacts(head, facts);
      const file = current && recordsToTrip(current);
      if (file) return { trip: resolveTrip(file), revision: head.revision };
    }
    throw new Error(`Trip ${tripId} kept changing while it was read; try again`);
  }

  async revision(tripId: string): Promise<number> {
    const out = await this.doc.send(
      new GetCommand({
        TableName: this.tableName,
        Key: { pk: keys.tripPartition(tripId), sk: keys.head },
        ProjectionExpression: "revision",
        ConsistentRead: true,
      }),
    );
    return Number(out.Item?.revision ?? 0);
  }

  async exportTrip(tripId: string): Promise<TripFile | undefined> {
    return this.readTripFile(tripId);
  }

  async listTrips(): Promise<TripSummary[]> {
    const items = await queryAll(this.doc, {
      TableName: this.tableName,
      KeyConditionExpression: "#pk = :pk",
      ExpressionAttributeNames: { "#pk": TABLE_KEYS.partitionKey },
      ExpressionAttributeValues: { ":pk": keys.tripsPartition },
      ConsistentRead: true,
    });
    return items.map((i) => ({
      id: String(i.id),
      name: String(i.name),
      command: String(i.command),
    }));
  }

  async draftRevision(file: TripFile): Promise<RevisionDraft> {
    const stored = await this.readFacts(file.id, true);
    const current = stored.head ? (this.currentFacts(stored.head, stored.facts) ?? []) : [];
    const next = tripToRecords(file);
    const changes = diffRecords(current, next);
    const revision = stored.head?.revision ?? 0;
    const switches = changes.length > 0 || !stored.head;
    return {
      tripId: file.id,
      changes,
      revision,
      switches,
      owed: [...(stored.head?.owed ?? [])],
      commit: async (owes = []) => {
        if (switches) {
          const bytes = owedBytes(owes);
          if (bytes > MAX_OWED_BYTES) throw new OwedTooLargeError(file.id, bytes);
          await this.switchTo(file.id, next, stored, owes);
        }
        await this.listTrip(file);
        // Facts no revision points at any more: the old versions, and leftovers of a failed load.
        const keep = new Set(next.map((r) => r.sk));
        await batchWrite(
          this.doc,
          this.tableName,
          stored.facts
            .filter((f) => !keep.has(f.sk))
            .map((f) => ({
              DeleteRequest: { Key: { pk: keys.tripPartition(file.id), sk: f.sk } },
            })),
        );
        return switches ? revision + 1 : revision;
      },
    };
  }

  async settleOwed(tripId: string, revision: number): Promise<boolean> {
    try {
      await this.doc.send(
        new UpdateCommand({
          TableName: this.tableName,
          Key: { pk: keys.tripPartition(tripId), sk: keys.head },
          UpdateExpression: "REMOVE owed",
          ConditionExpression: "revision = :revision AND attribute_exists(owed)",
          ExpressionAttributeValues: { ":revision": revision },
        }),
      );
      return true;
    } catch (e) {
      if (e instanceof ConditionalCheckFailedException) return false;
      throw e;
    }
  }

  /**
   * Writes the facts HEAD does not have yet, then switches HEAD over if no load did first,
   * with what the new revision owes in the same write.
   */
  private async switchTo(
    tripId: string,
    next: FactRecord[],
    stored: StoredFacts,
    owes: readonly string[],
  ) {
    const pk = keys.tripPartition(tripId);
    const present = new Set(stored.facts.map((f) => f.sk));
    await batchWrite(
      this.doc,
      this.tableName,
      next.filter((r) => !present.has(r.sk)).map((r) => ({ PutRequest: { Item: { pk, ...r } } })),
    );
    const head = stored.head;
    try {
      await this.doc.send(
        new PutCommand({
          TableName: this.tableName,
          Item: {
            pk,
            sk: keys.head,
            revision: (head?.revision ?? 0) + 1,
            manifest: next.map((r) => r.sk),
            ...(owes.length > 0 ? { owed: [...owes] } : {}),
            loadedAt: new Date().toISOString(),
          },
          ConditionExpression: head ? "revision = :expected" : "attribute_not_exists(pk)",
          ExpressionAttributeValues: head ? { ":expected": head.revision } : undefined,
        }),
      );
    } catch (e) {
      if (e instanceof ConditionalCheckFailedException) throw new ConcurrentLoadError(tripId);
      throw e;
    }
  }

  /**
   * Rewritten on every load (same content when nothing changed), so a load that died before
   * this step still lists its trip once it is run again. The trip index gets every listed id,
   * not only this one: a table loaded before the index existed gets a whole index at its next
   * load, and ADD is a union, so loads at the same time cannot drop each other's ids.
   */
  private async listTrip(file: TripFile) {
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
    const ids = new Set((await this.listTrips()).map((t) => t.id)).add(file.id);
    await this.doc.send(
      new UpdateCommand({
        TableName: this.tableName,
        Key: keys.tripIndex,
        UpdateExpression: "ADD ids :ids",
        ExpressionAttributeValues: { ":ids": ids },
      }),
    );
  }

  private async readTripFile(tripId: string): Promise<TripFile | undefined> {
    let stored = await this.readFacts(tripId, false);
    if (!stored.head) return undefined;
    let facts = this.currentFacts(stored.head, stored.facts);
    if (!facts) {
      // An eventually consistent read raced a load: read again, strongly consistent.
      stored = await this.readFacts(tripId, true);
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
   * Reads a trip's facts and HEAD in one Query: they sort between "FACT#" and "HEAD", apart
   * from the reminder schedule and subscriptions kept in the same partition.
   */
  private async readFacts(tripId: string, consistent: boolean): Promise<StoredFacts> {
    const items = await queryAll(this.doc, {
      TableName: this.tableName,
      KeyConditionExpression: "#pk = :pk AND #sk BETWEEN :from AND :to",
      ExpressionAttributeNames: { "#pk": TABLE_KEYS.partitionKey, "#sk": TABLE_KEYS.sortKey },
      ExpressionAttributeValues: {
        ":pk": keys.tripPartition(tripId),
        ":from": keys.factPrefix,
        ":to": keys.head,
      },
      ConsistentRead: consistent,
    });
    let head: Head | undefined;
    const facts: FactRecord[] = [];
    for (const item of items) {
      if (item.sk === keys.head) {
        head = {
          revision: Number(item.revision),
          manifest: (item.manifest as string[]) ?? [],
          owed: (item.owed as string[] | undefined) ?? [],
        };
      } else facts.push(item as unknown as FactRecord);
    }
    return { head, facts };
  }
}
