import { resolveTrip, type Trip } from "../trip/model";
import type { TripFile } from "../trip/schema";
import {
  ConcurrentLoadError,
  type FactStore,
  MAX_OWED_BYTES,
  OwedTooLargeError,
  owedBytes,
  type RevisionDraft,
  type StoredTrip,
  type TripSummary,
} from "./fact-store";
import { diffRecords, recordsToTrip, tripToRecords } from "./trip-records";

interface Stored {
  revision: number;
  /** As the DynamoDB store gives it back: through its fact records, so equal files compare equal. */
  file: TripFile;
  /** What the revision still owes, as its commit was given it. */
  owed: string[];
}

/** The fact store in memory, for tests and one-process runs. */
export class MemoryFactStore implements FactStore {
  private readonly trips = new Map<string, Stored>();

  async getTrip(tripId: string): Promise<Trip | undefined> {
    const stored = this.trips.get(tripId);
    return stored ? resolveTrip(structuredClone(stored.file)) : undefined;
  }

  async readTrip(tripId: string): Promise<StoredTrip | undefined> {
    const stored = this.trips.get(tripId);
    return stored
      ? { trip: resolveTrip(structuredClone(stored.file)), revision: stored.revision }
      : undefined;
  }

  async revision(tripId: string): Promise<number> {
    return this.trips.get(tripId)?.revision ?? 0;
  }

  async exportTrip(tripId: string): Promise<TripFile | undefined> {
    const stored = this.trips.get(tripId);
    return stored ? structuredClone(stored.file) : undefined;
  }

  async listTrips(): Promise<TripSummary[]> {
    return [...this.trips.values()]
      .map(({ file }) => ({ id: file.id, name: file.name, command: file.command }))
      .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  }

  async draftRevision(file: TripFile): Promise<RevisionDraft> {
    const stored = this.trips.get(file.id);
    const next = tripToRecords(file);
    const changes = diffRecords(stored ? tripToRecords(stored.file) : [], next);
    const revision = stored?.revision ?? 0;
    const switches = changes.length > 0 || !stored;
    return {
      tripId: file.id,
      changes,
      revision,
      switches,
      owed: [...(stored?.owed ?? [])],
      commit: async (owes = []) => {
        if (!switches) return revision;
        const bytes = owedBytes(owes);
        if (bytes > MAX_OWED_BYTES) throw new OwedTooLargeError(file.id, bytes);
        if ((this.trips.get(file.id)?.revision ?? 0) !== revision)
          throw new ConcurrentLoadError(file.id);
        const normalised = recordsToTrip(next);
        if (!normalised) throw new Error(`Trip ${file.id} has no settings or event`);
        this.trips.set(file.id, { revision: revision + 1, file: normalised, owed: [...owes] });
        return revision + 1;
      },
    };
  }

  async settleOwed(tripId: string, revision: number): Promise<boolean> {
    const stored = this.trips.get(tripId);
    if (!stored || stored.revision !== revision || stored.owed.length === 0) return false;
    this.trips.set(tripId, { ...stored, owed: [] });
    return true;
  }
}
