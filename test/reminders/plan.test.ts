import { describe, expect, it } from "vitest";
import { planRun, tooLate, tripsOf } from "../../bot/reminders/plan";
import type { ScheduledReminder } from "../../bot/store/reminder-schedule";

const reminder = (tripId: string, itemId: string, leadMinutes: number, dueAt: string) => {
  const due = new Date(dueAt);
  return {
    tripId,
    itemId,
    leadMinutes,
    dueAt: due,
    startAt: new Date(due.getTime() + leadMinutes * 60_000),
    content: {
      tripName: tripId,
      zone: "UTC",
      zoneLabel: "UTC",
      command: "m",
      title: itemId,
      day: 1,
    },
  } satisfies ScheduledReminder;
};
const sub = (tripId: string, platform: string, channelId: string) => ({
  tripId,
  platform,
  channelId,
});

describe("planning a reminders run", () => {
  it("sends only the latest of an item's reminders that fall due together", () => {
    const dayBefore = reminder("t", "race", 1440, "2025-04-04T08:00:00Z");
    const hourBefore = reminder("t", "race", 60, "2025-04-05T07:00:00Z");
    const other = reminder("t", "expo", 60, "2025-04-05T06:00:00Z");
    const plan = planRun(
      [dayBefore, other, hourBefore],
      new Map([["t", [sub("t", "slack", "C1")]]]),
    );
    expect(plan.superseded).toEqual([dayBefore]);
    expect(plan.queues.flat().map((d) => d.reminder)).toEqual([other, hourBefore]);
  });

  it("fans each reminder out to every channel following its trip, each channel's in due order", () => {
    const late = reminder("a", "dinner", 60, "2025-04-05T17:00:00Z");
    const early = reminder("a", "lunch", 60, "2025-04-05T11:00:00Z");
    const elsewhere = reminder("b", "race", 60, "2025-04-05T12:00:00Z");
    const plan = planRun(
      [late, elsewhere, early],
      new Map([
        ["a", [sub("a", "slack", "C1"), sub("a", "discord", "D1")]],
        ["b", [sub("b", "slack", "C1")]],
      ]),
    );
    const channels = plan.queues.map((q) =>
      q.map((d) => `${d.key.platform}:${d.key.channelId}:${d.key.itemId}`),
    );
    expect(channels).toEqual([
      ["slack:C1:lunch", "slack:C1:race", "slack:C1:dinner"],
      ["discord:D1:lunch", "discord:D1:dinner"],
    ]);
    expect(plan.channelsPer.get(late)).toBe(2);
    expect(plan.channelsPer.get(elsewhere)).toBe(1);
  });

  it("closes the reminders of trips no channel follows, without posting", () => {
    const lonely = reminder("quiet", "race", 60, "2025-04-05T07:00:00Z");
    const plan = planRun([lonely], new Map());
    expect(plan).toMatchObject({ unheard: [lonely], queues: [], superseded: [] });
    expect(tripsOf([lonely, lonely, reminder("b", "x", 60, "2025-04-05T07:00:00Z")])).toEqual([
      "quiet",
      "b",
    ]);
  });

  it("counts a reminder too late from its item's start on", () => {
    const r = reminder("t", "race", 60, "2025-04-05T07:00:00Z");
    expect(tooLate(r, new Date("2025-04-05T07:59:59Z"))).toBe(false);
    expect(tooLate(r, new Date("2025-04-05T08:00:00Z"))).toBe(true);
  });
});
