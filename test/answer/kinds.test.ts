import { describe, expect, it } from "vitest";
import { findAnswer } from "../../bot/answer/find";
import { KIND_LINES } from "../../bot/answer/kinds";
import { answered, shown } from "./findings";
import { tripOf } from "./trips";

/**
 * Rules name kinds of things, travellers name the things: a thing finds the rule on its kind,
 * and never another thing of the same kind.
 */
const trip = tripOf(`
id: bali-week
name: Bali week
timeZone: Asia/Makassar
event: { name: Wedding weekend, start: 2027-05-08 16:00, startPlace: { name: Uluwatu cliff } }
rules:
  - topic: nature
    title: Nature
    rules:
      - Do not feed or touch the wildlife, on land or in the sea.
      - Take nothing from the beach or the reef.
  - topic: flights
    title: Flights
    rules:
      - No knives or other blades in hand luggage.
  - topic: temples
    title: Temples
    rules:
      - Cover your shoulders and knees at religious sites.
faq:
  - id: kids
    question: Where can we feed the kids?
    answer: The villa kitchen makes children's meals from 17:00.
  - id: makeup
    question: Can I touch up my make-up before the photos?
    answer: Yes, there is a mirror room beside the ceremony lawn.
  - id: plane
    question: What can I take on the plane?
    answer: One cabin bag of 7 kg and a small handbag.
  - id: reception-dress
    question: Can I wear shorts at the reception?
    answer: Smart shorts are fine at the beach club reception.
  - id: sharks
    question: Will we see sharks?
    answer: Reef sharks are common on the morning snorkel.
  - id: dinner
    question: Is there a welcome dinner?
    answer: Yes, Friday at 19:00 at the villa.
`);

describe("a thing finds the rule on its kind", () => {
  it.each([
    ["can i feed the monkeys", "rule:nature:1"],
    ["can i touch the turtles", "rule:nature:1"],
    ["can i take my swiss army knife on the plane", "rule:flights:1"],
  ])("%s", (q, id) => {
    expect(answered(findAnswer(trip, q))).toBe(id);
  });

  it("a rule requiring the opposite stands beside an answer that permits elsewhere", () => {
    expect(shown(findAnswer(trip, "can i wear shorts in the temple"))).toContain("rule:temples:1");
  });
});

describe("a thing does not find another thing of its kind", () => {
  it("turtles are not sharks", () => {
    expect(shown(findAnswer(trip, "where can we see turtles"))).not.toContain("faq:sharks");
  });
});

describe("the list of kinds", () => {
  it("names no thing as its own kind, and no word twice in one line", () => {
    for (const { kind, things } of KIND_LINES) {
      expect(things.filter((t) => kind.includes(t))).toEqual([]);
      expect(new Set(things).size).toBe(things.length);
    }
  });
});
