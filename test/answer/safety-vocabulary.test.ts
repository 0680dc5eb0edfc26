import { describe, expect, it } from "vitest";
import { type Finding, findAnswer } from "../../bot/answer/find";
import { tripOf } from "./trips";

/**
 * A "can I…" asked in a traveller's words shows the rule the organiser wrote in other words
 * (a safety miss is the worst failure), and a word that only shares a spelling with one of those
 * words (a pet you own, a sore joint, a single room) does not reach that rule.
 */
const trip = tripOf(`
id: bali-villa-week
name: Villa week in Bali
timeZone: Asia/Makassar
command: bali
event:
  name: Bali villa week
  start: 2027-07-05 09:00
  startPlace: { name: "Villa Sari, Ubud" }
places:
  - { id: villa, name: Villa Sari, description: "Six rooms round a pool, with a kitchen and a garden." }
itinerary:
  - { id: temple, start: 2027-07-06 09:00, title: Morning at Uluwatu temple }
  - { id: forest, start: 2027-07-07 09:00, title: Walk through the Sacred Monkey Forest }
rules:
  - topic: wildlife
    title: Animals
    rules:
      - Do not touch or feed wildlife.
  - topic: temples
    title: Temples
    rules:
      - Cover shoulders and knees; sarongs are lent at the gate.
  - topic: security
    title: Airport and customs
    rules:
      - No blades of any kind in your luggage.
      - Drugs carry the death penalty in Indonesia.
  - topic: villa
    title: In the villa
    rules:
      - No smoking or e-cigarettes anywhere in the villa.
      - No open fires in the garden.
      - No candles or incense in the rooms.
  - topic: outdoors
    title: Out and about
    rules:
      - Do not swim in the river; the current is strong.
      - Take your litter with you.
      - Do not hire motorbikes.
      - Never hitchhike.
      - Keep to the marked path in the rice fields.
      - Stay in your group at the night market.
  - topic: customs
    title: Arrival
    rules:
      - Plastic carrier bags are banned on Nusa Penida.
  - topic: photos
    title: Photographs
    rules:
      - Do not photograph military personnel or bases.
faq:
  - id: walk
    question: How long is the forest walk?
    answer: About two hours, on shaded paths.
  - id: pets
    question: Can I bring my dog?
    answer: The villa takes no pets.
  - id: knee
    question: Is the walk hard on the knees?
    answer: It is mostly flat; there are steps down to the river.
  - id: contact
    question: Who do I call in an emergency?
    answer: Call Wayan, the host, on +62 812 0000 0000.
  - id: kitchen
    question: Can we cook in the villa?
    answer: Yes, the kitchen has a gas hob and pans.
`);

/** What the reply leads with: the sure answer, or the first of the choices offered. */
const first = (f: Finding) => (f.sure ? f.best.entry.id : f.choices[0]?.entry.id);
const ask = (q: string) => first(findAnswer(trip, q));

describe("an everyday word shows the rule written in the organiser's", () => {
  it.each([
    ["can I pet the monkeys", "rule:wildlife:1"],
    ["can we stroke the macaques", "rule:wildlife:1"],
    ["is it ok to cuddle the baby monkeys", "rule:wildlife:1"],
    ["can i wear shorts in the temple", "rule:temples:1"],
    ["can i wear a tank top in the temple", "rule:temples:1"],
    ["can i bring my swiss army knife", "rule:security:1"],
    ["can i pack a penknife", "rule:security:1"],
    ["is a leatherman ok in my hold bag", "rule:security:1"],
    ["is weed legal here", "rule:security:2"],
    ["can i take ecstasy", "rule:security:2"],
    ["is my elf bar ok", "rule:villa:1"],
    ["can we have a bonfire", "rule:villa:2"],
    ["can i light a tea light in my room", "rule:villa:3"],
    ["can i take a selfie with the soldiers", "rule:photos:1"],
    ["can i photograph the troops", "rule:photos:1"],
    ["can we go for a dip in the river", "rule:outdoors:1"],
    ["where do i put my rubbish", "rule:outdoors:2"],
    ["can i rent a scooter", "rule:outdoors:3"],
    ["can i thumb a lift to town", "rule:outdoors:4"],
    ["can i walk off the trail in the rice fields", "rule:outdoors:5"],
    ["can i wander off on my own", "rule:outdoors:6"],
    ["can i bring a shopping bag to nusa penida", "rule:customs:1"],
  ])("%s", (q, id) => {
    expect(ask(q)).toBe(id);
  });
});

