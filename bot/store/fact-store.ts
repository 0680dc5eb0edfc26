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
   * What the revision in force still owes, as the commit that made it was given it and until
   * `settleOwed` clears it: opaque to the store ([] when nothing).
   */
  owed: string[];
  /**
   * Writes the new facts and switches readers over to them at once; returns the revision in
   * force afterwards. Throws `ConcurrentLoadError` when another load switched first. Safe to
   * repeat: a commit that died part-way leaves the previous revision whole and visible.
   *
   * `owes` (opaque to the store) is what the new revision owes once in force; it is written in
   * the same conditional write as the switch, so a load that dies after switching leaves it for
   * the next load to finish. Ignored when the draft does not switch.
   */
  commit(owes?: readonly string[]): Promise<number>;
}

/**
 * How much a revision may owe, all strings together: HEAD also lists every fact's key and is
 * one DynamoDB item (400 KB at most), so this stays a small share of it.
 */
export const MAX_OWED_BYTES = 32_000;

/** Thrown by a commit given more to owe than `MAX_OWED_BYTES`: nothing is written. */
export class OwedTooLargeError extends Error {
  constructor(tripId: string, bytes: number) {
    super(
      `Trip ${tripId}: ${bytes} bytes owed is more than the ${MAX_OWED_BYTES} a revision may owe`,
    );
    this.name = "OwedTooLargeError";
  }
}

/** The UTF-8 bytes `owes` takes, as `MAX_OWED_BYTES` counts them. */
export const owedBytes = (owes: readonly string[]) =>
  owes.reduce((n, s) => n + Buffer.byteLength(s, "utf8"), 0);

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
  /**
   * Clears what `revision` owes once it is done, if `revision` is still the one in force (a
   * later revision owes only its own). Returns whether it cleared anything.
   */
  settleOwed(tripId: string, revision: number): Promise<boolean>;
}

export class ConcurrentLoadError extends Error {
  constructor(tripId: string) {
    super(
      `Trip ${tripId} was changed by another load at the same time; nothing of this load is visible. Run it again.`,
    );
    this.name = "ConcurrentLoadError";
  }
}
