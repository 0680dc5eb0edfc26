import { afterAll, describe, expect, it } from "vitest";
import { parse as parseYaml, stringify } from "yaml";
import { loadTrip } from "../../bot/loading/load-trip";
import { ConcurrentLoadError, MAX_OWED_BYTES, OwedTooLargeError } from "../../bot/store/fact-store";
import { parseTripText } from "../../bot/trip/parse";
import type { TripFile } from "../../bot/trip/schema";
import { NEW_YORK, PYONGYANG, tripFile } from "../helpers/memory-trips";
import { storeKinds } from "../helpers/store-kinds";

const factCount = (f: TripFile) =>
  2 + f.places.length + f.itinerary.length + f.rules.length + f.faq.length;

describe.each(storeKinds())("the FactStore contract, $name", (kind) => {
  afterAll(() => kind.close());

  it("loads a trip and reads back exactly what the file says", async () => {
    const stores = await kind.fresh();
    const file = tripFile(PYONGYANG);
    const result = await loadTrip(stores, file);
    expect(result.written).toBe(true);
    expect(result.changes.every((c) => c.kind === "add")).toBe(true);
    expect(result.changes).toHaveLength(factCount(file));
    expect(await stores.facts.exportTrip(file.id)).toEqual(file);
    const trip = await stores.facts.getTrip(file.id);
    expect(trip?.event.startAt.toISOString()).toBe("2025-04-05T23:00:00.000Z");
    expect(await stores.facts.listTrips()).toEqual([
      { id: file.id, name: file.name, command: "marathon" },
    ]);
    expect(await stores.facts.getTrip("no-such-trip")).toBeUndefined();
    expect(await stores.facts.exportTrip("no-such-trip")).toBeUndefined();
  });

  it("lists every trip by id", async () => {
    const stores = await kind.fresh();
    await loadTrip(stores, tripFile(PYONGYANG));
    await loadTrip(stores, tripFile(NEW_YORK));
    expect((await stores.facts.listTrips()).map((t) => t.id)).toEqual([
      "new-york-marathon-2025",
      "pyongyang-marathon-2025",
    ]);
  });

  it("changes nothing when the same file is loaded twice", async () => {
    const stores = await kind.fresh();
    const file = tripFile(NEW_YORK);
    await loadTrip(stores, file);
    const again = await loadTrip(stores, file);
    expect(again).toEqual({
      tripId: file.id,
      changes: [],
      written: false,
      revision: 1,
      reminders: { scheduled: 0, updated: 0, cancelled: 0 },
      alerts: [],
      announced: false,
    });
    expect(await stores.facts.exportTrip(file.id)).toEqual(file);
  });

  it("reports what an edit adds, changes and removes, and a dry run writes nothing", async () => {
    const stores = await kind.fresh();
    const file = tripFile(PYONGYANG);
    await loadTrip(stores, file);
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

    const dry = await loadTrip(stores, edited, { dryRun: true });
    expect(dry.written).toBe(false);
    expect(await stores.facts.exportTrip(file.id)).toEqual(file);

    const real = await loadTrip(stores, edited);
    const expected = [
      { kind: "change", fact: "itinerary pasta-dinner", fields: ["start", "title"] },
      { kind: "add", fact: "rules running-gear" },
      { kind: "remove", fact: "faq insurance" },
    ];
    expect(dry.changes).toEqual(expected);
    expect(real.changes).toEqual(expected);
    expect(real.revision).toBe(2);
    expect(await stores.facts.exportTrip(file.id)).toEqual(edited);
  });

  it("exports a file that validates and loads back with no changes", async () => {
    const stores = await kind.fresh();
    await loadTrip(stores, tripFile(PYONGYANG));
    const exported = await stores.facts.exportTrip("pyongyang-marathon-2025");
    const text = stringify(exported);
    const reparsed = parseTripText(text, "export.yaml");
    expect(reparsed.ok).toBe(true);
    if (reparsed.ok) expect((await loadTrip(stores, reparsed.file)).changes).toEqual([]);
    expect(parseYaml(text).event.name).toBe("Pyongyang International Marathon 2025");
  });

  it("reports a reordered list once and keeps the new order", async () => {
    const stores = await kind.fresh();
    const file = tripFile(NEW_YORK);
    await loadTrip(stores, file);
    const reordered: TripFile = { ...structuredClone(file), faq: [...file.faq].reverse() };
    const result = await loadTrip(stores, reordered);
    expect(result.changes).toEqual([{ kind: "change", fact: "faq", fields: ["order"] }]);
    expect((await stores.facts.exportTrip(file.id))?.faq.map((f) => f.id)).toEqual(
      reordered.faq.map((f) => f.id),
    );
  });

  it("shows nothing of a draft until it is committed", async () => {
    const stores = await kind.fresh();
    const file = tripFile(NEW_YORK);
    await loadTrip(stores, file);
    const draft = await stores.facts.draftRevision({ ...structuredClone(file), name: "Renamed" });
    expect(draft).toMatchObject({ revision: 1, switches: true });
    expect(draft.changes.map((c) => c.fact)).toEqual(["trip settings"]);
    expect((await stores.facts.exportTrip(file.id))?.name).toBe(file.name);
    expect(await draft.commit()).toBe(2);
    expect((await stores.facts.getTrip(file.id))?.name).toBe("Renamed");
  });

  it("refuses a draft whose revision another load replaced, leaving the winner's", async () => {
    const stores = await kind.fresh();
    const file = tripFile(NEW_YORK);
    await loadTrip(stores, file);
    const mine = await stores.facts.draftRevision({ ...structuredClone(file), name: "Mine" });
    const theirs = await stores.facts.draftRevision({ ...structuredClone(file), name: "Theirs" });
    expect(await theirs.commit()).toBe(2);
    await expect(mine.commit()).rejects.toBeInstanceOf(ConcurrentLoadError);
    expect((await stores.facts.exportTrip(file.id))?.name).toBe("Theirs");
  });
  it("keeps what a revision owes with its switch, until that revision settles it", async () => {
    const stores = await kind.fresh();
    const file = tripFile(NEW_YORK);
    await loadTrip(stores, file);
    expect((await stores.facts.draftRevision(file)).owed).toEqual([]);
    const renamed = { ...structuredClone(file), name: "Renamed" };
    const owes = ['{"alert":"one"}', "two, with ünïcode"];
    expect(await (await stores.facts.draftRevision(renamed)).commit(owes)).toBe(2);

    const again = await stores.facts.draftRevision(renamed);
    expect(again).toMatchObject({ revision: 2, switches: false, owed: owes });
    // A commit that switches nothing leaves what the revision owes as it was.
    expect(await again.commit(["ignored"])).toBe(2);
    expect((await stores.facts.draftRevision(renamed)).owed).toEqual(owes);

    expect(await stores.facts.settleOwed(file.id, 1)).toBe(false);
    expect((await stores.facts.draftRevision(renamed)).owed).toEqual(owes);
    expect(await stores.facts.settleOwed(file.id, 2)).toBe(true);
    expect((await stores.facts.draftRevision(renamed)).owed).toEqual([]);
    expect(await stores.facts.settleOwed(file.id, 2)).toBe(false);
    expect(await stores.facts.settleOwed("no-such-trip", 1)).toBe(false);
    expect((await stores.facts.getTrip(file.id))?.name).toBe("Renamed");
  });

  it("owes only what the revision in force was committed with", async () => {
    const stores = await kind.fresh();
    const file = tripFile(NEW_YORK);
    await loadTrip(stores, file);
    await (await stores.facts.draftRevision({ ...structuredClone(file), name: "A" })).commit([
      "owed by 2",
    ]);
    await (await stores.facts.draftRevision({ ...structuredClone(file), name: "B" })).commit();
    expect(await stores.facts.draftRevision({ ...structuredClone(file), name: "B" })).toMatchObject(
      { revision: 3, owed: [] },
    );
    // The revision that owed is gone: settling it changes nothing.
    expect(await stores.facts.settleOwed(file.id, 2)).toBe(false);
  });

  it("refuses to owe more than HEAD can hold, and writes nothing", async () => {
    const stores = await kind.fresh();
    const file = tripFile(NEW_YORK);
    await loadTrip(stores, file);
    const draft = await stores.facts.draftRevision({ ...structuredClone(file), name: "Renamed" });
    const tooMuch = ["x".repeat(MAX_OWED_BYTES / 2), "é".repeat(MAX_OWED_BYTES / 4 + 1)];
    await expect(draft.commit(tooMuch)).rejects.toBeInstanceOf(OwedTooLargeError);
    expect(await stores.facts.draftRevision(file)).toMatchObject({ revision: 1, owed: [] });
    expect(await stores.facts.exportTrip(file.id)).toEqual(file);
    const fits = ["x".repeat(MAX_OWED_BYTES / 2), "é".repeat(MAX_OWED_BYTES / 4)];
    expect(await draft.commit(fits)).toBe(2);
    expect((await stores.facts.draftRevision(file)).owed).toEqual(fits);
  });
});
