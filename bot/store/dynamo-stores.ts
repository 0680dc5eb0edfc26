import type { DynamoDBDocumentClient } from "@aws-sdk/lib-dynamodb";
import { DynamoChannelStore } from "./dynamo-channel-store";
import { DynamoDeliveryLedger } from "./dynamo-delivery-ledger";
import { DynamoFactStore } from "./dynamo-fact-store";
import { DynamoProposalStore } from "./dynamo-proposal-store";
import { DynamoReminderSchedule } from "./dynamo-reminder-schedule";
import { DynamoTripVersions } from "./dynamo-trip-versions";
import type { Stores } from "./stores";

/** Every port on one DynamoDB table. */
export function dynamoStores(doc: DynamoDBDocumentClient, tableName: string) {
  return {
    facts: new DynamoFactStore(doc, tableName),
    channels: new DynamoChannelStore(doc, tableName),
    schedule: new DynamoReminderSchedule(doc, tableName),
    ledger: new DynamoDeliveryLedger(doc, tableName),
    versions: new DynamoTripVersions(doc, tableName),
    proposals: new DynamoProposalStore(doc, tableName),
  } satisfies Stores;
}
