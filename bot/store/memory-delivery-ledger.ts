import {
  allows,
  CLAIM_FROM,
  type ClaimResult,
  type DeliveryKey,
  type DeliveryLedger,
  type DeliveryRecord,
  deliverySlot,
  FINISH_FROM,
  type FinishOutcome,
  SKIP_FROM,
  type SkipOutcome,
} from "./delivery-ledger";

const recordKey = (k: DeliveryKey) =>
  `${k.platform}#${k.channelId}#${k.tripId}#${k.itemId}#${deliverySlot(k)}`;

/** The delivery ledger in memory, for tests and one-process runs. */
export class MemoryDeliveryLedger implements DeliveryLedger {
  private readonly records = new Map<string, DeliveryRecord>();

  async claim(key: DeliveryKey, runId: string, now: Date, leaseMs: number): Promise<ClaimResult> {
    const old = this.records.get(recordKey(key));
    if (!allows(CLAIM_FROM, old, { now: now.getTime(), runId })) {
      return old?.state === "sent" || old?.state === "missed"
        ? { status: "done", state: old.state }
        : { status: "busy" };
    }
    const attempts = (old?.attempts ?? 0) + 1;
    const parts = old?.parts ?? 0;
    this.records.set(recordKey(key), {
      state: "sending",
      runId,
      leaseUntil: now.getTime() + leaseMs,
      attempts,
      parts,
      ...(old?.uncertain ? { uncertain: true } : {}),
    });
    return {
      status: "claimed",
      attempts,
      parts,
      uncertain: old?.state === "sending" || old?.uncertain === true,
    };
  }

  async finish(key: DeliveryKey, runId: string, outcome: FinishOutcome): Promise<boolean> {
    const old = this.records.get(recordKey(key));
    if (!old || !allows(FINISH_FROM, old, { now: outcome.now.getTime(), runId })) return false;
    this.records.set(recordKey(key), {
      state: outcome.state,
      runId,
      attempts: old.attempts,
      parts: outcome.parts,
      reason: outcome.reason,
      ...(outcome.state === "retry" && outcome.uncertain ? { uncertain: true } : {}),
    });
    return true;
  }

  async skip(key: DeliveryKey, runId: string, outcome: SkipOutcome): Promise<boolean> {
    const old = this.records.get(recordKey(key));
    if (!allows(SKIP_FROM, old, { now: outcome.now.getTime(), runId })) return false;
    this.records.set(recordKey(key), {
      state: "missed",
      runId,
      attempts: old?.attempts ?? 0,
      parts: old?.parts ?? 0,
      reason: outcome.reason,
    });
    return true;
  }

  async record(key: DeliveryKey): Promise<DeliveryRecord | undefined> {
    const r = this.records.get(recordKey(key));
    return r ? { ...r } : undefined;
  }
}
