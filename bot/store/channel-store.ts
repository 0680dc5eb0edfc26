import type { Mention } from "../delivery";

/** A channel following a trip's reminders. */
export interface Subscription {
  tripId: string;
  platform: string;
  channelId: string;
  /** Who its reminders and change alerts ping; nobody unless an organiser turned it on. */
  mention?: Mention;
}

/** What the last reminders run did in a channel, for `reminders status`. */
export interface ChannelRunReport {
  at: Date;
  sent: number;
  /** Not sent for good (too late, refused, superseded, channel gone), with why. */
  missed: number;
  /** Left for the next run (429, 5xx, out of time, waiting out a Retry-After). */
  deferred: number;
  /** Why, for the reminders that were not sent (at most a few). */
  reasons: string[];
}

/** A channel's delivery state, kept across runs. */
export interface ChannelDeliveryState {
  /** The platform's Retry-After for this channel: no call to it before then. */
  notBefore?: Date;
  lastRun?: ChannelRunReport;
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
  /**
   * The trips this workspace's channels were last linked to, by trip id: each channel counts
   * once, for its latest link, so a relink leaves its old trip behind.
   */
  workspaceTrips(platform: string, workspaceId: string): Promise<string[]>;
  /** Returns the trip it was linked to. */
  unlink(platform: string, channelId: string): Promise<string | undefined>;
  isSubscribed(tripId: string, platform: string, channelId: string): Promise<boolean>;
  /** `mention` (when on): who its posts ping from now on; `null` turns pinging off. */
  setSubscribed(
    tripId: string,
    platform: string,
    channelId: string,
    on: boolean,
    by: string,
    options?: { mention?: Mention | null },
  ): Promise<void>;
  /** The channels following a trip's reminders, by platform and channel id. */
  subscriptions(tripId: string): Promise<Subscription[]>;
  /** The channel's delivery state: its Retry-After and what the last run did. */
  deliveryState(platform: string, channelId: string): Promise<ChannelDeliveryState>;
  /** No call to the channel before `until`; a later "not before" already kept stays. */
  holdDeliveries(platform: string, channelId: string, until: Date): Promise<void>;
  recordRun(platform: string, channelId: string, report: ChannelRunReport): Promise<void>;
}
