import type { ChannelStore } from "./store/channel-store";
import type { FactStore, StoredTrip } from "./store/fact-store";
import { type TripVersions, type Versions, versionsThroughPorts } from "./store/trip-versions";
import type { Trip } from "./trip/model";

/** Where a channel's request leads. */
export type Resolution =
  | { kind: "trip"; trip: Trip }
  /** `reason`: "named" (an id the request named), "linked", "read" (the trip could not be read). */
  | { kind: "missing"; reason: "named" | "linked" | "read"; tripId: string }
  | { kind: "no-trips" }
  | { kind: "which-trip" };

export interface ChannelRef {
  platform: string;
  channelId: string;
  workspaceId?: string;
  /** A trip the request names itself (an organiser's command): no link is read. */
  tripId?: string;
}

/** How many trips and channel hints a container keeps (a trip is tens of KB at most). */
const MAX_TRIPS = 32;
const MAX_CHANNELS = 10_000;

/**
 * A channel's trip, for one container: the trips it read, each at its revision, and per
 * channel where its last request led. Every answer is decided by stamps read in this request
 * (one consistent BatchGetItem on DynamoDB): the link, the trip index when the channel has no
 * link, and the revision in force of the trip it led to last time. A held trip is used only
 * when its revision is the one in force, and a revision never changes once written, so a load,
 * a relink or an unlink finished before a request — on any container — is seen by it. What the
 * channel hint remembers only chooses which stamps to read; a wrong guess costs one more read.
 */
export class TripResolver {
  private readonly trips = new Map<string, StoredTrip>();
  private readonly hints = new Map<string, { linked: boolean; tripId?: string }>();
  private readonly versions: TripVersions;

  constructor(
    private readonly store: FactStore,
    private readonly channels?: ChannelStore,
    versions?: TripVersions,
  ) {
    this.versions = versions ?? versionsThroughPorts(store, channels);
  }

  async resolve(ref: ChannelRef): Promise<Resolution> {
    if (ref.tripId) {
      // Nothing held to check: read the trip straight away (one request, as before any cache).
      const held = this.trips.has(ref.tripId);
      const revisions = held
        ? (await this.versions.read({ revisions: [ref.tripId] })).revisions
        : {};
      const trip = await this.tripAt(ref.tripId, revisions[ref.tripId]);
      return trip
        ? { kind: "trip", trip }
        : { kind: "missing", reason: "named", tripId: ref.tripId };
    }
    const key = `${ref.platform}\n${ref.channelId}`;
    const hint = this.hints.get(key);
    const channel = { platform: ref.platform, channelId: ref.channelId };
    // A linked channel never reads the trip index; a cold one reads both, in one request.
    let read = await this.versions.read({
      channel: this.channels ? channel : undefined,
      tripIds: !hint?.linked,
      revisions: hint?.tripId ? [hint.tripId] : [],
    });
    const remember = (linked: boolean, resolution: Resolution) => {
      this.hints.delete(key);
      if (this.hints.size >= MAX_CHANNELS)
        this.hints.delete(this.hints.keys().next().value as string);
      const tripId = resolution.kind === "trip" ? resolution.trip.id : undefined;
      this.hints.set(key, { linked, tripId });
      return resolution;
    };
    if (read.link) {
      const trip = await this.tripAt(read.link, read.revisions[read.link]);
      return remember(
        true,
        trip ? { kind: "trip", trip } : { kind: "missing", reason: "linked", tripId: read.link },
      );
    }
    // Unlinked since the last request: now the index is needed.
    if (!read.tripIds)
      read = { ...read, tripIds: (await this.versions.read({ tripIds: true })).tripIds };
    const ids = read.tripIds ?? [];
    const [only] = ids;
    if (ids.length === 0 || !only) return remember(false, { kind: "no-trips" });
    if (ids.length === 1) return remember(false, await this.found(only, read));
    // A workspace whose channels were all linked to one trip answers from it everywhere.
    const used =
      ref.workspaceId && this.channels
        ? await this.channels.workspaceTrips(ref.platform, ref.workspaceId)
        : [];
    const [usual] = used;
    if (used.length === 1 && usual) return remember(false, await this.found(usual, read));
    return remember(false, { kind: "which-trip" });
  }

  private async found(tripId: string, read: Versions): Promise<Resolution> {
    const trip = await this.tripAt(tripId, read.revisions[tripId]);
    return trip ? { kind: "trip", trip } : { kind: "missing", reason: "read", tripId };
  }

  /**
   * The trip: the one held when `inForce` (read in this request) is its revision, else read
   * now (consistent) and held. `inForce` 0: the trip does not exist.
   */
  private async tripAt(tripId: string, inForce: number | undefined): Promise<Trip | undefined> {
    if (inForce === 0) return undefined;
    const held = this.trips.get(tripId);
    if (held && inForce !== undefined && held.revision === inForce) return held.trip;
    const stored = await this.store.readTrip(tripId);
    this.trips.delete(tripId);
    if (!stored) return undefined;
    if (this.trips.size >= MAX_TRIPS) this.trips.delete(this.trips.keys().next().value as string);
    this.trips.set(tripId, { trip: deepFreeze(stored.trip), revision: stored.revision });
    return stored.trip;
  }
}

/** Requests share a held trip: frozen, so no command can change it for the next one. */
function deepFreeze<T>(value: T): T {
  if (value && typeof value === "object" && !Object.isFrozen(value)) {
    if (Array.isArray(value) || Object.getPrototypeOf(value) === Object.prototype) {
      Object.freeze(value);
      for (const v of Object.values(value)) deepFreeze(v);
    }
  }
  return value;
}
