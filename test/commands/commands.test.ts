import { readFileSync } from "node:fs";
import { beforeAll, describe, expect, it } from "vitest";
import type { CommandRequest } from "../../bot/commands/context";
import { COMMANDS } from "../../bot/commands/registry";
import { type Bot, createBot } from "../../bot/core";
import { loadTrip } from "../../bot/loading/load-trip";
import type { Reply } from "../../bot/reply";
import { memoryStores } from "../../bot/store/memory-stores";
import type { Stores } from "../../bot/store/stores";
import { renderText } from "../../bot/text/render";
import { parseTripText } from "../../bot/trip/parse";
import { NEW_YORK, PYONGYANG, storesWith, tripFile } from "../helpers/memory-trips";

const BEFORE_TRIP = "2025-03-20T00:00:00Z";

const request = (command: string, input = ""): CommandRequest => ({
  command,
  input,
  user: { id: "U1" },
  channel: { id: "C1" },
  platform: "test",
});

/** A bot over in-memory stores whose clock the test sets. */
function botAt(env: Stores, iso: string): Bot {
  return createBot({ store: env.facts, clock: () => new Date(iso) });
}

/** What a reader in `zone` would read. */
function read(reply: Reply, now: string, zone = "UTC"): string {
  return renderText(reply, { readerZone: zone, now: new Date(now) });
}

async function ask(env: Stores, now: string, command: string, input = "", zone = "UTC") {
  const reply = await botAt(env, now).answer(request(command, input));
  return { reply, text: read(reply, now, zone) };
}

