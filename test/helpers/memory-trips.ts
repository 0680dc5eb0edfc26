import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";
import { parseDocument } from "yaml";
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

/**
 * The organisers tests use. The shipped files list placeholders that match nobody, so a test
 * of organisers' commands loads a copy of a file that lists these instead.
 */
export const SLACK_ORGANISER = "U0ORGANISER";
export const DISCORD_ORGANISER = "100000000000000001";
export const TEST_ORGANISERS = { slack: [SLACK_ORGANISER], discord: [DISCORD_ORGANISER] };

const copies = new Map<string, string>();

/** A copy of a trip file (comments and all) listing `organisers`, in a temporary folder. */
export function withOrganisers(
  path: string,
  organisers: Record<string, string[]> = TEST_ORGANISERS,
): string {
  const key = `${path}\n${JSON.stringify(organisers)}`;
  const known = copies.get(key);
  if (known) return known;
  const doc = parseDocument(readFileSync(path, "utf8"));
  doc.setIn(["organisers"], doc.createNode(organisers, { flow: true }));
  const copy = join(mkdtempSync(join(tmpdir(), "organised-")), basename(path));
  writeFileSync(copy, doc.toString());
  copies.set(key, copy);
  return copy;
}

/** New York as the tests of organisers' commands load it, with TEST_ORGANISERS. */
export const NEW_YORK_ORGANISED = withOrganisers(NEW_YORK);
