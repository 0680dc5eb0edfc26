import type { ChannelStore } from "./channel-store";
import type { FactStore } from "./fact-store";

/** What to read in one go: the stamps a container checks the trips it holds against. */
export interface VersionQuery {
  /** The channel whose link to read. */
  channel?: { platform: string; channelId: string };
  /** Whether to read which trips exist. */
  tripIds?: boolean;
  /** The trips whose revision in force to read. */
  revisions?: readonly string[];
}

/** The stamps asked for, each read strongly consistent after the read began. */
export interface Versions {
  /** The channel's link: its trip's id, or null when it has none (only when asked). */
  link?: string | null;
  /** Every trip's id, sorted (only when asked). */
  tripIds?: string[];
  /** Each asked trip's revision in force; 0 when it was never loaded. */
  revisions: Record<string, number>;
}

/**
 * The port a warm container checks what it holds through. A trip at a revision never changes
 * (a load writes a new revision), so a held trip whose revision is still in force is the trip;
 * DynamoDB reads every stamp in one request (BatchGetItem).
 */
export interface TripVersions {
  read(query: VersionQuery): Promise<Versions>;
}

/**
 * The stamps read through the fact and channel ports, one call each: the in-memory version,
 * and what a bot built without a `TripVersions` uses.
 */
export function versionsThroughPorts(facts: FactStore, channels?: ChannelStore): TripVersions {
  return {
    async read({ channel, tripIds, revisions = [] }) {
      const [link, trips, revs] = await Promise.all([
        channel && channels ? channels.linkedTrip(channel.platform, channel.channelId) : undefined,
        tripIds ? facts.listTrips() : undefined,
        Promise.all(revisions.map((id) => facts.revision(id))),
      ]);
      return {
        ...(channel ? { link: link ?? null } : {}),
        ...(trips ? { tripIds: trips.map((t) => t.id).sort() } : {}),
        revisions: Object.fromEntries(revisions.map((id, i) => [id, revs[i] ?? 0])),
      };
    },
  };
}
