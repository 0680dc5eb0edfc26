import type { ReminderSpec } from "../reminders/schedule";

/** A reminder waiting in the due index, with what its message says. */
export type ScheduledReminder = ReminderSpec;

export interface Subscription {
  tripId: string;
  platform: string;
  channelId: string;
}

export interface DeliveryKey {
  tripId: string;
  itemId: string;
  leadMinutes: number;
  platform: string;
  channelId: string;
}

export type DeliveryState = "sending" | "sent" | "retry" | "missed";

export type ClaimResult =
  /** This run holds the delivery until `leaseUntil`. */
  | {
      status: "claimed";
      attempts: number;
      /** Parts an earlier attempt already delivered. */
      parts: number;
      /** An earlier run's lease ran out mid-send: the post may already be in the channel. */
      uncertain: boolean;
    }
  | { status: "done"; state: "sent" | "missed" }
  /** Another run holds it now. */
  | { status: "busy" };

/**
 * Where reminders and their deliveries are kept. Exactly once rests on `claim`: a conditional
 * write that only one run can win per (item, lead time, channel), with a lease so a run that
 * dies mid-way does not hold its deliveries for ever.
 */
export interface ReminderStore {
  /** Reminders that have fallen due by `now` and are not finished (one Query per day looked back). */
  dueReminders(now: Date): Promise<ScheduledReminder[]>;
  subscriptions(tripId: string): Promise<Subscription[]>;
  claim(key: DeliveryKey, runId: string, now: Date, leaseMs: number): Promise<ClaimResult>;
  finish(
    key: DeliveryKey,
    runId: string,
    outcome: {
      state: Exclude<DeliveryState, "sending">;
      parts: number;
      reason?: string;
      now: Date;
    },
  ): Promise<boolean>;
  /** Takes a reminder out of the due index once every channel has it (or missed it). */
  complete(reminder: ScheduledReminder): Promise<void>;
}

/** A channel's link to a trip and its reminder subscription. */
export interface ChannelStore {
  linkedTrip(platform: string, channelId: string): Promise<string | undefined>;
  /**
   * Links the channel (moving any reminder subscription off its previous trip), and notes the
   * trip as one its workspace uses.
   */
  link(
    platform: string,
    channelId: string,
    tripId: string,
    by: string,
    workspaceId?: string,
  ): Promise<void>;
  /** The trips channels of this workspace have been linked to. */
  workspaceTrips(platform: string, workspaceId: string): Promise<string[]>;
  /** Returns the trip it was linked to. */
  unlink(platform: string, channelId: string): Promise<string | undefined>;
  isSubscribed(tripId: string, platform: string, channelId: string): Promise<boolean>;
  setSubscribed(
    tripId: string,
    platform: string,
    channelId: string,
    on: boolean,
    by: string,
  ): Promise<void>;
}
