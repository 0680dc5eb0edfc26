import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { COMMANDS } from "../../bot/commands/registry";
import {
  discordText,
  type OutsideFixture,
  outsideFixture,
  slackText,
} from "../helpers/outside-trips";

/**
 * Whatever a traveller types after any command, on a trip of our own, through both signed
 * handlers: a 200 with a short, readable answer; never an error, "undefined" or "Invalid".
 */
const TRIP = `
id: kyoto-autumn
name: Kyoto autumn leaves
timeZone: Asia/Tokyo
timeZoneLabel: Kyoto
event: { name: Temple walk, start: 2026-11-21 09:00, startPlace: { name: Kiyomizu-dera } }
itinerary:
  - { id: arrive, start: 2026-11-20 15:00, title: Arrival at the ryokan }
  - { id: walk, start: 2026-11-21 09:00, title: Temple walk }
  - { id: tea, start: 2026-11-22 14:00, title: Tea ceremony }
rules:
  - { topic: temples, title: In the temples, rules: [Shoes off inside the halls.] }
faq:
  - { id: cash, question: Do I need cash?, answer: Yes; many temples take only yen in cash. }
`;

const ODD = [
  " ",
  "\u0000",
  "🙂🙂🙂",
  "-1",
  "9999999999999999999999",
  "2026-13-45",
  "31/02",
  "undefined",
  "\u202eevil",
  "@everyone <@1> <!channel>",
  "x".repeat(1500),
];

describe("odd input after every command, on both platforms", () => {
  let f: OutsideFixture;
  beforeAll(async () => {
    f = await outsideFixture([TRIP], new Date("2026-11-01T00:00:00Z"));
  });
  afterAll(() => f.close());

  it("answers every one with a short, readable reply", async () => {
    const names = COMMANDS.map((c) => c.name).filter((n) => n !== "announce");
    for (const name of names) {
      for (const odd of ODD) {
        const label = `${name} ${JSON.stringify(odd.slice(0, 30))}`;
        const s = await f.slack(`${name} ${odd}`);
        expect(s.statusCode, label).toBe(200);
        const slackShown = slackText(s.body);
        const d = await f.discord(name, odd);
        expect(d.statusCode, label).toBe(200);
        const discordShown = discordText(d);
        for (const shown of [slackShown, discordShown]) {
          expect(shown.trim().length, label).toBeGreaterThan(0);
          // The words themselves may be echoed when they were typed; otherwise they are a bug.
          if (!/undefined|NaN/.test(odd)) expect(shown, label).not.toMatch(/undefined|\bNaN\b/);
          expect(shown, label).not.toMatch(/Invalid DateTime|\[object/);
          expect(shown, label).not.toContain("x".repeat(200));
        }
      }
    }
  }, 120_000);
});
