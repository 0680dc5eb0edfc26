import { readFile } from "node:fs/promises";
import { Duration } from "luxon";
import ical, { type VEvent } from "node-ical";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadTrip } from "../../bot/loading/load-trip";
import { DynamoCalendarTokens } from "../../bot/store/dynamo-calendar-tokens";
import { parseTripText } from "../../bot/trip/parse";
import type { TripFile } from "../../bot/trip/schema";
import type { LocalEnvironment } from "../../dev/environment";
import { handler } from "../../handlers/calendar";
import { localTable, NEW_YORK, PYONGYANG } from "../helpers/local-table";
import { calendarGet } from "./requests";

let table: LocalEnvironment;
let tokens: DynamoCalendarTokens;
const saved = { ...process.env };

async function tripFile(path: string): Promise<TripFile> {
  const parsed = parseTripText(await readFile(path, "utf8"), path);
  if (!parsed.ok) throw new Error(`${path} does not parse`);
  return parsed.file;
}

/** A load, as the trip CLI does it. */
async function load(file: TripFile) {
  await loadTrip(table.stores, file);
}

beforeAll(async () => {
  table = await localTable();
  tokens = new DynamoCalendarTokens(table.doc, table.tableName);
  // The exported handler reads its table from the environment, like in Lambda.
  Object.assign(process.env, { TABLE_NAME: table.tableName, DYNAMODB_ENDPOINT: table.endpoint });
});
afterAll(async () => {
  process.env = saved;
  await table.close();
});

async function fetchFeed(token: string, headers: Record<string, string> = {}) {
  return handler(calendarGet(`/calendar/${token}.ics`, headers));
}

function events(body: string): VEvent[] {
  return Object.values(ical.sync.parseICS(body)).filter((c): c is VEvent => c?.type === "VEVENT");
}
const byUid = (list: VEvent[], uid: string) => list.find((e) => e.uid === uid);
const instant = (d: Date | undefined) => d?.toISOString();

describe.each([
  { name: "Pyongyang", path: PYONGYANG },
  { name: "New York (crosses the end of daylight saving time)", path: NEW_YORK },
])("the calendar feed of the $name trip", ({ path }) => {
  let file: TripFile;
  let token: string;
  beforeAll(async () => {
    file = await tripFile(path);
    await load(file);
    token = await tokens.tokenFor(file.id);
  });

  it("has every itinerary item once, at the trip's instants, with its place, notes and alarms", async () => {
    const trip = await table.store.getTrip(file.id);
    if (!trip) throw new Error("trip not loaded");
    const res = await fetchFeed(token);
    expect(res.statusCode).toBe(200);
    expect(res.headers["content-type"]).toMatch(/^text\/calendar/);
    const body = res.body;
    expect(body.match(/^BEGIN:VEVENT\r?$/gm)).toHaveLength(trip.itinerary.length);
    const parsed = events(body);
    expect(parsed.map((e) => e.uid).sort()).toEqual(
      trip.itinerary.map((i) => `${i.id}@${trip.id}`).sort(),
    );
    for (const item of trip.itinerary) {
      const event = byUid(parsed, `${item.id}@${trip.id}`);
      expect(event, item.id).toBeDefined();
      expect(instant(event?.start), item.id).toBe(item.startAt.toISOString());
      // No end in the trip: the event ends as it starts (RFC 5545).
      expect(instant(event?.end), item.id).toBe((item.endAt ?? item.startAt).toISOString());
      expect(String(event?.summary)).toBe(item.title);
      if (item.place) expect(String(event?.location)).toContain(item.place);
      if (item.notes) expect(String(event?.description)).toContain(item.notes);
      if (item.source) expect(String(event?.description)).toContain(item.source);
      // Each alarm goes off a reminder lead before the start.
      const alarmLeads = (event?.alarms ?? []).map(
        (a) => -Duration.fromISO(String(a.trigger)).as("minutes"),
      );
      expect(
        alarmLeads.sort((a, b) => b - a),
        item.id,
      ).toEqual(item.leadMinutes);
      expect(Number(event?.sequence)).toBe(0);
    }
    expect(body).toContain(`X-WR-CALNAME:${trip.name}`);
    expect(body).toMatch(/^REFRESH-INTERVAL;VALUE=DURATION:PT1H\r?$/m);
    expect(body).toMatch(/^X-PUBLISHED-TTL:PT1H\r?$/m);
  });

  it("keeps UIDs, SEQUENCE and ETag across a reload of the unchanged trip, and answers 304", async () => {
    const before = await fetchFeed(token);
    await load(structuredClone(file));
    const after = await fetchFeed(token);
    expect(after.headers.etag).toBe(before.headers.etag);
    const uids = (body: string) =>
      events(body)
        .map((e) => `${e.uid}#${e.sequence}`)
        .sort();
    expect(uids(after.body)).toEqual(uids(before.body));
    const etag = before.headers.etag ?? "";
    const notModified = await fetchFeed(token, { "if-none-match": etag });
    expect(notModified.statusCode).toBe(304);
    expect(notModified.body).toBe("");
    expect(notModified.headers.etag).toBe(etag);
    expect((await fetchFeed(token, { "if-none-match": '"something-else"' })).statusCode).toBe(200);
  });
});

