import ical, { type VEvent } from "node-ical";
import { describe, expect, it } from "vitest";
import { calendarServer } from "../../bot/calendar/serve";
import { loadTrip } from "../../bot/loading/load-trip";
import { MemoryCalendarTokens } from "../../bot/store/calendar-tokens";
import { memoryStores } from "../../bot/store/memory-stores";
import { parseTripText } from "../../bot/trip/parse";
import { syntheticTrip } from "../helpers/synthetic-trip";

/**
 * The feed of trips other than the shipped ones, as a calendar app reads it: a trip across a
 * clock change and a year's end, texts with iCalendar's special characters and any script,
 * one-day trips, and trips with no items or many.
 */

const TRIP = `
id: winter-in-london
name: "Winter in London, Paris; and back \\\\ again — 冬の旅 🏃"
timeZone: Europe/London
event:
  name: Silvester run
  start: 2025-12-31 23:00
  startPlace: { name: "Hyde Park, Speakers' Corner" }
itinerary:
  - id: dinner
    start: 2025-12-31 19:00
    end: 2025-12-31 21:30
    title: "Dinner: fish, chips; mushy peas \\\\ and a toast"
    place: "Café Ünïcødé, 1 Rue de l'Été; Bâtiment ⅔"
    notes: |
      Line one, with a comma; and a semicolon.
      Line two \\ a backslash.
      Ответ по-русски, 한국어 안내, 中文说明, emoji 🎉🥂 and more text so that this line is far longer than seventy-five octets.
  - id: run
    start: 2025-12-31 23:00
    end: 2026-01-01 01:00
    title: New Year's run across the year's end
  - id: no-end
    start: 2026-01-01 12:00
    title: "Brunch (no end time) — ${"長い".repeat(60)}"
  - id: spring-forward
    start: 2026-03-29 00:30
    end: 2026-03-29 03:30
    title: Overnight across the clocks going forward
  - id: fall-back
    start: 2026-10-25 01:30+01:00
    end: 2026-10-25 01:30+00:00
    title: The hour that happens twice
`;

function parsed(text: string) {
  const result = parseTripText(text, "trip.yaml");
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return result.file;
}

async function served(file: ReturnType<typeof parsed>) {
  const stores = memoryStores();
  await loadTrip(stores, file);
  const tokens = new MemoryCalendarTokens();
  const token = await tokens.tokenFor(file.id);
  const serve = calendarServer({
    tokens,
    store: stores.facts,
    clock: () => new Date("2025-12-01T00:00:00Z"),
  });
  const get = (path: string, headers: Record<string, string> = {}) =>
    serve({ method: "GET", path, headers });
  return { get, token, tokens, stores };
}

const events = (body: string): VEvent[] =>
  Object.values(ical.sync.parseICS(body)).filter((c): c is VEvent => c?.type === "VEVENT");
const byUid = (list: VEvent[], uid: string) => list.find((e) => e.uid === uid);
const iso = (d: Date | undefined) => d?.toISOString();
/** The content lines of a feed, as RFC 5545 §3.1 unfolds them. */
const unfolded = (body: string) => body.replace(/\r\n[ \t]/g, "").split("\r\n");

