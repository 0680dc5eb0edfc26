import { mkdir, readFile, writeFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { PDFParse } from "pdf-parse";
import { describe, expect, it } from "vitest";
import { offlinePack } from "../../bot/calendar/offline-pack";
import { resolveTrip, type Trip } from "../../bot/trip/model";
import { parseTripText } from "../../bot/trip/parse";
import type { TripFile } from "../../bot/trip/schema";
import { formatInZone } from "../../bot/trip/time";
import { NEW_YORK, PYONGYANG } from "../helpers/local-table";

const OUTPUT = "test-output/offline-pack";
// pdf.js draws the standard fonts (which a PDF may name without embedding) from these files.
const STANDARD_FONTS = `${join(dirname(createRequire(import.meta.url).resolve("pdfjs-dist/package.json")), "standard_fonts")}/`;

async function tripFile(path: string): Promise<TripFile> {
  const parsed = parseTripText(await readFile(path, "utf8"), path);
  if (!parsed.ok) throw new Error(`${path} does not parse`);
  return parsed.file;
}

/**
 * Marks the second item, the last rule topic, the first FAQ entry and the first fact
 * `offline: false`, and adds two contacts, one of them marked too.
 */
function withSomethingNotToCarry(file: TripFile): TripFile {
  const marked = structuredClone(file);
  const mark = <T extends { offline?: boolean }>(entry: T | undefined) => {
    if (!entry) throw new Error("the example trip has too few entries");
    entry.offline = false;
  };
  mark(marked.itinerary[1]);
  mark(marked.rules.at(-1));
  mark(marked.faq[0]);
  mark(marked.event.facts[0]);
  marked.contacts = [
    {
      name: "Alex Leader",
      role: "Tour leader, travels with the group",
      phone: "+44 20 7946 0000",
      email: "leader@example.com",
    },
    { name: "Local agency", role: "Arranges visas", phone: "+86 10 0000 0000", offline: false },
  ];
  return marked;
}

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** Text as pdf.js reads it back, on one line: the layout's line breaks are not the content's. */
const flat = (s: string) => s.replace(/\s+/g, " ").trim();
/** The standard fonts have no arrow: the pack spells it out. */
const asPrinted = (s: string) => flat(s.replace(/→/g, "->"));

async function readPack(trip: Trip, screenshot?: string) {
  const bytes = await offlinePack(trip, new Date("2025-03-30T08:00:00Z"));
  const parser = new PDFParse({ data: bytes, standardFontDataUrl: STANDARD_FONTS });
  try {
    const result = await parser.getText();
    // Page footers fall inside paragraphs that run over a page: the reader skips them too.
    const footer = /\S[^\n]*: offline pack · page \d+ of \d+\s*(?:-- \d+ of \d+ --)?/g;
    const text = flat(result.text.replace(footer, " "));
    const firstPage = flat(result.pages[0]?.text ?? "");
    let page: { data: Uint8Array; width: number; height: number } | undefined;
    if (screenshot) {
      const shot = await parser.getScreenshot({ first: 1, scale: 1.5 });
      page = shot.pages[0];
      if (!page) throw new Error("no first page");
      await mkdir(OUTPUT, { recursive: true });
      await writeFile(join(OUTPUT, screenshot), page.data);
    }
    return { text, firstPage, pages: result.total, page };
  } finally {
    await parser.destroy();
  }
}

describe.each([
  { name: "pyongyang", path: PYONGYANG },
  { name: "new-york", path: NEW_YORK },
])("the offline pack of the $name trip", ({ name, path }) => {
  it("has every day's items at their destination times, and none marked offline: false", async () => {
    const file = withSomethingNotToCarry(await tripFile(path));
    const trip = resolveTrip(file);
    const { text, firstPage, pages, page } = await readPack(trip, `${name}-page-1.png`);

    expect(firstPage).toContain("Offline pack: made to be carried");
    expect(firstPage).toContain("5 entries that the organisers marked as not to be carried");
    expect(pages).toBeGreaterThan(1);

    const hidden = trip.itinerary.find((i) => i.offline === false);
    if (!hidden) throw new Error("nothing marked");
    for (const item of trip.itinerary.filter((i) => i.offline !== false)) {
      // On a day the clocks change, each time also names its offset ("01:30 EDT").
      const time = (at: Date) => `${formatInZone(at, trip.zone, "time")}(?: [A-Z]{3,4})?`;
      const end = item.endAt ? `–${time(item.endAt)}` : "";
      expect(text, item.id).toMatch(
        new RegExp(`${time(item.startAt)}${end} ${escapeRegExp(asPrinted(item.title))}`),
      );
      if (item.notes) expect(text, item.id).toContain(asPrinted(item.notes));
    }
    for (const day of trip.days.filter((d) => d.items.some((i) => i.offline !== false))) {
      expect(text).toContain(
        `Day ${day.number}: ${formatInZone(day.items[0]?.startAt ?? new Date(), trip.zone, "weekday-date")}`,
      );
    }
    for (const place of trip.places) expect(text).toContain(asPrinted(place.name));
    for (const topic of trip.rules.filter((r) => r.offline !== false)) {
      for (const rule of topic.rules) expect(text).toContain(asPrinted(rule));
    }
    for (const entry of trip.faq.filter((f) => f.offline !== false)) {
      expect(text).toContain(asPrinted(entry.answer));
    }

    expect(firstPage).toContain("Alex Leader: Tour leader, travels with the group");
    expect(firstPage).toContain("+44 20 7946 0000");
    expect(firstPage).toContain("leader@example.com");

    // Nothing marked offline: false, in any of the five kinds.
    expect(text).not.toContain("Local agency");
    expect(text).not.toContain("+86 10 0000 0000");
    expect(text).not.toContain(asPrinted(hidden.title));
    if (hidden.notes) expect(text).not.toContain(asPrinted(hidden.notes));
    for (const topic of trip.rules.filter((r) => r.offline === false)) {
      expect(text).not.toContain(asPrinted(topic.title));
      for (const rule of topic.rules) expect(text).not.toContain(asPrinted(rule));
    }
    for (const entry of trip.faq.filter((f) => f.offline === false)) {
      expect(text).not.toContain(asPrinted(entry.question));
      expect(text).not.toContain(asPrinted(entry.answer));
    }
    for (const fact of trip.event.facts.filter((f) => f.offline === false)) {
      expect(text).not.toContain(asPrinted(fact.text));
    }

    // A page that prints whole on A4 and on Letter: as wide as A4, as tall as Letter.
    expect(
      Buffer.from(page?.data ?? [])
        .subarray(1, 4)
        .toString(),
    ).toBe("PNG");
    expect(page?.width).toBeCloseTo(595 * 1.5, -1);
    expect(page?.height).toBeCloseTo(792 * 1.5, -1);
  });

  it("names the offset of every time on a day the clocks change", async () => {
    const trip = resolveTrip(await tripFile(path));
    const { text } = await readPack(trip);
    if (name === "new-york") {
      // The first of race morning's two 01:30s, and the times after the change.
      expect(text).toContain("01:30 EDT Clocks go back one hour tonight");
      expect(text).toContain("05:45 EST Ferry to Staten Island");
      expect(text).toContain("09:10 EST–16:30 EST Race start (wave 1)");
      expect(text).toContain("18:00 Pasta dinner");
    } else {
      expect(text).not.toMatch(/\d\d:\d\d (?:GMT|UTC|KST)/);
    }
  });

  it("says nothing is left out when nothing is marked", async () => {
    const trip = resolveTrip(await tripFile(path));
    const { text } = await readPack(trip);
    expect(text).toContain("Nothing in this trip is marked as not to be carried across a border.");
    for (const item of trip.itinerary) expect(text).toContain(asPrinted(item.title));
  });
});

describe("the offline pack of a trip with a very long link in its notes", () => {
  it("breaks a 10,000-character word over the lines it needs and keeps all of it", async () => {
    const file = await tripFile(NEW_YORK);
    const link = `https://example.com/${Array.from({ length: 2000 }, (_, i) => `p${i}`).join("/")}`;
    const [first, ...rest] = file.itinerary;
    if (!first) throw new Error("the example trip has no items");
    const trip = resolveTrip({ ...file, itinerary: [{ ...first, notes: link }, ...rest] });
    const { text, pages } = await readPack(trip);
    // The reader puts each cut on its own line; joined up, it is the whole link.
    expect(text.replace(/\s+/g, "")).toContain(link);
    expect(text).not.toContain(link);
    expect(pages).toBeGreaterThan(2);
  });
});
