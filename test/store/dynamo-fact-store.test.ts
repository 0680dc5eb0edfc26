import { readFileSync } from "node:fs";
import { PutCommand, QueryCommand } from "@aws-sdk/lib-dynamodb";
import { afterEach, describe, expect, it } from "vitest";
import { parse as parseYaml, stringify } from "yaml";
import { DynamoFactStore } from "../../bot/store/dynamo-fact-store";
import { ConcurrentLoadError } from "../../bot/store/fact-store";
import { keys } from "../../bot/store/table";
import { parseTripText } from "../../bot/trip/parse";
import type { TripFile } from "../../bot/trip/schema";
import type { LocalEnvironment } from "../../dev/environment";
import { localTable, NEW_YORK, PYONGYANG } from "../helpers/local-table";

const fileOf = (path: string): TripFile => {
  const r = parseTripText(readFileSync(path, "utf8"), path);
  if (!r.ok) throw new Error("example trip must be valid");
  return r.file;
};

let env: LocalEnvironment | undefined;
afterEach(async () => {
  await env?.close();
  env = undefined;
});

async function partitionItems(e: LocalEnvironment, tripId: string) {
  const out = await e.doc.send(
    new QueryCommand({
      TableName: e.tableName,
      KeyConditionExpression: "pk = :pk",
      ExpressionAttributeValues: { ":pk": keys.tripPartition(tripId) },
    }),
  );
  return out.Items ?? [];
}

/** The trip's facts and HEAD, without the reminder schedule stored beside them. */
async function factItems(e: LocalEnvironment, tripId: string) {
  return (await partitionItems(e, tripId)).filter(
    (i) => !String(i.sk).startsWith(keys.reminderPrefix),
  );
}

