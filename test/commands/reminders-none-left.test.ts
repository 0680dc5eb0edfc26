import { afterEach, describe, expect, it } from "vitest";
import {
  discordText,
  type OutsideFixture,
  outsideFixture,
  slackText,
} from "../helpers/outside-trips";

/** `reminders on` says truly why no reminder is coming: no items, or their times have passed. */

const trip = (itinerary: string) => `
id: reminders-trip
name: Reminders trip
timeZone: Asia/Kathmandu
organisers: { slack: [UORG], discord: ["900"] }
defaultReminders: [1d]
event: { name: Walk, start: 2027-06-02 09:00, startPlace: { name: Durbar Square } }
itinerary: ${itinerary}
`;

let f: OutsideFixture | undefined;
afterEach(async () => {
  await f?.close();
  f = undefined;
});

async function remindersOn(yaml: string, now: string): Promise<string[]> {
  f = await outsideFixture([yaml], new Date(now));
  const s = await f.slack("reminders on", { user: "UORG" });
  const d = await f.discord("reminders", "on", { user: "900" });
  expect([s.statusCode, d.statusCode]).toEqual([200, 200]);
  return [slackText(s.body), discordText(d.body)];
}

describe("reminders on, with no reminder left to send", () => {
  it("on a trip with no itinerary yet, says so rather than that every item has started", async () => {
    for (const text of await remindersOn(trip("[]"), "2027-05-01T00:00:00Z")) {
      expect(text).toContain("Reminders are on");
      expect(text).toContain("the itinerary has no items");
      expect(text).not.toContain("has started");
    }
  });

  it("when the items are still to come but their reminder times have passed", async () => {
    // The walk is in 3 hours; its one reminder (a day before) was due yesterday.
    const items = "\n  - { id: walk, start: 2027-06-02 09:00, title: Heritage walk }";
    for (const text of await remindersOn(trip(items), "2027-06-02T00:15:00Z")) {
      expect(text).toContain("every reminder time of the items still to come has passed");
    }
  });

  it("when every item has started", async () => {
    const items = "\n  - { id: walk, start: 2027-06-02 09:00, title: Heritage walk }";
    for (const text of await remindersOn(trip(items), "2027-06-03T00:00:00Z")) {
      expect(text).toContain("every itinerary item has started");
    }
  });
});
