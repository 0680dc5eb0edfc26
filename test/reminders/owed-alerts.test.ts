import { describe, expect, it } from "vitest";
import { changeAlerts, owedAlerts, owedForm } from "../../bot/reminders/alerts";
import { MAX_OWED_BYTES, owedBytes } from "../../bot/store/fact-store";
import { resolveTrip } from "../../bot/trip/model";
import type { TripFile } from "../../bot/trip/schema";
import { syntheticTrip } from "../helpers/synthetic-trip";

const NOW = new Date("2025-04-05T12:00:00Z");

/** A trip of `items` items starting an hour after NOW, and the same with every item renamed. */
function renamed(items: number, title: (i: number) => string, notes?: string) {
  const file = syntheticTrip({
    id: "trip",
    items,
    firstStart: new Date(NOW.getTime() + 3_600_000),
  });
  if (notes) for (const item of file.itinerary) item.notes = notes;
  const edited: TripFile = structuredClone(file);
  edited.itinerary.forEach((item, i) => {
    item.title = title(i);
  });
  return changeAlerts(resolveTrip(file), resolveTrip(edited), [], NOW, 2);
}

describe("the change alerts a switch owes", () => {
  it("come back as the same alerts, due when they are read back, without the unshown notes", () => {
    const alerts = renamed(3, (i) => `Renamed ${i}`, "Bring a water bottle.");
    const later = new Date(NOW.getTime() + 86_400_000 * 3);
    const back = owedAlerts(owedForm(alerts), later);
    expect(back).toEqual(
      alerts.map(({ content: { notes: _notes, ...content }, ...a }) => ({
        ...a,
        content,
        dueAt: later,
      })),
    );
    expect(alerts[0]?.content.notes).toBe("Bring a water bottle.");
  });

  it("keep to what a HEAD may hold, the soonest items first", () => {
    const alerts = renamed(200, (i) => `Renamed ${i} ${"x".repeat(400)}`);
    const owes = owedForm(alerts);
    expect(owedBytes(owes)).toBeLessThanOrEqual(MAX_OWED_BYTES);
    expect(owes.length).toBeGreaterThan(10);
    expect(owes.length).toBeLessThan(alerts.length);
    expect(owedAlerts(owes, NOW).map((a) => a.itemId)).toEqual(
      alerts.slice(0, owes.length).map((a) => a.itemId),
    );
  });
});
