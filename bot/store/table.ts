/**
 * The one definition of the fact table's keys and item keys. The CDK stack, the local table
 * the CLI and tests create, and the DynamoDB store all read it.
 */
export const TABLE_KEYS = { partitionKey: "pk", sortKey: "sk" } as const;

/**
 * The one index: reminders by the hour they fall due, so a reminders run reads only what is due
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
};
