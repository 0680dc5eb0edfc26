import { describe, expect, it } from "vitest";
import { decide, type Finding, findAnswer, tripIndex } from "../../bot/answer/find";
import { findingReply } from "../../bot/commands/finding-reply";
import { DISCORD_LIMITS } from "../../bot/discord/limits";
import { renderReply as discord } from "../../bot/discord/render";
import { SLACK_LIMITS } from "../../bot/slack/limits";
import { renderReply as slack } from "../../bot/slack/render";
import { renderText } from "../../bot/text/render";
import { answered } from "./findings";
import { tripOf } from "./trips";

/**
 * The sure/unsure decision's general rules, on a small trip written here (a school trip, not a
 * race): what the bot answers surely, what it only guesses, and what it leaves to the organisers.
 */
const trip = tripOf(`
id: iceland-school
name: Year 10 geography trip to Iceland
timeZone: Atlantic/Reykjavik
command: trip
event: { name: Glacier hike, start: 2026-03-10 10:00, startPlace: { name: Solheimajokull car park } }
places:
  - { id: hostel, name: Reykjavik City Hostel, description: Where the group sleeps. }
itinerary:
  - { id: check-in, start: 2026-03-09 16:00, title: Check in, place: Reykjavik City Hostel }
  - { id: lagoon, start: 2026-03-11 14:00, title: Blue Lagoon swim, notes: Towels are provided. }
  - { id: museum, start: 2026-03-12 10:00, title: Volcano museum visit }
rules:
  - topic: glacier
    title: On the glacier
    rules:
      - Never walk onto the ice without a guide.
      - Do not throw snowballs near the crevasses.
  - topic: hostel
    title: Hostel rules
    rules:
      - Do not leave the hostel after 22:00.
      - Do not bring food into the dormitories.
faq:
  - id: puffins
    question: Will we see puffins?
    answer: Puffins nest from May, so not in March; the museum has a puffin exhibit.
    keywords: [puffin, birds, wildlife]
  - id: spending
    question: How much spending money?
    answer: About 60 pounds in Icelandic krona or on a prepaid card; everything else is paid for.
    keywords: [money, krona, pocket money]
`);

const read = (question: string) =>
  renderText(findingReply(trip, question, findAnswer(trip, question), false), {
    readerZone: "Europe/London",
    now: new Date("2026-03-01T12:00:00Z"),
  });

describe("a prohibition answers the 'can I…' it matches", () => {
  it("answers surely with the rule, though the question has words the rule lacks", () => {
    // "shop" and "friends" are nowhere in the trip; the curfew still answers the question.
    const f = findAnswer(trip, "can i go to the shop after 22:00 with friends");
    expect(answered(f)).toBe("rule:hostel:1");
    expect(answered(findAnswer(trip, "can i walk on the glacier alone"))).toBe("rule:glacier:1");
  });

  it("is not sure when the rule matches only the verb asked about", () => {
    // The only rule that says "bring" forbids food: it says nothing about a games console.
    const f = findAnswer(trip, "can i bring my xbox");
    expect(f.sure).toBe(false);
  });
});

describe("an entry that answers the whole question", () => {
  it("is answered surely when one entry alone matches it", () => {
    expect(answered(findAnswer(trip, "will we see any birds"))).toBe("faq:puffins");
    expect(answered(findAnswer(trip, "volcano"))).toBe("item:museum");
  });

  it("is answered surely with a smaller lead than a partial match needs", () => {
    const f = findAnswer(trip, "spending money");
    if (!f.sure) throw new Error("expected a sure answer");
    expect(f.best.entry.id).toBe("faq:spending");
    // The same two entries with the same small lead: sure when the best covers the whole
    // question, not when it covers a part of it.
    const best = f.best;
    const other = { ...best, entry: { ...best.entry, id: "faq:other" }, score: best.score / 1.15 };
    expect(
      decide([
        { ...best, coverage: 1 },
        { ...other, coverage: 1 },
      ]).sure,
    ).toBe(true);
    expect(
      decide([
        { ...best, coverage: 0.7 },
        { ...other, coverage: 0.7 },
      ]).sure,
    ).toBe(false);
  });
});

describe("a place and an item held there", () => {
  it("answer 'where' together, the place first; without 'where' they stay two choices", () => {
    const hits = tripIndex(trip).search("hostel check in", 12);
    const item = hits.find((r) => r.entry.id === "item:check-in");
    const place = hits.find((r) => r.entry.id === "place:hostel");
    if (!item || !place) throw new Error("expected the item and the place among the hits");
    // The item scores a little higher: a near tie.
    const tie = [
      { ...item, score: 10, coverage: 1 },
      { ...place, score: 9.5, coverage: 1 },
    ];
    const where = decide(tie, undefined, "where is the hostel");
    expect(where.sure && [where.best.entry.id, ...where.also.map((r) => r.entry.id)]).toEqual([
      "place:hostel",
      "item:check-in",
    ]);
    expect(decide(tie, undefined, "hostel").sure).toBe(false);
  });
});

describe("a 'when' question", () => {
  it("is not answered surely by a rule that names no time, which is offered first instead", () => {
    const f = findAnswer(trip, "when can i throw snowballs");
    expect(answered(f)).toBeUndefined();
    expect(f.sure ? undefined : f.choices[0]?.entry.id).toBe("rule:glacier:2");
  });

  it("is answered by a rule that gives the time", () => {
    const pool = tripOf(`
id: pool-rules
name: Swim camp
timeZone: Europe/Berlin
event: { name: Swim camp, start: 2026-07-01 09:00, startPlace: { name: Pool } }
rules:
  - topic: pool
    title: Pool rules
    rules:
      - The pool closes at 21:00; nobody swims after that.
      - Do not run on the pool deck.
`);
    expect(answered(findAnswer(pool, "when does the pool close"))).toBe("rule:pool:1");
  });
});

