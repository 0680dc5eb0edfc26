/** One delivery: one reminder (item, lead time) to one channel. */
export interface DeliveryKey {
  tripId: string;
  itemId: string;
  leadMinutes: number;
  platform: string;
  channelId: string;
  /** Set for a change alert: the trip revision whose load changed the item (lead time 0). */
  alertRevision?: number;
}

export type DeliveryState = "sending" | "sent" | "retry" | "missed";

/** A delivery's record in the ledger. */
export interface DeliveryRecord {
  state: DeliveryState;
  /** The run that claimed it last. */
  runId: string;
  /** While "sending": until when (epoch ms) the claim is that run's. */
  leaseUntil?: number;
  /** Claims so far, this one included. */
  attempts: number;
  /** Parts of a multi-message reminder already in the channel. */
  parts: number;
  reason?: string;
  /**
   * An attempt may have posted (a timeout, a dropped connection) and the platform could not
   * be asked: the next claim checks with the platform before posting.
   */
  uncertain?: boolean;
}

export type ClaimResult =
  /** This run holds the delivery until its lease runs out. */
  | {
      status: "claimed";
      attempts: number;
      /** Parts an earlier attempt already delivered. */
      parts: number;
      /**
       * The post may already be in the channel: an earlier run's lease ran out mid-send, or an
       * attempt failed ambiguously and the platform could not be asked.
       */
      uncertain: boolean;
    }
  | { status: "done"; state: "sent" | "missed" }
  /** Another run holds it now. */
  | { status: "busy" };

export interface FinishOutcome {
  state: Exclude<DeliveryState, "sending">;
  parts: number;
  reason?: string;
  /** With "retry": the last attempt may have posted; the next claim is told "uncertain". */
  uncertain?: boolean;
  now: Date;
}

/** A delivery given up without an attempt (superseded, channel gone): recorded as missed. */
export interface SkipOutcome {
  reason: string;
  now: Date;
}

/**
 * The record that makes each delivery exactly once. Modelled on Powertools' idempotency
 * persistence layer: a claim is one conditional write that only one run can win, with a lease
 * so a run that dies mid-way does not hold its deliveries for ever.
 *
 *              claim              finish: sent
 *     absent ─────────▶ sending ─────────────────────▶ sent
 *                       │  ▲  │   finish: missed (too late, refused for good)
 *                       │  │  ├─────────────────────▶ missed
 *                       │  │  │   finish: retry (429, 5xx, out of time;
 *                       │  │  │   "uncertain" if the platform may have posted)
 *                       │  │  └─────────────────────▶ retry
 *                       │  │                            │
 *                       │  └────────── claim ───────────┘   skip (superseded,
 *     absent, retry ───────────────────────────────────────▶ missed   channel gone)
 *     the lease runs    │  │
 *     out (the run      ▼  │ claim, told "uncertain": the run asks the platform
 *     died, perhaps   uncertain   (findDelivered) before it posts again; so does a run
 *     after posting)              whose own attempt timed out or lost its connection
 *
 * `sent` and `missed` are final. Only the run whose claim it is may finish a delivery; once
 * another run has claimed it over an expired lease, the late run's finish is refused.
 * The guards below are those rules: the in-memory ledger evaluates them, the DynamoDB ledger
 * turns them into its condition expressions.
 */
export const CLAIM_FROM: readonly DeliveryGuard[] = [
  { state: "absent" },
  { state: "retry" },
  { state: "sending", leaseExpired: true },
];
export const FINISH_FROM: readonly DeliveryGuard[] = [{ state: "sending", claimedByThisRun: true }];
export const SKIP_FROM: readonly DeliveryGuard[] = [{ state: "absent" }, { state: "retry" }];

/** A record a transition may start from. */
export interface DeliveryGuard {
  /** "absent": no record yet. */
  state: DeliveryState | "absent";
  /** The claim's lease has run out by the transition's "now". */
  leaseExpired?: true;
  /** The record's runId is the run making the transition. */
  claimedByThisRun?: true;
}

/** Whether `record` matches one of `guards`, for a transition by `runId` at `now` (epoch ms). */
export function allows(
  guards: readonly DeliveryGuard[],
  record: DeliveryRecord | undefined,
  at: { now: number; runId: string },
): boolean {
  return guards.some((g) => {
    if (g.state === "absent") return record === undefined;
    if (record?.state !== g.state) return false;
    if (g.leaseExpired && !((record.leaseUntil ?? Infinity) < at.now)) return false;
    return !g.claimedByThisRun || record.runId === at.runId;
  });
}

/** Where deliveries are recorded; DynamoDB and memory implement it. */
export interface DeliveryLedger {
  /** Takes the delivery for `runId` until `now + leaseMs`, if `CLAIM_FROM` allows. */
  claim(key: DeliveryKey, runId: string, now: Date, leaseMs: number): Promise<ClaimResult>;
  /** Records how `runId`'s claim ended; false when `FINISH_FROM` refuses (another run's now). */
  finish(key: DeliveryKey, runId: string, outcome: FinishOutcome): Promise<boolean>;
  /**
   * Records a delivery that will not be attempted as missed, with its reason, if `SKIP_FROM`
   * allows (a delivery another run holds, or one already final, keeps its record).
   */
  skip(key: DeliveryKey, runId: string, outcome: SkipOutcome): Promise<boolean>;
  /** The delivery's record as kept (what happened to it and why); undefined before any. */
  record(key: DeliveryKey): Promise<DeliveryRecord | undefined>;
}

/** The ledger's sort key for a delivery within its channel: reminders by lead, alerts by revision. */
export const deliverySlot = (k: Pick<DeliveryKey, "leadMinutes" | "alertRevision">) =>
  k.alertRevision !== undefined ? `r${k.alertRevision}` : String(k.leadMinutes);
