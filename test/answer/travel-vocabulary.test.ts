import { describe, expect, it } from "vitest";
import { findAnswer } from "../../bot/answer/find";
import { SYNONYM_GROUPS } from "../../bot/answer/synonyms";
import { normalise, stem, Vocabulary } from "../../bot/answer/text";
import { answered, first, shown } from "./findings";
import { tripOf } from "./trips";

/**
 * The built-in travel vocabulary on a trip written here (a school trip to Lake Garda): a brand
 * finds the rule naming its generic, an everyday word finds the entry using the formal one, and
 * a word that only looks or sounds like a member finds nothing through the group.
 */
const trip = tripOf(`
id: garda-school-trip
name: Year 9 trip to Lake Garda
timeZone: Europe/Rome
command: garda
event:
  name: Lake Garda week
  start: 2027-06-14 09:00
  startPlace: { name: Riva del Garda harbour }
  facts:
    - text: Lake Garda is the largest lake in Italy.
places:
  - { id: hotel, name: Hotel Lago Blu, description: "Rooms of four, with a pool." }
itinerary:
  - { id: flight, start: 2027-06-12 07:00, title: Flight from Manchester to Verona }
  - { id: ferry, start: 2027-06-13 10:00, title: Ferry to Limone, place: Riva del Garda harbour }
  - { id: home, start: 2027-06-16 10:00, title: Coach to Verona airport for the flight home }
rules:
  - topic: medicines
    title: Medicines
    rules:
      - Medicines containing codeine are not allowed on the trip without a doctor's letter.
  - topic: luggage
    title: Luggage
    rules:
      - One suitcase of up to 20 kg per student goes in the hold.
      - Hand luggage must fit under the seat in front.
  - topic: conduct
    title: Conduct
    rules:
      - Students may not use taxis without a teacher.
      - Curfew is 22:00 every night.
faq:
  - id: paracetamol
    question: Can students take paracetamol?
    answer: Yes; the teachers carry paracetamol and give it out when needed.
    keywords: [paracetamol]
  - id: insects
    question: Will there be insects?
    answer: Some in the evenings by the lake, so pack insect repellent.
    keywords: [insect repellent]
  - id: footwear
    question: What footwear do I need on the boat?
    answer: Sandals or trainers with soles that grip on a wet deck.
    keywords: [footwear]
  - id: coat
    question: Do I need a coat?
    answer: A light rain jacket for the walk up Monte Rocchetta.
    keywords: [coat, rain jacket]
`);

describe("a brand finds the entry naming its generic", () => {
  it("paracetamol under its British, American and Australian names", () => {
    for (const q of ["can I take calpol", "is tylenol ok", "do the teachers have panadol"])
      expect(answered(findAnswer(trip, q)), q).toBe("faq:paracetamol");
  });

  it("a codeine medicine finds the rule that forbids codeine", () => {
    for (const q of [
      "can I bring co-codamol",
      "am I allowed solpadeine",
      "can I bring nurofen plus",
    ])
      expect(first(findAnswer(trip, q)), q).toBe("rule:medicines:1");
  });
});

describe("an everyday word finds the entry written in the formal one", () => {
  it.each([
    ["do I need bug spray", "faq:insects"],
    ["can we take a lyft into town", "rule:conduct:1"],
    ["how big can my carry on be", "rule:luggage:2"],
    ["are flip flops ok", "faq:footwear"],
    ["what time is lights out", "rule:conduct:2"],
  ])("%s", (q, id) => {
    expect(first(findAnswer(trip, q))).toBe(id);
  });
});

