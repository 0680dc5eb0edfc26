import { ConditionalCheckFailedException } from "@aws-sdk/client-dynamodb";
import {
  DeleteCommand,
  type DynamoDBDocumentClient,
  GetCommand,
  PutCommand,
  UpdateCommand,
} from "@aws-sdk/lib-dynamodb";
import {
  type CalendarFeedState,
  type CalendarTokens,
  type EventVersions,
  newCalendarToken,
} from "./calendar-tokens";
import { keys } from "./table";

/**
 * Calendar tokens on the fact table, in two records: the token's own (`CALENDAR#<token>`: its
 * trip and the event versions), which a calendar app's poll reads with one GetItem, and the
 * trip's (`CALENDAR_TRIP#<trip>`: which token is current), which only the commands read.
 *
 * No transactions: a reset deletes the old token's record first, so the old link is dead
 * before a new one exists; a reset that dies after that leaves the trip pointing at a token
 * with no record, which the next `tokenFor` treats as none. Two first requests or two resets
 * at once race on a conditional write of the trip's record, and the loser takes the winner's.
 */
export class DynamoCalendarTokens implements CalendarTokens {
  constructor(
    private readonly doc: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  async tokenFor(tripId: string): Promise<string> {
    const current = await this.currentToken(tripId);
    if (current && (await this.open(current))) return current;
    return this.issue(tripId, current, {});
  }

  async reset(tripId: string): Promise<string> {
    const old = await this.currentToken(tripId);
    const versions = old ? ((await this.open(old))?.versions ?? {}) : {};
    if (old) {
      await this.doc.send(
        new DeleteCommand({
          TableName: this.tableName,
          Key: { pk: keys.calendarToken(old), sk: keys.calendar },
        }),
      );
    }
    return this.issue(tripId, old, versions);
  }

  async open(token: string): Promise<CalendarFeedState | undefined> {
    const { Item } = await this.doc.send(
      new GetCommand({
        TableName: this.tableName,
        Key: { pk: keys.calendarToken(token), sk: keys.calendar },
        // A replaced token must stop answering at once, not after replication.
        ConsistentRead: true,
      }),
    );
    if (!Item) return undefined;
    return {
      tripId: String(Item.tripId),
      versions: (Item.versions as EventVersions | undefined) ?? {},
      revision: Number(Item.revision ?? 0),
    };
  }

  async saveVersions(
    token: string,
    expectedRevision: number,
    versions: EventVersions,
  ): Promise<boolean> {
    try {
      await this.doc.send(
        new UpdateCommand({
          TableName: this.tableName,
          Key: { pk: keys.calendarToken(token), sk: keys.calendar },
          UpdateExpression: "SET versions = :versions, revision = :next",
          // Never brings a replaced token back to life.
          ConditionExpression: "attribute_exists(pk) AND revision = :expected",
          ExpressionAttributeValues: {
            ":versions": versions,
            ":next": expectedRevision + 1,
            ":expected": expectedRevision,
          },
        }),
      );
      return true;
    } catch (e) {
      if (e instanceof ConditionalCheckFailedException) return false;
      throw e;
    }
  }

  private async currentToken(tripId: string): Promise<string | undefined> {
    const { Item } = await this.doc.send(
      new GetCommand({
        TableName: this.tableName,
        Key: { pk: keys.calendarOfTrip(tripId), sk: keys.calendar },
        ConsistentRead: true,
      }),
    );
    return Item ? String(Item.token) : undefined;
  }

  /** A new token for the trip, unless another request switched the trip from `replaced` first. */
  private async issue(
    tripId: string,
    replaced: string | undefined,
    versions: EventVersions,
  ): Promise<string> {
    const token = newCalendarToken();
    const tokenKey = { pk: keys.calendarToken(token), sk: keys.calendar };
    await this.doc.send(
      new PutCommand({
        TableName: this.tableName,
        Item: { ...tokenKey, tripId, versions, revision: 0 },
        ConditionExpression: "attribute_not_exists(pk)",
      }),
    );
    try {
      await this.doc.send(
        new PutCommand({
          TableName: this.tableName,
          Item: { pk: keys.calendarOfTrip(tripId), sk: keys.calendar, token },
          ConditionExpression: replaced ? "#token = :replaced" : "attribute_not_exists(pk)",
          ExpressionAttributeNames: replaced ? { "#token": "token" } : undefined,
          ExpressionAttributeValues: replaced ? { ":replaced": replaced } : undefined,
        }),
      );
      return token;
    } catch (e) {
      if (!(e instanceof ConditionalCheckFailedException)) throw e;
      // Another request issued one first: this token was never handed out.
      await this.doc.send(new DeleteCommand({ TableName: this.tableName, Key: tokenKey }));
      const winner = await this.currentToken(tripId);
      if (!winner) throw e;
      return winner;
    }
  }
}
