import {
  CALENDAR_TOKEN_PATTERN,
  type CalendarFeedState,
  type CalendarTokens,
} from "../store/calendar-tokens";
import type { FactStore } from "../store/fact-store";
import type { Trip } from "../trip/model";
import { feedTag, renderFeed, tripEvents } from "./feed";
import { offlinePack } from "./offline-pack";
import { nextVersions } from "./versions";

/** `/calendar/<token>.ics` (the feed) and `/calendar/<token>.pdf` (the offline pack). */
export const CALENDAR_PATH = /^\/calendar\/([^/]+)\.(ics|pdf)$/;

export interface CalendarRequest {
  method: string;
  path: string;
  /** Names in lower case. */
  headers: Readonly<Record<string, string | undefined>>;
}

export interface CalendarResponse {
  statusCode: number;
  headers: Record<string, string>;
  body: string;
  isBase64Encoded?: boolean;
}

export interface CalendarServerDeps {
  tokens: CalendarTokens;
  store: Pick<FactStore, "getTrip">;
  clock: () => Date;
}

const plain = (statusCode: number, body: string, headers: Record<string, string> = {}) => ({
  statusCode,
  headers: { "content-type": "text/plain; charset=utf-8", ...headers },
  body,
});

/** One answer for every token that opens nothing, so none tells whether a trip exists. */
const NOT_FOUND = plain(404, "Not found");

/** Whether an If-None-Match header names this tag (weak or strong, or "*"). */
function matches(ifNoneMatch: string | undefined, tag: string): boolean {
  if (!ifNoneMatch) return false;
  return ifNoneMatch
    .split(",")
    .map((t) => t.trim().replace(/^W\//, ""))
    .some((t) => t === "*" || t === tag);
}

/**
 * Serves a trip's calendar feed and offline pack to whoever holds its token. A poll costs the
 * token's GetItem and the trip's Query; only a poll that finds a changed item also writes, once,
 * the new event versions.
 */
export function calendarServer({ tokens, store, clock }: CalendarServerDeps) {
  async function feed(
    token: string,
    opened: CalendarFeedState,
    trip: Trip,
    ifNoneMatch: string | undefined,
  ) {
    const events = tripEvents(trip);
    let state: CalendarFeedState | undefined = opened;
    let next = nextVersions(state.versions, events, clock());
    // Two polls after one change: the second takes the versions the first saved.
    for (let attempt = 0; next.changed && attempt < 2; attempt++) {
      if (await tokens.saveVersions(token, state.revision, next.versions)) break;
      state = await tokens.open(token);
      if (!state) return NOT_FOUND;
      next = nextVersions(state.versions, events, clock());
    }
    const tag = feedTag(trip, events, next.versions);
    const headers = { etag: tag, "cache-control": "no-cache" };
    if (matches(ifNoneMatch, tag)) return { statusCode: 304, headers, body: "" };
    return {
      statusCode: 200,
      headers: {
        ...headers,
        "content-type": "text/calendar; charset=utf-8",
        "content-disposition": `inline; filename="${trip.id}.ics"`,
      },
      body: renderFeed(trip, events, next.versions),
    };
  }

  async function pack(trip: Trip) {
    const bytes = await offlinePack(trip, clock());
    return {
      statusCode: 200,
      headers: {
        "content-type": "application/pdf",
        "content-disposition": `attachment; filename="${trip.id}-offline-pack.pdf"`,
        "cache-control": "no-store",
      },
      body: Buffer.from(bytes).toString("base64"),
      isBase64Encoded: true,
    };
  }

  return async function serve(request: CalendarRequest): Promise<CalendarResponse> {
    const route = CALENDAR_PATH.exec(request.path);
    if (!route) return NOT_FOUND;
    const method = request.method.toUpperCase();
    if (method !== "GET" && method !== "HEAD") {
      return plain(405, "Only GET is served here", { allow: "GET, HEAD" });
    }
    const token = route[1] ?? "";
    if (!CALENDAR_TOKEN_PATTERN.test(token)) return NOT_FOUND;
    const state = await tokens.open(token);
    const trip = state && (await store.getTrip(state.tripId));
    if (!trip) return NOT_FOUND;
    const response =
      route[2] === "pdf"
        ? await pack(trip)
        : await feed(token, state, trip, request.headers["if-none-match"]);
    return method === "HEAD" ? { ...response, body: "", isBase64Encoded: false } : response;
  };
}
