import { DeleteCommand } from "@aws-sdk/lib-dynamodb";
import { afterAll, afterEach, describe, expect, it } from "vitest";
import { loadTrip } from "../../bot/loading/load-trip";
import { keys } from "../../bot/store/table";
import type { TripFile } from "../../bot/trip/schema";
import type { LocalEnvironment } from "../../dev/environment";
import { localTable } from "../helpers/local-table";
import { NEW_YORK, PYONGYANG, tripFile } from "../helpers/memory-trips";
import { storeKinds } from "../helpers/store-kinds";

const P = "pyongyang-marathon-2025";
const NY = "new-york-marathon-2025";
const channel = { platform: "slack", channelId: "C1" };

describe.each(storeKinds())("the TripVersions contract, $name", (kind) => {
  afterAll(() => kind.close());

  it("reads nothing-yet on an empty table", async () => {
    const stores = await kind.fresh();
    expect(await stores.versions.read({ channel, tripIds: true, revisions: [P] })).toEqual({
      link: null,
      tripIds: [],
      revisions: { [P]: 0 },
    });
    expect(await stores.facts.revision(P)).toBe(0);
    expect(await stores.facts.readTrip(P)).toBeUndefined();
  });

  it("follows loads, links and unlinks, and reads only what it is asked", async () => {
    const stores = await kind.fresh();
    await loadTrip(stores, tripFile(PYONGYANG));
    expect(await stores.versions.read({ tripIds: true, revisions: [P, NY] })).toEqual({
      tripIds: [P],
      revisions: { [P]: 1, [NY]: 0 },
    });
    await loadTrip(stores, tripFile(NEW_YORK));
    const edited: TripFile = { ...tripFile(PYONGYANG), name: "Renamed" };
    await loadTrip(stores, edited);
    // The same file again makes no revision.
    await loadTrip(stores, edited);
    await stores.channels.link("slack", "C1", NY, "U1");
    expect(await stores.versions.read({ channel, tripIds: true, revisions: [P] })).toEqual({
      link: NY,
      tripIds: [NY, P],
      revisions: { [P]: 2 },
    });
    await stores.channels.unlink("slack", "C1");
    expect(await stores.versions.read({ channel })).toEqual({ link: null, revisions: {} });
  });

  it("reads a trip with the revision it is at", async () => {
    const stores = await kind.fresh();
    await loadTrip(stores, tripFile(PYONGYANG));
    await loadTrip(stores, { ...tripFile(PYONGYANG), name: "Renamed" });
    const stored = await stores.facts.readTrip(P);
    expect(stored?.revision).toBe(2);
    expect(stored?.trip.name).toBe("Renamed");
    expect(await stores.facts.revision(P)).toBe(2);
  });
});

describe("TripVersions on DynamoDB", () => {
  let env: LocalEnvironment | undefined;
  afterEach(async () => {
    await env?.close();
    env = undefined;
  });

  it("reads a link, the trip index and revisions in one BatchGetItem", async () => {
    env = await localTable({ trips: [PYONGYANG, NEW_YORK] });
    const sent: string[] = [];
    env.doc.middlewareStack.add(
      (next, context) => async (args) => {
        sent.push(String(context.commandName));
        return next(args);
      },
      { step: "initialize", name: "countRequests" },
    );
    const read = await env.stores.versions.read({ channel, tripIds: true, revisions: [P, NY] });
    expect(read).toEqual({ link: null, tripIds: [NY, P], revisions: { [P]: 1, [NY]: 1 } });
    expect(sent).toEqual(["BatchGetItemCommand"]);
  });

  it("lists the trips of a table loaded before the trip index existed, and its next load indexes them all", async () => {
    env = await localTable({ trips: [PYONGYANG, NEW_YORK] });
    const dropIndex = () =>
      env?.doc.send(new DeleteCommand({ TableName: env.tableName, Key: keys.tripIndex }));
    await dropIndex();
    expect((await env.stores.versions.read({ tripIds: true })).tripIds).toEqual([NY, P]);
    await loadTrip(env.stores, { ...tripFile(PYONGYANG), name: "Renamed" });
    const sent: string[] = [];
    env.doc.middlewareStack.add(
      (next, context) => async (args) => {
        sent.push(String(context.commandName));
        return next(args);
      },
      { step: "initialize", name: "countRequests" },
    );
    expect((await env.stores.versions.read({ tripIds: true })).tripIds).toEqual([NY, P]);
    expect(sent).toEqual(["BatchGetItemCommand"]);
  });
});
