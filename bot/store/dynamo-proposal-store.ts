import { ConditionalCheckFailedException } from "@aws-sdk/client-dynamodb";
import {
  DeleteCommand,
  type DynamoDBDocumentClient,
  GetCommand,
  PutCommand,
} from "@aws-sdk/lib-dynamodb";
import type { TripFile } from "../trip/schema";
import type { ItemEdit, Proposal, ProposalStore } from "./proposal-store";
import { keys, TTL_ATTRIBUTE } from "./table";

/**
 * Proposals in the fact table, one item each under its own key. DynamoDB's TTL removes the
 * expired ones in its own time; until then every read and take checks the expiry itself.
 */
export class DynamoProposalStore implements ProposalStore {
  constructor(
    private readonly doc: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  private key(id: string) {
    return { pk: keys.proposal(id), sk: keys.proposalItem };
  }

  async put(p: Proposal): Promise<void> {
    await this.doc.send(
      new PutCommand({
        TableName: this.tableName,
        Item: {
          ...this.key(p.id),
          tripId: p.tripId,
          platform: p.platform,
          userId: p.userId,
          channelId: p.channelId,
          // As JSON text: the file's optional fields stay absent, not DynamoDB nulls.
          file: JSON.stringify(p.file),
          ...(p.edit ? { edit: JSON.stringify(p.edit) } : {}),
          baseRevision: p.baseRevision,
          expiresAtMs: p.expiresAt.getTime(),
          [TTL_ATTRIBUTE]: Math.ceil(p.expiresAt.getTime() / 1000),
        },
      }),
    );
  }

  async get(id: string, now: Date): Promise<Proposal | undefined> {
    const out = await this.doc.send(
      new GetCommand({ TableName: this.tableName, Key: this.key(id), ConsistentRead: true }),
    );
    const p = out.Item ? fromItem(id, out.Item) : undefined;
    return p && p.expiresAt.getTime() > now.getTime() ? p : undefined;
  }

  async take(id: string, now: Date): Promise<Proposal | undefined> {
    try {
      const out = await this.doc.send(
        new DeleteCommand({
          TableName: this.tableName,
          Key: this.key(id),
          // Single use: of two clicks, only the one that deletes the live item gets it.
          ConditionExpression: "attribute_exists(pk) AND expiresAtMs > :now",
          ExpressionAttributeValues: { ":now": now.getTime() },
          ReturnValues: "ALL_OLD",
        }),
      );
      return out.Attributes ? fromItem(id, out.Attributes) : undefined;
    } catch (e) {
      if (e instanceof ConditionalCheckFailedException) return undefined;
      throw e;
    }
  }
}

function fromItem(id: string, item: Record<string, unknown>): Proposal {
  return {
    id,
    tripId: String(item.tripId),
    platform: String(item.platform),
    userId: String(item.userId),
    channelId: String(item.channelId),
    file: JSON.parse(String(item.file)) as TripFile,
    ...(typeof item.edit === "string" ? { edit: JSON.parse(item.edit) as ItemEdit } : {}),
    baseRevision: Number(item.baseRevision),
    expiresAt: new Date(Number(item.expiresAtMs)),
  };
}
