import { ConditionalCheckFailedException } from "@aws-sdk/client-dynamodb";
import {
  BatchWriteCommand,
  DeleteCommand,
  type DynamoDBDocumentClient,
  GetCommand,
  PutCommand,
  QueryCommand,
  UpdateCommand,
} from "@aws-sdk/lib-dynamodb";
import type { ReminderSpec } from "../reminders/schedule";
import type {
  ChannelStore,
  ClaimResult,
  DeliveryKey,
  ReminderStore,
  ScheduledReminder,
  Subscription,
} from "./reminder-store";
import { DUE_INDEX, keys, TTL_ATTRIBUTE } from "./table";
import { canonicalJson } from "./trip-records";

type Item = Record<string, unknown>;

/** How far back a run looks for reminders still pending: a run may have been down that long. */
export const LOOKBACK_DAYS = 2;
/** Delivery records expire (DynamoDB TTL) well after any reminder they guard could recur. */
const DELIVERY_TTL_DAYS = 120;

const utcDay = (d: Date) => d.toISOString().slice(0, 10);

function scheduleItem(spec: ReminderSpec, pending: boolean): Item {
  const dueAt = spec.dueAt.toISOString();
  return {
    pk: keys.tripPartition(spec.tripId),
    sk: keys.reminder(spec.itemId, spec.leadMinutes),
    tripId: spec.tripId,
    itemId: spec.itemId,
    leadMinutes: spec.leadMinutes,
    dueAt,
    startAt: spec.startAt.toISOString(),
    content: spec.content,
    state: pending ? "pending" : "done",
    ...(pending
      ? {
          [DUE_INDEX.partitionKey]: keys.dueDay(utcDay(spec.dueAt)),
          [DUE_INDEX.sortKey]: keys.dueSort(dueAt, spec.tripId, spec.itemId, spec.leadMinutes),
        }
      : {}),
  };
}

/**
 * Brings a trip's reminder schedule in line with its itinerary after a load: new reminders
 * are added, pending ones follow their item's new time and text, removed items' reminders are cancelled,
 * and reminders already finished stay finished whatever changed in the item's text.
 */
export function reminderScheduleWrites(
  specs: readonly ReminderSpec[],
  existing: readonly Item[],
  now: Date,
) {
  const wanted = new Map(specs.map((s) => [keys.reminder(s.itemId, s.leadMinutes), s]));
  const have = new Map(existing.map((i) => [String(i.sk), i]));
  const puts: Item[] = [];
  const deletes: { pk: string; sk: string }[] = [];
  for (const [sk, spec] of wanted) {
    const old = have.get(sk);
    if (old?.state === "done") continue;
    const unchanged =
      old?.dueAt === spec.dueAt.toISOString() &&
      canonicalJson(old.content) === canonicalJson(spec.content);
    if (unchanged) continue;
    // An item that has already started gets no reminder: it could only arrive too late.
    puts.push(scheduleItem(spec, spec.startAt.getTime() > now.getTime()));
  }
  for (const [sk, old] of have) {
    if (!wanted.has(sk)) deletes.push({ pk: String(old.pk), sk });
  }
  return { puts, deletes };
}

export async function batchWrite(
  doc: DynamoDBDocumentClient,
  tableName: string,
  requests: ({ PutRequest: { Item: Item } } | { DeleteRequest: { Key: Item } })[],
): Promise<void> {
  for (let i = 0; i < requests.length; i += 25) {
    let pending = requests.slice(i, i + 25);
    for (let attempt = 0; pending.length > 0; attempt++) {
      if (attempt > 8) throw new Error("DynamoDB kept returning unprocessed writes; try again");
      if (attempt > 0) await new Promise((r) => setTimeout(r, 50 * 2 ** attempt));
      const out = await doc.send(new BatchWriteCommand({ RequestItems: { [tableName]: pending } }));
      pending = (out.UnprocessedItems?.[tableName] ?? []) as typeof pending;
    }
  }
}

