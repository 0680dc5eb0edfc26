import type { DynamoDBDocumentClient } from "@aws-sdk/lib-dynamodb";
import type { ChannelStore } from "./channel-store";
import { DynamoChannelStore } from "./dynamo-channel-store";
import { dynamoStores } from "./dynamo-stores";
import { type ReminderStore, reminderStoreOf } from "./stores";

/**
 * Channel links and what a reminders run needs, on one table, as one object: for the wiring
 * that hands the same store to the bot (`channels`) and to `runReminders` (`reminders`).
 */
export class DynamoReminderStore extends DynamoChannelStore implements ReminderStore, ChannelStore {
  private readonly run: ReminderStore;

  constructor(doc: DynamoDBDocumentClient, tableName: string) {
    super(doc, tableName);
    this.run = reminderStoreOf(dynamoStores(doc, tableName));
  }

  dueReminders: ReminderStore["dueReminders"] = (now) => this.run.dueReminders(now);
  complete: ReminderStore["complete"] = (reminder) => this.run.complete(reminder);
  claim: ReminderStore["claim"] = (...args) => this.run.claim(...args);
  finish: ReminderStore["finish"] = (...args) => this.run.finish(...args);
  skip: ReminderStore["skip"] = (...args) => this.run.skip(...args);
  record: ReminderStore["record"] = (key) => this.run.record(key);
}
