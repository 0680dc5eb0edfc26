import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  discordText,
  type OutsideFixture,
  outsideFixture,
  slackText,
} from "../helpers/outside-trips";

/**
 * `itinerary <day>` as travellers type it, on trips other than the shipped one: other zones,
 * a clock change inside the trip, a trip across the year's end, a US trip, a one-day trip, trips
 * far in the past and future. Each answer is read as Slack and as Discord show it.
 */

/** Sydney at New Year: the trip crosses the end of the year (and no race: fireworks). */
const NEW_YEAR = `
id: sydney-new-year
name: Sydney New Year 2026/27
timeZone: Australia/Sydney
timeZoneLabel: Sydney
event: { name: New Year's Eve fireworks, start: 2026-12-31 21:00, startPlace: { name: Circular Quay } }
itinerary:
  - { id: arrive, start: 2026-12-30 15:00, title: Arrival and welcome drinks }
  - { id: cruise, start: 2026-12-31 18:00, title: Harbour cruise to the fireworks }
  - { id: brunch, start: 2027-01-01 11:00, title: New Year brunch }
  - { id: leave, start: 2027-01-02 10:00, title: Check-out }
`;

/** London: clocks go forward on race morning, and Saturday is a free day (no item). */
const LONDON = `
id: london-spring-10k
name: London spring 10K
timeZone: Europe/London
timeZoneLabel: London
event:
  name: Spring 10K
  start: 2027-03-28 09:00
  startPlace: { name: Hyde Park }
  distances: [10 km]
itinerary:
  - { id: dinner, start: 2027-03-26 18:00, title: Arrival dinner }
  - { id: race, start: 2027-03-28 09:00, title: Race start }
  - { id: leave, start: 2027-03-29 10:00, title: Departure }
`;

/** Chicago on the Fourth of July: a US trip whose event is a parade. */
const CHICAGO = `
id: chicago-fourth
name: Chicago Fourth of July
timeZone: America/Chicago
timeZoneLabel: Chicago
event: { name: Independence Day parade, start: 2026-07-04 10:00, startPlace: { name: Michigan Avenue } }
itinerary:
  - { id: arrive, start: 2026-07-03 14:00, title: Arrival }
  - { id: parade, start: 2026-07-04 10:00, title: Parade }
  - { id: leave, start: 2026-07-05 11:00, title: Departure }
`;

/** One day, far in the future. */
const ONE_DAY = `
id: eclipse-2031
name: Eclipse day trip 2031
timeZone: Pacific/Auckland
event: { name: Eclipse viewing, start: 2031-05-21 12:00, startPlace: { name: Lookout } }
itinerary:
  - { id: bus, start: 2031-05-21 08:00, title: Bus to the lookout }
  - { id: view, start: 2031-05-21 12:00, title: Eclipse viewing }
`;

type Ask = (input: string) => Promise<string[]>;

/** The same `itinerary <input>` on both platforms: what each reader sees. */
function both(f: () => OutsideFixture): Ask {
  return async (input) => {
    const s = await f().slack(`itinerary ${input}`);
    const d = await f().discord("itinerary", input);
    expect(s.statusCode, input).toBe(200);
    expect(d.statusCode, input).toBe(200);
    return [slackText(s.body), discordText(d.body)];
  };
}

const expectBoth = async (ask: Ask, input: string, expected: string | RegExp) => {
  for (const shown of await ask(input)) {
    if (typeof expected === "string") expect(shown, input).toContain(expected);
    else expect(shown, input).toMatch(expected);
  }
};

/** The day itself is the answer (its title), not only one of the days listed after a refusal. */
const expectDay = async (ask: Ask, input: string, day: string) => {
  for (const shown of await ask(input))
    expect(shown.split("\n")[0], input).toBe(`Itinerary: ${day}`);
};

