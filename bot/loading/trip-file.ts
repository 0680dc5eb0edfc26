import { stringify } from "yaml";
import { parseTripText, type TripParseResult } from "../trip/parse";
import type { TripFile } from "../trip/schema";

/**
 * The largest trip file the bot takes from a chat (an upload, an edit): the shipped example is
 * about 20 KiB, so this leaves room for a long trip while keeping a download and a stored
 * proposal well inside a Lambda's memory and a DynamoDB item (400 KB). Adapters cap their
 * downloads with it.
 */
export const TRIP_FILE_MAX_BYTES = 256 * 1024;

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
