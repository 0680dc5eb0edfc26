import { describe, expect, it } from "vitest";
import { tripEntries } from "../../bot/answer/entries";
import { findAnswer, tripIndex } from "../../bot/answer/find";
import { NEW_YORK, PYONGYANG } from "../helpers/local-table";
import { answered, shown } from "./findings";
import { tripFrom, tripOf } from "./trips";

const pyongyang = tripFrom(PYONGYANG);
const newYork = tripFrom(NEW_YORK);

describe("one search over the whole trip", () => {
  it("answers the issue's examples from the rule, the item, the fact that holds them", () => {
    const cases: [string, string][] = [
      ["what time does the coach leave", "item:coach-to-stadium"],
      ["what time is the bus", "item:coach-to-stadium"],
      ["can I bring a drone", "rule:customs:2"],
      ["drone", "rule:customs:2"],
      ["bible", "rule:customs:1"],
      ["cutoff", "rule:race:3"],
      ["time limit", "rule:race:3"],
      ["where do i pick up my race number", "item:bib-collection"],
      ["10k", "fact:distances"],
    ];
    for (const [question, id] of cases) {
      expect(answered(findAnswer(pyongyang, question)), question).toBe(id);
    }
  });

  it("surfaces the prohibition, never the FAQ that permits something else", () => {
    for (const q of [
      "can I take pictures of soldiers",
      "can i photograph the army",
      "can I take a selfie with a soldier",
    ]) {
      const f = findAnswer(pyongyang, q);
      expect(shown(f)[0], q).toBe("rule:photos:1");
      expect(answered(f), q).not.toBe("faq:photos");
    }
  });

  it("never answers 'visa card' with the visa, nor 'hotel' with the emergency contact", () => {
    const card = findAnswer(pyongyang, "can I use my visa card");
    expect(answered(card)).not.toBe("faq:visa");
    expect(shown(card)).toEqual(expect.arrayContaining(["faq:money"]));
    const hotel = findAnswer(pyongyang, "hotel");
    expect(answered(hotel)).not.toBe("faq:emergency");
    expect(shown(hotel)).toContain("place:hotel");
  });

  it("offers the closest entries when two answer about as well", () => {
    // The hotel is a place and the first evening's item: neither is clearly what was meant.
    const f = findAnswer(pyongyang, "hotel");
    expect(f.sure).toBe(false);
    expect(shown(f)).toEqual(expect.arrayContaining(["place:hotel", "item:hotel-check-in"]));
    expect(shown(f).length).toBeLessThanOrEqual(3);
  });

  it("is honest about what the trip does not cover", () => {
    for (const q of ["is there a swimming pool at the hotel", "can I bring my dog", "karaoke"]) {
      expect(findAnswer(pyongyang, q).sure, q).toBe(false);
    }
    expect(findAnswer(newYork, "zebra unicorn").sure).toBe(false);
  });

  it("keeps typos, stems and prefixes", () => {
    for (const q of ["vsia", "visas", "vis", "VISA"]) {
      expect(answered(findAnswer(pyongyang, q)), q).toBe("faq:visa");
    }
  });

  it("reads the trip's own phrasings (also:) on FAQ entries and rules", () => {
    const trip = tripOf(`
id: t
name: T
timeZone: Europe/Berlin
event: { name: Run, start: 2026-05-01 09:00, startPlace: { name: Park } }
rules:
  - topic: kit
    title: Kit
    rules: [Trail shoes are required on the mountain section.]
    also: [spikes, grip]
faq:
  - id: trains
    question: How do I get there?
    answer: Take the S-Bahn line 7 to the park.
    also: [public transport, tram]
`);
    expect(answered(findAnswer(trip, "spikes"))).toBe("rule:kit:1");
    expect(answered(findAnswer(trip, "tram"))).toBe("faq:trains");
    expect(answered(findAnswer(trip, "public transport"))).toBe("faq:trains");
  });

  it("builds the index once per trip object", () => {
    expect(tripIndex(pyongyang)).toBe(tripIndex(pyongyang));
    expect(tripEntries(pyongyang)).toBe(tripEntries(pyongyang));
    expect(tripIndex(tripFrom(PYONGYANG))).not.toBe(tripIndex(pyongyang));
  });
});

describe("a SIM card is no phone in general", () => {
  it("on a trip whose only phone words are in the clocks-go-back note, 'sim card' is no sure answer", () => {
    for (const q of ["sim card", "esim", "roaming"]) {
      expect(answered(findAnswer(newYork, q)), q).toBeUndefined();
    }
    // Where the trip speaks of SIM cards, the phone FAQ still answers.
    expect(answered(findAnswer(pyongyang, "sim card"))).toBe("faq:phone");
  });
});

describe("questions that are barely questions", () => {
  it("never throws, and is never sure, on empty, scaffolding-only, emoji or pasted text", () => {
    for (const q of ["", "   ", "can I?", "what time is it", "🏃‍♀️🏃", "???", "a".repeat(5000)]) {
      expect(findAnswer(pyongyang, q).sure, q.slice(0, 20)).toBe(false);
    }
    const essay = `${"my question is about the visa and ".repeat(200)}`;
    expect(() => findAnswer(pyongyang, essay)).not.toThrow();
  });
});

describe("entries that say the same thing", () => {
  it("answers with both instead of asking which", () => {
    const f = findAnswer(pyongyang, "can I use my visa card");
    expect(f.sure).toBe(true);
    expect(shown(f)).toEqual(expect.arrayContaining(["rule:customs:3", "faq:money"]));
  });
});
