import { ConditionalCheckFailedException } from "@aws-sdk/client-dynamodb";
import { type DynamoDBDocumentClient, GetCommand, UpdateCommand } from "@aws-sdk/lib-dynamodb";
import {
  CLAIM_FROM,
  type ClaimResult,
  type DeliveryGuard,
  type DeliveryKey,
  type DeliveryLedger,
  type DeliveryRecord,
  deliverySlot,
  FINISH_FROM,
  type FinishOutcome,
  SKIP_FROM,
  type SkipOutcome,
} from "./delivery-ledger";
import { keys, TTL_ATTRIBUTE } from "./table";

/** Delivery records expire (DynamoDB TTL) well after any reminder they guard could recur. */
const DELIVERY_TTL_DAYS = 120;

/**
 * The guards of `delivery-ledger.ts`'s state diagram as one condition expression, with the
 * values it names (DynamoDB refuses values an expression does not use).
 */
function condition(guards: readonly DeliveryGuard[], at: { now: number; runId: string }) {
  const values: Record<string, unknown> = {};
  const alternatives = guards.map((g) => {
    if (g.state === "absent") return "attribute_not_exists(#state)";
    values[`:${g.state}`] = g.state;
    const parts = [`#state = :${g.state}`];
    if (g.leaseExpired) {
      parts.push("leaseUntil < :now");
      values[":now"] = at.now;
    }
    if (g.claimedByThisRun) {
      parts.push("runId = :run");
      values[":run"] = at.runId;
    }
    return `(${parts.join(" AND ")})`;
  });
  return { expression: alternatives.join(" OR "), values };
}

/** The delivery ledger on the fact table: one item per (channel, trip, item, lead time). */
export class DynamoDeliveryLedger implements DeliveryLedger {
  constructor(
    private readonly doc: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  async claim(key: DeliveryKey, runId: string, now: Date, leaseMs: number): Promise<ClaimResult> {
    const Key = this.key(key);
    const allowed = condition(CLAIM_FROM, { now: now.getTime(), runId });
    try {
      const out = await this.doc.send(
        new UpdateCommand({
          TableName: this.tableName,
          Key,
          UpdateExpression:
            "SET #state = :claimed, runId = :claimant, leaseUntil = :lease, attempts = if_not_exists(attempts, :zero) + :one, parts = if_not_exists(parts, :zero), #ttl = :ttl",
          ConditionExpression: allowed.expression,
          ExpressionAttributeNames: { "#state": "state", "#ttl": TTL_ATTRIBUTE },
          ExpressionAttributeValues: {
            ...allowed.values,
            ":claimed": "sending",
            ":claimant": runId,
            ":lease": now.getTime() + leaseMs,
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
        uncertain: old.state === "sending" || old.uncertain === true,
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

  /**
   * An update allowed only from the records `guards` match (the state diagram's transition);
   * false when the record is not one of them, so another run's claim wins.
   */
  private async guardedUpdate(
    key: DeliveryKey,
    guards: readonly DeliveryGuard[],
    at: { now: number; runId: string },
    update: { expression: string; names: Record<string, string>; values: Record<string, unknown> },
  ): Promise<boolean> {
    const allowed = condition(guards, at);
    try {
      await this.doc.send(
        new UpdateCommand({
          TableName: this.tableName,
          Key: this.key(key),
          UpdateExpression: update.expression,
          ConditionExpression: allowed.expression,
          ExpressionAttributeNames: update.names,
          ExpressionAttributeValues: { ...allowed.values, ...update.values },
        }),
      );
      return true;
    } catch (e) {
      if (e instanceof ConditionalCheckFailedException) return false;
      throw e;
    }
  }

  finish(key: DeliveryKey, runId: string, outcome: FinishOutcome): Promise<boolean> {
    // Our lease may have run out and another run taken the delivery over: its record wins.
    return this.guardedUpdate(
      key,
      FINISH_FROM,
      { now: outcome.now.getTime(), runId },
      {
        expression:
          "SET #state = :outcome, parts = :parts, reason = :reason, uncertain = :uncertain, finishedAt = :at REMOVE leaseUntil",
        names: { "#state": "state" },
        values: {
          ":outcome": outcome.state,
          ":parts": outcome.parts,
          ":reason": outcome.reason ?? null,
          ":uncertain": outcome.state === "retry" && outcome.uncertain === true,
          ":at": outcome.now.toISOString(),
        },
      },
    );
  }

  skip(key: DeliveryKey, runId: string, outcome: SkipOutcome): Promise<boolean> {
    return this.guardedUpdate(
      key,
      SKIP_FROM,
      { now: outcome.now.getTime(), runId },
      {
        expression:
          "SET #state = :missed, runId = :run, attempts = if_not_exists(attempts, :zero), parts = if_not_exists(parts, :zero), reason = :reason, uncertain = :no, finishedAt = :at, #ttl = :ttl",
        names: { "#state": "state", "#ttl": TTL_ATTRIBUTE },
        values: {
          ":missed": "missed",
          ":run": runId,
          ":zero": 0,
          ":no": false,
          ":reason": outcome.reason,
          ":at": outcome.now.toISOString(),
          ":ttl": Math.floor(outcome.now.getTime() / 1000) + DELIVERY_TTL_DAYS * 86_400,
        },
      },
    );
  }

  async record(key: DeliveryKey): Promise<DeliveryRecord | undefined> {
    const out = await this.doc.send(
      new GetCommand({ TableName: this.tableName, Key: this.key(key), ConsistentRead: true }),
    );
    const i = out.Item;
    if (!i) return undefined;
    return {
      state: i.state as DeliveryRecord["state"],
      runId: String(i.runId),
      ...(typeof i.leaseUntil === "number" ? { leaseUntil: i.leaseUntil } : {}),
      attempts: Number(i.attempts ?? 0),
      parts: Number(i.parts ?? 0),
      ...(typeof i.reason === "string" ? { reason: i.reason } : {}),
      ...(i.uncertain === true ? { uncertain: true } : {}),
    };
  }

  private key(key: DeliveryKey) {
    return {
      pk: keys.delivery(key.platform, key.channelId),
      sk: keys.deliverySort(key.tripId, key.itemId, deliverySlot(key)),
    };
  }
}
