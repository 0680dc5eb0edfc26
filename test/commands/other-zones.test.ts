import { afterEach, describe, expect, it } from "vitest";
import {
  discordText,
  type OutsideFixture,
  outsideFixture,
  slackText,
} from "../helpers/outside-trips";

/**
 * `when`, `next` and `itinerary` on trips in zones the shipped trips do not use: a half-hour
 * offset (Kolkata) with the race at midnight on New Year, the hour Adelaide's clocks go back,
 * and the first zone to see a new day (Kiritimati, UTC+14). Read as Slack and Discord show them.
 */

const GOA = `
id: goa-run
name: Goa river run
timeZone: Asia/Kolkata
timeZoneLabel: Goa
event: { name: River run, start: 2027-01-01 00:00, startPlace: { name: Panaji jetty } }
itinerary:
  - { id: arrive, start: 2026-12-31 23:30, end: 2027-01-01 00:30, title: Midnight welcome }
  - { id: run, start: 2027-01-01 00:00, title: River run start }
  - { id: leave, start: 2027-01-01 10:00, title: Check-out }
`;

/** Adelaide (UTC+10:30, then +09:30): 02:00–03:00 on 4 April 2027 happens twice. */
const ADELAIDE = `
id: adelaide-autumn
name: Adelaide autumn run
timeZone: Australia/Adelaide
timeZoneLabel: Adelaide
event: { name: Autumn run, start: 2027-04-04 07:00, startPlace: { name: Victoria Square } }
itinerary:
  - { id: party, start: 2027-04-03 23:00, end: 2027-04-04 04:00, title: Night party }
  - { id: first, start: "2027-04-04 02:30+10:30", title: Snack before the clocks go back }
  - { id: second, start: "2027-04-04 02:30+09:30", title: Snack after the clocks go back }
  - { id: run, start: 2027-04-04 07:00, title: Run start }
`;

const KIRITIMATI = `
id: line-islands
name: Line Islands dawn
timeZone: Pacific/Kiritimati
timeZoneLabel: Kiritimati
event: { name: First dawn, start: 2027-01-01 06:00, startPlace: { name: London village } }
itinerary:
  - { id: countdown, start: 2026-12-31 22:00, title: Countdown }
  - { id: dawn, start: 2027-01-01 06:00, title: First dawn of the year }
`;

/** No labels: each zone is named after its city, as the organiser wrote the zone. */
const KYIV = `
id: kyiv-half
name: Kyiv half marathon
timeZone: europe/kyiv
event: { name: Half marathon, start: 2027-04-25 09:00, startPlace: { name: Khreshchatyk } }
itinerary:
  - { id: transfer, start: 2027-04-23 06:00, timeZone: Asia/Kolkata, title: Transfer via Delhi }
  - { id: stop, start: 2027-04-23 13:00, timeZone: Asia/Kathmandu, title: Stopover }
  - { id: race, start: 2027-04-25 09:00, title: Race start }
`;

/** Apia (UTC+13) and Pago Pago (UTC-11), a short flight apart across the date line. */
const SAMOA = `
id: two-samoas
name: Two Samoas
timeZone: Pacific/Apia
timeZoneLabel: Apia
event: { name: Fun run, start: 2027-01-06 07:00, startPlace: { name: Apia harbour } }
places:
  - { id: pago, name: Pago Pago airport, timeZone: Pacific/Pago_Pago, timeZoneLabel: Pago Pago }
itinerary:
  - { id: fly, start: 2027-01-05 09:00, title: Flight to Pago Pago }
  - { id: arrive, start: 2027-01-04 10:00, place: pago, title: Welcome at Pago Pago }
  - { id: run, start: 2027-01-06 07:00, title: Fun run }
`;

const unix = (iso: string) => Date.parse(iso) / 1000;

let fixture: OutsideFixture | undefined;
afterEach(async () => {
  await fixture?.close();
  fixture = undefined;
});

async function both(trip: string, now: string, sub: string, value?: string) {
  fixture = fixture ?? (await outsideFixture([trip], new Date(now)));
  const s = await fixture.slack(value ? `${sub} ${value}` : sub);
  const d = await fixture.discord(sub, value);
  expect([s.statusCode, d.statusCode]).toEqual([200, 200]);
  return { slack: slackText(s.body), discord: discordText(d.body) };
}