describe("commands on the Pyongyang trip", () => {
  let env: Stores;
  beforeAll(async () => {
    env = await storesWith([PYONGYANG]);
  });

  const BEFORE = "2025-04-01T00:00:00Z"; // Tue 1 Apr, 09:00 in Pyongyang

  it("when: the date and start in Pyongyang time, the reader's own time, and a countdown", async () => {
    const { reply, text } = await ask(env, BEFORE, "when", "", "Europe/London");
    expect(text).toContain("Race day is in 5 days.");
    expect(text).toContain(
      "Sun 6 Apr 2025, 08:00 Pyongyang time (your time: Sun 6 Apr 2025, 00:00)",
    );
    expect(text).toContain("Kim Il Sung Stadium");
    expect(reply.visibility).toBe("private");
    expect(reply.buttons.map((b) => b.action)).toEqual(["share"]);
  });

  it("when: counts down on race day and after it", async () => {
    expect((await ask(env, "2025-04-05T22:00:00Z", "when")).text).toContain(
      "Race day is today in Pyongyang: the start is in 1 hour.",
    );
    // 23:59 on Saturday in Pyongyang: "tomorrow" says whose tomorrow it is.
    expect((await ask(env, "2025-04-05T14:59:00Z", "when")).text).toContain(
      "Race day is Sunday 6 April in Pyongyang, tomorrow there.",
    );
    const after = await ask(env, "2026-11-24T05:00:00Z", "when");
    expect(after.text).toContain("The race was 597 days ago.");
    expect(after.text).toContain("started Sun 6 Apr 2025, 08:00 Pyongyang time");
  });

  it("when: an event that is no race (no distances) is counted down without 'race day'", async () => {
    const parsed = parseTripText(`
id: dive-week
name: Dive week
timeZone: Africa/Cairo
event: { name: Liveaboard week, start: 2026-10-10 17:00, startPlace: { name: Marina } }
itinerary:
  - { id: boarding, start: 2026-10-10 17:00, title: Boarding }
`);
    if (!parsed.ok) throw new Error("bad trip");
    const stores = memoryStores();
    await loadTrip(stores, parsed.file);
    const when = async (now: string) => {
      const reply = await botAt(stores, now).answer({ ...request("when"), tripId: "dive-week" });
      return read(reply, now);
    };
    const texts = await Promise.all(
      ["2026-10-01T00:00:00Z", "2026-10-09T12:00:00Z", "2026-10-10T10:00:00Z"].map(when),
    );
    expect(texts[0]).toContain("9 days to go. Liveaboard week starts Sat 10 Oct 2026, 17:00");
    expect(texts[1]).toContain("Tomorrow in Cairo: Saturday 10 October.");
    // 13:00 in Cairo (summer time, UTC+3, until the end of October).
    expect(texts[2]).toContain("Today in Cairo: the start is in 4 hours.");
    expect((await when("2026-10-13T00:00:00Z")).toLowerCase()).toContain("it was 3 days ago.");
    for (const text of texts) expect(text.toLowerCase()).not.toContain("race");
  });

  it("when and next count down once: no second, live countdown beside the written one", async () => {
    const relativeMoments = (reply: Reply) =>
      reply.blocks
        .flatMap((b) =>
          b.type === "paragraph" || b.type === "context"
            ? b.spans
            : b.type === "list"
              ? b.items.flat()
              : b.type === "fields"
                ? b.fields.flatMap((f) => f.value)
                : [],
        )
        .filter((s) => s.type === "moment" && s.relative);
    for (const at of [BEFORE, "2025-04-05T22:00:00Z", "2026-11-24T05:00:00Z"]) {
      const when = await ask(env, at, "when");
      expect(when.text.match(/\b(in \d+|\d+ \w+ ago)\b/g) ?? []).toHaveLength(1);
      expect(relativeMoments(when.reply)).toEqual([]);
    }
    expect(relativeMoments((await ask(env, BEFORE, "next")).reply)).toEqual([]);
  });

  it("where: the start, the finish and the other places, with sources", async () => {
    const { text } = await ask(env, BEFORE, "where");
    expect(text).toContain("Start: Kim Il Sung Stadium");
    expect(text).toContain("Finish: Kim Il Sung Stadium");
    expect(text).toContain("Pyongyang Sunan International Airport");
    expect(text).toMatch(/Sources: \[1\] News report/);
  });

  it("itinerary: every day in order, each with its items", async () => {
    const { reply, text } = await ask(env, BEFORE, "itinerary");
    const headings = reply.blocks
      .filter((b) => b.type === "heading")
      .map((b) => b.type === "heading" && b.text);
    expect(headings).toEqual([
      "Day 1 — Thu 3 Apr 2025",
      "Day 2 — Fri 4 Apr 2025",
      "Day 3 — Sat 5 Apr 2025",
      "Day 4 — Sun 6 Apr 2025",
      "Day 5 — Mon 7 Apr 2025",
    ]);
    expect(text.indexOf("Flight Beijing → Pyongyang")).toBeLessThan(text.indexOf("City tour"));
    expect(text).toContain(
      "05:30 Pyongyang time (your time: Sat 5 Apr 2025, 20:30) Race-day breakfast",
    );
  });

  it("itinerary: one day, asked for in any way a reader would", async () => {
    for (const input of [
      "2",
      "day 2",
      "Day 2",
      "2025-04-04",
      "4 April",
      "April 4",
      "friday",
      "fri",
    ]) {
      const { reply } = await ask(env, BEFORE, "itinerary", input);
      expect(reply.title, input).toBe("Itinerary: Day 2 — Fri 4 Apr 2025");
    }
    expect((await ask(env, "2025-04-05T01:00:00Z", "itinerary", "tomorrow")).reply.title).toContain(
      "Day 4",
    );
    expect((await ask(env, "2025-04-05T01:00:00Z", "schedule", "today")).reply.title).toContain(
      "Day 3",
    );
    expect((await ask(env, BEFORE, "itinerary", "race day")).text).toContain(
      "Pyongyang International Marathon — start",
    );
  });

  it("itinerary: an unknown day lists the days instead", async () => {
    const { reply, text } = await ask(env, BEFORE, "itinerary", "9");
    expect(reply.title).toBe('No day "9" in the itinerary');
    expect(reply.buttons).toEqual([]);
    expect(text).toContain("Day 5 — Mon 7 Apr 2025");
    expect(text).not.toContain("These match it");
  });

  it("rules: words that name no topic show the rules they name, with the topic to ask for", async () => {
    // "money" names no topic, and a FAQ answers it surely; the customs rule on cash still shows.
    const { reply, text } = await ask(env, BEFORE, "rules", "money");
    expect(reply.title).toBe('No rules topic matches "money"');
    expect(text).toContain("Bring cash (euros, Chinese yuan or US dollars)");
    expect(text).toContain("/marathon rules customs");
    expect((await ask(env, BEFORE, "rules", "xyzzy")).text).not.toContain("These match it");
  });

  it("itinerary: words that are no day show the items they name, with the day to ask for", async () => {
    const { reply, text } = await ask(env, BEFORE, "itinerary", "bus");
    expect(reply.title).toBe('No day "bus" in the itinerary');
    expect(text).toContain("Coach to the stadium — /marathon itinerary 4");
    expect(text).toContain("Day 1 — Thu 3 Apr 2025");
  });

  it("next: the next item and how long until it, and what is on now", async () => {
    const raceMorning = "2025-04-05T21:00:00Z"; // 06:00 in Pyongyang
    const { reply, text } = await ask(env, raceMorning, "next");
    expect(reply.title).toBe("Next: Coach to the stadium");
    expect(text).toContain("Coach to the stadium in 30 minutes");
    expect(text).toContain("After that");
    expect(text).toContain("Pyongyang International Marathon — start");
    const during = await ask(env, "2025-04-06T01:00:00Z", "next"); // 10:00, mid-race
    expect(during.text).toContain("Happening now");
    expect(during.text).toContain("Celebration dinner in 9 hours");
    const over = await ask(env, "2025-05-01T00:00:00Z", "next");
    expect(over.reply.title).toBe("Nothing left on the itinerary");
    expect(over.text).toContain("Flight Pyongyang → Beijing");
  });

  it("facts (and its alias race): the facts with their sources", async () => {
    for (const name of ["facts", "race"]) {
      const { reply, text } = await ask(env, BEFORE, name);
      expect(reply.title).toBe("Pyongyang International Marathon 2025");
      expect(text).toContain("about 950 foreigners took part in 2019");
      expect(text).toContain("organised by Koryo Tours");
      expect(text).toMatch(/\[1\] News report on the race, 7 April 2025/);
      expect(text).toContain("Example content for organisers to replace");
    }
  });

  it("rules: the topics, one topic, a near miss, and an unknown topic", async () => {
    const topics = await ask(env, BEFORE, "rules");
    for (const t of ["race", "conduct", "photos", "customs"]) expect(topics.text).toContain(t);
    const photos = await ask(env, BEFORE, "rules", "photos");
    expect(photos.reply.title).toBe("Rules: Photographs");
    expect(photos.text).toContain("Do not photograph soldiers");
    expect((await ask(env, BEFORE, "rules", "photo")).reply.title).toBe("Rules: Photographs");
    expect((await ask(env, BEFORE, "rules", "Customs")).reply.title).toBe(
      "Rules: Customs and what to bring",
    );
    const unknown = await ask(env, BEFORE, "rules", "swimming");
    expect(unknown.reply.title).toBe('No rules topic matches "swimming"');
    expect(unknown.text).toContain("customs — Customs and what to bring");
  });

  it("faq: finds the visa answer however it is asked", async () => {
    for (const q of ["visa", "visas", "Do I need a visa?", "vsia", "VISA", "tourist card"]) {
      const { reply, text } = await ask(env, BEFORE, "faq", q);
      expect(reply.title, q).toBe("Do I need a visa?");
      expect(text, q).toContain("tourist card");
    }
  });

  it("faq: ranks by meaning across entries", async () => {
    expect((await ask(env, BEFORE, "faq", "Will my phone work there?")).reply.title).toBe(
      "Will my phone work?",
    );
    expect((await ask(env, BEFORE, "faq", "wifi")).reply.title).toBe("Will my phone work?");
    expect((await ask(env, BEFORE, "faq", "what currency")).reply.title).toBe(
      "What money should I bring?",
    );
    expect((await ask(env, BEFORE, "faq", "temperature on race day")).reply.title).toBe(
      "What will the weather be like on race day?",
    );
  });

  it("faq: lists the questions; an answer it cannot find is honest and points to the organisers", async () => {
    const list = await ask(env, BEFORE, "faq");
    expect(list.reply.title).toBe("Frequently asked questions");
    expect(list.text).toContain("Who do I contact in an emergency?");
    const miss = await ask(env, BEFORE, "faq", "zebra crossing");
    expect(miss.reply.title).toContain("zebra crossing");
    expect(miss.reply.buttons).toEqual([]);
    expect(miss.text).toContain("Ask the organisers");
    const near = await ask(env, BEFORE, "faq", "passport photocopy zebra unicorn");
    expect(near.reply.title).toMatch(/^Not sure/);
    expect(near.text).toContain("Do I need a visa?");
    expect(near.text).toContain("/marathon faq visa");
  });

  it("help: every command in the registry; an unknown command gets a short 'did you mean', not the help", async () => {
    const help = await ask(env, BEFORE, "help");
    for (const c of COMMANDS) expect(help.text).toContain(`/marathon ${c.name}`);
    const typo = await ask(env, BEFORE, "itinary", "2");
    expect(typo.reply.title).toBe("Unknown command: itinary");
    expect(typo.text).toContain("Did you mean /marathon itinerary 2?");
    expect(typo.text).not.toContain("/marathon faq [question]");
  });

  it("overview: a bare command shows the trip at a glance and what to ask", async () => {
    const { reply, text } = await ask(env, BEFORE, "");
    expect(reply.title).toBe("Pyongyang Marathon tour 2025");
    expect(text).toContain("Race day is in 5 days.");
    expect(text).toContain("Next on the itinerary: Group briefing before departure");
    expect(text).toContain("/marathon when");
  });

  it("suggests option values from the trip's facts, ranked by the FAQ matcher", async () => {
    const bot = botAt(env, BEFORE);
    const faq = await bot.suggest({ ...request("faq"), input: "vis" });
    expect(faq[0]).toEqual({ label: "Do I need a visa?", value: "visa" });
    const all = await bot.suggest({ ...request("faq"), input: "" });
    expect(all).toHaveLength(10);
    expect((await bot.suggest({ ...request("rules"), input: "ph" }))[0]?.value).toBe("photos");
    const days = await bot.suggest({ ...request("itinerary"), input: "" });
    expect(days.map((d) => d.value)).toEqual(["1", "2", "3", "4", "5"]);
    expect(days[3]?.label).toContain("Day 4 — Sun 6 Apr 2025: Race-day breakfast");
    expect(await bot.suggest({ ...request("when"), input: "" })).toEqual([]);
    // The value a suggestion gives answers the question.
    const { reply } = await ask(env, BEFORE, "faq", faq[0]?.value);
    expect(reply.title).toBe("Do I need a visa?");
  });
});