describe("a word that is not a synonym does not join a group", () => {
  it("ibuprofen is neither paracetamol nor codeine", () => {
    const f = findAnswer(trip, "can I bring ibuprofen");
    expect(answered(f)).not.toBe("faq:paracetamol");
    expect(answered(f)).not.toBe("rule:medicines:1");
  });

  it("a life jacket is not a coat, and a speaker is not a pair of sneakers", () => {
    expect(answered(findAnswer(trip, "do we wear a life jacket on the ferry"))).not.toBe(
      "faq:coat",
    );
    expect(answered(findAnswer(trip, "are speakers allowed"))).not.toBe("faq:footwear");
  });

  it("a slip keeps its first letter: 'fligth' is a flight, 'light' and 'seating' are not", () => {
    const vocabulary = new Vocabulary();
    const groups = (word: string, typos = true) =>
      vocabulary.analyse(word, typos).flatMap((t) => t.groups);
    const [flight] = groups("flight", false);
    const [eating] = groups("eating", false);
    expect(flight).toBeDefined();
    expect(groups("fligth")).toContain(flight);
    expect(groups("light")).not.toContain(flight);
    expect(groups("seating")).not.toContain(eating);
  });

  it("a word that says nothing joins no group whose member it stems like ('so' of 'sos')", () => {
    const vocabulary = new Vocabulary();
    const [emergency] = vocabulary.analyse("sos").flatMap((t) => t.groups);
    expect(emergency).toBeDefined();
    const said = vocabulary.analyse("so is it on so soon").flatMap((t) => t.groups);
    expect(said).not.toContain(emergency);
  });

  it("a phrase sits in two groups only where it means both", () => {
    const groupsOf = new Map<string, Set<string>>();
    SYNONYM_GROUPS.forEach((group) => {
      for (const phrase of group) {
        const key = normalise(phrase).map(stem).join(" ");
        groupsOf.set(key, (groupsOf.get(key) ?? new Set()).add(group[0] as string));
      }
    });
    const shared = [...groupsOf].filter(([, g]) => g.size > 1).map(([key]) => key);
    // Hand luggage is luggage; "drugs" are medicines and illegal drugs both; and Porter stems
    // "medical" and "medication" alike.
    expect(shared.sort()).toEqual(
      [
        "hand luggag",
        "hand baggag",
        "cabin luggag",
        "cabin baggag",
        "carri on luggag",
        "drug",
        "medic",
      ].sort(),
    );
  });
});

describe("a card is money only when it pays", () => {
  const cards = tripOf(`
id: porto-choir
name: Choir tour to Porto
timeZone: Europe/Lisbon
command: choir
event: { name: Choir festival, start: 2027-05-01 18:00, startPlace: { name: Festival hall } }
faq:
  - id: money
    question: What money do they use?
    answer: The euro. Contactless works almost everywhere; small cafés want cash.
    keywords: [money, euro, cash]
  - id: insurance
    question: Do I need travel insurance?
    answer: Yes, with medical cover; EU members also bring their European Health Insurance Card.
    keywords: [insurance, health card]
`);

  it.each(["can i pay contactless", "cashpoint", "do they take credit cards"])(
    "%s: the money answer",
    (q) => {
      expect(first(findAnswer(cards, q))).toBe("faq:money");
    },
  );

  it("washing yourself is not laundry", () => {
    const onsen = (faq: string) =>
      tripOf(`
id: onsen-week
name: Onsen week
timeZone: Asia/Tokyo
event: { name: Ski week, start: 2027-02-01 09:00, startPlace: { name: Lodge } }
rules:
  - topic: onsen
    title: In the hot spring
    rules:
      - Wash and rinse fully at the showers before you get into the bath.
${faq}`);
    expect(answered(findAnswer(onsen(""), "is there a laundry"))).toBeUndefined();
    const withLaundry = onsen(`faq:
  - id: laundry
    question: Can I get clothes cleaned?
    answer: The lodge has a coin laundromat on the ground floor.`);
    expect(answered(findAnswer(withLaundry, "can i do my washing"))).toBe("faq:laundry");
  });

  it("a health card is not money", () => {
    expect(answered(findAnswer(cards, "do i need my health card"))).not.toBe("faq:money");
  });
});

describe("a 'can I…' in everyday words shows the rule written in the organiser's", () => {
  const week = tripOf(`
id: alps-week
name: Alpine week
timeZone: Europe/Zurich
event: { name: Alpine week, start: 2027-01-10 09:00, startPlace: { name: Chalet } }
rules:
  - topic: mountain
    title: On the mountain
    rules:
      - Ski with a buddy at all times.
      - Stay on marked runs; off-piste only with a guide.
  - topic: chalet
    title: In the chalet
    rules:
      - Nothing but toilet paper in the toilets; the pipes block easily.
      - No gas stoves or candles in the rooms.
  - topic: customs
    title: Customs
    rules:
      - Carry prescription medicines in their original packaging.
faq:
  - id: rental
    question: Can I rent skis?
    answer: Yes, skis and boots at the shop by the lift, 40 francs a day.
  - id: pharmacy
    question: Where can I buy pills?
    answer: The pharmacy in the village sells painkillers and plasters.
  - id: rooms
    question: What are the rooms like?
    answer: Rooms of two with a balcony over the valley.
`);

  it.each([
    ["can i ski on my own", "rule:mountain:1"],
    ["backcountry?", "rule:mountain:2"],
    ["can i flush tampons", "rule:chalet:1"],
    ["bbq in the room?", "rule:chalet:2"],
    ["can i put my pills in a pill box", "rule:customs:1"],
  ])("%s", (q, id) => {
    expect(shown(findAnswer(week, q))[0]).toBe(id);
  });
});
