import { PutCommand, QueryCommand } from "@aws-sdk/lib-dynamodb";
import { afterEach, describe, expect, it } from "vitest";
import { loadTrip } from "../../bot/loading/load-trip";
import { ConcurrentLoadError } from "../../bot/store/fact-store";
import { keys } from "../../bot/store/table";
import type { TripFile } from "../../bot/trip/schema";
import type { LocalEnvironment } from "../../dev/environment";
import { localTable } from "../helpers/local-table";
import { NEW_YORK, PYONGYANG, tripFile } from "../helpers/memory-trips";

// What every fact store does is in fact-store.test.ts; these are how DynamoDB does it.

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

const factCount = (f: TripFile) =>
  2 + f.places.length + f.itinerary.length + f.rules.length + f.faq.length;

/** Counts the requests `doc` sends, by command name. */
function countRequests(e: LocalEnvironment) {
  const sent: string[] = [];
  e.doc.middlewareStack.add(
    (next, context) => async (args) => {
      sent.push(String(context.commandName));
      return next(args);
    },
    { step: "initialize", name: "countRequests" },
  );
  return sent;
}

describe("DynamoFactStore on a real DynamoDB-protocol server", () => {
  it("keeps a trip in one partition and reads it with one Query", async () => {
    env = await localTable();
    const file = tripFile(PYONGYANG);
    await loadTrip(env.stores, file);
    expect(await factItems(env, file.id)).toHaveLength(factCount(file) + 1);
    const sent = countRequests(env);
    expect((await env.store.getTrip(file.id))?.id).toBe(file.id);
    expect(sent).toEqual(["QueryCommand"]);
  });

  it("writes nothing when the same file is loaded twice", async () => {
    env = await localTable();
    const file = tripFile(NEW_YORK);
    await loadTrip(env.stores, file);
    const before = await partitionItems(env, file.id);
    await loadTrip(env.stores, file);
    expect(await partitionItems(env, file.id)).toEqual(before);
  });

  it("deletes the old versions of edited facts once HEAD has switched", async () => {
    env = await localTable();
    const file = tripFile(PYONGYANG);
    await loadTrip(env.stores, file);
    const edited: TripFile = structuredClone(file);
    const dinner = edited.itinerary.find((i) => i.id === "pasta-dinner");
    if (!dinner) throw new Error("example has pasta-dinner");
    dinner.start = "2025-04-05 18:30";
    edited.faq = edited.faq.filter((f) => f.id !== "insurance");
    await loadTrip(env.stores, edited);
    // One record per fact plus HEAD.
    expect(await factItems(env, file.id)).toHaveLength(factCount(edited) + 1);
  });

  it("keeps the previous revision whole when a load dies before switching over, and the next load finishes", async () => {
    env = await localTable();
    const file = tripFile(PYONGYANG);
    await loadTrip(env.stores, file);
    const edited: TripFile = structuredClone(file);
    edited.name = "Renamed tour";
    const faq0 = edited.faq[0];
    if (faq0) faq0.answer = "A new answer.";

    // The write that switches HEAD over fails as a dying Lambda would.
    const failHead = (next: (args: unknown) => Promise<unknown>) => async (args: unknown) => {
      const input = (args as { input?: { Item?: { sk?: string } } }).input;
      if (input?.Item?.sk === keys.head) throw new Error("process killed");
      return next(args);
    };
    env.doc.middlewareStack.add(failHead as never, { step: "initialize", name: "failHead" });
    await expect(loadTrip(env.stores, edited)).rejects.toThrow("process killed");
    env.doc.middlewareStack.remove("failHead");

    expect(await env.store.exportTrip(file.id)).toEqual(file);
    const retry = await loadTrip(env.stores, edited);
    expect(retry.changes.map((c) => c.fact)).toEqual(["trip settings", "faq visa"]);
    expect(await env.store.exportTrip(file.id)).toEqual(edited);
    expect(await factItems(env, file.id)).toHaveLength(factCount(edited) + 1);
  });

  it("refuses a load that raced another one, leaving the winner's revision", async () => {
    env = await localTable();
    const file = tripFile(NEW_YORK);
    await loadTrip(env.stores, file);
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
    await expect(loadTrip(env.stores, mine)).rejects.toBeInstanceOf(ConcurrentLoadError);
    expect((await env.store.exportTrip(file.id))?.name).toBe(file.name);
  });

  it("reads a trip bigger than one 1 MB Query page", async () => {
    env = await localTable();
    const file = tripFile(PYONGYANG);
    const big: TripFile = structuredClone(file);
    const notes = "Long notes. ".repeat(300);
    big.itinerary = Array.from({ length: 400 }, (_, i) => ({
      id: `item-${i}`,
      start: `2025-04-0${3 + (i % 5)} ${String(6 + (i % 12)).padStart(2, "0")}:${String(i % 60).padStart(2, "0")}`,
      title: `Item ${i}`,
      notes,
    }));
    await loadTrip(env.stores, big);
    const trip = await env.store.getTrip(big.id);
    expect(trip?.itinerary).toHaveLength(400);
  });

  it("finds due reminders in the due index, one Query per day looked back, never a Scan", async () => {
    env = await localTable();
    await loadTrip(env.stores, tripFile(NEW_YORK), { now: new Date("2025-10-30T00:00:00Z") });
    const sent = countRequests(env);
    const due = await env.stores.schedule.dueReminders(new Date("2025-10-31T14:00:00Z"));
    expect(due.map((r) => r.itemId).sort()).toEqual(["expo-bibs", "expo-bibs", "shakeout-run"]);
    expect(sent).toEqual(["QueryCommand", "QueryCommand", "QueryCommand"]);
  });
  it("writes what a switch owes in its one conditional HEAD write, and clears it once scheduled", async () => {
    env = await localTable();
    const T = new Date("2025-11-01T12:00:00Z");
    const file = tripFile(NEW_YORK);
    await loadTrip(env.stores, file, { now: T });
    const edited: TripFile = structuredClone(file);
    const race = edited.itinerary.find((i) => i.id === "race-start");
    if (!race) throw new Error("example has race-start");
    race.start = "2025-11-02 08:40";
    const head = async (e: LocalEnvironment) =>
      (await partitionItems(e, file.id)).find((i) => i.sk === keys.head);

    // The switch fails as a dying Lambda would: the facts are written, HEAD is as it was.
    const headBefore = await head(env);
    const failHead = (next: (args: unknown) => Promise<unknown>) => async (args: unknown) => {
      const input = (args as { input?: { Item?: { sk?: string } } }).input;
      if (input?.Item?.sk === keys.head) throw new Error("process killed");
      return next(args);
    };
    env.doc.middlewareStack.add(failHead as never, { step: "initialize", name: "failHead" });
    await expect(loadTrip(env.stores, edited, { now: T })).rejects.toThrow("process killed");
    env.doc.middlewareStack.remove("failHead");
    expect(await head(env)).toEqual(headBefore);
    expect(headBefore?.owed).toBeUndefined();

    const heads: Record<string, unknown>[] = [];
    const keepHead = (next: (args: unknown) => Promise<unknown>) => async (args: unknown) => {
      const input = (args as { input?: { Item?: { sk?: string } } }).input;
      if (input?.Item?.sk === keys.head) heads.push(structuredClone(input as never));
      return next(args);
    };
    env.doc.middlewareStack.add(keepHead as never, { step: "initialize", name: "keepHead" });
    const loaded = await loadTrip(env.stores, edited, { now: T });
    expect(loaded.alerts.map((a) => a.itemId)).toEqual(["race-start"]);
    expect(heads).toHaveLength(1);
    expect(heads[0]).toMatchObject({
      ConditionExpression: "revision = :expected",
      Item: { revision: 2, owed: [expect.stringContaining("race-start")] },
    });
    expect((await head(env))?.owed).toBeUndefined();
  });
});
