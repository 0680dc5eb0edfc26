import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { COMMANDS } from "../../bot/commands/registry";
import { limitBroken } from "../../bot/discord/stand-in";
import { blocksBroken as slackBlocksBroken } from "../../bot/slack/stand-in";
import {
  discordText,
  type OutsideFixture,
  outsideFixture,
  slackText,
} from "../helpers/outside-trips";

// Trips at the edges: no itinerary item at all, no FAQ and no rules; and a one-day trip on the
// day the clocks go back (Sydney, 6 April 2025), asked during it. Every command on both
// platforms answers 200 with something to read, within limits.

const EMPTY = `
id: empty-trip
name: A trip with nothing planned yet
timeZone: Asia/Kolkata
event: { name: Holi, start: 2027-03-22 10:00, startPlace: { name: Vrindavan } }
itinerary: []
`;

const ONE_DAY = `
id: sydney-one-day
name: Sydney harbour day
timeZone: Australia/Sydney
event: { name: Harbour swim, start: 2025-04-06 09:00, startPlace: { name: Manly } }
itinerary:
  - { id: early, start: "2025-04-06 02:30+11:00", title: Night ferry (before the clocks go back) }
  - { id: late, start: "2025-04-06 02:30+10:00", title: Night ferry (after the clocks go back) }
  - { id: swim, start: 2025-04-06 09:00, title: Harbour swim }
`;

for (const [label, yaml, now] of [
  ["no items, no FAQ, no rules", EMPTY, "2027-03-20T00:00:00Z"],
  ["one day across a clock change", ONE_DAY, "2025-04-05T16:00:00Z"],
] as const) {
  describe(`every command on both platforms: ${label}`, () => {
    let fx: OutsideFixture;
    beforeAll(async () => {
      fx = await outsideFixture([yaml], new Date(now));
    });
    afterAll(() => fx.close());

    it("Slack answers each with something to read, within Block Kit's limits", async () => {
      for (const c of COMMANDS) {
        const { statusCode, body } = await fx.slack(c.name);
        expect(statusCode, c.name).toBe(200);
        expect(slackText(body).length, c.name).toBeGreaterThan(0);
        expect(slackBlocksBroken(body as never), c.name).toBeUndefined();
      }
      await fx.idle();
    });

    it("Discord answers each with something to read, within its limits", async () => {
      for (const c of COMMANDS) {
        const res = await fx.discord(c.name);
        expect(res.statusCode, c.name).toBe(200);
        expect(discordText(res).length, c.name).toBeGreaterThan(0);
        for (const m of res.messages) expect(limitBroken(m), c.name).toBeUndefined();
      }
      await fx.idle();
    });
  });
}
