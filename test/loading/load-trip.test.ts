import { describe, expect, it } from "vitest";
import { InvalidTripError, loadTrip } from "../../bot/loading/load-trip";
import { memoryStores } from "../../bot/store/memory-stores";
import type { TripFile } from "../../bot/trip/schema";
import { NEW_YORK, tripFile } from "../helpers/memory-trips";

const BEFORE = new Date("2025-10-30T00:00:00Z");

describe("loading a trip", () => {
  it("refuses an invalid trip with what is wrong, and writes nothing", async () => {
    const stores = memoryStores();
    const broken = { ...tripFile(NEW_YORK), timeZone: "Mars/Olympus" } as TripFile;
    const error = await loadTrip(stores, broken).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InvalidTripError);
    expect((error as InvalidTripError).issues.join("\n")).toContain("timeZone");
    expect(await stores.facts.listTrips()).toEqual([]);
    expect(await stores.schedule.scheduleOf("new-york-marathon-2025")).toEqual([]);
  });

  it("says on a dry run what the schedule would get, and changes nothing", async () => {
    const stores = memoryStores();
    const dry = await loadTrip(stores, tripFile(NEW_YORK), { dryRun: true, now: BEFORE });
    expect(dry).toMatchObject({
      written: false,
      revision: 0,
      reminders: { scheduled: 15, updated: 0, cancelled: 0 },
    });
    expect(await stores.facts.listTrips()).toEqual([]);
    expect(await stores.schedule.scheduleOf("new-york-marathon-2025")).toEqual([]);
  });

  it("repairs the schedule of a load that died after switching over", async () => {
    const stores = memoryStores();
    const file = tripFile(NEW_YORK);
    // The facts were committed, then the process died before the schedule was written.
    await (await stores.facts.draftRevision(file)).commit();
    const again = await loadTrip(stores, file, { now: BEFORE });
    expect(again).toMatchObject({ changes: [], written: false, revision: 1 });
    expect(again.reminders).toEqual({ scheduled: 15, updated: 0, cancelled: 0 });
    expect(await stores.schedule.scheduleOf(file.id)).toHaveLength(15);
  });

  it("schedules no reminder for an item that has already started", async () => {
    const stores = memoryStores();
    const file = tripFile(NEW_YORK);
    // Loaded on race day at noon New York time: only the afternoon's items are ahead.
    await loadTrip(stores, file, { now: new Date("2025-11-02T17:00:00Z") });
    const due = await stores.schedule.dueReminders(new Date("2025-11-03T00:00:00Z"));
    expect([...new Set(due.map((r) => r.itemId))].sort()).toEqual(["celebration", "departure"]);
    const done = (await stores.schedule.scheduleOf(file.id)).filter((e) => e.state === "done");
    expect(done.length).toBeGreaterThan(0);
    expect(done.every((e) => e.startAt.getTime() <= Date.parse("2025-11-02T17:00:00Z"))).toBe(true);
  });
});
