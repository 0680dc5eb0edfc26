import { ConditionalCheckFailedException } from "@aws-sdk/client-dynamodb";
import { type DynamoDBDocumentClient, UpdateCommand } from "@aws-sdk/lib-dynamodb";
import { deliverySlot } from "./delivery-ledger";
import { batchWrite, type Item, queryAll } from "./dynamo-requests";
import {
  type ItemChange,
  LOOKBACK_DAYS,
  type ReminderContent,
  type ReminderRef,
  type ReminderSchedule,
  type ScheduledReminder,
  type ScheduleEntry,
} from "./reminder-schedule";
import { DUE_INDEX, keys } from "./table";

const utcDay = (d: Date) => d.toISOString().slice(0, 10);

const entryKey = (r: ReminderRef) => ({
  pk: keys.tripPartition(r.tripId),
  sk:
    r.alertRevision !== undefined
      ? keys.alert(r.itemId, r.alertRevision)
      : keys.reminder(r.itemId, r.leadMinutes),
});

/** A pending entry carries the due index's keys (a sparse index); a done one drops them. */
function toItem(entry: ScheduleEntry): Item {
  const dueAt = entry.dueAt.toISOString();
  return {
    ...entryKey(entry),
    tripId: entry.tripId,
    itemId: entry.itemId,
    leadMinutes: entry.leadMinutes,
    dueAt,
    startAt: entry.startAt.toISOString(),
    content: entry.content,
    ...(entry.alertRevision !== undefined ? { alertRevision: entry.alertRevision } : {}),
    ...(entry.change ? { change: entry.change } : {}),
    state: entry.state,
    ...(entry.state === "pending"
      ? {
          [DUE_INDEX.partitionKey]: keys.dueDay(utcDay(entry.dueAt)),
          [DUE_INDEX.sortKey]: keys.dueSort(dueAt, entry.tripId, entry.itemId, deliverySlot(entry)),
        }
      : {}),
  };
}

function fromItem(i: Item): ScheduledReminder {
  return {
    tripId: String(i.tripId),
    itemId: String(i.itemId),
    leadMinutes: Number(i.leadMinutes),
    dueAt: new Date(String(i.dueAt)),
    startAt: new Date(String(i.startAt)),
    content: i.content as ReminderContent,
    ...(i.alertRevision !== undefined ? { alertRevision: Number(i.alertRevision) } : {}),
    ...(i.change ? { change: i.change as ItemChange } : {}),
  };
}

/**
 * The reminder schedule on the fact table: one entry per reminder in its trip's partition,
 * and pending ones in the due index by the UTC day they fall due, so a run reads only what is
 * due (never a Scan, never the trips' facts).
 */
export class DynamoReminderSchedule implements ReminderSchedule {
  constructor(
    private readonly doc: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  async scheduleOf(tripId: string): Promise<ScheduleEntry[]> {
    const items = await queryAll(this.doc, {
      TableName: this.tableName,
      KeyConditionExpression: "pk = :pk AND begins_with(sk, :prefix)",
      ExpressionAttributeValues: {
        ":pk": keys.tripPartition(tripId),
        ":prefix": keys.reminderPrefix,
      },
      ConsistentRead: true,
    });
    return items.map((i) => ({ ...fromItem(i), state: i.state === "done" ? "done" : "pending" }));
  }

  async update(change: {
    put: readonly ScheduleEntry[];
    cancel: readonly ReminderRef[];
  }): Promise<void> {
    await batchWrite(this.doc, this.tableName, [
      ...change.put.map((e) => ({ PutRequest: { Item: toItem(e) } })),
      ...change.cancel.map((r) => ({ DeleteRequest: { Key: entryKey(r) } })),
    ]);
  }

  async dueReminders(now: Date): Promise<ScheduledReminder[]> {
    const upTo = `${now.toISOString()}#\uffff`;
    const days = Array.from({ length: LOOKBACK_DAYS + 1 }, (_, i) =>
      utcDay(new Date(now.getTime() - (LOOKBACK_DAYS - i) * 86_400_000)),
    );
    const pages = await Promise.all(
      days.map((day) =>
        queryAll(this.doc, {
          TableName: this.tableName,
          IndexName: DUE_INDEX.name,
          KeyConditionExpression: "#pk = :pk AND #sk <= :upTo",
          ExpressionAttributeNames: { "#pk": DUE_INDEX.partitionKey, "#sk": DUE_INDEX.sortKey },
          ExpressionAttributeValues: { ":pk": keys.dueDay(day), ":upTo": upTo },
        }),
      ),
    );
    return pages.flat().map(fromItem);
  }

  async complete(reminder: ScheduledReminder): Promise<void> {
    try {
      await this.doc.send(
        new UpdateCommand({
          TableName: this.tableName,
          Key: entryKey(reminder),
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
    } catch (e) {
      // A load moved or removed the reminder since the run read it: the load's version wins.
      if (!(e instanceof ConditionalCheckFailedException)) throw e;
    }
  }
}
