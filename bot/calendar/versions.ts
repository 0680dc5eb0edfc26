import type { EventVersion, EventVersions } from "../store/calendar-tokens";
import { contentHash, type EventContent } from "./events";

/**
 * The versions after serving `events`: an item seen for the first time starts at SEQUENCE 0,
 * one whose content differs from what was last served goes up by one, an unchanged one keeps
 * its version (so reloading an unchanged trip changes nothing), and a removed one is dropped.
 */
export function nextVersions(
  previous: EventVersions,
  events: readonly EventContent[],
  now: Date,
): { versions: EventVersions; changed: boolean } {
  const versions: Record<string, EventVersion> = {};
  let changed = Object.keys(previous).length !== events.length;
  for (const event of events) {
    const hash = contentHash(event);
    const before = previous[event.itemId];
    if (before?.hash === hash) {
      versions[event.itemId] = before;
      continue;
    }
    changed = true;
    versions[event.itemId] = {
      hash,
      sequence: before ? before.sequence + 1 : 0,
      changedAt: now.toISOString(),
    };
  }
  return { versions, changed };
}
