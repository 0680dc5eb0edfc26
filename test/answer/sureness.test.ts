import { describe, expect, it } from "vitest";
import type { Ranked } from "../../bot/answer/engine";
import { decide, type Finding, findAnswer, tripIndex } from "../../bot/answer/find";
import { tripOf } from "./trips";

/**
 * When a best match is not sure enough to answer alone, on a trip written here (a choir tour in
 * Vienna): a fact or a place never says whether something is allowed, a match of part of the
 * question needs a clear lead, and a tie between two kinds of entry is not broken by kind alone.
 * The right entry stays among the choices, first when it stands out.
 */
const trip = tripOf(`
id: choir-vienna
name: Choir tour to Vienna
timeZone: Europe/Vienna
command: choir
event:
  name: Cathedral concert
  start: 2026-05-09 19:30
  startPlace: { name: St Stephen's Cathedral }
  facts:
    - text: The south tower of the cathedral has 343 steps to the watch room.
    - text: About 800 people fit in the nave for the concert.
places:
  - { id: clinic, name: Mariahilf doctor, description: "English-speaking clinic, open daily 08:00 to 20:00." }
  - { id: hotel, name: Hotel Ring, description: Where the choir sleeps. }
itinerary:
  - { id: rehearsal, start: 2026-05-09 14:00, title: Dress rehearsal, place: St Stephen's Cathedral, notes: Black concert dress. }
  - { id: opera, start: 2026-05-10 19:00, title: Evening at the opera, notes: Standing tickets. }
rules:
  - topic: cathedral
    title: In the cathedral
    rules:
      - No photos during the service.
      - Phones stay switched off in the nave.
faq:
  - id: health
    question: What if I feel ill?
    answer: Tell your section leader; the tour manager takes you to a doctor.
    keywords: [ill, sick, doctor, health]
  - id: money
    question: What money should I bring?
    answer: Euros; cards are taken nearly everywhere.
    keywords: [money, euros, cash, card]
`);

const ids = (f: Finding) =>
  f.sure ? [f.best.entry.id, ...f.also.map((r) => r.entry.id)] : f.choices.map((r) => r.entry.id);

describe("a fact or a place does not say whether something is allowed", () => {
  it("offers the fact for 'can we go up the tower' without answering yes or no", () => {
    for (const q of ["can we go up the tower", "can i climb the south tower"]) {
      const f = findAnswer(trip, q);
      expect(f.sure, q).toBe(false);
      // The fact is still what the traveller sees first, as a guess.
      expect(!f.sure && f.likely?.entry.id, q).toBe("fact:1");
    }
  });

  it("still answers a question the fact does answer", () => {
    const f = findAnswer(trip, "how many steps does the tower have");
    expect(f.sure && f.best.entry.id).toBe("fact:1");
  });
});

/** Two ranked entries as the ranking hands them to the decision, a FAQ answer or a place each. */
function pair(
  best: { kind: "faq" | "place"; coverage: number; score: number },
  second: { kind: "faq" | "place"; coverage: number; score: number },
): Ranked[] {
  const entry = (kind: "faq" | "place") => {
    const e = tripIndex(trip).entries.find((x) => x.kind === kind);
    if (!e) throw new Error(`no ${kind} entry`);
    return e;
  };
  const make = (r: typeof best, id: string): Ranked => ({
    entry: { ...entry(r.kind), id },
    score: r.score,
    coverage: r.coverage,
    matched: [true],
  });
  return [make(best, "best"), make(second, "second")];
}

describe("a match of part of the question", () => {
  it("is sure only well ahead of the runner-up", () => {
    const close = pair(
      { kind: "faq", coverage: 0.7, score: 1.3 },
      { kind: "faq", coverage: 0.7, score: 1 },
    );
    expect(decide(close).sure).toBe(false);
    const ahead = pair(
      { kind: "faq", coverage: 0.7, score: 1.6 },
      { kind: "faq", coverage: 0.7, score: 1 },
    );
    expect(decide(ahead).sure).toBe(true);
  });

  it("even when it covers clearly more of the question than the runner-up", () => {
    const f = decide(
      pair({ kind: "faq", coverage: 0.7, score: 1.1 }, { kind: "faq", coverage: 0.3, score: 1 }),
    );
    expect(f.sure).toBe(false);
    // Not sure, but still shown first, in full.
    expect(!f.sure && f.likely?.entry.id).toBe("best");
  });
});

describe("two kinds of entry that both answer the whole question", () => {
  it("are not told apart by kind: the FAQ answer and the clinic are both offered", () => {
    const f = findAnswer(trip, "is there a doctor");
    expect(f.sure).toBe(false);
    expect(ids(f)).toEqual(expect.arrayContaining(["faq:health", "place:clinic"]));
  });

  it("need the lead of a partial match; two of the same kind keep the smaller lead", () => {
    const lead = 1.15;
    const mixed = pair(
      { kind: "faq", coverage: 1, score: lead },
      { kind: "place", coverage: 1, score: 1 },
    );
    expect(decide(mixed).sure).toBe(false);
    const same = pair(
      { kind: "faq", coverage: 1, score: lead },
      { kind: "faq", coverage: 1, score: 1 },
    );
    expect(decide(same).sure).toBe(true);
  });
});
