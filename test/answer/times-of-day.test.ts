import { describe, expect, it } from "vitest";
import { findAnswer } from "../../bot/answer/find";
import { Vocabulary } from "../../bot/answer/text";
import { first, shown } from "./findings";
import { tripOf } from "./trips";

/**
 * Clock times in a question meet the times in the trip, however each is written, on a trip
 * written here (a youth hostel week in the Lakes): "4am" is inside quiet hours from 23:00 to
 * 07:00, "after 10" in a curfew question is 22:00, "at night" is when a bar open from 21:00 is.
 */
const trip = tripOf(`
id: lakes-hostel-week
name: Lake District hostel week
timeZone: Europe/London
command: lakes
event:
  name: Helvellyn fell race
  start: 2027-07-14 10:00
  startPlace: { name: Glenridding village hall }
  distances: [10k, Half marathon (21.1 km)]
places:
  - { id: hostel, name: Patterdale Youth Hostel, description: "Dorms of six, two leaders on each landing." }
  - { id: boathouse-bar, name: Boathouse bar, description: "Open from 21:00 until 01:00; over-18s only." }
  - { id: boathouse-cafe, name: Boathouse café, description: "Open 08:00–11:00 for coffee and cake." }
itinerary:
  - id: breakfast
    start: 2027-07-12 07:30
    title: Breakfast in the hostel dining room
    notes: Served until 09:00; packed lunches are handed out at the door.
  - id: kayaking
    start: 2027-07-12 10:00
    title: Kayaking on Ullswater
    notes: Bring a change of clothes.
  - id: ceilidh
    start: 2027-07-13 19:30
    title: Ceilidh in the barn
    notes: The band starts at 20:00; soft drinks only.
rules:
  - topic: campsite
    title: Campsite
    rules:
      - Quiet hours on the campsite run from 23:00 to 07:00.
      - Fires only in the fire pits by the lake.
  - topic: conduct
    title: Conduct
    rules:
      - Everyone under 18 must be back in the hostel by 22:30; leaders check the dorms.
      - Do not swim in the lake without a lifeguard.
faq:
  - id: parking
    question: Where can parents park?
    answer: In the hostel car park; it is free for the week.
    keywords: [parking]
`);

describe("a time in a question finds the rule whose hours hold it", () => {
  it.each([
    ["can i play music at 4am", "rule:campsite:1"],
    ["can I play my guitar at 2 am?", "rule:campsite:1"],
    ["can i stay up in the corridor after 10", "rule:conduct:1"],
    ["what time is curfew", "rule:conduct:1"],
    ["how late can we stay out", "rule:conduct:1"],
  ])("%s", (q, id) => {
    expect(first(findAnswer(trip, q))).toBe(id);
  });

  it("a time of day picks the place open then, of two alike but for their hours", () => {
    expect(first(findAnswer(trip, "is the boathouse open at night"))).toBe("place:boathouse-bar");
    expect(first(findAnswer(trip, "is the boathouse open at 11pm"))).toBe("place:boathouse-bar");
    expect(first(findAnswer(trip, "is the boathouse open at 9am"))).toBe("place:boathouse-cafe");
  });
});

describe("a time outside every range invents no match", () => {
  it("the guitar at 2pm is not pointed at quiet hours, though at 2am it is", () => {
    expect(shown(findAnswer(trip, "can I play my guitar at 2 am?"))).toContain("rule:campsite:1");
    const afternoon = findAnswer(trip, "can I play my guitar at 2pm?");
    expect(shown(afternoon)).not.toContain("rule:campsite:1");
    expect(shown(afternoon)).not.toContain("rule:conduct:1");
    expect(afternoon.sure).toBe(false);
  });

  it("neither boathouse answers surely for 3pm, when neither is open", () => {
    expect(findAnswer(trip, "is the boathouse open at 3pm").sure).toBe(false);
  });

  it("a bare hour with nothing of the evening about it stays a number", () => {
    const f = findAnswer(trip, "is there kayaking at 10");
    expect(shown(f)).not.toContain("rule:conduct:1");
    expect(shown(f)).not.toContain("place:boathouse-bar");
  });
});

describe("times in the itinerary still answer when questions", () => {
  it.each([
    ["what time is breakfast", "item:breakfast"],
    ["when is the ceilidh", "item:ceilidh"],
    ["what time do we go kayaking", "item:kayaking"],
    ["what starts at 8pm", "item:ceilidh"],
    ["what is on at 20:00", "item:ceilidh"],
    ["how long is the 10k", "fact:distances"],
  ])("%s", (q, id) => {
    expect(first(findAnswer(trip, q))).toBe(id);
  });
});

describe("numbers that are not clock times are not read as times", () => {
  const vocabulary = new Vocabulary();
  const times = (text: string, question = true) =>
    vocabulary
      .analyse(text, question)
      .filter((t) => t.stem?.includes(":") || t.groups.some((g) => g.startsWith("~clock:")))
      .map((t) => t.stem ?? t.word);

  it.each([
    "is the 10k hilly",
    "the marathon is 42.195 km",
    "are we back on 4/5",
    "we land on 5 April",
    "can I finish in 4:30",
    "my pace is 5:30/km",
    "a 3:45 marathon",
    "is it 10.30 for the t-shirt",
    "can we go after 10 minutes",
    "what about 22.5 kg bags",
    "who is the constructor of the hut, toString or __proto__",
  ])("%s", (text) => {
    expect(times(text)).toEqual([]);
    expect(times(text, false)).toEqual([]);
  });

  it("while times written every usual way are read as the same time", () => {
    expect(times("MEET AT 8AM")).toEqual(["=08:00"]);
    expect(times("CAN I STAY OUT LATE")).toEqual(["stay out late"]);
    expect(times("No music AT NIGHT", false)).toEqual(["night"]);
    expect(times("meet at 8am")).toEqual(["=08:00"]);
    expect(times("meet at 8 a.m.")).toEqual(["=08:00"]);
    expect(times("meet at 08:00", false)).toEqual(["=08:00"]);
    expect(times("back by 10.30pm")).toEqual(["=22:30"]);
    expect(times("open until midnight", false)).toEqual(["=00:00"]);
    expect(times("quiet from 22:00 to 06:00", false)).toEqual(["=22:00", "=06:00"]);
  });
});
