import { describe, expect, it } from "vitest";
import { reminderReply } from "../../bot/reminders/message";
import { remindersOf } from "../../bot/reminders/schedule";
import { resolveTrip } from "../../bot/trip/model";
import { formatInZone } from "../../bot/trip/time";
import { NEW_YORK, tripFile } from "../helpers/memory-trips";

// New York's clocks go back at 02:00 on race day (Sunday 2 November 2025).
const trip = resolveTrip(tripFile(NEW_YORK));
const reminder = (itemId: string, leadMinutes: number) => {
  const r = remindersOf(trip).find((x) => x.itemId === itemId && x.leadMinutes === leadMinutes);
  if (!r) throw new Error(`no ${leadMinutes}-minute reminder of ${itemId}`);
  return r;
};
const local = (d: Date) => formatInZone(d, trip.zone, "datetime");

describe("reminder lead times across a clock change", () => {
  it("a day-sized lead keeps the item's wall-clock time: the day before the 09:10 start, at 09:10", () => {
    const race = reminder("race-start", 1440);
    expect(local(race.startAt)).toBe("Sun 2 Nov 2025, 09:10");
    expect(local(race.dueAt)).toBe("Sat 1 Nov 2025, 09:10");
    // 25 hours before, as the clocks go back in between.
    expect(race.startAt.getTime() - race.dueAt.getTime()).toBe(25 * 3_600_000);
  });

  it("hour and minute leads stay exact durations across the change", () => {
    const ferry = reminder("ferry", 60);
    expect(ferry.startAt.getTime() - ferry.dueAt.getTime()).toBe(3_600_000);
    const late = remindersOf(trip).filter((r) => r.leadMinutes % 1440 !== 0);
    for (const r of late) {
      expect(r.startAt.getTime() - r.dueAt.getTime()).toBe(r.leadMinutes * 60_000);
    }
  });
});

describe("a reminder posted late", () => {
  it("says how far off the item really is, never its lead time", () => {
    const race = reminder("race-start", 60);
    const threeMinutesBefore = new Date(race.startAt.getTime() - 3 * 60_000);
    const text = JSON.stringify(reminderReply(race, threeMinutesBefore));
    expect(text).toContain("starts in 3 minutes");
    expect(text).not.toMatch(/1 hour|before/);
  });

  it("counts down once: no live countdown beside the written one", () => {
    const race = reminder("race-start", 60);
    const reply = reminderReply(race, new Date(race.startAt.getTime() - 59 * 60_000));
    const moments = reply.blocks.flatMap((b) => (b.type === "paragraph" ? b.spans : []));
    expect(moments.filter((s) => s.type === "moment" && s.relative)).toEqual([]);
  });
});