describe("commands on the New York trip (daylight saving time ends on race day)", () => {
  let env: Stores;
  beforeAll(async () => {
    env = await storesWith([NEW_YORK]);
  });
  const SATURDAY = "2025-11-01T12:00:00Z"; // 08:00 EDT

  it("when: race day is tomorrow, at 09:10 New York time", async () => {
    const { text } = await ask(env, SATURDAY, "when", "", "Asia/Tokyo");
    expect(text).toContain("Race day is Sunday 2 November in New York, tomorrow there.");
    expect(text).toContain(
      "Sun 2 Nov 2025, 09:10 New York time (your time: Sun 2 Nov 2025, 23:10)",
    );
  });

  it("itinerary: race day's times are local times on both sides of the change", async () => {
    const { reply, text } = await ask(env, SATURDAY, "itinerary", "3");
    expect(reply.title).toBe("Itinerary: Day 3 — Sun 2 Nov 2025");
    // 01:30 happens twice that night: this is the first one, still on daylight time.
    expect(text).toContain("01:30 New York time, UTC-04:00 (your time: 05:30) Clocks go back");
    expect(text).toContain("05:45 New York time (your time: 10:45) Ferry to Staten Island");
    expect(text).toContain("09:10 New York time (your time: 14:10)");
  });

  it("next, where, facts, rules and faq answer from this trip", async () => {
    expect((await ask(env, SATURDAY, "next")).reply.title).toBe("Next: Pasta dinner");
    expect((await ask(env, SATURDAY, "where")).text).toContain("Fort Wadsworth, Staten Island");
    expect((await ask(env, SATURDAY, "facts")).text).toContain("all five boroughs");
    expect((await ask(env, SATURDAY, "rules", "race")).text).toContain("Clear bags only");
    expect((await ask(env, SATURDAY, "faq", "esta")).reply.title).toBe("Do I need a visa or ESTA?");
    expect((await ask(env, SATURDAY, "faq", "daylight saving")).reply.title).toBe(
      "Does the time change on race weekend?",
    );
  });
});

