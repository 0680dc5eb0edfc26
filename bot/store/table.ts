/**
 * The one definition of the fact table's keys and item keys. The CDK stack, the local table
 * the CLI and tests create, and the DynamoDB store all read it.
 */
export const TABLE_KEYS = { partitionKey: "pk", sortKey: "sk" } as const;

/**
 * The one index: pending reminders by the day they fall due, so a reminders run reads only what is due
 * (never a Scan). Only reminder schedule records carry these attributes (a sparse index).
 */
export const DUE_INDEX = { name: "due", partitionKey: "duePk", sortKey: "dueSk" } as const;

/** Attribute DynamoDB's TTL deletes expired delivery records by (epoch seconds). */
export const TTL_ATTRIBUTE = "expiresAt";

export const DEFAULT_TABLE_NAME = "trip-facts";

export const keys = {
  tripPartition: (tripId: string) => `TRIP#${tripId}`,
  /** The record naming the current revision's facts: readers trust only what it lists. */
  head: "HEAD",
  fact: (kind: string, key: string, hash: string) => `FACT#${kind}#${key}#${hash}`,
  factPrefix: "FACT#",
  /** One partition listing every trip, so "which trips exist" is one Query, never a Scan. */
  tripsPartition: "TRIPS",
  tripEntry: (tripId: string) => `TRIP#${tripId}`,
  /**
   * One item whose string set `ids` holds every trip's id, so "which trips exist" can be read
   * in the same BatchGetItem as a channel's link and a trip's HEAD (a Query cannot be batched).
   */
  tripIndex: { pk: "TRIP_INDEX", sk: "IDS" },
  /** A channel's link to its trip: its own partition, one GetItem per request. */
  channel: (platform: string, channelId: string) => `CHANNEL#${platform}#${channelId}`,
  link: "LINK",
  /** The trips a workspace's channels were linked to, so its other channels can follow. */
  workspace: (platform: string, workspaceId: string) => `WORKSPACE#${platform}#${workspaceId}`,
  /** Before each channel had its own record: one per trip, never removed on a relink. */
  workspaceTrip: (tripId: string) => `TRIP#${tripId}`,
  /** A workspace's channel and the trip it was last linked to. */
  workspaceChannel: (channelId: string) => `CHANNEL#${channelId}`,
  /** Subscriptions live in their trip's partition, so a run reads a trip's channels in one Query. */
  subscription: (platform: string, channelId: string) => `SUB#${platform}#${channelId}`,
  subscriptionPrefix: "SUB#",
  /** One reminder of one item (all channels), in the trip's partition. */
  reminder: (itemId: string, leadMinutes: number) => `REMIND#${itemId}#${leadMinutes}`,
  reminderPrefix: "REMIND#",
  /** One change alert of one item at one trip revision (all channels), in the trip's partition. */
  alert: (itemId: string, revision: number) => `ALERT#${itemId}#${revision}`,
  /** A channel's delivery state (Retry-After's "not before", the last run's counts). */
  deliveryState: "DELIVERY",
  /** The due index's partition: the UTC day a reminder falls due. */
  dueDay: (day: string) => `DUE#${day}`,
  dueSort: (dueAt: string, tripId: string, itemId: string, slot: string) =>
    `${dueAt}#${tripId}#${itemId}#${slot}`,
  /** One delivery of one reminder to one channel: the record that makes it exactly once. */
  delivery: (platform: string, channelId: string) => `DELIVERY#${platform}#${channelId}`,
  /** `slot`: the lead time in minutes, or "r<revision>" for a change alert. */
  deliverySort: (tripId: string, itemId: string, slot: string) => `${tripId}#${itemId}#${slot}`,
  /** Questions asked about a trip that the bot was not sure of: their own partition. */
  questions: (tripId: string) => `QUESTIONS#${tripId}`,
  /** A calendar link's token: its own partition, so a calendar app's poll is one GetItem. */
  calendarToken: (token: string) => `CALENDAR#${token}`,
  /** Which token a trip's calendar link has now. */
  calendarOfTrip: (tripId: string) => `CALENDAR_TRIP#${tripId}`,
  calendar: "CALENDAR",
  /** A previewed trip change waiting for its Confirm: its own partition, one item. */
  proposal: (id: string) => `PROPOSAL#${id}`,
  proposalItem: "PROPOSAL",
};