describe("commands on trips in other zones", () => {
  it("Kolkata's half-hour offset: a race at midnight on New Year, counted from the evening before", async () => {
    const now = "2026-12-31T12:00:00Z"; // 17:30 in Goa
    const start = unix("2026-12-31T18:30:00Z");
    const when = await both(GOA, now, "when");
    for (const text of [when.slack, when.discord]) {
      expect(text).toContain("Tomorrow in Goa: Friday 1 January.");
      expect(text).toContain("Fri 1 Jan 2027, 00:00 Goa time");
    }
    expect(when.slack).toContain(`<!date^${start}^`);
    expect(when.discord).toContain(`<t:${start}:F>`);
    const next = await both(GOA, now, "next");
    for (const text of [next.slack, next.discord]) {
      expect(text).toMatch(/Midnight welcome\W+in 6 hours/);
    }
    const day2 = await both(GOA, now, "itinerary", "2");
    for (const text of [day2.slack, day2.discord]) {
      expect(text).toContain("Day 2 — Fri 1 Jan 2027");
      expect(text).toContain("00:00 Goa time");
      expect(text).not.toContain("Midnight welcome");
    }
  });

  it("tells apart the two 02:30s of the night Adelaide's clocks go back", async () => {
    const day2 = await both(ADELAIDE, "2027-04-03T10:00:00Z", "itinerary", "2");
    for (const text of [day2.slack, day2.discord]) {
      const line = (title: string) => text.split("\n").find((l) => l.includes(title)) ?? "";
      const before = line("Snack before the clocks go back");
      const after = line("Snack after the clocks go back");
      expect(before).toContain("02:30 Adelaide time, UTC+10:30");
      expect(after).toContain("02:30 Adelaide time, UTC+09:30");
      // Only the repeated hour carries an offset.
      expect(line("Run start")).toContain("07:00 Adelaide time");
      expect(line("Run start")).not.toContain("UTC+");
    }
    expect(day2.discord).toContain(`<t:${unix("2027-04-03T16:00:00Z")}:f>`);
    expect(day2.discord).toContain(`<t:${unix("2027-04-03T17:00:00Z")}:f>`);
  });

  it("Kiritimati (UTC+14): today and tomorrow are the destination's days", async () => {
    const now = "2026-12-31T05:00:00Z"; // 19:00 on 31 December there, 05:00 in London
    const today = await both(KIRITIMATI, now, "itinerary", "today");
    const tomorrow = await both(KIRITIMATI, now, "itinerary", "tomorrow");
    for (const text of [today.slack, today.discord]) {
      expect(text).toContain("Day 1 — Thu 31 Dec 2026");
      expect(text).toContain("Countdown");
    }
    for (const text of [tomorrow.slack, tomorrow.discord]) {
      expect(text).toContain("Day 2 — Fri 1 Jan 2027");
      expect(text).toContain("First dawn of the year");
    }
    const when = await both(KIRITIMATI, now, "when");
    expect(when.slack).toContain("Tomorrow in Kiritimati: Friday 1 January.");
    expect(when.discord).toContain(`<t:${unix("2026-12-31T16:00:00Z")}:F>`);
  });

  it("names a zone after the city the organiser wrote, not an older name the runtime knows it by", async () => {
    const answer = await both(KYIV, "2027-04-20T10:00:00Z", "itinerary");
    for (const text of [answer.slack, answer.discord]) {
      expect(text).toContain("06:00 Kolkata time");
      expect(text).toContain("13:00 Kathmandu time");
      expect(text).toContain("09:00 Kyiv time");
      expect(text).not.toMatch(/Calcutta|Katmandu|Kiev/);
    }
  });

  it("across the date line: an item on another date where it happens shows that date, and its place's name", async () => {
    const days = await both(SAMOA, "2027-01-03T00:00:00Z", "itinerary");
    for (const text of [days.slack, days.discord]) {
      // Under Tuesday's heading (Apia's date), the welcome is on Monday in Pago Pago.
      expect(text).toContain("Day 1 — Tue 5 Jan 2027");
      expect(text).toContain("Mon 4 Jan 2027, 10:00 Pago Pago time");
      // The file names the place by its id; readers see its name.
      expect(text).toContain("— Pago Pago airport");
      expect(text).not.toMatch(/— pago\b/);
      // Items on the heading's date keep the short time.
      expect(text).toContain("07:00 Apia time");
      expect(text).not.toContain("Wed 6 Jan 2027, 07:00");
    }
    const next = await both(SAMOA, "2027-01-03T00:00:00Z", "next");
    for (const text of [next.slack, next.discord]) expect(text).toContain("Pago Pago airport");
  });
});
