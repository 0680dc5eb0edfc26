import { DateTime } from "luxon";
import { PDFDocument, type PDFFont, type PDFPage, rgb, StandardFonts } from "pdf-lib";
import type { ItineraryItem, Trip } from "../trip/model";
import type { FaqEntry, RuleTopic } from "../trip/schema";
import { formatInZone } from "../trip/time";
import { locationText, placeOf } from "./events";
import { packContents } from "./pack-contents";
import { PackFonts } from "./pack-fonts";

/** The offline pack: the trip on paper or on a phone for days without a connection. */

// One page size that prints whole on both A4 (595 × 842 pt) and US Letter (612 × 792 pt), in one
// column of large type (14 pt) that stays readable when a phone fits the page to its width.
const PAGE = { width: 595, height: 792, margin: 42 } as const;
/** Text stops this far above the bottom edge, clear of the footer below it. */
const BOTTOM = PAGE.margin + 12;
const SIZE = { title: 24, heading: 18, subheading: 15, body: 14, small: 11 } as const;
const LEADING = 1.35;
const INK = rgb(0.1, 0.1, 0.1);
const MUTED = rgb(0.35, 0.35, 0.35);

/** Symbols the PDF's standard fonts lack, in words they have. */
const REPLACEMENTS: Record<string, string> = {
  "→": "->",
  "←": "<-",
  "↔": "<->",
  "≈": "~",
  "≤": "<=",
  "≥": ">=",
  "✓": "v",
  "\u00a0": " ",
};

/**
 * Latin letters with a stroke, which have no decomposition to fall back on: their base letter,
 * where no embedded font prints them (a bundle without the font files).
 */
const BASE_LETTERS: Record<string, string> = {
  Ł: "L",
  ł: "l",
  Đ: "D",
  đ: "d",
  Ħ: "H",
  ħ: "h",
  ı: "i",
  Ŧ: "T",
  ŧ: "t",
  Ƶ: "Z",
  ƶ: "z",
};

/** Invisible characters (joiners, zero-width spaces, direction marks, variation selectors). */
const INVISIBLE = /^(?:\p{Cf}|[\u{fe00}-\u{fe0f}])$/u;

interface TextStyle {
  size?: number;
  bold?: boolean;
  color?: ReturnType<typeof rgb>;
  indent?: number;
  gapAfter?: number;
}

/** Lays text out top to bottom, wrapping words and starting pages as it goes. */
class PackWriter {
  private page!: PDFPage;
  private y = 0;

  constructor(
    private readonly doc: PDFDocument,
    private readonly regular: PDFFont,
    private readonly bold: PDFFont,
    /** Prints what the standard fonts cannot (pack-fonts.ts). */
    private readonly fonts: PackFonts,
    private readonly encodable: ReadonlySet<number>,
  ) {
    this.newPage();
  }

  /**
   * The standard fonts speak Windows-1252; other scripts print in the embedded fonts; anything
   * neither has is spelled out, printed as its base letter, or "?".
   */
  clean(text: string): string {
    let out = "";
    for (const ch of text.normalize("NFC")) {
      const code = ch.codePointAt(0) ?? 0;
      if (this.encodable.has(code) || ch === " ") out += ch;
      else if (REPLACEMENTS[ch] !== undefined) out += REPLACEMENTS[ch];
      else if (this.fonts.fontFor(code)) out += ch;
      else if (INVISIBLE.test(ch)) continue;
      else if (BASE_LETTERS[ch] !== undefined) out += BASE_LETTERS[ch];
      else {
        const base = ch.normalize("NFKD").replace(/\p{M}/gu, "");
        out += [...base].every((c) => this.encodable.has(c.codePointAt(0) ?? 0)) ? base : "?";
      }
    }
    return out;
  }

  /** Cleaned text in runs of one font each: the standard font, or an embedded one. */
  private runs(text: string, bold: boolean): { font: PDFFont; text: string }[] {
    const standard = bold ? this.bold : this.regular;
    const runs: { font: PDFFont; text: string }[] = [];
    for (const ch of text) {
      const code = ch.codePointAt(0) ?? 0;
      const font =
        this.encodable.has(code) || ch === " " ? standard : (this.fonts.fontFor(code) ?? standard);
      const last = runs.at(-1);
      if (last?.font === font) last.text += ch;
      else runs.push({ font, text: ch });
    }
    return runs;
  }

  private width(text: string, size: number, bold: boolean): number {
    return this.runs(text, bold).reduce((w, r) => w + r.font.widthOfTextAtSize(r.text, size), 0);
  }

  private draw(
    page: PDFPage,
    line: string,
    at: { x: number; y: number; size: number; bold: boolean; color: ReturnType<typeof rgb> },
  ) {
    let x = at.x;
    for (const run of this.runs(line, at.bold)) {
      page.drawText(run.text, { x, y: at.y, size: at.size, font: run.font, color: at.color });
      x += run.font.widthOfTextAtSize(run.text, at.size);
    }
  }