describe("which trip answers", () => {
  it("with no trip loaded, help still answers and questions say so", async () => {
    const env = await storesWith();
    expect((await ask(env, "2025-01-01T00:00:00Z", "help")).text).toContain("/marathon when");
    const { reply } = await ask(env, "2025-01-01T00:00:00Z", "when");
    expect(reply.title).toBe("No trip yet");
  });

  it("with several trips and no link, asks for a link instead of guessing or naming them", async () => {
    const env = await storesWith([PYONGYANG, NEW_YORK]);
    const { reply, text } = await ask(env, "2025-01-01T00:00:00Z", "when");
    expect(reply.title).toBe("Which trip?");
    expect(text).toContain("/marathon link <trip-id>");
    expect(text).not.toContain("pyongyang");
    expect(text).not.toContain("New York");
    const chosen = await botAt(env, "2025-01-01T00:00:00Z").answer({
      ...request("when"),
      tripId: "new-york-marathon-2025",
    });
    expect(chosen.title).toBe("When: New York City Marathon 2025");
  });
});

describe("every example the help gives", () => {
  for (const path of [PYONGYANG, NEW_YORK]) {
    it(`answers on ${path}, as the help promises`, async () => {
      const env = await storesWith([path]);
      const bot = botAt(env, "2025-01-01T00:00:00Z");
      for (const c of COMMANDS) {
        for (const example of c.examples) {
          const [command = "", ...rest] = example.split(" ");
          const reply = await bot.answer(request(command, rest.join(" ")));
          expect(reply.title, example).not.toMatch(/^Unknown command|^No trip|^Which trip/);
          expect(reply.blocks.length, example).toBeGreaterThan(0);
        }
      }
    });
  }
});

