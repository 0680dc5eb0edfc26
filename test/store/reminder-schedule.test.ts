import { afterAll, describe, expect, it } from "vitest";
import type { ScheduleEntry } from "../../bot/store/reminder-schedule";
import { storeKinds } from "../helpers/store-kinds";

const entry = (itemId: string, dueAt: string, overrides: Partial<ScheduleEntry> = {}) => {
  const due = new Date(dueAt);
  return {
    tripId: "trip",
    itemId,
    leadMinutes: 60,
    dueAt: due,
    startAt: new Date(due.getTime() + 60 * 60_000),
    content: {
      tripName: "Trip",
      zone: "UTC",
      zoneLabel: "UTC",
      command: "marathon",
      title: itemId,
      day: 1,
    },
    state: "pending",
    ...overrides,
  } satisfies ScheduleEntry;
};
const withoutState = ({ state: _, ...reminder }: ScheduleEntry) => reminder;
const ids = (list: { itemId: string }[]) => list.map((r) => r.itemId);

describe.each(storeKinds())("the ReminderSchedule contract, $name", (kind) => {
  afterAll(() => kind.close());

  it("keeps a trip's entries as written, finished ones included", async () => {
    const { schedule } = await kind.fresh();
    const a = entry("a", "2025-04-05T10:00:00Z");
    const b = entry("b", "2025-04-05T11:00:00Z", { state: "done" });
    await schedule.update({
      put: [b, a, entry("c", "2025-04-05T12:00:00Z", { tripId: "other" })],
      cancel: [],
    });
    expect(await schedule.scheduleOf("trip")).toEqual([a, b]);
    await schedule.update({ put: [], cancel: [a] });
    expect(ids(await schedule.scheduleOf("trip"))).toEqual(["b"]);
    expect(await schedule.scheduleOf("nothing")).toEqual([]);
  });

  it("finds pending reminders due by now, from two UTC days back, in the order they fall due", async () => {
    const { schedule } = await kind.fresh();
    await schedule.update({
      put: [
        entry("now", "2025-04-05T12:00:00Z"),
        entry("later", "2025-04-05T12:00:01Z"),
        entry("earlier", "2025-04-05T08:00:00Z"),
        entry("finished", "2025-04-05T09:00:00Z", { state: "done" }),
        entry("two-days-back", "2025-04-03T00:00:00Z"),
        entry("too-old", "2025-04-02T23:59:59Z"),
      ],
      cancel: [],
    });
    const due = await schedule.dueReminders(new Date("2025-04-05T12:00:00Z"));
    expect(ids(due)).toEqual(["two-days-back", "earlier", "now"]);
    expect(due[2]).toEqual(withoutState(entry("now", "2025-04-05T12:00:00Z")));
  });

  it("completes a reminder so no run finds it again, unless a load has moved it since", async () => {
    const { schedule } = await kind.fresh();
    const race = entry("race", "2025-04-05T10:00:00Z");
    const expo = entry("expo", "2025-04-05T10:00:00Z");
    await schedule.update({ put: [race, expo], cancel: [] });
    const now = new Date("2025-04-05T12:00:00Z");
    await schedule.complete(withoutState(race));
    // A load moves the expo's reminder after the run read it: the run's completion is void.
    const moved = entry("expo", "2025-04-05T11:00:00Z");
    await schedule.update({ put: [moved], cancel: [] });
    await schedule.complete(withoutState(expo));
    expect(ids(await schedule.dueReminders(now))).toEqual(["expo"]);
    expect((await schedule.scheduleOf("trip")).map((e) => [e.itemId, e.state])).toEqual([
      ["expo", "pending"],
      ["race", "done"],
    ]);
    // Completing a cancelled reminder does not bring it back.
    await schedule.update({ put: [], cancel: [moved] });
    await schedule.complete(withoutState(moved));
    expect(ids(await schedule.scheduleOf("trip"))).toEqual(["race"]);
  });

  it("keeps change alerts due beside the reminders, out of the trip's schedule, one per revision", async () => {
    const { schedule } = await kind.fresh();
    const reminder = entry("a", "2025-04-05T10:00:00Z");
    const change = {
      was: { title: "a", startAt: "2025-04-05T11:00:00.000Z" },
      now: { title: "a", startAt: "2025-04-05T12:00:00.000Z", place: "Hall" },
    };
    const alert = (revision: number) =>
      entry("a", "2025-04-05T09:30:00Z", { leadMinutes: 0, alertRevision: revision, change });
    await schedule.update({ put: [reminder, alert(2), alert(3)], cancel: [] });
    expect(await schedule.scheduleOf("trip")).toEqual([reminder]);
    const due = await schedule.dueReminders(new Date("2025-04-05T10:00:00Z"));
    expect(due).toEqual([withoutState(alert(2)), withoutState(alert(3)), withoutState(reminder)]);
    await schedule.complete(withoutState(alert(2)));
    expect(ids(await schedule.dueReminders(new Date("2025-04-05T10:00:00Z")))).toHaveLength(2);
  });
});