describe("DynamoFactStore on a real DynamoDB-protocol server", () => {
  it("loads a trip and reads back exactly what the file says, in one partition", async () => {
    env = await localTable();
    const file = fileOf(PYONGYANG);
    const result = await env.store.loadTrip(file);
    expect(result.written).toBe(true);
    expect(result.changes.every((c) => c.kind === "add")).toBe(true);
    expect(result.changes).toHaveLength(
      2 + file.places.length + file.itinerary.length + file.rules.length + file.faq.length,
    );
    expect(await env.store.exportTrip(file.id)).toEqual(file);
    const trip = await env.store.getTrip(file.id);
    expect(trip?.event.startAt.toISOString()).toBe("2025-04-05T23:00:00.000Z");
    expect(await env.store.listTrips()).toEqual([
      { id: file.id, name: file.name, command: "marathon" },
    ]);
    expect(await env.store.getTrip("no-such-trip")).toBeUndefined();
  });

  it("changes nothing when the same file is loaded twice", async () => {
    env = await localTable();
    const file = fileOf(NEW_YORK);
    await env.store.loadTrip(file);
    const before = await partitionItems(env, file.id);
    const again = await env.store.loadTrip(file);
    expect(again).toEqual({
      tripId: file.id,
      changes: [],
      written: false,
      revision: 1,
      reminders: { scheduled: 0, updated: 0, cancelled: 0 },
    });
    expect(await partitionItems(env, file.id)).toEqual(before);
  });

  it("reports what an edit adds, changes and removes, and a dry run writes nothing", async () => {
    env = await localTable();
    const file = fileOf(PYONGYANG);
    await env.store.loadTrip(file);
    const edited: TripFile = structuredClone(file);
    const dinner = edited.itinerary.find((i) => i.id === "pasta-dinner");
    if (!dinner) throw new Error("example has pasta-dinner");
    dinner.start = "2025-04-05 18:30";
    dinner.title = "Pasta dinner";
    edited.faq = edited.faq.filter((f) => f.id !== "insurance");
    edited.rules.push({
      topic: "running-gear",
      title: "Running gear",
      rules: ["Bring your own gels."],
    });

    const dry = await env.store.loadTrip(edited, { dryRun: true });
    expect(dry.written).toBe(false);
    expect(await env.store.exportTrip(file.id)).toEqual(file);

    const real = await env.store.loadTrip(edited);
    const expected = [
      { kind: "change", fact: "itinerary pasta-dinner", fields: ["start", "title"] },
      { kind: "add", fact: "rules running-gear" },
      { kind: "remove", fact: "faq insurance" },
    ];
    expect(dry.changes).toEqual(expected);
    expect(real.changes).toEqual(expected);
    expect(real.revision).toBe(2);
    expect(await env.store.exportTrip(file.id)).toEqual(edited);
    // The old versions are gone: one record per fact plus HEAD.
    const factCount =
      2 + edited.places.length + edited.itinerary.length + edited.rules.length + edited.faq.length;
    expect(await factItems(env, file.id)).toHaveLength(factCount + 1);
  });

  it("exports a file that validates and loads back with no changes", async () => {
    env = await localTable();
    await env.store.loadTrip(fileOf(PYONGYANG));
    const exported = await env.store.exportTrip("pyongyang-marathon-2025");
    const text = stringify(exported);
    const reparsed = parseTripText(text, "export.yaml");
    expect(reparsed.ok).toBe(true);
    if (reparsed.ok) expect((await env.store.loadTrip(reparsed.file)).changes).toEqual([]);
    expect(parseYaml(text).event.name).toBe("Pyongyang International Marathon 2025");
  });

  it("keeps the previous revision whole when a load dies before switching over, and the next load finishes", async () => {
    env = await localTable();
    const file = fileOf(PYONGYANG);
    await env.store.loadTrip(file);
    const edited: TripFile = structuredClone(file);
    edited.name = "Renamed tour";
    const faq0 = edited.faq[0];
    if (faq0) faq0.answer = "A new answer.";

    // The same SDK client, but the write that switches HEAD over fails as a dying Lambda would.
    const crashing = new DynamoFactStore(env.doc, env.tableName);
    const failHead = (next: (args: unknown) => Promise<unknown>) => async (args: unknown) => {
      const input = (args as { input?: { Item?: { sk?: string } } }).input;
      if (input?.Item?.sk === keys.head) throw new Error("process killed");
      return next(args);
    };
    env.doc.middlewareStack.add(failHead as never, { step: "initialize", name: "failHead" });
    await expect(crashing.loadTrip(edited)).rejects.toThrow("process killed");
    env.doc.middlewareStack.remove("failHead");

    expect(await env.store.exportTrip(file.id)).toEqual(file);
    const retry = await env.store.loadTrip(edited);
    expect(retry.changes.map((c) => c.fact)).toEqual(["trip settings", "faq visa"]);
    expect(await env.store.exportTrip(file.id)).toEqual(edited);
    const factCount =
      2 + edited.places.length + edited.itinerary.length + edited.rules.length + edited.faq.length;
    expect(await factItems(env, file.id)).toHaveLength(factCount + 1);
  });

  it("refuses a load that raced another one, leaving the winner's revision", async () => {
    env = await localTable();
    const file = fileOf(NEW_YORK);
    await env.store.loadTrip(file);
    const mine: TripFile = { ...structuredClone(file), name: "Mine" };
    // Another load bumps the revision between this load's read and its switch-over.
    const bump = (next: (args: unknown) => Promise<unknown>) => async (args: unknown) => {
      const input = (args as { input?: { Item?: { sk?: string } } }).input;
      if (input?.Item?.sk === keys.head) {
        env?.doc.middlewareStack.remove("bump");
        await env?.doc.send(
          new PutCommand({
            TableName: env.tableName,
            Item: {
              ...(await partitionItems(env, file.id)).find((i) => i.sk === keys.head),
              revision: 2,
            },
          }),
        );
      }
      return next(args);
    };
    env.doc.middlewareStack.add(bump as never, { step: "initialize", name: "bump" });
    await expect(env.store.loadTrip(mine)).rejects.toBeInstanceOf(ConcurrentLoadError);
    expect((await env.store.exportTrip(file.id))?.name).toBe(file.name);
  });

  it("reads a trip bigger than one 1 MB Query page", async () => {
    env = await localTable();
    const file = fileOf(PYONGYANG);
    const big: TripFile = structuredClone(file);
    const notes = "Long notes. ".repeat(300);
    big.itinerary = Array.from({ length: 400 }, (_, i) => ({
      id: `item-${i}`,
      start: `2025-04-0${3 + (i % 5)} ${String(6 + (i % 12)).padStart(2, "0")}:${String(i % 60).padStart(2, "0")}`,
      title: `Item ${i}`,
      notes,
    }));
    await env.store.loadTrip(big);
    const trip = await env.store.getTrip(big.id);
    expect(trip?.itinerary).toHaveLength(400);
  });
});

describe("reordering", () => {
  it("reports a reordered list once and keeps the new order", async () => {
    const e = await localTable();
    try {
      const file = fileOf(NEW_YORK);
      await e.store.loadTrip(file);
      const reordered: TripFile = { ...structuredClone(file), faq: [...file.faq].reverse() };
      const result = await e.store.loadTrip(reordered);
      expect(result.changes).toEqual([{ kind: "change", fact: "faq", fields: ["order"] }]);
      expect((await e.store.exportTrip(file.id))?.faq.map((f) => f.id)).toEqual(
        reordered.faq.map((f) => f.id),
      );
    } finally {
      await e.close();
    }
  });
});