describe("an item that ends after midnight", () => {
  it("shows the end's date, so nobody reads 22:00–01:00 as one evening", async () => {
    const file = tripFile(PYONGYANG);
    const [first] = file.itinerary;
    if (!first) throw new Error("the example trip has items");
    file.itinerary = [
      {
        ...first,
        id: "night-train",
        title: "Night train",
        start: "2025-04-03 22:00",
        end: "2025-04-04 01:30",
      },
    ];
    const env = memoryStores();
    await loadTrip(env, file);
    const { text } = await ask(env, BEFORE_TRIP, "itinerary");
    expect(text).toMatch(/22:00[^\n]*–[^\n]*Fri 4 Apr 2025, 01:30[^\n]*Night train/);
  });
});

describe("items away from the destination", () => {
  it("show their own zone's time: the Beijing briefing in Beijing time, the rest in Pyongyang's", async () => {
    const env = await storesWith([PYONGYANG]);
    const { text } = await ask(env, BEFORE_TRIP, "itinerary", "1", "Europe/London");
    expect(text).toMatch(/09:00 Beijing time[^\n]*Group briefing before departure/);
    expect(text).toMatch(/18:00 Pyongyang time[^\n]*Hotel check-in/);
    // 09:00 in Beijing is 02:00 in London, not 01:00 (as 09:00 in Pyongyang would be).
    expect(text).toMatch(/09:00 Beijing time \(your time: 02:00\)/);
  });

  it("take a place's zone when they name the place, and refuse a zone that does not exist", async () => {
    const file = tripFile(NEW_YORK);
    file.places = [
      ...file.places,
      {
        id: "jfk-lounge",
        name: "JFK lounge",
        timeZone: "America/Chicago",
        timeZoneLabel: "Chicago",
      },
    ];
    const [first] = file.itinerary;
    if (!first) throw new Error("the example trip has items");
    file.itinerary = [
      { ...first, id: "layover", title: "Layover", place: "JFK lounge", start: "2025-10-30 10:00" },
    ];
    const env = memoryStores();
    await loadTrip(env, file);
    const { text } = await ask(env, "2025-10-01T00:00:00Z", "itinerary");
    expect(text).toMatch(/10:00 Chicago time[^\n]*Layover/);
    const broken = parseTripText(
      readFileSync(NEW_YORK, "utf8").replace(
        /^( +)title: (.*)$/m,
        "$1title: $2\n$1timeZone: Mars/Base",
      ),
      "ny.yaml",
    );
    expect(broken.ok ? [] : broken.errors.map((e) => e.message)).toContainEqual(
      expect.stringContaining('"Mars/Base" is not an IANA time zone'),
    );
  });
});
