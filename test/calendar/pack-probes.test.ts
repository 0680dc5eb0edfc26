import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { PDFParse } from "pdf-parse";
import { describe, expect, it } from "vitest";
import { offlinePack } from "../../bot/calendar/offline-pack";
import { resolveTrip } from "../../bot/trip/model";
import { syntheticTrip } from "../helpers/synthetic-trip";

/** The offline pack of trips nobody shipped: any script, hundreds of items, none. */

const STANDARD_FONTS = `${join(dirname(createRequire(import.meta.url).resolve("pdfjs-dist/package.json")), "standard_fonts")}/`;

async function packText(file: Parameters<typeof resolveTrip>[0]) {
  const bytes = await offlinePack(resolveTrip(file), new Date("2027-02-01T00:00:00Z"));
  const parser = new PDFParse({ data: bytes, standardFontDataUrl: STANDARD_FONTS });
  try {
    const result = await parser.getText();
    return { text: result.text.replace(/\s+/g, " "), pages: result.total, raw: bytes };
  } finally {
    await parser.destroy();
  }
}

const start = new Date("2027-02-28T22:00:00Z");

describe("the offline pack of a trip in many scripts", () => {
  const file = syntheticTrip({
    id: "scripts",
    items: 3,
    firstStart: start,
    organisers: { slack: ["U0SECRETORG"], discord: ["987654321987654321"] },
  });
  const [a, b, c] = file.itinerary;
  if (!a || !b || !c) throw new Error("no items");
  a.title = "Café Müller, Straße, Ørsted — “quoted” naïve";
  a.notes =
    "평양 개선문 · 凱旋門 · Триумфальная арка · Αψίδα · قوس النصر · 🎉🏃‍♀️ · e\u0301 · \u200b";
  b.title = "Łódź, Kraków, Čeština, Đà Nẵng, Diyarbakır";
  c.title = `${"Ünïcødé ".repeat(200)}end`;

  it("prints Korean, ideographs, Cyrillic, Greek and every Latin letter as written, and carries no organiser id", async () => {
    const { text, raw } = await packText(file);
    expect(text).toContain("Café Müller, Straße, Ørsted — “quoted” naïve");
    // (The reader gives the dotless ı back as i.)
    expect(text).toMatch(/Łódź, Kraków, Čeština, Đà Nẵng, Diyarbak[ıi]r/);
    for (const words of ["평양 개선문", "凱旋門", "Триумфальная арка", "Αψίδα"]) {
      expect(text).toContain(words);
    }
    // What no font here has (Arabic, most emoji) prints as "?", never as nothing or a crash;
    // a letter and its combining accent print as one letter.
    expect(text).toContain("??? ????? · ??");
    expect(text).toContain(" · é ·");
    expect(text).toContain("end");
    for (const id of ["U0SECRETORG", "987654321987654321"]) {
      expect(text).not.toContain(id);
      expect(Buffer.from(raw).toString("latin1")).not.toContain(id);
    }
  });
});

describe("the offline pack of trips of every size", () => {
  it("lists every one of 500 items, over as many pages as they need", async () => {
    const file = syntheticTrip({ id: "long", items: 500, firstStart: start, spacingMinutes: 45 });
    const { text, pages } = await packText(file);
    for (const item of file.itinerary) expect(text).toContain(item.title);
    expect(pages).toBeGreaterThan(20);
  });

  it("is made for a trip with no itinerary", async () => {
    const { text, pages } = await packText(
      syntheticTrip({ id: "empty", items: 0, firstStart: start }),
    );
    expect(pages).toBeGreaterThanOrEqual(1);
    expect(text).toContain("Offline pack: made to be carried");
  });
});
