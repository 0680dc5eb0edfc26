/**
 * The bytes of a file sent in a chat as a trip file's text, the same on every platform: UTF-8
 * (with or without a byte-order mark) and UTF-16 with one (Windows Notepad's "Unicode") are
 * read; an archive, a document or anything else that is not text gets a clear answer rather
 * than YAML errors about characters nobody typed. (Its own module: adapters read it without
 * loading the YAML parser.)
 */

export type TripFileText = { ok: true; text: string } | { ok: false; problem: string };

/** What a few common non-text files begin with, named as the sender knows them. */
const SIGNATURES: { bytes: number[]; what: string }[] = [
  { bytes: [0x50, 0x4b, 0x03, 0x04], what: "a zip archive (unzip it and send the .yaml inside)" },
  { bytes: [0x1f, 0x8b], what: "a gzip archive (unpack it and send the .yaml inside)" },
  { bytes: [0x25, 0x50, 0x44, 0x46], what: "a PDF document" },
  { bytes: [0xd0, 0xcf, 0x11, 0xe0], what: "an Office document" },
  { bytes: [0x89, 0x50, 0x4e, 0x47], what: "a PNG image" },
  { bytes: [0xff, 0xd8, 0xff], what: "a JPEG image" },
];

const startsWith = (bytes: Uint8Array, prefix: readonly number[]) =>
  prefix.every((b, i) => bytes[i] === b);

const NOT_TEXT = (what: string) =>
  `the file is ${what}, not a trip file: send the trip as YAML text (a .yaml file, as trip download gives it)`;

export function tripFileTextOf(bytes: Uint8Array): TripFileText {
  const known = SIGNATURES.find((s) => startsWith(bytes, s.bytes));
  if (known) return { ok: false, problem: NOT_TEXT(known.what) };
  const utf16 = startsWith(bytes, [0xff, 0xfe])
    ? "utf-16le"
    : startsWith(bytes, [0xfe, 0xff])
      ? "utf-16be"
      : undefined;
  let text: string;
  try {
    // The decoder drops a leading byte-order mark.
    text = new TextDecoder(utf16 ?? "utf-8", { fatal: true }).decode(bytes);
  } catch {
    return {
      ok: false,
      problem:
        "the file is not UTF-8 text: save it as UTF-8 (most editors offer it under Save As → Encoding) and send it again",
    };
  }
  // A NUL never appears in text a person wrote: this is some other kind of file.
  if (text.includes("\u0000")) return { ok: false, problem: NOT_TEXT("binary data") };
  return { ok: true, text };
}
