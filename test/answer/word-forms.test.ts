import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { findAnswer } from "../../bot/answer/find";
import { commonWordsModule } from "../../scripts/common-words";
import { answered, shown } from "./findings";
import { tripOf } from "./trips";

/**
 * How a typed word reaches the trip's words when it is not the same word: cut short ("feb",
 * "accom"), another form ("rental" of "rent"), or two words run together ("campfire"), and not
 * when a whole word merely starts another ("sea" of "seat", "audition" of "auditorium").
 */
const trip = tripOf(`
id: fjord-camp
name: Fjord summer camp
timeZone: Europe/Oslo
command: camp
event:
  name: Fjord camp week
  start: 2027-02-14 09:00
  startPlace: { name: Bergen harbour }
places:
  - { id: hall, name: Grieg Hall, description: "The auditorium where the closing concert is held." }
itinerary:
  - { id: concert, start: 2027-02-19 19:00, title: Closing concert, place: Grieg Hall }
  - { id: kayak, start: 2027-02-16 10:00, title: Kayak rental and paddle on the fjord }
rules:
  - topic: chapel
    title: In the stave church
    rules:
      - Stay in your seat during the service and keep silent.
  - topic: camp
    title: Camp rules
    rules:
      - No open fires anywhere on the site; cook only in the kitchen tent.
      - Write nothing on the trail markers and leave them where they are.
faq:
  - id: weather
    question: How cold is it in February?
    answer: Between -5 and 3 °C by the fjord; colder on the glacier day.
  - id: rooms
    question: Where do we sleep?
    answer: In cabins of four; the accommodation has bedding and towels.
`);

describe("a word cut short or in another form finds the word", () => {
  it.each([
    ["how cold is it in feb", "faq:weather"],
    ["accom", "faq:rooms"],
    ["when is the kayak rent", "item:kayak"],
  ])("%s", (q, id) => {
    expect(shown(findAnswer(trip, q))[0]).toBe(id);
  });
});

describe("a whole word that starts another word is not that word", () => {
  it("'sea' is no 'seat': swimming in the sea is not answered by the chapel rule", () => {
    const f = findAnswer(trip, "can i swim in the sea");
    expect(answered(f)).toBeUndefined();
    expect(shown(f)).not.toContain("rule:chapel:1");
  });

  it("'part' is no 'party'", () => {
    const party = tripOf(`
id: party
name: Party trip
timeZone: Europe/Oslo
event: { name: Fjord camp, start: 2027-02-14 09:00, startPlace: { name: Bergen } }
itinerary:
  - { id: party, start: 2027-02-19 21:00, title: Farewell party }
`);
    expect(shown(findAnswer(party, "which part of town"))).toEqual([]);
  });

  it("'audition' is no 'auditorium'", () => {
    expect(shown(findAnswer(trip, "do i need to audition"))).toEqual([]);
  });
});

describe("two words run together find the words written apart", () => {
  it("a campfire question shows the rule forbidding open fires", () => {
    expect(shown(findAnswer(trip, "can we have a campfire"))).toContain("rule:camp:1");
  });

  it("a trailmarker question shows the rule on trail markers", () => {
    expect(shown(findAnswer(trip, "can i write my name on a trailmarker"))).toContain(
      "rule:camp:2",
    );
  });

  it("a word is only split into words the trip writes ('carriage' is not 'carry' + 'age')", () => {
    expect(shown(findAnswer(trip, "which carriage"))).toEqual([]);
  });
});

describe("the list of common words", () => {
  it("is what `npm run words` writes from the frequency list", () => {
    expect(readFileSync("bot/answer/common-words.ts", "utf8")).toBe(commonWordsModule());
  });
});