export class DynamoReminderStore implements ReminderStore, ChannelStore {
  constructor(
    private readonly doc: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  async dueReminders(now: Date): Promise<ScheduledReminder[]> {
    const upTo = `${now.toISOString()}#\uffff`;
    const days = Array.from({ length: LOOKBACK_DAYS + 1 }, (_, i) =>
      utcDay(new Date(now.getTime() - (LOOKBACK_DAYS - i) * 86_400_000)),
    );
    const pages = await Promise.all(
      days.map((day) =>
        this.queryAll({
          IndexName: DUE_INDEX.name,
          KeyConditionExpression: "#pk = :pk AND #sk <= :upTo",
          ExpressionAttributeNames: { "#pk": DUE_INDEX.partitionKey, "#sk": DUE_INDEX.sortKey },
          ExpressionAttributeValues: { ":pk": keys.dueDay(day), ":upTo": upTo },
        }),
      ),
    );
    return pages.flat().map((i) => ({
      tripId: String(i.tripId),
      itemId: String(i.itemId),
      leadMinutes: Number(i.leadMinutes),
      dueAt: new Date(String(i.dueAt)),
      startAt: new Date(String(i.startAt)),
      content: i.content as ReminderSpec["content"],
    }));
  }

  async subscriptions(tripId: string): Promise<Subscription[]> {
    const items = await this.queryAll({
      KeyConditionExpression: "pk = :pk AND begins_with(sk, :prefix)",
      ExpressionAttributeValues: {
        ":pk": keys.tripPartition(tripId),
        ":prefix": keys.subscriptionPrefix,
      },
    });
    return items.map((i) => ({
      tripId,
      platform: String(i.platform),
      channelId: String(i.channelId),
    }));
  }

  async claim(key: DeliveryKey, runId: string, now: Date, leaseMs: number): Promise<ClaimResult> {
    const Key = this.deliveryKey(key);
    try {
      const out = await this.doc.send(
        new UpdateCommand({
          TableName: this.tableName,
          Key,
          UpdateExpression:
            "SET #state = :sending, runId = :run, leaseUntil = :lease, attempts = if_not_exists(attempts, :zero) + :one, parts = if_not_exists(parts, :zero), #ttl = :ttl",
          ConditionExpression:
            "attribute_not_exists(#state) OR #state = :retry OR (#state = :sending AND leaseUntil < :now)",
          ExpressionAttributeNames: { "#state": "state", "#ttl": TTL_ATTRIBUTE },
          ExpressionAttributeValues: {
            ":sending": "sending",
            ":retry": "retry",
            ":run": runId,
            ":lease": now.getTime() + leaseMs,
            ":now": now.getTime(),
            ":zero": 0,
            ":one": 1,
            ":ttl": Math.floor(now.getTime() / 1000) + DELIVERY_TTL_DAYS * 86_400,
          },
          ReturnValues: "ALL_OLD",
        }),
      );
      const old = out.Attributes ?? {};
      return {
        status: "claimed",
        attempts: Number(old.attempts ?? 0) + 1,
        parts: Number(old.parts ?? 0),
        uncertain: old.state === "sending",
      };
    } catch (e) {
      if (!(e instanceof ConditionalCheckFailedException)) throw e;
      const current = await this.doc.send(
        new GetCommand({ TableName: this.tableName, Key, ConsistentRead: true }),
      );
      const state = current.Item?.state;
      return state === "sent" || state === "missed"
        ? { status: "done", state }
        : { status: "busy" };
    }
  }

  async finish(
    key: DeliveryKey,
    runId: string,
    outcome: { state: "sent" | "retry" | "missed"; parts: number; reason?: string; now: Date },
  ): Promise<boolean> {
    try {
      await this.doc.send(
        new UpdateCommand({
          TableName: this.tableName,
          Key: this.deliveryKey(key),
          UpdateExpression:
            "SET #state = :state, parts = :parts, reason = :reason, finishedAt = :at REMOVE leaseUntil",
          ConditionExpression: "runId = :run AND #state = :sending",
          ExpressionAttributeNames: { "#state": "state" },
          ExpressionAttributeValues: {
            ":state": outcome.state,
            ":parts": outcome.parts,
            ":reason": outcome.reason ?? null,
            ":at": outcome.now.toISOString(),
            ":run": runId,
            ":sending": "sending",
          },
        }),
      );
      return true;
    } catch (e) {
      // Our lease ran out and another run took the delivery over: its record wins.
      if (e instanceof ConditionalCheckFailedException) return false;
      throw e;
    }
  }

  async complete(reminder: ScheduledReminder): Promise<void> {
    await this.ignoringConditionFailure(
      new UpdateCommand({
        TableName: this.tableName,
        Key: {
          pk: keys.tripPartition(reminder.tripId),
          sk: keys.reminder(reminder.itemId, reminder.leadMinutes),
        },
        UpdateExpression: "SET #state = :done REMOVE #duePk, #dueSk",
        ConditionExpression: "dueAt = :dueAt",
        ExpressionAttributeNames: {
          "#state": "state",
          "#duePk": DUE_INDEX.partitionKey,
          "#dueSk": DUE_INDEX.sortKey,
        },
        ExpressionAttributeValues: { ":done": "done", ":dueAt": reminder.dueAt.toISOString() },
      }),
    );
  }

  async linkedTrip(platform: string, channelId: string): Promise<string | undefined> {
    const out = await this.doc.send(
      new GetCommand({
        TableName: this.tableName,
        Key: { pk: keys.channel(platform, channelId), sk: keys.link },
      }),
    );
    return out.Item ? String(out.Item.tripId) : undefined;
  }

  async link(
    platform: string,
    channelId: string,
    tripId: string,
    by: string,
    workspaceId?: string,
  ): Promise<void> {
    const previous = await this.linkedTrip(platform, channelId);
    const at = new Date().toISOString();
    await this.doc.send(
      new PutCommand({
        TableName: this.tableName,
        Item: {
          pk: keys.channel(platform, channelId),
          sk: keys.link,
          tripId,
          platform,
          channelId,
          workspaceId,
          by,
          at,
        },
      }),
    );
    if (workspaceId) {
      await this.doc.send(
        new PutCommand({
          TableName: this.tableName,
          Item: {
            pk: keys.workspace(platform, workspaceId),
            sk: keys.workspaceTrip(tripId),
            tripId,
            by,
            at,
          },
        }),
      );
    }
    if (
      previous &&
      previous !== tripId &&
      (await this.isSubscribed(previous, platform, channelId))
    ) {
      await this.setSubscribed(tripId, platform, channelId, true, by);
      await this.setSubscribed(previous, platform, channelId, false, by);
    }
  }

  async workspaceTrips(platform: string, workspaceId: string): Promise<string[]> {
    const items = await this.queryAll({
      KeyConditionExpression: "pk = :pk",
      ExpressionAttributeValues: { ":pk": keys.workspace(platform, workspaceId) },
    });
    return items.map((i) => String(i.tripId));
  }

  async unlink(platform: string, channelId: string): Promise<string | undefined> {
    const out = await this.doc.send(
      new DeleteCommand({
        TableName: this.tableName,
        Key: { pk: keys.channel(platform, channelId), sk: keys.link },
        ReturnValues: "ALL_OLD",
      }),
    );
    const tripId = out.Attributes ? String(out.Attributes.tripId) : undefined;
    if (tripId) await this.setSubscribed(tripId, platform, channelId, false, "unlink");
    return tripId;
  }

  async isSubscribed(tripId: string, platform: string, channelId: string): Promise<boolean> {
    const out = await this.doc.send(
      new GetCommand({
        TableName: this.tableName,
        Key: { pk: keys.tripPartition(tripId), sk: keys.subscription(platform, channelId) },
      }),
    );
    return out.Item !== undefined;
  }

  async setSubscribed(
    tripId: string,
    platform: string,
    channelId: string,
    on: boolean,
    by: string,
  ): Promise<void> {
    const Key = { pk: keys.tripPartition(tripId), sk: keys.subscription(platform, channelId) };
    if (on) {
      const Item = { ...Key, tripId, platform, channelId, by, at: new Date().toISOString() };
      await this.doc.send(new PutCommand({ TableName: this.tableName, Item }));
    } else {
      await this.doc.send(new DeleteCommand({ TableName: this.tableName, Key }));
    }
  }

  private deliveryKey(key: DeliveryKey) {
    return {
      pk: keys.delivery(key.platform, key.channelId),
      sk: keys.deliverySort(key.tripId, key.itemId, key.leadMinutes),
    };
  }

  private async ignoringConditionFailure(
    command: UpdateCommand | PutCommand | DeleteCommand,
  ): Promise<void> {
    try {
      await this.doc.send(command as UpdateCommand);
    } catch (e) {
      // The record changed under us (a load moved it, or another run finished it): theirs wins.
      if (!(e instanceof ConditionalCheckFailedException)) throw e;
    }
  }

  private async queryAll(
    input: Omit<ConstructorParameters<typeof QueryCommand>[0], "TableName">,
  ): Promise<Item[]> {
    const items: Item[] = [];
    let start: Record<string, unknown> | undefined;
    do {
      const page = await this.doc.send(
        new QueryCommand({ ...input, TableName: this.tableName, ExclusiveStartKey: start }),
      );
      items.push(...((page.Items ?? []) as Item[]));
      start = page.LastEvaluatedKey;
    } while (start);
    return items;
  }
}
