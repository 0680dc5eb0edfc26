import * as chrono from "chrono-node";

/**
 * chrono-node's British English parser, alone: loaded (with `await import`) only when a day is
 * asked in words. Importing it here, by name, lets the bundle keep only the English parsers;
 * `await import("chrono-node")` itself would bundle every locale.
 */
export const parseDateInWords = (text: string, reference: Date) =>
  chrono.en.GB.parse(text, reference);
