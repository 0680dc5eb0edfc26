import { stringify } from "yaml";
import { parseTripText, type TripParseResult } from "../trip/parse";
import type { TripFile } from "../trip/schema";
import { TRIP_FILE_MAX_BYTES } from "./trip-file-limit";

/**
 * A trip file as text, the way `npm run trip -- export` and `trip download` write it: what
 * loading it back reads as the same facts (the round trip changes nothing).
 */
export function tripFileText(file: TripFile): string {
  return `# yaml-language-server: $schema=./trip.schema.json\n${stringify(file, { lineWidth: 0 })}`;
}

/** A file from a chat, checked as `npm run trip -- validate` checks one, after its size. */
export function readTripUpload(
  text: string,
  name: string,
): TripParseResult | { ok: false; tooLarge: true } {
  if (Buffer.byteLength(text, "utf8") > TRIP_FILE_MAX_BYTES) return { ok: false, tooLarge: true };
  return parseTripText(text, name);
}
