import { describe, expect, it } from "vitest";
import { decide, findAnswer, tripIndex } from "../../bot/answer/find";
import { findingReply } from "../../bot/commands/finding-reply";
import { renderText } from "../../bot/text/render";
import { answered, shown } from "./findings";
import { tripOf } from "./trips";

/**
 * The search's general rules, on a trip written here (a canoe trip in Sweden, no race words): a
 * prohibition outranks a FAQ answer that permits, an unsure "can I…" shows every rule it might
 * break, weak matches are not sure answers, and a question's kind (when, how many) chooses.
 */
const trip = tripOf(`
id: canoe-sweden
name: Canoe week in Värmland
timeZone: Europe/Stockholm
command: canoe
event:
  name: Glaskogen paddle
  start: 2026-07-04 09:00
  startPlace: { name: Lake Stora Gla jetty }
  facts:
    - text: About 300 paddlers take part, in canoes of two.
    - text: The lakes were dug out by the ice age.
places:
  - { id: camp, name: Glaskogen camp, description: "Tents by the lake, with a sauna." }
  - { id: station, name: Arvika station, description: Where the train from Stockholm arrives. }
itinerary:
  - { id: train, start: 2026-07-01 08:00, title: Train to Arvika, place: Arvika station }
  - { id: departure, start: 2026-07-06 10:00, title: Transfer to Arvika station for the train home, place: Arvika station }
rules:
  - topic: lake
    title: On the lake
    rules:
      - A life jacket must be worn in the canoe at all times.
      - Paddle in pairs, never alone.
      - Do not light fires outside the marked fire places.
      - No swimming from the canoe.
      - Keep within sight of the canoe ahead of you.
faq:
  - id: fires
    question: Can we have a campfire?
    answer: Yes, campfires are part of every evening at the camp; the guides bring the wood.
    keywords: [campfire, fire, barbecue]
  - id: swim
    question: Can I swim?
    answer: Yes, the lake is clean and warm in July; swim from the camp beach.
    keywords: [swim, swimming, bathing]
  - id: price
    question: What does the trip cost?
    answer: The price is on your booking confirmation; it covers the canoe, the tent and the meals.
  - id: kit
    question: What should I pack?
    answer: Quick-drying shorts, a fleece, a rain jacket and sandals that can get wet.
    keywords: [pack, packing list, clothes, shorts]
`);

describe("a prohibition outranks a FAQ answer that permits", () => {
  it("shows the rule that forbids what a 'can I…' names, never the permissive FAQ alone", () => {
    for (const q of [
      "can I swim from the canoe",
      "is it ok to light a fire on the island",
      "am I allowed to paddle alone",
    ]) {
      const f = findAnswer(trip, q);
      const forbidding = shown(f).filter((id) => id.startsWith("rule:lake:"));
      expect(forbidding.length, q).toBeGreaterThan(0);
      // If a permissive FAQ answer is shown with it, the rule is never hidden behind it.
      if (f.sure && f.best.entry.kind === "faq") expect(f.also.length, q).toBeGreaterThan(0);
    }
  });

  it("a sure permissive answer to 'can I…' comes with the prohibition on its subject", () => {
    // The FAQ says yes to swimming, from the beach; the rules forbid it from the canoe.
    const f = findAnswer(trip, "can I swim at the camp beach");
    expect(f.sure && f.best.entry.id).toBe("faq:swim");
    expect(shown(f)).toContain("rule:lake:4");
    const text = renderText(findingReply(trip, "can I swim at the camp beach", f, false), {
      readerZone: "Europe/London",
      now: new Date("2026-06-01T12:00:00Z"),
    });
    expect(text).toContain("swim from the camp beach");
    expect(text).toContain("No swimming from the canoe.");
  });

  it("an unsure 'can I…' offers every rule of the topic it touches, not only the first three", () => {
    // "canoe" is in three of the lake rules and nothing else names the question's subject.
    const f = findAnswer(trip, "can we race the canoes side by side");
    expect(f.sure).toBe(false);
    const offered = shown(f);
    for (const id of ["rule:lake:1", "rule:lake:4", "rule:lake:5"]) expect(offered).toContain(id);
  });
});

describe("what a match is worth", () => {
  it("a guessed typo of a short word, or one word of a phrase, is no sure answer", () => {
    // "shirt" is one letter from "shorts"; "cut off time" shares only "off" with nothing here.
    expect(findAnswer(trip, "do we get a t shirt").sure).toBe(false);
    expect(findAnswer(trip, "cut off time").sure).toBe(false);
  });

  it("a slip in a long word, or two swapped letters, still finds the entry", () => {
    expect(answered(findAnswer(trip, "campfrie"))).toBe("faq:fires");
    expect(answered(findAnswer(trip, "barbeque"))).toBe("faq:fires");
    // A slip on the word as written, though its stem is further off ("pack" of "packing").
    expect(answered(findAnswer(trip, "packnig list"))).toBe("faq:kit");
  });

  it("a place does not answer 'when…', however well it leads", () => {
    const place = tripIndex(trip)
      .search("arvika station", 12)
      .find((r) => r.entry.id === "place:station");
    if (!place) throw new Error("expected the station among the hits");
    const alone = [{ ...place, score: 10, coverage: 1 }];
    expect(answered(decide(alone, undefined, "where is arvika station"))).toBe("place:station");
    expect(decide(alone, undefined, "when do we go to arvika station").sure).toBe(false);
  });

  it("going home and getting in name the trip's departure and arrival in travellers' words", () => {
    for (const q of [
      "when do we fly home",
      "what time do we head home",
      "when are we going home",
    ]) {
      expect(shown(findAnswer(trip, q))[0], q).toBe("item:departure");
    }
    for (const q of ["when do we fly in", "who meets us"]) {
      expect(shown(findAnswer(trip, q))[0], q).toBe("item:train");
    }
  });

  it("'how many' prefers the entry that holds a number", () => {
    // "canoe" is as much in the rules as in the fact; only the fact says how many.
    expect(shown(findAnswer(trip, "how many canoes"))[0]).toBe("fact:1");
  });

  it("'how much' or 'how big' is not surely answered by an entry that names no amount", () => {
    // The price FAQ is all about what the trip costs, but names no sum: it is offered, not sure.
    const f = findAnswer(trip, "how much does the trip cost");
    expect(f.sure).toBe(false);
    expect(shown(f)[0]).toBe("faq:price");
    // Asked otherwise, it answers.
    expect(answered(findAnswer(trip, "what does the trip cost"))).toBe("faq:price");
    // An item's times say how long, not how much.
    expect(findAnswer(trip, "how much is the transfer to arvika station").sure).toBe(false);
    // A fact that holds the number still answers.
    expect(answered(findAnswer(trip, "how many paddlers take part"))).toBe("fact:1");
  });

  it("a question that names a rule topic gets the topic's rules", () => {
    const f = findAnswer(trip, "lake rules");
    expect(f.sure).toBe(true);
    expect(shown(f).sort()).toEqual([1, 2, 3, 4, 5].map((n) => `rule:lake:${n}`).sort());
    const text = renderText(findingReply(trip, "lake rules", f, false), {
      readerZone: "Europe/London",
      now: new Date("2026-06-01T12:00:00Z"),
    });
    for (const rule of ["A life jacket must be worn", "Paddle in pairs", "No swimming from"])
      expect(text.split(rule).length - 1, rule).toBe(1);
    // One list under the topic's title, said once where it comes from.
    expect(text.split("From the rules: On the lake").length - 1).toBe(1);
  });
});
