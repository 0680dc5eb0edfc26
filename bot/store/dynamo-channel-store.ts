import { ConditionalCheckFailedException } from "@aws-sdk/client-dynamodb";
import {
  DeleteCommand,
  type DynamoDBDocumentClient,
  GetCommand,
  PutCommand,
  UpdateCommand,
} from "@aws-sdk/lib-dynamodb";
import type { Mention } from "../delivery";
import type {
  ChannelDeliveryState,
  ChannelRunReport,
  ChannelStore,
  Subscription,
} from "./channel-store";
import { queryAll } from "./dynamo-requests";
import { keys } from "./table";

/**
 * Channel links on the fact table: a link is its channel's own item (one GetItem per request);
 * a subscription lives in its trip's partition, so a reminders run reads a trip's channels in
 * one Query.
 */
export class DynamoChannelStore implements ChannelStore {
  constructor(
    private readonly doc: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

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
    const link = { tripId, platform, channelId, workspaceId, by, at };
    await this.put({ pk: keys.channel(platform, channelId), sk: keys.link, ...link });
    if (workspaceId) {
      const pk = keys.workspace(platform, workspaceId);
      await this.put({ pk, sk: keys.workspaceChannel(channelId), tripId, channelId, by, at });
      // A record from before channels had their own stands for the trip this channel leaves.
      if (previous && previous !== tripId) {
        await this.doc.send(
          new DeleteCommand({
            TableName: this.tableName,
            Key: { pk, sk: keys.workspaceTrip(previous) },
          }),
        );
      }
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
    const items = await queryAll(this.doc, {
      TableName: this.tableName,
      KeyConditionExpression: "pk = :pk",
      ExpressionAttributeValues: { ":pk": keys.workspace(platform, workspaceId) },
    });
    return [...new Set(items.map((i) => String(i.tripId)))].sort();
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
    options: { mention?: Mention | null } = {},
  ): Promise<void> {
    const Key = { pk: keys.tripPartition(tripId), sk: keys.subscription(platform, channelId) };
    if (on) {
      const at = new Date().toISOString();
      const mention = options.mention;
      // Turning reminders on again keeps the channel's mention unless one is given.
      await this.doc.send(
        new UpdateCommand({
          TableName: this.tableName,
          Key,
          UpdateExpression: `SET tripId = :trip, platform = :platform, channelId = :channel, #by = :by, #at = :at${
            mention ? ", mention = :mention" : ""
          }${mention === null ? " REMOVE mention" : ""}`,
          ExpressionAttributeNames: { "#by": "by", "#at": "at" },
          ExpressionAttributeValues: {
            ":trip": tripId,
            ":platform": platform,
            ":channel": channelId,
            ":by": by,
            ":at": at,
            ...(mention ? { ":mention": mention } : {}),
          },
        }),
      );
    } else {
      await this.doc.send(new DeleteCommand({ TableName: this.tableName, Key }));
    }
  }

  async subscriptions(tripId: string): Promise<Subscription[]> {
    const items = await queryAll(this.doc, {
      TableName: this.tableName,
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
      ...(i.mention ? { mention: i.mention as Mention } : {}),
    }));
  }

  async deliveryState(platform: string, channelId: string): Promise<ChannelDeliveryState> {
    const out = await this.doc.send(
      new GetCommand({
        TableName: this.tableName,
        Key: { pk: keys.channel(platform, channelId), sk: keys.deliveryState },
        ConsistentRead: true,
      }),
    );
    const i = out.Item;
    if (!i) return {};
    const run = i.lastRun as (Omit<ChannelRunReport, "at"> & { at: string }) | undefined;
    return {
      ...(typeof i.notBefore === "number" ? { notBefore: new Date(i.notBefore) } : {}),
      ...(run ? { lastRun: { ...run, at: new Date(run.at) } } : {}),
    };
  }

  async holdDeliveries(platform: string, channelId: string, until: Date): Promise<void> {
    try {
      await this.doc.send(
        new UpdateCommand({
          TableName: this.tableName,
          Key: { pk: keys.channel(platform, channelId), sk: keys.deliveryState },
          UpdateExpression: "SET notBefore = :until",
          // Another run's longer wait stands.
          ConditionExpression: "attribute_not_exists(notBefore) OR notBefore < :until",
          ExpressionAttributeValues: { ":until": until.getTime() },
        }),
      );
    } catch (e) {
      if (!(e instanceof ConditionalCheckFailedException)) throw e;
    }
  }

  async recordRun(platform: string, channelId: string, report: ChannelRunReport): Promise<void> {
    await this.doc.send(
      new UpdateCommand({
        TableName: this.tableName,
        Key: { pk: keys.channel(platform, channelId), sk: keys.deliveryState },
        UpdateExpression: "SET lastRun = :run",
        ExpressionAttributeValues: { ":run": { ...report, at: report.at.toISOString() } },
      }),
    );
  }

  private async put(Item: Record<string, unknown>) {
    await this.doc.send(new PutCommand({ TableName: this.tableName, Item }));
  }
}
