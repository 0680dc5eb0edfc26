import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { PLATFORMS } from "../../bot/platforms";
import { tripJsonSchema } from "../../bot/trip/json-schema";
import { formatTripError, parseTripText } from "../../bot/trip/parse";
import { NEW_YORK, PYONGYANG } from "../helpers/local-table";

const VALID = `id: test-trip
name: Test trip
timeZone: Europe/Berlin
event:
  name: Test race
  start: 2025-09-21 09:15
  startPlace:
    name: Straße des 17. Juni
itinerary:
  - id: start
    start: 2025-09-21 09:15
    title: Race
faq:
  - id: visa
    question: Visa?
    answer: No.
`;

/** Errors as "line:column message", for asserting what an organiser sees. */
function errorsOf(text: string): string[] {
  const r = parseTripText(text, "trip.yaml");
  if (r.ok) throw new Error("expected errors");
  return r.errors.map((e) => `${e.line}:${e.column} ${e.message}`);
}

const lineOf = (text: string, needle: string) =>
  text.split("\n").findIndex((l) => l.includes(needle)) + 1;

describe("trip files", () => {
  it("accepts both example trips and a minimal one, with defaults filled in", () => {
    for (const path of [PYONGYANG, NEW_YORK]) {
      const r = parseTripText(readFileSync(path, "utf8"), path);
      expect(r.ok ? [] : r.errors.map(formatTripError)).toEqual([]);
    }
    const r = parseTripText(VALID);
    expect(r.ok && r.file.command).toBe("marathon");
    expect(r.ok && r.trip.itinerary[0]?.leadMinutes).toEqual([1440, 60]);
    expect(r.ok && r.trip.zoneLabel).toBe("Berlin");
  });

  it("reports a wrong type at the value's line and column", () => {
    const text = VALID.replace("    title: Race", "    title: [1, 2]");
    expect(errorsOf(text)).toEqual([
      `${lineOf(text, "title: [1, 2]")}:12 itinerary[0].title: Invalid input: expected string, received array`,
    ]);
  });

  it("reads a number or yes/no written where a text goes as the text written", () => {
    const text = VALID.replace("    title: Race", "    title: 1984")
      .replace("answer: No.", "answer: 0911\n    keywords: [visa, 112, yes]")
      .concat("contacts:\n  - { name: Office, phone: 07700900123 }\n");
    const r = parseTripText(text);
    expect(r.ok ? [] : r.errors.map(formatTripError)).toEqual([]);
    if (!r.ok) return;
    expect(r.file.itinerary[0]?.title).toBe("1984");
    // As written: a leading zero is part of a phone number.
    expect(r.file.faq[0]?.answer).toBe("0911");
    expect(r.file.faq[0]?.keywords).toEqual(["visa", "112", "yes"]);
    expect(r.file.contacts?.[0]?.phone).toBe("07700900123");
    // A number where a number goes is still checked as one.
    expect(
      errorsOf(text.replace("    title: 1984", "    title: 1984\n    reminders: [yes]")),
    ).not.toEqual([]);
  });

  it("reports an unknown key at the key itself, e.g. a misspelt field", () => {
    const text = VALID.replace("    title: Race", "    title: Race\n    note: typo for notes");
    expect(errorsOf(text)).toEqual([
      `${lineOf(text, "note: typo")}:5 unknown key "note" in itinerary[0]`,
    ]);
  });

  it("reports a missing required field at its parent", () => {
    const text = VALID.replace("  name: Test race\n", "");
    expect(errorsOf(text)).toEqual([
      `${lineOf(text, "event:")}:1 event.name: required string is missing`,
    ]);
  });

  it("reports a bad time zone", () => {
    const text = VALID.replace("Europe/Berlin", "Europe/Berlim");
    expect(errorsOf(text)).toEqual([
      `3:11 timeZone: "Europe/Berlim" is not an IANA time zone (like Asia/Pyongyang or Europe/Berlin)`,
    ]);
  });

  it("reports duplicate ids at the second one", () => {
    const text = VALID.replace(
      "faq:\n",
      "faq:\n  - id: visa\n    question: Again?\n    answer: Yes.\n",
    );
    const dup = text.split("\n").findLastIndex((l) => l.includes("- id: visa")) + 1;
    expect(errorsOf(text)).toEqual([
      `${dup}:9 faq[1].id: duplicate id "visa" (already used by faq[0])`,
    ]);
  });

  it("reports a time that does not exist or is malformed, with its line", () => {
    const text = VALID.replace(
      "    start: 2025-09-21 09:15",
      "    start: 2025-03-30 02:30",
    ).replace("  start: 2025-09-21 09:15", "  start: 21/09/2025");
    expect(errorsOf(text)).toEqual([
      `${lineOf(text, "21/09/2025")}:10 event.start: "21/09/2025" is not a date and time; write it as YYYY-MM-DD HH:MM in the destination's time`,
      `${lineOf(text, "2025-03-30")}:12 itinerary[0].start: 2025-03-30 02:30 does not exist in Europe/Berlin: the clocks skip that hour on 2025-03-30`,
    ]);
  });

  it("reports every error at once, cross-field checks included, even beside type errors", () => {
    const text = VALID.replace("Europe/Berlin", "Nowhere/City").replace(
      "    title: Race",
      "    title: [7]\n    colour: red",
    );
    expect(errorsOf(text)).toHaveLength(3);
  });

  it("reports malformed YAML with its line and column", () => {
    const text = VALID.replace("  - id: visa", "  - id: [visa");
    const [first] = errorsOf(text);
    expect(first).toMatch(/^\d+:\d+ /);
    expect(Number(first?.split(":")[0])).toBeGreaterThanOrEqual(lineOf(text, "[visa"));
  });

  it("takes a source written once and cited by 150 items, as the example trips cite theirs", () => {
    const items = Array.from(
      { length: 150 },
      (_, i) =>
        `  - id: item-${i}\n    start: 2025-09-20 10:00\n    title: Item ${i}\n    source: *ours`,
    ).join("\n");
    const text = VALID.replace("itinerary:\n", `itinerary:\n${items}\n`).replace(
      "  name: Test race",
      "  name: Test race\n  source: &ours Our own notes",
    );
    const r = parseTripText(text);
    expect(r.ok ? [] : r.errors.map(formatTripError)).toEqual([]);
    expect(r.ok && r.file.itinerary[149]?.source).toBe("Our own notes");
  });

  it("reports an alias with no anchor, or inside its own anchor, at the alias", () => {
    const typo = VALID.replace("    title: Race", "    title: Race\n    source: *exmaple");
    expect(errorsOf(typo)).toEqual([
      `${lineOf(typo, "*exmaple")}:13 *exmaple names no anchor: write &exmaple on a value above it first`,
    ]);
    const endless = VALID.replace(
      "    answer: No.",
      "    answer: No.\n    keywords: &k [visa, *k]",
    );
    expect(errorsOf(endless)).toEqual([
      `${lineOf(endless, "*k")}:25 *k is inside the value &k names, so it never ends`,
    ]);
  });

  it("refuses a list that multiplies itself through aliases, at its first alias", () => {
    const levels = Array.from({ length: 8 }, (_, i) =>
      i === 0
        ? "x0: &x0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]"
        : `x${i}: &x${i} [${Array(9)
            .fill(`*x${i - 1}`)
            .join(", ")}]`,
    ).join("\n");
    const text = `${VALID}${levels}\n`;
    const [error, ...rest] = errorsOf(text);
    expect(rest).toEqual([]);
    expect(error).toMatch(
      /^\d+:\d+ Excessive alias count .*: write the repeated lists or maps out in full$/,
    );
    expect(Number(error?.split(":")[0])).toBe(lineOf(text, "*x0"));
  });

  it("takes a zone written in any case, and names it as the time zone database does", () => {
    const r = parseTripText(VALID.replace("timeZone: Europe/Berlin", "timeZone: europe/berlin"));
    expect(r.ok && r.trip.zone).toBe("Europe/Berlin");
    expect(r.ok && r.trip.zoneLabel).toBe("Berlin");
  });

  it("says to quote a value holding ': ' and to indent with spaces, at the place", () => {
    const colon = VALID.replace("    title: Race", "    title: Race: the start");
    expect(errorsOf(colon)).toEqual([
      `${lineOf(colon, "Race: the start")}:12 Nested mappings are not allowed in compact mappings (a text with ": " in it needs quotes, like title: "Dinner: at 6")`,
    ]);
    const deep = VALID.replace(
      "    title: Race",
      `    title: ${"[".repeat(5000)}${"]".repeat(5000)}`,
    );
    expect(errorsOf(deep)).toEqual([
      expect.stringMatching(/^\d+:\d+ lists or maps nested too deeply for a trip file$/),
    ]);
    const tab = VALID.replace("    title: Race", "\ttitle: Race");
    expect(errorsOf(tab)[0]).toBe(
      `${lineOf(tab, "\ttitle")}:1 Tabs are not allowed as indentation (indent with spaces)`,
    );
  });

  it("reports a key written twice", () => {
    const text = VALID.replace("name: Test trip", "name: Test trip\nname: Again");
    expect(errorsOf(text)[0]).toMatch(/^3:1 Map keys must be unique/);
  });

  it("ships a JSON Schema that matches the zod schema", () => {
    const committed = JSON.parse(readFileSync("trips/trip.schema.json", "utf8"));
    expect(committed).toEqual(JSON.parse(JSON.stringify(tripJsonSchema(PLATFORMS))));
    expect(Object.keys(committed.properties)).toContain("itinerary");
  });
});

