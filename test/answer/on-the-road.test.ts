import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { CommandRequest } from "../../bot/commands/context";
import { createBot } from "../../bot/core";
import { renderText } from "../../bot/text/render";
import type { LocalEnvironment } from "../../dev/environment";
import { localTable } from "../helpers/local-table";

/**
 * Three days in Lisbon, the clocks going back on the last night, a dinner every evening and
 * two coaches: what travellers ask on the road, where the day or the hour tells which is meant.
 */
const LISBON = `
id: lisbon-10k
name: Lisbon 10K weekend
timeZone: Europe/Lisbon
event: { name: Lisbon 10K, start: 2026-10-24 09:00, startPlace: { name: Praça do Comércio } }
places:
  - { id: hotel, name: Hotel Alfama, description: Where the group stays }
itinerary:
  - { id: arrival, start: 2026-10-23 15:00, title: Check-in, place: Hotel Alfama }
  - { id: welcome, start: 2026-10-23 19:30, title: Welcome dinner, place: Hotel Alfama }
  - { id: race-breakfast, start: 2026-10-24 06:30, title: Early breakfast, place: Hotel Alfama }
  - { id: start-coach, start: 2026-10-24 07:30, title: Coach to the start, place: Hotel Alfama }
  - { id: fado, start: 2026-10-24 20:00, title: Fado dinner, place: Clube de Fado, notes: A set menu with fado singers. }
  - { id: breakfast, start: 2026-10-25 08:00, title: Late breakfast, place: Hotel Alfama }
  - { id: transfer, start: 2026-10-25 11:00, title: Coach to the airport, place: Hotel Alfama }
faq:
  - id: bags
    question: Where can I leave my bag on race day?
    answer: At the bag drop beside the start, from 07:30.
`;

describe("questions asked on the road", () => {
  let env: LocalEnvironment;
  beforeAll(async () => {
    const dir = mkdtempSync(join(tmpdir(), "day-questions-"));
    const file = join(dir, "lisbon.yaml");
    writeFileSync(file, LISBON);
    env = await localTable({ trips: [file] });
  });
  afterAll(() => env.close());

  /** Free text as typed after the command: its first word is where a command would be. */
  const ask = async (
    typed: string,
    platform: "slack" | "discord" = "slack",
    now = "2026-10-23T10:00:00Z",
  ) => {
    const [command = "", ...rest] = typed.split(" ");
    const request: CommandRequest = {
      command,
      input: rest.join(" "),
      user: { id: "U1" },
      channel: { id: "C1" },
      platform,
    };
    const reply = await createBot({ store: env.store, clock: () => new Date(now) }).answer(request);
    return {
      reply,
      text: renderText(reply, { readerZone: "America/New_York", now: new Date(now) }),
    };
  };

  it("answers which dinner, breakfast or transfer by the day named, on both platforms", async () => {
    const cases: [string, string][] = [
      ["what time is dinner tomorrow", "Fado dinner"],
      ["when is dinner on saturday", "Fado dinner"],
      ["dinner on day 1?", "Welcome dinner"],
      ["what time is breakfast on sunday", "Late breakfast"],
      ["breakfast on race day", "Early breakfast"],
      ["when is breakfast on the last day", "Late breakfast"],
      ["ask what time is dinner on the first night", "Welcome dinner"],
      ["faq what time is breakfast on the 25th", "Late breakfast"],
    ];
    for (const platform of ["slack", "discord"] as const) {
      for (const [typed, title] of cases) {
        expect((await ask(typed, platform)).reply.title, `${platform}: ${typed}`).toBe(title);
      }
    }
    // Without a day, three dinners answer it: the bot asks back rather than pick one.
    const undated = await ask("what time is dinner");
    expect(undated.reply.title).toMatch(/^Not sure/);
    expect(undated.text).toContain("Fado dinner");
    expect(undated.text).toContain("Welcome dinner");
  });

  it("shows the day itself for a question of nothing but a day", async () => {
    for (const platform of ["slack", "discord"] as const) {
      for (const typed of [
        "whats on tomorrow",
        "what are we doing on saturday",
        "what's the plan for race day",
        "ask what's happening tomorrow?",
      ]) {
        const { reply, text } = await ask(typed, platform);
        expect(reply.title, typed).toBe("Itinerary: Day 2 — Sat 24 Oct 2026");
        expect(text, typed).toContain("Fado dinner");
        expect(text, typed).not.toContain("Welcome dinner");
      }
    }
    // The clocks go back during the last night: Sunday's breakfast is still at 08:00 there.
    const sunday = await ask("what's on sunday");
    expect(sunday.reply.title).toBe("Itinerary: Day 3 — Sun 25 Oct 2026");
    expect(sunday.text).toContain("08:00 Lisbon time");
  });

  it("says plainly when the day asked about is not a day of the trip", async () => {
    const before = await ask("whats on tomorrow", "slack", "2026-10-01T12:00:00Z");
    expect(before.text).toContain("Tomorrow is not a day of the trip. The trip starts in 22 days");
    const after = await ask("what are we doing today", "discord", "2026-11-02T12:00:00Z");
    expect(after.text).toContain("The trip ended");
  });

  it("still answers from the FAQ what it says about the day named", async () => {
    const reply = (await ask("where can i leave my bag on race day")).reply;
    expect(reply.title).toBe("Where can I leave my bag on race day?");
  });

  it("answers the next coach by what is still to come, on both platforms", async () => {
    for (const platform of ["slack", "discord"] as const) {
      const before = await ask("when is the next coach", platform, "2026-10-23T10:00:00Z");
      expect(before.reply.title).toBe("Next: Coach to the start");
      const between = await ask("what time is our next bus?", platform, "2026-10-24T10:00:00Z");
      expect(between.reply.title).toBe("Next: Coach to the airport");
      expect(between.text).toContain("11:00 Lisbon time");
    }
    // "next to" asks where, not what comes next.
    const where = await ask("is there a cafe next to the hotel", "slack", "2026-10-24T10:00:00Z");
    expect(where.reply.title).not.toMatch(/^Next/);
  });

  it("answers what happens at an hour with the item that starts then", async () => {
    for (const platform of ["slack", "discord"] as const) {
      const cases: [string, string][] = [
        ["whats happening at 8pm on saturday", "Fado dinner"],
        ["where do we need to be at 7.30 on race day", "Coach to the start"],
        ["what's at 19:30", "Welcome dinner"],
        ["where do we meet at 11am", "Coach to the airport"],
      ];
      for (const [typed, title] of cases) {
        expect((await ask(typed, platform)).reply.title, `${platform}: ${typed}`).toBe(title);
      }
    }
    // The Lisbon clocks go back at 02:00 on Sunday: Sunday's 08:00 is still 08:00 there.
    expect((await ask("what is at 8am on sunday")).reply.title).toBe("Late breakfast");
    // An hour nothing starts at, or words about something else, are asked as a question.
    expect((await ask("whats on at 3pm on saturday")).reply.title).not.toMatch(/dinner|Coach/);
    expect((await ask("can I check out late at 2pm")).reply.title).not.toBe("Fado dinner");
  });
});