  heading(text: string, size: number = SIZE.heading) {
    // A heading never ends a page on its own.
    if (this.y - size * LEADING * 3 < BOTTOM) this.newPage();
    else this.y -= size * 0.6;
    this.text(text, { size, bold: true, gapAfter: size * 0.3 });
  }

  text(text: string, style: TextStyle = {}) {
    const size = style.size ?? SIZE.body;
    const bold = style.bold ?? false;
    const indent = style.indent ?? 0;
    const width = PAGE.width - 2 * PAGE.margin - indent;
    for (const paragraph of this.clean(text).split("\n")) {
      for (const line of this.wrap(paragraph, bold, size, width)) {
        if (this.y - size < BOTTOM) this.newPage();
        this.y -= size;
        this.draw(this.page, line, {
          x: PAGE.margin + indent,
          y: this.y,
          size,
          bold,
          color: style.color ?? INK,
        });
        this.y -= size * (LEADING - 1);
      }
    }
    this.y -= style.gapAfter ?? size * 0.4;
  }

  private wrap(text: string, bold: boolean, size: number, width: number): string[] {
    const fits = (s: string) => this.width(s, size, bold) <= width;
    const lines: string[] = [];
    let line = "";
    for (const word of text.split(/\s+/).filter(Boolean)) {
      const candidate = line ? `${line} ${word}` : word;
      if (fits(candidate)) {
        line = candidate;
        continue;
      }
      if (line) lines.push(line);
      // A word longer than the line (a URL, a sentence in a script without spaces) is broken
      // where it must be.
      let rest = word;
      while (!fits(rest)) {
        const cut = longestFitting(rest, fits);
        lines.push(rest.slice(0, cut));
        rest = rest.slice(cut);
      }
      line = rest;
    }
    if (line || lines.length === 0) lines.push(line);
    return lines;
  }

  private newPage() {
    this.page = this.doc.addPage([PAGE.width, PAGE.height]);
    this.y = PAGE.height - PAGE.margin;
  }

  /** "Trip name · page 2 of 5" at the foot of every page. */
  footers(title: string) {
    const pages = this.doc.getPages();
    pages.forEach((page, i) => {
      this.draw(page, this.clean(`${title} · page ${i + 1} of ${pages.length}`), {
        x: PAGE.margin,
        y: PAGE.margin / 2,
        size: SIZE.small,
        bold: false,
        color: MUTED,
      });
    });
  }
}

/**
 * "01:30" on a day the clocks change may happen twice: there every time names its offset
 * ("01:30 EDT"), as the trip file's own `01:30-04:00` does.
 */
function clockTime(trip: Trip, at: Date): string {
  const local = DateTime.fromJSDate(at, { zone: trip.zone });
  const changes = local.startOf("day").offset !== local.endOf("day").offset;
  const time = formatInZone(at, trip.zone, "time");
  return changes
    ? `${time} ${local.setLocale("en-US").offsetNameShort ?? local.toFormat("ZZ")}`
    : time;
}

function itemLines(trip: Trip, item: ItineraryItem, w: PackWriter) {
  const start = clockTime(trip, item.startAt);
  const end = item.endAt ? `–${clockTime(trip, item.endAt)}` : "";
  w.text(`${start}${end}  ${item.title}`, { bold: true, gapAfter: 2 });
  const where = locationText(trip, item);
  if (where) w.text(`Where: ${where}`, { indent: 14, gapAfter: 2 });
  if (item.notes) w.text(item.notes, { indent: 14, gapAfter: 2 });
  w.text("", { size: 4, gapAfter: 0 });
}

function ruleLines(topic: RuleTopic, w: PackWriter) {
  w.heading(topic.title, SIZE.subheading);
  for (const rule of topic.rules) w.text(`•  ${rule}`, { indent: 8, gapAfter: 3 });
}

function faqLines(entry: FaqEntry, w: PackWriter) {
  w.text(entry.question, { bold: true, gapAfter: 2 });
  w.text(entry.answer, { gapAfter: 8 });
}

type PackContents = ReturnType<typeof packContents>;