describe("a trip across the end of the year (Sydney)", () => {
  let f: OutsideFixture;
  beforeAll(async () => {
    // 23:00 in Sydney on 31 December, still 31 December... in UTC it is noon.
    f = await outsideFixture([NEW_YEAR], new Date("2026-12-31T12:00:00Z"));
  });
  afterAll(() => f.close());
  const ask = both(() => f);

  it("reads January dates in the trip's second year", async () => {
    for (const input of ["1/1", "1st January", "january 1", "friday 1 january", "2 jan"]) {
      const day = input === "2 jan" ? "Day 4 — Sat 2 Jan 2027" : "Day 3 — Fri 1 Jan 2027";
      await expectDay(ask, input, day);
    }
    await expectDay(ask, "31/12", "Day 2 — Thu 31 Dec 2026");
    await expectDay(ask, "the 1st", "Day 3 — Fri 1 Jan 2027");
  });

  it("reads tmrw in Sydney's date, and the event's own day word", async () => {
    await expectDay(ask, "tmrw", "Day 3 — Fri 1 Jan 2027");
    await expectDay(ask, "today", "Day 2 — Thu 31 Dec 2026");
    await expectDay(ask, "fireworks day", "Day 2 — Thu 31 Dec 2026");
    await expectDay(ask, "last day", "Day 4 — Sat 2 Jan 2027");
    await expectDay(ask, "day two", "Day 2 — Thu 31 Dec 2026");
  });

  it("says a date outside it plainly, with its year", async () => {
    await expectBoth(ask, "5 jan", "Tue 5 Jan 2027 is not a day of the trip");
  });
});

describe("a trip with a clock change and a free day (London)", () => {
  let free: OutsideFixture;
  let lastDay: OutsideFixture;
  let firstDay: OutsideFixture;
  beforeAll(async () => {
    // Saturday 27 March, the free day; then 00:30 BST on Monday 29, the last day.
    free = await outsideFixture([LONDON], new Date("2027-03-27T12:00:00Z"));
    lastDay = await outsideFixture([LONDON], new Date("2027-03-28T23:30:00Z"));
    firstDay = await outsideFixture([LONDON], new Date("2027-03-26T08:00:00Z"));
  });
  afterAll(async () => {
    await free.close();
    await lastDay.close();
    await firstDay.close();
  });

  it("reads race day, tomorrow across the clock change, and weekdays", async () => {
    const ask = both(() => free);
    await expectDay(ask, "race day", "Day 2 — Sun 28 Mar 2027");
    await expectDay(ask, "tmrw", "Day 2 — Sun 28 Mar 2027");
    await expectDay(ask, "sunday 28 march", "Day 2 — Sun 28 Mar 2027");
    await expectDay(ask, "28th", "Day 2 — Sun 28 Mar 2027");
    for (const shown of await ask("day before the race")) {
      expect(shown).toContain("Nothing is planned today (Sat 27 Mar 2027)");
    }
    // Seen from the day before, the free Saturday is named by its date.
    for (const shown of await both(() => firstDay)("27/3")) {
      expect(shown).toContain(
        "Nothing is planned on Sat 27 Mar 2027; the next planned day is day 2, Sun 28 Mar 2027.",
      );
    }
  });

  it("today on a free day inside the trip says nothing is planned, and what comes next", async () => {
    for (const shown of await both(() => free)("today")) {
      expect(shown).toMatch(/Nothing is planned (today|on Sat 27 Mar 2027)/);
      expect(shown).toMatch(/next planned day is day 2, Sun 28 Mar 2027/);
      expect(shown).not.toMatch(/ended|starts in|-\d/);
    }
  });

  it("tomorrow on the last day says the trip ends today, never 'ended 0 days ago'", async () => {
    // 00:30 on Monday 29 March in London (23:30 UTC on the 28th): tomorrow is Tuesday.
    await expectDay(
      both(() => lastDay),
      "today",
      "Day 3 — Mon 29 Mar 2027",
    );
    for (const shown of await both(() => lastDay)("tomorrow")) {
      expect(shown).toContain("Tomorrow is not a day of the trip");
      expect(shown).toMatch(/last day is today/);
      expect(shown).not.toMatch(/ended 0 days|-\d+ days/);
    }
  });

  it("yesterday on the first day says day 1 is today, never 'starts in 0 days'", async () => {
    for (const shown of await both(() => firstDay)("yesterday")) {
      expect(shown).toContain("Yesterday is not a day of the trip");
      expect(shown).toMatch(/Day 1 is today, Fri 26 Mar 2027/);
      expect(shown).not.toMatch(/starts in 0 days/);
    }
  });
});