describe("a changed trip, on the calendar's next refresh", () => {
  let file: TripFile;
  let token: string;
  beforeAll(async () => {
    file = await tripFile(NEW_YORK);
    await load(file);
    token = await tokens.tokenFor(file.id);
  });

  it("moves a moved item with a higher SEQUENCE, and leaves the others alone", async () => {
    const first = await fetchFeed(token);
    const moved = structuredClone(file);
    const ferry = moved.itinerary.find((i) => i.id === "ferry");
    if (!ferry) throw new Error("no ferry item");
    // Race morning, after the clocks went back: 06:15 EST is 11:15 UTC.
    ferry.start = "2025-11-02 06:15";
    await load(moved);
    const second = await fetchFeed(token, { "if-none-match": first.headers.etag ?? "" });
    expect(second.statusCode).toBe(200);
    expect(second.headers.etag).not.toBe(first.headers.etag);
    const before = events(first.body);
    const after = events(second.body);
    const uid = `ferry@${file.id}`;
    expect(instant(byUid(after, uid)?.start)).toBe("2025-11-02T11:15:00.000Z");
    expect(Number(byUid(after, uid)?.sequence)).toBeGreaterThan(
      Number(byUid(before, uid)?.sequence),
    );
    for (const other of before.filter((e) => e.uid !== uid)) {
      expect(Number(byUid(after, other.uid)?.sequence), other.uid).toBe(Number(other.sequence));
    }
    // Polled again with nothing new: the same version, not another bump.
    const third = await fetchFeed(token);
    expect(third.headers.etag).toBe(second.headers.etag);
    expect(Number(byUid(events(third.body), uid)?.sequence)).toBe(
      Number(byUid(after, uid)?.sequence),
    );
  });

  it("drops a removed item", async () => {
    const trimmed = structuredClone(file);
    trimmed.itinerary = trimmed.itinerary.filter((i) => i.id !== "pasta-dinner");
    await load(trimmed);
    const after = events((await fetchFeed(token)).body);
    expect(byUid(after, `pasta-dinner@${file.id}`)).toBeUndefined();
    expect(after).toHaveLength(trimmed.itinerary.length);
  });

  it("puts a place's address in the location of the items there, as a change", async () => {
    const before = events((await fetchFeed(token)).body);
    const withAddress = structuredClone(file);
    const hotel = withAddress.places.find((p) => p.id === "hotel");
    if (!hotel) throw new Error("no hotel");
    hotel.address = "1 Example Avenue, New York, NY 10001";
    await load(withAddress);
    const after = events((await fetchFeed(token)).body);
    const uid = `celebration@${file.id}`;
    expect(String(byUid(after, uid)?.location)).toBe(
      "Group hotel, Midtown Manhattan, 1 Example Avenue, New York, NY 10001",
    );
    expect(Number(byUid(after, uid)?.sequence)).toBe(Number(byUid(before, uid)?.sequence) + 1);
    await load(file);
  });

  it("leaves out control characters pasted into the trip's text, which calendars refuse", async () => {
    const pasted = structuredClone(file);
    const [item] = pasted.itinerary;
    if (!item) throw new Error("no items");
    item.title = `Bus\u0007 to the start\u001b[0m`;
    item.notes = "Gate\u0000 B";
    await load(pasted);
    const body = (await fetchFeed(token)).body;
    const controls = [...body].filter((c) => (c < " " || c === "\u007f") && !"\r\n\t".includes(c));
    expect(controls).toEqual([]);
    const feedItem = byUid(events(body), `${item.id}@${file.id}`);
    expect(String(feedItem?.summary)).toBe("Bus  to the start [0m");
    expect(String(feedItem?.description)).toContain("Gate  B");
    await load(file);
  });

  it("keeps each instant exact across the clock change", async () => {
    const list = events((await fetchFeed(token)).body);
    // 01:30 EDT (the first of the two 01:30s), 09:10 and 16:30 EST.
    expect(instant(byUid(list, `clocks-go-back@${file.id}`)?.start)).toBe(
      "2025-11-02T05:30:00.000Z",
    );
    expect(instant(byUid(list, `race-start@${file.id}`)?.start)).toBe("2025-11-02T14:10:00.000Z");
    expect(instant(byUid(list, `race-start@${file.id}`)?.end)).toBe("2025-11-02T21:30:00.000Z");
  });
});

describe("tokens that open nothing", () => {
  it("answers 404 for an unknown token, a malformed one and a replaced one, all alike", async () => {
    const file = await tripFile(PYONGYANG);
    await load(file);
    const old = await tokens.tokenFor(file.id);
    expect((await fetchFeed(old)).statusCode).toBe(200);
    const fresh = await tokens.reset(file.id);
    const answers = await Promise.all([
      fetchFeed(old),
      fetchFeed("B".repeat(27)),
      fetchFeed("not-a-token"),
      handler(calendarGet(`/calendar/${old}.pdf`)),
      handler(calendarGet("/calendar/")),
    ]);
    for (const res of answers) {
      expect(res.statusCode).toBe(404);
      expect(res.body).toBe("Not found");
    }
    expect((await fetchFeed(fresh)).statusCode).toBe(200);
    const head = await handler(calendarGet(`/calendar/${fresh}.ics`, {}, "HEAD"));
    expect(head.statusCode).toBe(200);
    expect(head.body).toBe("");
    expect(head.headers.etag).toBeDefined();
  });

  it("refuses other methods without a 5xx", async () => {
    const res = await handler(calendarGet("/calendar/x.ics", {}, "POST"));
    expect(res.statusCode).toBe(405);
  });
});
