import { randomBytes } from "node:crypto";

/**
 * The calendar link's secret: one random token per trip. Whoever holds it reads the trip's
 * calendar feed and offline pack; an organiser replaces it when it leaks, and the old one then
 * opens nothing. Beside the token lives what the feed last served of each itinerary item, so a
 * changed item's SEQUENCE grows and an unchanged one's never does.
 */

/** What the feed last served of one itinerary item. */
export interface EventVersion {
  /** Hash of everything the event shows (times, title, place, notes, alarms). */
  hash: string;
  /** The event's SEQUENCE: 0 when first served, one more at each change. */
  sequence: number;
  /** When this content was first served (ISO): the event's DTSTAMP and LAST-MODIFIED. */
  changedAt: string;
}

/** By itinerary item id. */
export type EventVersions = Readonly<Record<string, EventVersion>>;

export interface CalendarFeedState {
  tripId: string;
  versions: EventVersions;
  /** Grows with every save; a save names the one it read, so two polls never mix states. */
  revision: number;
}

export interface CalendarTokens {
  /** The trip's token; the first call makes it. */
  tokenFor(tripId: string): Promise<string>;
  /** Replaces the trip's token (keeping the event versions); the old one opens nothing. */
  reset(tripId: string): Promise<string>;
  /** What a token opens, or undefined for a token that is unknown or was replaced. */
  open(token: string): Promise<CalendarFeedState | undefined>;
  /** Saves new versions unless another save came after `expectedRevision`; says whether it did. */
  saveVersions(token: string, expectedRevision: number, versions: EventVersions): Promise<boolean>;
}

/** 160 random bits, URL-safe (27 characters). */
export function newCalendarToken(): string {
  return randomBytes(20).toString("base64url");
}

/** Only what `newCalendarToken` could have made is looked up; anything else is simply unknown. */
export const CALENDAR_TOKEN_PATTERN = /^[A-Za-z0-9_-]{27}$/;

/** The tokens in memory, for tests and one-process runs. */
export class MemoryCalendarTokens implements CalendarTokens {
  private readonly byTrip = new Map<string, string>();
  private readonly byToken = new Map<string, CalendarFeedState>();

  async tokenFor(tripId: string): Promise<string> {
    const current = this.byTrip.get(tripId);
    if (current && this.byToken.has(current)) return current;
    return this.issue(tripId, {});
  }

  async reset(tripId: string): Promise<string> {
    const old = this.byTrip.get(tripId);
    const versions = (old ? this.byToken.get(old)?.versions : undefined) ?? {};
    if (old) this.byToken.delete(old);
    return this.issue(tripId, versions);
  }

  async open(token: string): Promise<CalendarFeedState | undefined> {
    const state = this.byToken.get(token);
    return state ? structuredClone(state) : undefined;
  }

  async saveVersions(
    token: string,
    expectedRevision: number,
    versions: EventVersions,
  ): Promise<boolean> {
    const state = this.byToken.get(token);
    if (!state || state.revision !== expectedRevision) return false;
    this.byToken.set(token, {
      ...state,
      versions: structuredClone(versions),
      revision: expectedRevision + 1,
    });
    return true;
  }

  private issue(tripId: string, versions: EventVersions): string {
    const token = newCalendarToken();
    this.byToken.set(token, { tripId, versions: structuredClone(versions), revision: 0 });
    this.byTrip.set(tripId, token);
    return token;
  }
}
