import { readFileSync } from "node:fs";
import { loadTrip } from "../../bot/loading/load-trip";
import { memoryStores } from "../../bot/store/memory-stores";
import type { Stores } from "../../bot/store/stores";
import { parseTripText } from "../../bot/trip/parse";
import type { TripFile } from "../../bot/trip/schema";

/** The shipped example trips the tests read. */
export const PYONGYANG = "trips/pyongyang-marathon-2025.yaml";
export const NEW_YORK = "trips/new-york-marathon-2025.yaml";

/** A trip file from disk, parsed and validated. */
export function tripFile(path: string): TripFile {
  const r = parseTripText(readFileSync(path, "utf8"), path);
  if (!r.ok) throw new Error(`${path} must be a valid trip`);
  return r.file;
}

/** In-memory stores with these trip files loaded, as a unit test's table. */
export async function storesWith(paths: readonly string[] = []): Promise<Stores> {
  const stores = memoryStores();
  for (const path of paths) await loadTrip(stores, tripFile(path));
  return stores;
}
