import { describe, expect, it } from "vitest";
import { describeLoad } from "../../bot/loading/describe-load";
import { loadTrip } from "../../bot/loading/load-trip";
import { memoryStores } from "../../bot/store/memory-stores";
import { NEW_YORK, tripFile } from "../helpers/memory-trips";

// Saturday 1 November 2025, 08:00 in New York: the race is tomorrow.
const T = new Date("2025-11-01T12:00:00Z");

async function movedRace() {
  const stores = memoryStores();
  const file = tripFile(NEW_YORK);
  await loadTrip(stores, file, { now: T });
  const moved = structuredClone(file);
  const race = moved.itinerary.find((i) => i.id === "race-start");
  if (race) race.start = "2025-11-02 09:40";
  return { stores, moved };
}

describe("what the trip CLI says about change alerts", () => {
  it("a dry run lists the alerts a load would post", async () => {
    const { stores, moved } = await movedRace();
    const out = describeLoad(await loadTrip(stores, moved, { now: T, dryRun: true }), true);
    expect(out).toContain("Would announce 1 change alert in every channel with reminders on:");
    expect(out).toContain(
      "  ! Race start (wave 1): time: Sun 2 Nov 2025, 09:10 → Sun 2 Nov 2025, 09:40 New York time",
    );
  });

  it("a load says it announces them, and a quiet one that it does not", async () => {
    const { stores, moved } = await movedRace();
    const quiet = describeLoad(await loadTrip(stores, moved, { now: T, quiet: true }), false, true);
    expect(quiet).toContain("Not announcing 1 change alert (--quiet):");
    const back = structuredClone(moved);
    const race = back.itinerary.find((i) => i.id === "race-start");
    if (race) race.start = "2025-11-02 09:10";
    const loud = describeLoad(await loadTrip(stores, back, { now: T }), false);
    expect(loud).toContain("Announcing 1 change alert in every channel with reminders on");
  });
});