describe("the feed of a trip across a year's end and both clock changes, in many scripts", () => {
  it("folds every line at 75 octets without splitting a character, and ends lines with CRLF", async () => {
    const { get, token } = await served(parsed(TRIP));
    const res = await get(`/calendar/${token}.ics`);
    expect(res.statusCode).toBe(200);
    const lines = res.body.split("\r\n");
    expect(res.body.replace(/\r\n/g, "")).not.toMatch(/[\r\n]/);
    for (const line of lines) {
      expect(Buffer.byteLength(line, "utf8"), line).toBeLessThanOrEqual(75);
      // A fold inside a multi-byte character would leave a replacement character on decoding.
      expect(Buffer.from(line, "utf8").toString("utf8")).toBe(line);
    }
    expect(lines.some((l) => l.startsWith(" "))).toBe(true);
    // Joined again, the folded pieces give back whole characters.
    const summary = unfolded(res.body).find((l) => l.includes("Brunch"));
    expect(summary).toContain("長い".repeat(60));
  });

  it("escapes commas, semicolons, backslashes and newlines, and keeps any script", async () => {
    const file = parsed(TRIP);
    const { get, token } = await served(file);
    const body = (await get(`/calendar/${token}.ics`)).body;
    const lines = unfolded(body);
    expect(lines).toContain("SUMMARY:Dinner: fish\\, chips\\; mushy peas \\\\ and a toast");
    const list = events(body);
    const dinner = byUid(list, "dinner@winter-in-london");
    expect(String(dinner?.summary)).toBe("Dinner: fish, chips; mushy peas \\ and a toast");
    expect(String(dinner?.location)).toBe("Café Ünïcødé, 1 Rue de l'Été; Bâtiment ⅔");
    const notes = file.itinerary[0]?.notes ?? "";
    expect(String(dinner?.description)).toContain(notes.trim());
    expect(lines.find((l) => l.startsWith("X-WR-CALNAME:"))).toBe(
      "X-WR-CALNAME:Winter in London\\, Paris\\; and back \\\\ again — 冬の旅 🏃",
    );
  });

  it("puts every item at its exact instant across the year's end and both clock changes", async () => {
    const { get, token } = await served(parsed(TRIP));
    const list = events((await get(`/calendar/${token}.ics`)).body);
    const at = (id: string) => byUid(list, `${id}@winter-in-london`);
    expect(iso(at("run")?.start)).toBe("2025-12-31T23:00:00.000Z");
    expect(iso(at("run")?.end)).toBe("2026-01-01T01:00:00.000Z");
    // 00:30 GMT, then 03:30 BST: two hours, not three.
    expect(iso(at("spring-forward")?.start)).toBe("2026-03-29T00:30:00.000Z");
    expect(iso(at("spring-forward")?.end)).toBe("2026-03-29T02:30:00.000Z");
    // 01:30 BST to 01:30 GMT: one hour apart.
    expect(iso(at("fall-back")?.start)).toBe("2026-10-25T00:30:00.000Z");
    expect(iso(at("fall-back")?.end)).toBe("2026-10-25T01:30:00.000Z");
    // An item without an end is a moment, not an hour the trip never said.
    expect(iso(at("no-end")?.end ?? at("no-end")?.start)).toBe("2026-01-01T12:00:00.000Z");
    // Times are UTC (no floating time a phone would read in its own zone).
    const body = (await get(`/calendar/${token}.ics`)).body;
    for (const line of unfolded(body).filter((l) => /^DT(START|END)/.test(l))) {
      expect(line, line).toMatch(/^DT(START|END):\d{8}T\d{6}Z$/);
    }
  });
});

describe("feeds of trips of every size", () => {
  const start = new Date("2027-02-28T22:00:00Z");

  it("serves a trip with no itinerary as an empty but valid calendar", async () => {
    const { get, token } = await served(
      syntheticTrip({ id: "empty", items: 0, firstStart: start }),
    );
    const res = await get(`/calendar/${token}.ics`);
    expect(res.statusCode).toBe(200);
    expect(res.body).toMatch(/^BEGIN:VCALENDAR\r\n/);
    expect(res.body).toMatch(/END:VCALENDAR$/);
    expect(events(res.body)).toEqual([]);
  });

  it("serves a one-day trip and a 200-item trip, each item once", async () => {
    for (const items of [1, 200]) {
      const file = syntheticTrip({ id: `size-${items}`, items, firstStart: start });
      const { get, token } = await served(file);
      const list = events((await get(`/calendar/${token}.ics`)).body);
      expect(list).toHaveLength(items);
      expect(new Set(list.map((e) => e.uid)).size).toBe(items);
    }
  });
});

describe("links that open nothing", () => {
  it("answers an old, a wrong and another trip's look-alike token exactly alike", async () => {
    const { get, token, tokens } = await served(parsed(TRIP));
    const fresh = await tokens.reset("winter-in-london");
    const never = `${token.slice(0, -1)}${token.endsWith("A") ? "B" : "A"}`;
    const answers = await Promise.all(
      [token, never, "x".repeat(27), "short", `${fresh}x`].flatMap((t) => [
        get(`/calendar/${t}.ics`),
        get(`/calendar/${t}.pdf`),
      ]),
    );
    for (const res of answers) {
      expect(res).toEqual(answers[0]);
      expect(res.statusCode).toBe(404);
    }
    expect((await get(`/calendar/${fresh}.ics`)).statusCode).toBe(200);
  });
});

describe("a trip name that looks like iCalendar", () => {
  it("stays the calendar's name and adds no property or event", async () => {
    const file = parsed(TRIP);
    file.name = "Tour\nBEGIN:VEVENT\nUID:injected\nSUMMARY:Free drinks\nEND:VEVENT\nX-Y:z";
    const { get, token } = await served(file);
    const body = (await get(`/calendar/${token}.ics`)).body;
    expect(events(body).map((e) => e.uid)).not.toContain("injected");
    expect(events(body)).toHaveLength(file.itinerary.length);
    const names = unfolded(body).filter((l) => /^(NAME|X-WR-CALNAME|X-WR-CALDESC|X-Y)[:;]/.test(l));
    expect(names.map((l) => l.split(":")[0])).toEqual(["NAME", "X-WR-CALNAME", "X-WR-CALDESC"]);
    expect(names[1]).toBe(`X-WR-CALNAME:${file.name.replace(/\n/g, "\\n")}`);
  });
});
