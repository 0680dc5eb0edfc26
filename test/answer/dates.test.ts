import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createBot } from "../../bot/core";
import { loadTrip } from "../../bot/loading/load-trip";
import { renderText } from "../../bot/text/render";
import type { LocalEnvironment } from "../../dev/environment";
import { localTable, PYONGYANG } from "../helpers/local-table";

describe("itinerary: dates as people type them", () => {
  let env: LocalEnvironment;
  beforeAll(async () => {
    env = await localTable({ trips: [PYONGYANG] });
  });
  afterAll(() => env.close());

  const itinerary = async (input: string, now = "2025-04-01T00:00:00Z") => {
    const bot = createBot({ store: env.store, clock: () => new Date(now) });
    const reply = await bot.answer({
      command: "itinerary",
      input,
      user: { id: "U1" },
      channel: { id: "C1" },
      platform: "slack",
    });
    return { reply, text: renderText(reply, { readerZone: "UTC", now: new Date(now) }) };
  };

  it("reads weekdays, dates in words, ordinals and numbers in words", async () => {
    const cases: [string, string][] = [
      ["saturday 5 april", "Day 3 — Sat 5 Apr 2025"],
      ["5th April", "Day 3 — Sat 5 Apr 2025"],
      ["April 5th", "Day 3 — Sat 5 Apr 2025"],
      ["sat", "Day 3 — Sat 5 Apr 2025"],
      ["4/5", "Day 3 — Sat 5 Apr 2025"],
      ["day two", "Day 2 — Fri 4 Apr 2025"],
      ["second day", "Day 2 — Fri 4 Apr 2025"],
      ["last day", "Day 5 — Mon 7 Apr 2025"],
      ["race day", "Day 4 — Sun 6 Apr 2025"],
      // Words around the day, and the shorthand of a phone.
      ["on monday", "Day 5 — Mon 7 Apr 2025"],
      ["this saturday", "Day 3 — Sat 5 Apr 2025"],
      ["next monday", "Day 5 — Mon 7 Apr 2025"],
      ["what's on saturday", "Day 3 — Sat 5 Apr 2025"],
      ["the 6th", "Day 4 — Sun 6 Apr 2025"],
      ["sat 5th", "Day 3 — Sat 5 Apr 2025"],
      ["fri 4", "Day 2 — Fri 4 Apr 2025"],
      ["d2", "Day 2 — Fri 4 Apr 2025"],
      ["day before the race", "Day 3 — Sat 5 Apr 2025"],
      ["the day after the marathon", "Day 5 — Mon 7 Apr 2025"],
    ];
    for (const [input, title] of cases) {
      expect((await itinerary(input)).reply.title, input).toBe(`Itinerary: ${title}`);
    }
  });

  it("reads tmrw and today in the destination's zone", async () => {
    // 23:30 UTC on 4 April is already 5 April in Pyongyang: tomorrow there is the 6th.
    expect((await itinerary("tmrw", "2025-04-04T23:30:00Z")).reply.title).toContain(
      "Day 4 — Sun 6 Apr 2025",
    );
    expect((await itinerary("today", "2025-04-04T23:30:00Z")).reply.title).toContain("Day 3");
  });

  it("says plainly when today or tomorrow is outside the trip", async () => {
    const before = await itinerary("today", "2025-03-22T00:00:00Z");
    expect(before.text).toContain("The trip starts in 12 days; day 1 is Thu 3 Apr 2025.");
    expect(before.reply.title).not.toMatch(/^No day/);
    const after = await itinerary("tomorrow", "2025-04-20T00:00:00Z");
    expect(after.text).toContain("The trip ended");
    const outside = await itinerary("10 april");
    expect(outside.text).toContain("Thu 10 Apr 2025 is not a day of the trip");
  });

  it("answers a date that does not exist as no day of the trip, never 'Invalid DateTime'", async () => {
    for (const input of ["2025-02-30", "2025-04-31", "2025-13-01"]) {
      const { reply, text } = await itinerary(input);
      expect(reply.title, input).toBe(`No day "${input}" in the itinerary`);
      expect(text, input).toContain("Day 1 — Thu 3 Apr 2025");
      expect(text, input).not.toContain("Invalid");
    }
    expect((await itinerary("2025-04-05")).reply.title).toBe("Itinerary: Day 3 — Sat 5 Apr 2025");
  });

  it("in a trip of several weeks, a weekday is the coming one and a day of the month asks back", async () => {
    const text = `
id: long-spring
name: Long spring tour
timeZone: Europe/Paris
event: { name: Run, start: 2026-04-05 09:00, startPlace: { name: Park } }
itinerary:
  - { id: a, start: 2026-04-04 09:00, title: Arrival }
  - { id: b, start: 2026-04-05 09:00, title: Race }
  - { id: c, start: 2026-04-18 09:00, title: Wine tasting }
  - { id: d, start: 2026-04-25 09:00, title: Farewell lunch }
  - { id: e, start: 2026-05-04 09:00, title: Extension in May }
`;
    const { parseTripText } = await import("../../bot/trip/parse");
    const parsed = parseTripText(text);
    if (!parsed.ok) throw new Error("bad trip");
    await loadTrip(env.stores, parsed.file);
    const ask = async (input: string, now: string) => {
      const bot = createBot({ store: env.store, clock: () => new Date(now) });
      return bot.answer({
        command: "itinerary",
        input,
        user: { id: "U1" },
        channel: { id: "C1" },
        platform: "slack",
        tripId: "long-spring",
      });
    };
    // Before the trip, its first Saturday; on Monday 20 April, the Saturday after.
    expect((await ask("saturday", "2026-04-01T00:00:00Z")).title).toContain("Sat 4 Apr 2026");
    expect((await ask("saturday", "2026-04-20T08:00:00Z")).title).toContain("Sat 25 Apr 2026");
    const both = await ask("the 4th", "2026-04-01T00:00:00Z");
    expect(both.title).toBe('Which day is "the 4th"?');
    const shown = renderText(both, { readerZone: "UTC", now: new Date("2026-04-01T00:00:00Z") });
    expect(shown).toContain("Sat 4 Apr 2026");
    expect(shown).toContain("Mon 4 May 2026");
  });

  it("asks back when 4/5 could be either of two trip days", async () => {
    const text = `
id: spring
name: Spring tour
timeZone: Europe/Paris
event: { name: Run, start: 2026-04-05 09:00, startPlace: { name: Park } }
itinerary:
  - { id: a, start: 2026-04-04 09:00, title: Arrival }
  - { id: b, start: 2026-04-05 09:00, title: Race }
  - { id: c, start: 2026-05-04 09:00, title: Extension in May }
`;
    const { parseTripText } = await import("../../bot/trip/parse");
    const parsed = parseTripText(text);
    if (!parsed.ok) throw new Error("bad trip");
    await loadTrip(env.stores, parsed.file);
    const bot = createBot({ store: env.store, clock: () => new Date("2026-04-01T00:00:00Z") });
    const reply = await bot.answer({
      command: "itinerary",
      input: "4/5",
      user: { id: "U1" },
      channel: { id: "C1" },
      platform: "slack",
      tripId: "spring",
    });
    const shown = renderText(reply, { readerZone: "UTC", now: new Date("2026-04-01T00:00:00Z") });
    expect(reply.title).toBe('Which day is "4/5"?');
    expect(shown).toContain("Sun 5 Apr 2026");
    expect(shown).toContain("Mon 4 May 2026");
  });
});
