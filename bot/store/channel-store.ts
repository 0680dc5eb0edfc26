/** A channel following a trip's reminders. */
export interface Subscription {
  tripId: string;
  platform: string;
  channelId: string;
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
  /** The trips channels of this workspace have been linked to, by trip id. */
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
  /** The channels following a trip's reminders, by platform and channel id. */
  subscriptions(tripId: string): Promise<Subscription[]>;
}
