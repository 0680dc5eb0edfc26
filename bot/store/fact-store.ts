import type { Trip } from "../trip/model";
import type { TripFile } from "../trip/schema";

export interface TripSummary {
  id: string;
  name: string;
  command: string;
}

/** One fact's change in a load: "+ faq visa", "~ itinerary race-start (start, notes)". */
export interface FactChange {
  kind: "add" | "change" | "remove";
  /** e.g. "faq visa", "itinerary race-start", "event". */
  fact: string;
  /** For changes: which fields differ. */
  fields?: string[];
}

/** A trip file compared with the revision in force, ready to become the next revision. */
export interface RevisionDraft {
  tripId: string;
  changes: FactChange[];
  /** The revision in force when the draft was made; 0 before the trip's first load. */
  revision: number;
  /** Committing makes a new revision: something changed, or the trip is new. */
  switches: boolean;
  /**
   * Writes the new facts and switches readers over to them at once; returns the revision in
   * force afterwards. Throws `ConcurrentLoadError` when another load switched first. Safe to
   * repeat: a commit that died part-way leaves the previous revision whole and visible.
   */
  commit(): Promise<number>;
}

/** A trip as one revision of it: the same revision is always the same trip. */
export interface StoredTrip {
  trip: Trip;
  revision: number;
}

/** The port every command and adapter reads trips through; DynamoDB and memory implement it. */
export interface FactStore {
  /** The trip with all its facts (DynamoDB: one Query). */
  getTrip(tripId: string): Promise<Trip | undefined>;
  /**
   * The trip in force now and its revision, read strongly consistent: a load finished before
   * the call is in it (DynamoDB: one Query).
   */
  readTrip(tripId: string): Promise<StoredTrip | undefined>;
  /** The trip's revision in force now; 0 when it was never loaded. */
  revision(tripId: string): Promise<number>;
  /** Every trip, by id. */
  listTrips(): Promise<TripSummary[]>;
  /** The trip file as stored, ready to write back out. */
  exportTrip(tripId: string): Promise<TripFile | undefined>;
  /** What loading `file` would change; writes nothing until the draft is committed. */
  draftRevision(file: TripFile): Promise<RevisionDraft>;
}

export class ConcurrentLoadError extends Error {
  constructor(tripId: string) {
    super(
      `Trip ${tripId} was changed by another load at the same time; nothing of this load is visible. Run it again.`,
    );
    this.name = "ConcurrentLoadError";
  }
}