describe("a US trip (Chicago)", () => {
  let f: OutsideFixture;
  beforeAll(async () => {
    f = await outsideFixture([CHICAGO], new Date("2026-06-01T12:00:00Z"));
  });
  afterAll(() => f.close());
  const ask = both(() => f);

  it("reads 7/4 (month first) and 4/7 (day first) as the one trip day they can be", async () => {
    await expectDay(ask, "7/4", "Day 2 — Sat 4 Jul 2026");
    await expectDay(ask, "4/7", "Day 2 — Sat 4 Jul 2026");
    await expectDay(ask, "sat", "Day 2 — Sat 4 Jul 2026");
    await expectDay(ask, "parade day", "Day 2 — Sat 4 Jul 2026");
  });

  it("names both readings of a date that is in neither", async () => {
    for (const shown of await ask("4/5")) {
      expect(shown).toContain("Sun 5 Apr 2026");
      expect(shown).toContain("Mon 4 May 2026");
    }
  });

  it("today a month before says how far off the trip is", async () => {
    await expectBoth(ask, "today", "The trip starts in 32 days; day 1 is Fri 3 Jul 2026.");
  });
});

describe("a one-day trip years ahead, and a trip long past", () => {
  let future: OutsideFixture;
  let past: OutsideFixture;
  beforeAll(async () => {
    const now = new Date("2026-11-24T12:00:00Z");
    future = await outsideFixture([ONE_DAY], now);
    past = await outsideFixture([CHICAGO], now);
  });
  afterAll(async () => {
    await future.close();
    await past.close();
  });

  it("a one-day trip: its day by number, date and name; a second day is none, said in words", async () => {
    const ask = both(() => future);
    await expectDay(ask, "1", "Day 1 — Wed 21 May 2031");
    await expectDay(ask, "21 may", "Day 1 — Wed 21 May 2031");
    await expectDay(ask, "wednesday", "Day 1 — Wed 21 May 2031");
    await expectDay(ask, "last day", "Day 1 — Wed 21 May 2031");
    for (const shown of await ask("day two")) {
      expect(shown).toContain("The trip has 1 day.");
      expect(shown).not.toContain("1 days");
    }
    await expectBoth(ask, "tomorrow", /The trip starts in 1,?6\d\d days; day 1 is Wed 21 May 2031/);
  });

  it("a trip long past: today says when it ended", async () => {
    await expectBoth(
      both(() => past),
      "today",
      /The trip ended \d+ days ago; its last day was Sun 5 Jul 2026/,
    );
  });

  it("garbage days get a short helpful answer, never an error", async () => {
    const ask = both(() => future);
    const long = "x".repeat(3000);
    for (const input of ["asdfgh", "99", "31/31", "2031-02-30", "🙂", "day -1", long, "0"]) {
      for (const shown of await ask(input)) {
        expect(shown, input).toContain("Day 1 — Wed 21 May 2031");
        expect(shown, input).not.toMatch(/Invalid|undefined|NaN|error/i);
        expect(shown.length, input).toBeLessThan(1500);
      }
    }
  });
});

describe("a trip of sixty days (an overland expedition)", () => {
  let f: OutsideFixture;
  beforeAll(async () => {
    const items = Array.from({ length: 60 }, (_, i) => {
      const day = new Date(Date.UTC(2027, 0, 1 + i)).toISOString().slice(0, 10);
      return `  - { id: leg-${i + 1}, start: ${day} 09:00, title: Leg ${i + 1} of the expedition }`;
    }).join("\n");
    const trip = `
id: overland-2027
name: Overland Nairobi to Cape Town
timeZone: Africa/Nairobi
event: { name: Departure, start: 2027-01-01 09:00, startPlace: { name: Nairobi camp } }
itinerary:
${items}
`;
    // Wednesday 20 January, day 20.
    f = await outsideFixture([trip], new Date("2027-01-20T10:00:00Z"));
  });
  afterAll(() => f.close());
  const ask = both(() => f);

  it("a day it cannot read lists a week from today, not all sixty", async () => {
    for (const input of ["blah", "99", "5/5"]) {
      for (const shown of await ask(input)) {
        const listed = shown.split("\n").filter((l) => /^• Day \d+/.test(l));
        expect(listed, input).toHaveLength(7);
        expect(listed[0], input).toBe("• Day 20 — Wed 20 Jan 2027");
        expect(shown, input).toContain("…and 53 other days, from day 1 to day 60.");
      }
    }
  });

  it("reads weekdays as the coming one, and a day of the month in two months asks back", async () => {
    await expectDay(ask, "saturday", "Day 23 — Sat 23 Jan 2027");
    for (const shown of await ask("14th")) {
      expect(shown).toContain('Which day is "14th"?');
      expect(shown).toContain("Day 14 — Thu 14 Jan 2027");
      expect(shown).toContain("Day 45 — Sun 14 Feb 2027");
    }
  });
});
