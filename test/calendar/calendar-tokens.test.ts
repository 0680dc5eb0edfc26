import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  CALENDAR_TOKEN_PATTERN,
  type CalendarTokens,
  type EventVersions,
  MemoryCalendarTokens,
} from "../../bot/store/calendar-tokens";
import { DynamoCalendarTokens } from "../../bot/store/dynamo-calendar-tokens";
import type { LocalEnvironment } from "../../dev/environment";
import { localTable } from "../helpers/local-table";

let table: LocalEnvironment;
beforeAll(async () => {
  table = await localTable();
});
afterAll(async () => {
  await table.close();
});

const VERSIONS: EventVersions = {
  "race-start": { hash: "a1", sequence: 2, changedAt: "2025-03-01T10:00:00.000Z" },
};

/** One contract, run against the in-memory port and the DynamoDB one on a real protocol server. */
describe.each([
  { name: "in memory", make: (): CalendarTokens => new MemoryCalendarTokens() },
  {
    name: "on DynamoDB (dynalite)",
    make: (): CalendarTokens => new DynamoCalendarTokens(table.doc, table.tableName),
  },
])("calendar tokens $name", ({ make }) => {
  it("makes one random token per trip on first request, and keeps it", async () => {
    const tokens = make();
    const a = await tokens.tokenFor("trip-a");
    expect(a).toMatch(CALENDAR_TOKEN_PATTERN);
    // 27 base64url characters carry 160 bits.
    expect(Buffer.from(a, "base64url")).toHaveLength(20);
    expect(await tokens.tokenFor("trip-a")).toBe(a);
    const b = await tokens.tokenFor("trip-b");
    expect(b).not.toBe(a);
    expect((await tokens.open(a))?.tripId).toBe("trip-a");
    expect((await tokens.open(b))?.tripId).toBe("trip-b");
  });

  it("gives two first requests at once the same token", async () => {
    const tokens = make();
    const [x, y, z] = await Promise.all([
      tokens.tokenFor("trip-race"),
      tokens.tokenFor("trip-race"),
      tokens.tokenFor("trip-race"),
    ]);
    expect(new Set([x, y, z]).size).toBe(1);
    expect(await tokens.tokenFor("trip-race")).toBe(x);
  });

  it("opens nothing for a token it never made", async () => {
    const tokens = make();
    await tokens.tokenFor("trip-c");
    expect(await tokens.open("A".repeat(27))).toBeUndefined();
  });

  it("replaces a token on reset: the old one opens nothing, the versions move along", async () => {
    const tokens = make();
    const old = await tokens.tokenFor("trip-d");
    expect(await tokens.saveVersions(old, 0, VERSIONS)).toBe(true);
    const fresh = await tokens.reset("trip-d");
    expect(fresh).not.toBe(old);
    expect(await tokens.open(old)).toBeUndefined();
    expect(await tokens.tokenFor("trip-d")).toBe(fresh);
    expect((await tokens.open(fresh))?.versions).toEqual(VERSIONS);
    // A save through the old token cannot bring it back.
    expect(await tokens.saveVersions(old, 1, {})).toBe(false);
    expect(await tokens.open(old)).toBeUndefined();
  });

  it("resets a trip that had no token yet", async () => {
    const tokens = make();
    const made = await tokens.reset("trip-e");
    expect((await tokens.open(made))?.tripId).toBe("trip-e");
    expect(await tokens.tokenFor("trip-e")).toBe(made);
  });

  it("saves versions only over the revision it read", async () => {
    const tokens = make();
    const token = await tokens.tokenFor("trip-f");
    const opened = await tokens.open(token);
    expect(opened?.revision).toBe(0);
    expect(opened?.versions).toEqual({});
    expect(await tokens.saveVersions(token, 0, VERSIONS)).toBe(true);
    // A second poll that read revision 0 too must not overwrite the first's save.
    expect(await tokens.saveVersions(token, 0, {})).toBe(false);
    const after = await tokens.open(token);
    expect(after?.revision).toBe(1);
    expect(after?.versions).toEqual(VERSIONS);
  });
});
