import { describe, expect, it } from "vitest";
import { loadTrip } from "../../bot/loading/load-trip";
import { memoryStores } from "../../bot/store/memory-stores";
import type { ReminderSchedule } from "../../bot/store/reminder-schedule";
import type { TripFile } from "../../bot/trip/schema";
import { NEW_YORK, tripFile } from "../helpers/memory-trips";

/** Fresh stores whose loads happen on 30 October 2025, before any reminder falls due. */
async function freshTable() {
  const stores = memoryStores();
  const now = new Date("2025-10-30T00:00:00Z");
  const store = { loadTrip: (file: TripFile) => loadTrip(stores, file, { now }) };
  return { store, reminders: stores.schedule };
}

const newYork = (): TripFile => tripFile(NEW_YORK);

/** Due reminders (change alerts, which alerts.test.ts covers, left out). */
const due = async (reminders: ReminderSchedule, iso: string) =>
  (await reminders.dueReminders(new Date(iso)))
    .filter((r) => r.alertRevision === undefined)
    .map((r) => `${r.itemId}@${r.leadMinutes}:${r.dueAt.toISOString()}`)
    .sort();

describe("the reminder schedule follows the trip file", () => {
  it("schedules each item at each lead time, and finds what is due", async () => {
    const { store, reminders } = await freshTable();
    const loaded = await store.loadTrip(newYork());
    // 8 items; most have 1d and 1h, the ferry 9h and 1h, the clock change 3h.
    expect(loaded.reminders).toEqual({ scheduled: 15, updated: 0, cancelled: 0 });
    // Expo at 11:00 EDT (15:00Z) on 31 October: due 1 day and 1 hour before.
    expect(await due(reminders, "2025-10-31T14:00:00Z")).toEqual([
      "expo-bibs@1440:2025-10-30T15:00:00.000Z",
      "expo-bibs@60:2025-10-31T14:00:00.000Z",
      "shakeout-run@1440:2025-10-31T12:00:00.000Z",
    ]);
    // After the change to EST the ferry's 9-hour reminder is 01:45 UTC on race day.
    expect(await due(reminders, "2025-11-02T01:45:00Z")).toContain(
      "ferry@540:2025-11-02T01:45:00.000Z",
    );
  });

  it("moves pending reminders with an edited item and cancels a removed item's", async () => {
    const { store, reminders } = await freshTable();
    const file = newYork();
    await store.loadTrip(file);
    const edited = structuredClone(file);
    const expo = edited.itinerary.find((i) => i.id === "expo-bibs");
    if (!expo) throw new Error("example has expo-bibs");
    expo.start = "2025-10-31 12:00";
    edited.itinerary = edited.itinerary.filter((i) => i.id !== "shakeout-run");
    const result = await store.loadTrip(edited);
    expect(result.reminders).toEqual({ scheduled: 0, updated: 2, cancelled: 2 });
    // The expo starts within 48 hours, so its move is announced too.
    expect(result.alerts.map((a) => a.itemId)).toEqual(["expo-bibs"]);
    expect(await due(reminders, "2025-10-31T14:00:00Z")).toEqual([
      "expo-bibs@1440:2025-10-30T16:00:00.000Z",
    ]);
    expect(await due(reminders, "2025-10-31T15:00:00Z")).toEqual([
      "expo-bibs@1440:2025-10-30T16:00:00.000Z",
      "expo-bibs@60:2025-10-31T15:00:00.000Z",
    ]);
  });

  it("keeps a finished reminder finished when its item's text changes", async () => {
    const { store, reminders } = await freshTable();
    const file = newYork();
    await store.loadTrip(file);
    const [first] = await reminders.dueReminders(new Date("2025-10-30T15:00:00Z"));
    if (!first) throw new Error("a reminder is due");
    await reminders.complete(first);
    const edited = structuredClone(file);
    const expo = edited.itinerary.find((i) => i.id === "expo-bibs");
    if (expo) expo.notes = "Bring photo ID and your confirmation email.";
    const result = await store.loadTrip(edited);
    // Only the expo's pending 1-hour reminder takes the new notes; the sent one stays sent.
    expect(result.reminders).toEqual({ scheduled: 0, updated: 1, cancelled: 0 });
    expect(await due(reminders, "2025-10-30T15:00:00Z")).toEqual([]);
    const pending = (await reminders.dueReminders(new Date("2025-10-31T14:00:00Z"))).find(
      (r) => r.itemId === "expo-bibs",
    );
    expect(pending?.leadMinutes).toBe(60);
    expect(pending?.content.notes).toBe("Bring photo ID and your confirmation email.");
  });
});
