import { readFile } from "node:fs/promises";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { calendarServer } from "../../bot/calendar/serve";
import { loadTrip } from "../../bot/loading/load-trip";
import { DynamoCalendarTokens } from "../../bot/store/dynamo-calendar-tokens";
import { createDocumentClient } from "../../bot/store/dynamo-client";
import { DynamoFactStore } from "../../bot/store/dynamo-fact-store";
import { parseTripText } from "../../bot/trip/parse";
import type { LocalEnvironment } from "../../dev/environment";
import { localTable, PYONGYANG } from "../helpers/local-table";

let table: LocalEnvironment;
beforeAll(async () => {
  table = await localTable({ trips: [PYONGYANG] });
});
afterAll(async () => {
  await table.close();
});

describe("what a calendar app's hourly poll costs", () => {
  it("two requests (the token's GetItem and the trip's Query), and one write after a change", async () => {
    const doc = createDocumentClient({ tableName: table.tableName, endpoint: table.endpoint });
    const sent: string[] = [];
    doc.middlewareStack.add(
      (next, context) => async (args) => {
        sent.push(String(context.commandName));
        return next(args);
      },
      { step: "initialize", name: "countRequests" },
    );
    const tokens = new DynamoCalendarTokens(doc, table.tableName);
    const serve = calendarServer({
      tokens,
      store: new DynamoFactStore(doc, table.tableName),
      clock: () => new Date("2025-03-30T08:00:00Z"),
    });
    const token = await tokens.tokenFor("pyongyang-marathon-2025");
    const poll = (headers: Record<string, string> = {}) =>
      serve({ method: "GET", path: `/calendar/${token}.ics`, headers });

    // The first poll records the events' versions: one write.
    sent.length = 0;
    const first = await poll();
    expect(first.statusCode).toBe(200);
    expect(sent.sort()).toEqual(["GetItemCommand", "QueryCommand", "UpdateItemCommand"]);

    const revalidations: Record<string, string>[] = [
      {},
      { "if-none-match": first.headers.etag ?? "" },
    ];
    for (const headers of revalidations) {
      sent.length = 0;
      await poll(headers);
      expect(sent.sort()).toEqual(["GetItemCommand", "QueryCommand"]);
    }

    // After a load that moved an item: one write, once.
    const parsed = parseTripText(await readFile(PYONGYANG, "utf8"), PYONGYANG);
    if (!parsed.ok) throw new Error("trip does not parse");
    const moved = parsed.file;
    const item = moved.itinerary[0];
    if (!item) throw new Error("no item");
    item.start = "2025-04-03 09:30";
    await loadTrip(table.stores, moved);
    sent.length = 0;
    await poll();
    expect(sent.sort()).toEqual(["GetItemCommand", "QueryCommand", "UpdateItemCommand"]);
    sent.length = 0;
    await poll();
    expect(sent.sort()).toEqual(["GetItemCommand", "QueryCommand"]);
  });
});