describe("a word that only looks like one of them does not reach the rule", () => {
  it.each([
    // A pet is an animal you own, not a stroke.
    ["can i bring my pet", "faq:pets", "rule:wildlife:1"],
    // Getting in touch is calling, not touching.
    ["how do i get in touch with the host", "faq:contact", "rule:wildlife:1"],
    // A joint is a knee as often as a spliff.
    ["is the walk hard on my joints", "faq:knee", "rule:security:2"],
    // A single room is no singlet, and a short walk no pair of shorts.
    ["is there a single room", undefined, "rule:temples:1"],
    ["how long is the walk, is it short", "faq:walk", "rule:temples:1"],
    // An intense walk burns no incense.
    ["is the forest walk intense", "faq:walk", "rule:villa:3"],
  ])("%s", (q, id, not) => {
    const shown = ask(q);
    expect(shown).not.toBe(not);
    if (id) expect(shown).toBe(id);
  });

  it.each([
    ["do we have a pot to cook rice", "rule:security:2"],
    ["can we sit on the grass in the garden", "rule:security:2"],
    ["is there a garage", "rule:outdoors:2"],
    // A guard may keep a gate or a shop; only border guards are surely soldiers.
    ["will there be guards", "rule:photos:1"],
  ])("%s", (q, not) => {
    expect(ask(q)).not.toBe(not);
  });
});

/** A conference week with a race and a beer festival: rules written as organisers write them. */
const week = tripOf(`
id: vegas-summit
name: Sales summit week
timeZone: America/Los_Angeles
event: { name: Summit 5K, start: 2027-03-10 07:00, startPlace: { name: Fountain plaza } }
rules:
  - topic: casino
    title: Casino
    rules:
      - You must be 21 or over to gamble or to be on the casino floor.
      - Do not wear your summit badge on the casino floor.
  - topic: race
    title: The 5K
    rules:
      - Headphones are not allowed on the course.
      - No drafting on the bike; keep 12 m between bikes.
  - topic: beer-night
    title: Beer night
    rules:
      - Beer glasses belong to the tent; do not take one home.
      - No drinking games.
      - Do not urinate anywhere except the toilets.
      - No swearing at the band or the staff.
  - topic: gala
    title: Gala
    rules:
      - Speeches are not to be livestreamed or posted before the company's post.
  - topic: money
    title: Expenses
    rules:
      - Partners' costs are yours, except the events marked partners included.
      - Keep every receipt, even for small amounts.
  - topic: helicopter
    title: Helicopter tour
    rules:
      - No alcohol in the 12 hours before the flight.
  - topic: museum
    title: Museum workshop
    rules:
      - Do not wash metal finds; they go to the registrar dry.
      - No bare feet in the galleries.
faq:
  - id: evenings
    question: What is on in the evenings?
    answer: A group dinner at 19:00 most nights, and free time after it.
`);

describe("a word from another walk of life shows the rule", () => {
  const askWeek = (q: string) => first(findAnswer(week, q));
  it.each([
    ["can my 19 yr old son play blackjack with me", "rule:casino:1"],
    ["can i keep my lanyard on at the craps table", "rule:casino:2"],
    ["can i listen to my airpods on the run", "rule:race:1"],
    ["can me and my mates ride in a bunch on the bike leg", "rule:race:2"],
    ["can my 16 yo play blackjack", "rule:casino:1"],
    ["can i take a stein home as a souvenir", "rule:beer-night:1"],
    ["can we chug our beers", "rule:beer-night:2"],
    ["can i just pee in the bushes", "rule:beer-night:3"],
    ["is it ok to heckle the band", "rule:beer-night:4"],
    ["can i go live on insta during the speeches", "rule:gala:1"],
    ["can i put my husbands dinner on my expenses", "rule:money:1"],
    ["ok to have a mimosa before the helicopter", "rule:helicopter:1"],
    ["can i give the bronze pin a quick rinse", "rule:museum:1"],
    ["is it ok for the kids to go barefoot in the galleries", "rule:museum:2"],
    // "evening" is no "even": its stem is its own.
    ["whats happening in the evening", "faq:evenings"],
  ])("%s", (q, id) => {
    expect(askWeek(q)).toBe(id);
  });
});
