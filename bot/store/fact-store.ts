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

export interface LoadResult {
  tripId: string;
  changes: FactChange[];
  /** Nothing was written (dry run, or nothing changed). */
  written: boolean;
  revision: number;
  /** What the load did to the reminder schedule. */
  reminders: { scheduled: number; updated: number; cancelled: number };
}

/** The port every command and adapter reads trips through; DynamoDB implements it. */
export interface FactStore {
  /** The trip with all its facts, read in one Query. */
  getTrip(tripId: string): Promise<Trip | undefined>;
  listTrips(): Promise<TripSummary[]>;
  loadTrip(file: TripFile, options?: { dryRun?: boolean }): Promise<LoadResult>;
  /** The trip file as stored, ready to write back out. */
  exportTrip(tripId: string): Promise<TripFile | undefined>;
}

export class ConcurrentLoadError extends Error {
  constructor(tripId: string) {
    super(
      `Trip ${tripId} was changed by another load at the same time; nothing of this load is visible. Run it again.`,
    );
    this.name = "ConcurrentLoadError";
  }
}
