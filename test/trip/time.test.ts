import { readFileSync } from "node:fs";
import { DateTime } from "luxon";
import { describe, expect, it } from "vitest";
import { parseTripText } from "../../bot/trip/parse";
import { formatInZone, offsetAt, parseLeadTime, wallClockToInstant } from "../../bot/trip/time";
import { NEW_YORK, PYONGYANG } from "../helpers/local-table";

const instant = (text: string, zone: string) => {
  const r = wallClockToInstant(text, zone);
  if (!r.ok) throw new Error(r.message);
  return r.instant.toISOString();
};

describe("destination wall-clock times", () => {
  it("uses Pyongyang's offset of the day: UTC+9 now, UTC+8:30 from August 2015 to May 2018", () => {
    expect(instant("2025-04-06 08:00", "Asia/Pyongyang")).toBe("2025-04-05T23:00:00.000Z");
    expect(instant("2017-04-09 08:00", "Asia/Pyongyang")).toBe("2017-04-08T23:30:00.000Z");
    expect(instant("2015-04-12 08:00", "Asia/Pyongyang")).toBe("2015-04-11T23:00:00.000Z");
    expect(offsetAt(new Date("2017-04-09T00:00:00Z"), "Asia/Pyongyang")).toBe("+08:30");
  });

  it("refuses a time the clocks skip, naming the day", () => {
    const r = wallClockToInstant("2025-03-09 02:30", "America/New_York");
    expect(r.ok).toBe(false);
    expect(!r.ok && r.message).toMatch(/does not exist.*2025-03-09/);
  });

  it("asks for the offset of a time that happens twice, and accepts it", () => {
    const r = wallClockToInstant("2025-11-02 01:30", "America/New_York");
    expect(!r.ok && r.message).toMatch(/happens twice.*-04:00 or .*-05:00/);
    expect(instant("2025-11-02 01:30-04:00", "America/New_York")).toBe("2025-11-02T05:30:00.000Z");
    expect(instant("2025-11-02 01:30-05:00", "America/New_York")).toBe("2025-11-02T06:30:00.000Z");
    const wrong = wallClockToInstant("2025-11-02 01:30+02:00", "America/New_York");
    expect(!wrong.ok && wrong.message).toMatch(/not \+02:00/);
  });

  it("parses reminder lead times", () => {
    expect(parseLeadTime("1d")).toBe(1440);
    expect(parseLeadTime("2h")).toBe(120);
    expect(parseLeadTime("1h30m")).toBe(90);
    expect(parseLeadTime("0m")).toBeUndefined();
    expect(parseLeadTime("soon")).toBeUndefined();
  });
});

describe("the itinerary that crosses the end of US daylight saving time", () => {
  const parsed = parseTripText(readFileSync(NEW_YORK, "utf8"), NEW_YORK);
  if (!parsed.ok) throw new Error("example trip must be valid");
  const at = (id: string) => parsed.trip.itinerary.find((i) => i.id === id)?.startAt.toISOString();

  it("puts each item at its right instant on both sides of the change", () => {
    expect(at("shakeout-run")).toBe("2025-11-01T12:00:00.000Z"); // 08:00 EDT
    expect(at("pasta-dinner")).toBe("2025-11-01T22:00:00.000Z"); // 18:00 EDT
    expect(at("clocks-go-back")).toBe("2025-11-02T05:30:00.000Z"); // 01:30 EDT, the first one
    expect(at("ferry")).toBe("2025-11-02T10:45:00.000Z"); // 05:45 EST
    expect(at("race-start")).toBe("2025-11-02T14:10:00.000Z"); // 09:10 EST
    expect(parsed.trip.event.startAt.toISOString()).toBe("2025-11-02T14:10:00.000Z");
  });

  it("keeps each item on its local calendar day, and shows it in local time", () => {
    const day3 = parsed.trip.days.find((d) => d.date === "2025-11-02");
    expect(day3?.items.map((i) => i.id)).toEqual([
      "clocks-go-back",
      "ferry",
      "race-start",
      "celebration",
    ]);
    // 19:00 EST is already 3 November in UTC, yet it belongs to race day.
    const dinner = day3?.items.at(-1);
    expect(dinner && formatInZone(dinner.startAt, "America/New_York", "time")).toBe("19:00");
    expect(dinner?.startAt.toISOString()).toBe("2025-11-03T00:00:00.000Z");
  });

  it("lists Pyongyang race day with its items in order", () => {
    const p = parseTripText(readFileSync(PYONGYANG, "utf8"), PYONGYANG);
    if (!p.ok) throw new Error("example trip must be valid");
    const raceDay = p.trip.days.find((d) => d.items.some((i) => i.id === "race-start"));
    expect(raceDay?.date).toBe("2025-04-06");
    expect(raceDay?.items[0]?.startAt.toISOString()).toBe("2025-04-05T20:30:00.000Z");
  });
});

describe("a day's name", () => {
  it("is the destination's date as en-GB writes it, on both sides of the date line", () => {
    expect(formatInZone(new Date("2025-04-05T20:30:00Z"), "Asia/Pyongyang", "weekday-date")).toBe(
      "Sunday 6 April 2025",
    );
    expect(
      formatInZone(new Date("2025-04-05T20:30:00Z"), "Pacific/Pago_Pago", "weekday-date"),
    ).toBe("Saturday 5 April 2025");
  });

  it("matches what Luxon writes for every day of two years, in zones far apart", () => {
    const zones = ["Asia/Pyongyang", "America/New_York", "Pacific/Kiritimati", "Pacific/Pago_Pago"];
    for (let t = Date.UTC(2024, 0, 1); t < Date.UTC(2026, 0, 1); t += 31 * 60 * 60 * 1000) {
      for (const zone of zones) {
        const at = new Date(t);
        expect(formatInZone(at, zone, "weekday-date")).toBe(
          DateTime.fromJSDate(at, { zone }).setLocale("en-GB").toFormat("cccc d LLLL yyyy"),
        );
      }
    }
  });
});
