import { describe, expect, it, vi } from "vitest";
import { readDay } from "../../bot/commands/day-query";
import { tripOf } from "./trips";

/** How often the dates-in-words parser (chrono-node, ~100 ms to load) was loaded. */
const loads = vi.hoisted(() => ({ count: 0 }));
vi.mock("../../bot/commands/date-words", async (original) => {
  loads.count++;
  return await original();
});

const TRIP = tripOf(`
id: spring
name: Spring tour
timeZone: Europe/Paris
event: { name: Run, start: 2026-04-05 09:00, startPlace: { name: Park } }
itinerary:
  - { id: a, start: 2026-04-04 09:00, title: Arrival }
  - { id: b, start: 2026-04-05 09:00, title: Race }
`);

describe("every free-text question is tried as a day", () => {
  it("without loading chrono-node unless it names a month", async () => {
    const now = new Date("2026-04-01T00:00:00Z");
    for (const q of [
      "can I bring a drone",
      "what time is the bus",
      "tmrw",
      "sat",
      "3",
      "the 4th",
    ]) {
      await readDay(TRIP, q, now, { whole: true });
    }
    expect(loads.count).toBe(0);
    expect(await readDay(TRIP, "5th april", now)).toMatchObject({ found: { number: 2 } });
    expect(loads.count).toBe(1);
  });
});