/** The offline pack as PDF bytes. `now` is when it says it was made. */
export async function offlinePack(trip: Trip, now: Date): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  doc.setTitle(`${trip.name}: offline pack`);
  doc.setSubject("Made to be carried: the trip for when you are offline");
  doc.setProducer("trip-group-bot");
  doc.setCreationDate(now);
  doc.setModificationDate(now);
  const regular = await doc.embedFont(StandardFonts.Helvetica);
  const encodable = new Set(regular.getCharacterSet());
  // Everything the pack prints comes from the trip; its other words are Western European.
  const fonts = await PackFonts.embed(doc, JSON.stringify(trip), (code) => encodable.has(code));
  const w = new PackWriter(
    doc,
    regular,
    await doc.embedFont(StandardFonts.HelveticaBold),
    fonts,
    encodable,
  );
  const pack = packContents(trip);
  coverLines(trip, pack, now, w);
  eventLines(trip, w);
  contactLines(pack, w);
  if (pack.emergency.length) {
    w.heading("In an emergency");
    for (const entry of pack.emergency) faqLines(entry, w);
  }
  itineraryLines(trip, pack, now, w);
  placeLines(trip, w);
  if (pack.facts.length) {
    w.heading("About the event");
    for (const fact of pack.facts) w.text(`•  ${fact.text}`, { indent: 8, gapAfter: 3 });
  }
  if (pack.rules.length) {
    w.heading("Rules");
    for (const topic of pack.rules) ruleLines(topic, w);
  }
  const rest = pack.faq.filter((f) => !pack.emergency.includes(f));
  if (rest.length) {
    w.heading("Questions and answers");
    for (const entry of rest) faqLines(entry, w);
  }
  w.footers(`${trip.name}: offline pack`);
  return doc.save();
}

/** The title, what the pack is and leaves out, and when it was made. */
function coverLines(trip: Trip, pack: PackContents, now: Date, w: PackWriter) {
  const zoneText = `${trip.zoneLabel} time (${trip.zone})`;
  w.text(trip.name, { size: SIZE.title, bold: true, gapAfter: 6 });
  w.text("Offline pack: made to be carried", { size: SIZE.heading, bold: true, gapAfter: 8 });
  w.text(
    "This pack was made to be carried: keep it on your phone or print it for the days without " +
      "a connection. " +
      (pack.leftOut > 0
        ? `${pack.leftOut} ${pack.leftOut === 1 ? "entry" : "entries"} that the organisers ` +
          "marked as not to be carried across a border are left out."
        : "Nothing in this trip is marked as not to be carried across a border."),
  );
  w.text(
    `Made ${formatInZone(now, trip.zone, "datetime")} ${trip.zoneLabel} time; later changes ` +
      "are in the chat and in the trip calendar. All times here are " +
      `${zoneText}.`,
    { color: MUTED, size: SIZE.small, gapAfter: 10 },
  );
}

function eventLines(trip: Trip, w: PackWriter) {
  const event = trip.event;
  w.heading(event.name);
  w.text(`Start: ${formatInZone(event.startAt, trip.zone, "datetime")}, ${event.startPlace.name}`);
  if (event.finishPlace) w.text(`Finish: ${event.finishPlace.name}`);
  if (event.distances.length) w.text(`Distances: ${event.distances.join(", ")}`);
}

function contactLines(pack: PackContents, w: PackWriter) {
  if (!pack.contacts.length) return;
  w.heading("Who to contact");
  for (const contact of pack.contacts) {
    w.text(contact.role ? `${contact.name}: ${contact.role}` : contact.name, {
      bold: true,
      gapAfter: 2,
    });
    for (const line of [contact.phone, contact.email]) {
      if (line) w.text(line, { indent: 14, gapAfter: 2 });
    }
    w.text("", { size: 4, gapAfter: 0 });
  }
}

function itineraryLines(trip: Trip, pack: PackContents, now: Date, w: PackWriter) {
  w.heading("Itinerary");
  for (const day of pack.days) {
    w.heading(
      `Day ${day.number}: ${formatInZone(day.items[0]?.startAt ?? now, trip.zone, "weekday-date")}`,
      SIZE.subheading,
    );
    for (const item of day.items) itemLines(trip, item, w);
  }
}

/** The event's start and finish and the trip's places, each once by name. */
function placeLines(trip: Trip, w: PackWriter) {
  const event = trip.event;
  const places = [event.startPlace, event.finishPlace, ...trip.places].filter(
    (p, i, all) => p && all.findIndex((q) => q?.name === p.name) === i,
  );
  if (!places.length) return;
  w.heading("Places");
  for (const place of places) {
    if (!place) continue;
    const known = placeOf(trip, place.name) ?? place;
    w.text(known.name, { bold: true, gapAfter: 2 });
    if (known.address) w.text(known.address, { indent: 14, gapAfter: 2 });
    if (known.description) w.text(known.description, { indent: 14, gapAfter: 6 });
  }
}

/**
 * How many characters of `word` (at least one, fewer than all) fit, found by halving: measuring
 * one character fewer each time made a 2,000-character word (a pasted link) cost a second and a
 * 5,000-character one most of a minute.
 */
function longestFitting(word: string, fits: (start: string) => boolean): number {
  let low = 1;
  let high = word.length - 1;
  while (low < high) {
    const middle = Math.ceil((low + high) / 2);
    if (fits(word.slice(0, middle))) low = middle;
    else high = middle - 1;
  }
  return low;
}
