/**
 * What a person typed, as the bot reads it. Phones and pasted text bring characters nobody sees
 * (a zero-width space, a right-to-left mark, a byte-order mark): at the ends of a command they
 * made `/marathon when` an unknown command, and alone they made an empty question look asked.
 */

/** Control characters other than tab and line breaks: never typed on purpose. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: these are the characters removed
const CONTROLS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/g;

/** Bidirectional embeddings, overrides and isolates: one left open turns the rest of a reply. */
const BIDI_CONTROLS = /[\u202a-\u202e\u2066-\u2069]/g;

/** Whitespace and invisible format characters (Unicode's Cf: zero-width space, marks, BOM). */
const BLANK_ENDS = /^[\s\p{Cf}]+|[\s\p{Cf}]+$/gu;

/** Control characters (but tabs and line breaks) as spaces: a calendar refuses a file with one. */
export const withoutControls = (value: string): string => value.replace(CONTROLS, " ");

/** Typed text without controls, and without blanks at its ends; a joiner inside an emoji stays. */
export function typedText(value: string): string {
  return withoutControls(value).replace(BIDI_CONTROLS, "").replace(BLANK_ENDS, "");
}

/** Whitespace or an invisible format character: what separates a command from its words. */
export const TYPED_SEPARATOR = /[\s\p{Cf}]+/u;
