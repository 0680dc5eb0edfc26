import { randomUUID } from "node:crypto";
import { type DynamoDBDocumentClient, PutCommand, QueryCommand } from "@aws-sdk/lib-dynamodb";
import {
  type AskedQuestion,
  MAX_LISTED_QUESTIONS,
  QUESTION_RETENTION_DAYS,
  type QuestionStore,
  retentionStart,
} from "./question-store";
import { keys, TTL_ATTRIBUTE } from "./table";

/**
 * Asked questions in the fact table, one partition per trip (never the trip's own, which is
 * read whole on every request), sorted by time so a listing is one Query, newest first.
 * DynamoDB's TTL deletes them after the retention period; until it does, reads skip them.
 */
export class DynamoQuestionStore implements QuestionStore {
  constructor(
    private readonly doc: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  async record(q: AskedQuestion): Promise<void> {
    const askedAt = q.askedAt.toISOString();
    await this.doc.send(
      new PutCommand({
        TableName: this.tableName,
        Item: {
          pk: keys.questions(q.tripId),
          sk: `${askedAt}#${randomUUID()}`,
          tripId: q.tripId,
          text: q.text,
          platform: q.platform,
          channelId: q.channelId,
          askedAt,
          [TTL_ATTRIBUTE]:
            Math.floor(q.askedAt.getTime() / 1000) + QUESTION_RETENTION_DAYS * 86_400,
        },
      }),
    );
  }

  async list(tripId: string, now: Date): Promise<AskedQuestion[]> {
    const out = await this.doc.send(
      new QueryCommand({
        TableName: this.tableName,
        KeyConditionExpression: "pk = :pk AND sk > :since",
        ExpressionAttributeValues: {
          ":pk": keys.questions(tripId),
          ":since": retentionStart(now).toISOString(),
        },
        ScanIndexForward: false,
        Limit: MAX_LISTED_QUESTIONS,
      }),
    );
    return (out.Items ?? []).map((item) => ({
      tripId: String(item.tripId),
      text: String(item.text),
      platform: String(item.platform),
      channelId: String(item.channelId),
      askedAt: new Date(String(item.askedAt)),
    }));
  }
}