describe("a 'how many' question", () => {
  it("is answered by the entry holding a number, written as a word too, not by a time", () => {
    const festival = tripOf(`
id: fest
name: Festival trip
timeZone: Europe/Copenhagen
event:
  name: Nordlys Festival
  start: 2027-07-01 12:00
  startPlace: { name: Festival site }
  facts:
    - text: The festival has four stages; the biggest holds 60,000 people.
itinerary:
  - id: opening
    start: 2027-07-01 20:00
    title: Opening concert on the main stage
    notes: Doors at 19:00; the set runs 21:30 to 23:00.
`);
    const f = findAnswer(festival, "how many stages");
    expect(f.sure ? f.best.entry.id : f.choices[0]?.entry.id).toBe("fact:1");
  });
});

describe("what the trip does not cover", () => {
  it("stays unsure and shows no guess for a question the trip says nothing about", () => {
    for (const q of ["what about the northern lights", "is there a curfew on the bus"]) {
      const f = findAnswer(trip, q);
      expect(f.sure, q).toBe(false);
      expect(f.sure ? undefined : f.likely, q).toBeUndefined();
    }
    expect(read("what about the northern lights")).not.toContain("Maybe this");
  });
});

describe("an unsure reply with a first choice that stands out", () => {
  it("shows it in full, says it is a guess, and still offers the others", () => {
    const f = findAnswer(trip, "ice skating in reykjavik");
    expect(f.sure).toBe(false);
    expect(f.sure ? undefined : f.likely?.entry.id).toBe("rule:glacier:1");
    const text = read("ice skating in reykjavik");
    expect(text).toContain("Not sure");
    expect(text).toContain("Maybe this");
    expect(text).toContain("not sure it is what you asked");
    // The guess's own words and where it lives, so a right guess needs no second command.
    expect(text).toContain("Never walk onto the ice without a guide.");
    expect(text).toContain("/trip rules glacier");
    expect(text).toContain("Or one of these:");
    expect(text).toContain("Ask the organisers");
  });

  it("shows no guess when the first two choices tie", () => {
    const f = findAnswer(trip, "ice skating in reykjavik");
    if (f.sure || !f.likely) throw new Error("expected an unsure finding with a guess");
    const tie = { ...f.likely, entry: { ...f.likely.entry, id: "rule:glacier:9" } };
    const tied = decide([f.likely, tie]);
    expect(tied.sure).toBe(false);
    expect(tied.sure ? undefined : tied.likely).toBeUndefined();
  });

  it("fits Slack's and Discord's limits with a long answer shown in full", () => {
    const long = tripOf(`
id: long
name: Long
timeZone: Europe/Oslo
event: { name: Ski, start: 2026-02-01 09:00, startPlace: { name: Lodge } }
faq:
  - { id: wax, question: Which wax?, answer: "${"Blue wax below minus five degrees. ".repeat(80)}" }
  - { id: poles, question: Which poles?, answer: Classic poles reach your shoulder. }
`);
    const hits = tripIndex(long).search("which wax poles", 12);
    const wax = hits.find((r) => r.entry.id === "faq:wax");
    const poles = hits.find((r) => r.entry.id === "faq:poles");
    if (!wax || !poles) throw new Error("expected two hits");
    const reply = findingReply(
      long,
      "wax",
      { sure: false, choices: [wax, poles], likely: wax },
      false,
    );
    for (const message of slack(reply)) {
      expect(message.blocks?.length ?? 0).toBeLessThanOrEqual(SLACK_LIMITS.blocksPerMessage);
      for (const block of message.blocks ?? []) {
        if (block.type === "section" && "text" in block && block.text) {
          expect(block.text.text.length).toBeLessThanOrEqual(SLACK_LIMITS.sectionText);
        }
      }
    }
    for (const message of discord(reply)) {
      for (const embed of message.embeds ?? []) {
        expect((embed.description ?? "").length).toBeLessThanOrEqual(
          DISCORD_LIMITS.embedDescription,
        );
      }
    }
    const shown = renderText(reply, { readerZone: "Europe/Oslo", now: new Date() });
    expect(shown).toContain("Blue wax below minus five degrees.");
    expect(shown).toContain("Which poles? — /marathon faq poles");
  });
});

describe("typos", () => {
  it("forgive a slip inside a word, but not a different first letter that makes another word", () => {
    // "muesum" is a slip for museum; "night" is not a slip for "right".
    const top = (f: Finding) => (f.sure ? f.best : f.choices[0]);
    expect(top(findAnswer(trip, "when is the muesum"))?.entry.id).toBe("item:museum");
    const rides = tripOf(`
id: rides
name: Rides
timeZone: Europe/Paris
event: { name: Ride, start: 2026-06-01 08:00, startPlace: { name: Square } }
rules:
  - topic: road
    title: On the road
    rules:
      - Ride single file and keep to the right.
      - Do not ride after dark.
      - Wear a helmet on every ride.
`);
    const f = findAnswer(rides, "can i ride at night");
    expect(f.sure && f.best.entry.id).not.toBe("rule:road:1");
    expect(top(f)?.matched).toEqual([true, true]);
    expect(top(f)?.entry.id).toBe("rule:road:2");
  });
});
