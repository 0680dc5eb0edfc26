import { describe, expect, it } from "vitest";
import { findAnswer } from "../../bot/answer/find";
import { answered, first } from "./findings";
import { tripOf } from "./trips";

const trip = tripOf(`
id: kona-tri
name: Kona triathlon week
timeZone: Pacific/Honolulu
event: { name: Kona Ironman, start: 2026-10-10 06:25, startPlace: { name: Kailua Pier } }
places:
  - id: condo
    name: Team condos (Kona Reef)
    description: Where the team stays, a 15-minute walk from the pier.
    address: 75-5888 Alii Dr, Kailua-Kona, HI 96740
itinerary:
  - { id: pasta, start: 2026-10-09 18:00, title: Pasta party, place: Team condos (Kona Reef) }
  - { id: banquet, start: 2026-10-11 18:00, title: Awards banquet, notes: Smart casual. }
rules:
  - topic: bikes
    title: Shipping the bike
    rules:
      - Label the bike box with your name and the condo address.
faq:
  - id: tickets
    question: How do I get a banquet ticket?
    answer: Athletes get one with their entry; extra tickets cost 95 USD.
`);

describe("what a place and an item are called in other words", () => {
  it("leads an address with the place that has one, before a rule that mentions it", () => {
    for (const q of ["condo address", "whats the address of the condos", "address?"]) {
      expect(first(findAnswer(trip, q)), q).toBe("place:condo");
    }
  });

  it("reads a banquet as a dinner", () => {
    expect(answered(findAnswer(trip, "what time is the awards dinner"))).toBe("item:banquet");
  });
});