describe("trip size", () => {
  it("refuses an itinerary longer than a stored trip can hold, where the list starts", async () => {
    const { MAX_FACTS } = await import("../../bot/trip/schema");
    const items = Array.from(
      { length: MAX_FACTS.itinerary + 1 },
      (_, i) => `  - id: item-${i}\n    start: 2025-09-21 09:15\n    title: Item ${i}`,
    ).join("\n");
    const text = VALID.replace(
      "itinerary:\n  - id: start\n    start: 2025-09-21 09:15\n    title: Race\n",
      `itinerary:\n${items}\n`,
    );
    const r = parseTripText(text, "big.yaml");
    expect(r.ok ? [] : r.errors.map((e) => `${e.line}:${e.column} ${e.message}`)).toEqual([
      `${text.split("\n").indexOf("itinerary:") + 2}:3 itinerary: Too big: expected array to have <=${MAX_FACTS.itinerary} items`,
    ]);
  });
});

describe("trip files that could not be stored or shown safely", () => {
  it("refuses an entry too large to store, at its line, naming the limit", () => {
    const text = VALID.replace(
      "    answer: No.",
      `    answer: ${"No, and here is why. ".repeat(25_000)}`,
    );
    const errors = errorsOf(text);
    expect(errors).toContainEqual(
      expect.stringMatching(
        new RegExp(`^${lineOf(text, "- id: visa")}:5 faq\\[0\\]: .*at most 100 KB`),
      ),
    );
  });

  it("weighs what is stored, not characters: many rules of wide characters add up", () => {
    const rules = Array.from({ length: 40 }, () => `      - ${"禁".repeat(1000)}`).join("\n");
    const text = `${VALID}rules:\n  - topic: customs\n    title: Customs\n    rules:\n${rules}\n`;
    expect(errorsOf(text)).toContainEqual(expect.stringMatching(/^\d+:5 rules\[0\]: .*KB/));
  });

  it("takes only web addresses for the event's link", () => {
    const text = VALID.replace(
      "  name: Test race",
      "  name: Test race\n  url: javascript:alert(1)",
    );
    expect(errorsOf(text)).toEqual([
      `${lineOf(text, "url:")}:8 event.url: must be a web address starting with https:// or http://`,
    ]);
    const ok = parseTripText(
      VALID.replace("  name: Test race", "  name: Test race\n  url: https://example.org/race"),
    );
    expect(ok.ok).toBe(true);
  });
});
