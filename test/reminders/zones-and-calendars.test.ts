import { DateTime } from "luxon";
import { describe, expect, it } from "vitest";
import { reminderReply } from "../../bot/reminders/message";
import { remindersOf } from "../../bot/reminders/schedule";
import { renderReply } from "../../bot/slack/render";
import { resolveTrip } from "../../bot/trip/model";
import { TripFileSchema } from "../../bot/trip/schema";

/**
 * Reminder times on trips other than the shipped ones: items in their own zone across that
 * zone's clock change, trips over a year end, items just after midnight and next to a DST gap.
 */
function tripOf(zone: string, items: Record<string, unknown>[], leads = ["1d", "1h"]) {
  return resolveTrip(
    TripFileSchema.parse({
      id: "probe",
      name: "Probe trip",
      timeZone: zone,
      organisers: {},
      defaultReminders: leads,
      event: { name: "Event", start: "2025-12-31 23:30", startPlace: { name: "Square" } },
      itinerary: items,
    }),
  );
}
const due = (trip: ReturnType<typeof tripOf>, itemId: string, lead: number) => {
  const r = remindersOf(trip).find((x) => x.itemId === itemId && x.leadMinutes === lead);
  if (!r) throw new Error(`no ${lead}-minute reminder of ${itemId}`);
  return r;
};
const wall = (d: Date, zone: string) =>
  DateTime.fromJSDate(d, { zone }).toFormat("yyyy-MM-dd HH:mm");

describe("day-sized leads keep the wall-clock time of the zone the item is in", () => {
  it("a London meeting on a trip kept in UTC, the day the UK clocks go forward", () => {
    const trip = tripOf("UTC", [
      {
        id: "meet",
        start: "2025-03-30 10:00",
        title: "Meet at the hotel",
        timeZone: "Europe/London",
        timeZoneLabel: "London",
      },
    ]);
    const r = due(trip, "meet", 1440);
    expect(wall(r.startAt, "Europe/London")).toBe("2025-03-30 10:00");
    expect(wall(r.dueAt, "Europe/London")).toBe("2025-03-29 10:00");
  });

  it("a New York briefing on a trip kept in Tokyo time, the day US clocks go back", () => {
    const trip = tripOf(
      "Asia/Tokyo",
      [
        {
          id: "brief",
          start: "2025-11-02 09:00",
          title: "Briefing",
          timeZone: "America/New_York",
          timeZoneLabel: "New York",
        },
      ],
      ["2d"],
    );
    const r = due(trip, "brief", 2 * 1440);
    expect(wall(r.dueAt, "America/New_York")).toBe("2025-10-31 09:00");
  });
});

describe("items next to midnight, a year end and a clock change", () => {
  const zone = "Europe/Berlin";
  const trip = tripOf(zone, [
    { id: "fireworks", start: "2025-12-31 23:55", title: "Fireworks" },
    { id: "brunch", start: "2026-01-01 00:10", title: "New Year brunch" },
  ]);

  it("a reminder a day before an item just after midnight falls on the day before, at the same time", () => {
    expect(wall(due(trip, "brunch", 1440).dueAt, zone)).toBe("2025-12-31 00:10");
    expect(wall(due(trip, "brunch", 60).dueAt, zone)).toBe("2025-12-31 23:10");
  });

  it("the post says the item's own date, across the year end", () => {
    const r = due(trip, "brunch", 60);
    const [message] = renderReply(reminderReply(r, r.dueAt));
    expect(message?.text).toContain(
      "New Year brunch starts in 1 hour: Thu 1 Jan 2026, 00:10 Berlin time",
    );
  });

  it("a 1-hour lead before an item just after the spring-forward gap is an exact hour", () => {
    const spring = tripOf(zone, [{ id: "run", start: "2025-03-30 03:30", title: "Dawn run" }]);
    const r = due(spring, "run", 60);
    expect(r.startAt.getTime() - r.dueAt.getTime()).toBe(3_600_000);
    expect(wall(r.dueAt, zone)).toBe("2025-03-30 01:30");
  });

  it("a day-sized lead whose wall-clock time falls in the gap moves past it, never before it", () => {
    const gap = tripOf(zone, [{ id: "walk", start: "2025-03-31 02:30", title: "Night walk" }]);
    const r = due(gap, "walk", 1440);
    // 02:30 does not exist on 30 March: the reminder comes at 03:30, after the gap.
    expect(wall(r.dueAt, zone)).toBe("2025-03-30 03:30");
  });
});
