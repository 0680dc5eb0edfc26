import { readFileSync } from "node:fs";
import type { Trip } from "../../bot/trip/model";
import { parseTripText } from "../../bot/trip/parse";

/** A trip file parsed as the loader parses it, for tests that need no table. */
export function tripFrom(path: string): Trip {
  const parsed = parseTripText(readFileSync(path, "utf8"), path);
  if (!parsed.ok) throw new Error(`${path} does not parse`);
  return parsed.trip;
}

/** A trip from YAML text written in the test. */
export function tripOf(yaml: string): Trip {
  const parsed = parseTripText(yaml, "test.yaml");
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
  return parsed.trip;
}
