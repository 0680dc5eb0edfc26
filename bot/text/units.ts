/**
 * Slack and Discord count a text's length in UTF-16 code units (JavaScript's `length`), so the
 * adapters measure and cut in that one unit. Cutting by code points let 1,600 emoji through as
 * 3,200 units; cutting by units alone could leave half a surrogate pair, which both platforms
 * refuse or show as "�". This cuts between graphemes, so a flag or a family emoji stays whole.
 */

/** Made on the first cut: building a Segmenter costs ~10 ms, and most answers need no cut. */
let graphemes: Intl.Segmenter | undefined;
/** Enough look-ahead to see the grapheme that holds the cut, without segmenting a whole book. */
const LOOK_AHEAD = 64;

const isHighSurrogate = (code: number) => code >= 0xd800 && code <= 0xdbff;

/** The longest start of `value` at most `max` UTF-16 units long that ends between graphemes. */
export function truncateUnits(value: string, max: number): string {
  if (value.length <= max) return value;
  if (max <= 0) return "";
  const around = value.slice(0, max + LOOK_AHEAD);
  // The grapheme holding the first unit past the limit starts where the cut goes.
  graphemes ??= new Intl.Segmenter(undefined, { granularity: "grapheme" });
  const end = graphemes.segment(around).containing(max)?.index ?? max;
  if (end > 0) return value.slice(0, end);
  // One grapheme longer than the limit (a letter under hundreds of accents): cut between
  // code points instead.
  return value.slice(0, isHighSurrogate(value.charCodeAt(max - 1)) ? max - 1 : max);
}

/** `value` in at most `max` UTF-16 units, with "…" when it was cut: for echoing what was typed. */
export function shorten(value: string, max: number): string {
  return value.length <= max ? value : `${truncateUnits(value, max - 1)}…`;
}
