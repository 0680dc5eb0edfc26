import { afterAll, describe, expect, it } from "vitest";
import type { ChannelPoster } from "../../bot/delivery";
import { InvalidTripError, loadTrip } from "../../bot/loading/load-trip";
import { changeAlerts, owedForm } from "../../bot/reminders/alerts";
import { runReminders } from "../../bot/reminders/run";
import { memoryStores } from "../../bot/store/memory-stores";
import { reminderStoreOf, type Stores } from "../../bot/store/stores";
import { resolveTrip } from "../../bot/trip/model";
import type { TripFile } from "../../bot/trip/schema";
import { NEW_YORK, tripFile } from "../helpers/memory-trips";
import { storeKinds } from "../helpers/store-kinds";

const BEFORE = new Date("2025-10-30T00:00:00Z");

describe("loading a trip", () => {
  it("refuses an invalid trip with what is wrong, and writes nothing", async () => {
    const stores = memoryStores();
    const broken = { ...tripFile(NEW_YORK), timeZone: "Mars/Olympus" } as TripFile;
    const error = await loadTrip(stores, broken).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InvalidTripError);
    expect((error as InvalidTripError).issues.join("\n")).toContain("timeZone");
    expect(await stores.facts.listTrips()).toEqual([]);
    expect(await stores.schedule.scheduleOf("new-york-marathon-2025")).toEqual([]);
  });

  it("says on a dry run what the schedule would get, and changes nothing", async () => {
    const stores = memoryStores();
    const dry = await loadTrip(stores, tripFile(NEW_YORK), { dryRun: true, now: BEFORE });
    expect(dry).toMatchObject({
      written: false,
      revision: 0,
      reminders: { scheduled: 15, updated: 0, cancelled: 0 },
    });
    expect(await stores.facts.listTrips()).toEqual([]);
    expect(await stores.schedule.scheduleOf("new-york-marathon-2025")).toEqual([]);
  });

  it("repairs the schedule of a load that died after switching over", async () => {
    const stores = memoryStores();
    const file = tripFile(NEW_YORK);
    // The facts were committed, then the process died before the schedule was written.
    await (await stores.facts.draftRevision(file)).commit();
    const again = await loadTrip(stores, file, { now: BEFORE });
    expect(again).toMatchObject({ changes: [], written: false, revision: 1 });
    expect(again.reminders).toEqual({ scheduled: 15, updated: 0, cancelled: 0 });
    expect(await stores.schedule.scheduleOf(file.id)).toHaveLength(15);
  });

  it("schedules no reminder for an item that has already started", async () => {
    const stores = memoryStores();
    const file = tripFile(NEW_YORK);
    // Loaded on race day at noon New York time: only the afternoon's items are ahead.
    await loadTrip(stores, file, { now: new Date("2025-11-02T17:00:00Z") });
    const due = await stores.schedule.dueReminders(new Date("2025-11-03T00:00:00Z"));
    expect([...new Set(due.map((r) => r.itemId))].sort()).toEqual(["celebration", "departure"]);
    const done = (await stores.schedule.scheduleOf(file.id)).filter((e) => e.state === "done");
    expect(done.length).toBeGreaterThan(0);
    expect(done.every((e) => e.startAt.getTime() <= Date.parse("2025-11-02T17:00:00Z"))).toBe(true);
  });
});

// Saturday 1 November 2025, 08:00 in New York: the race starts tomorrow at 09:10.
const T = new Date("2025-11-01T12:00:00Z");
const minutes = (n: number) => new Date(T.getTime() + n * 60_000);

/** A platform that keeps the titles of what it was given to post. */
function recordingPoster(platform: string) {
  const titles: string[] = [];
  const poster: ChannelPoster & { titles: string[] } = {
    platform,
    titles,
    async post(_channel, reply) {
      titles.push(reply.title ?? "");
      return { ok: true, parts: 1 };
    },
  };
  return poster;
}

describe.each(storeKinds())("a load that dies part-way, $name", (kind) => {
  afterAll(() => kind.close());

  /** New York loaded at T, followed by one Slack and one Discord channel, what was due posted. */
  async function followedTrip() {
    const stores = await kind.fresh();
    const file = tripFile(NEW_YORK);
    await loadTrip(stores, file, { now: T });
    await stores.channels.setSubscribed(file.id, "slack", "C1", true, "o");
    await stores.channels.setSubscribed(file.id, "discord", "9001", true, "o");
    const posters = { slack: recordingPoster("slack"), discord: recordingPoster("discord") };
    const run = (now: Date) =>
      runReminders({
        reminders: reminderStoreOf(stores),
        posters,
        now,
        budgetMs: 50_000,
        runId: `run-${Math.random()}`,
      });
    await run(T);
    const changed = (title: string) =>
      Object.values(posters).map((p) => p.titles.filter((t) => t === title).length);
    // The race moves half an hour earlier: it starts within 48 hours, so channels are told.
    const edited = structuredClone(file);
    const race = edited.itinerary.find((i) => i.id === "race-start");
    if (!race) throw new Error("example has race-start");
    race.start = "2025-11-02 08:40";
    return { stores, file, edited, run, changed };
  }

  /** The switch-over as loadTrip makes it, with what it owes, and then the process dies. */
  async function switchThenDie(stores: Stores, file: TripFile, now: Date) {
    const [draft, scheduled, before] = await Promise.all([
      stores.facts.draftRevision(file),
      stores.schedule.scheduleOf(file.id),
      stores.facts.getTrip(file.id),
    ]);
    if (!before) throw new Error("the trip was loaded");
    const alerts = changeAlerts(before, resolveTrip(file), scheduled, now, draft.revision + 1);
    expect(alerts.map((a) => a.itemId)).toEqual(["race-start"]);
    return draft.commit(owedForm(alerts));
  }

  const alertsDue = async (stores: Stores, now: Date) =>
    (await stores.schedule.dueReminders(now)).filter((r) => r.alertRevision !== undefined);

  it("announces the change of a load that died after switching over, once, when run again", async () => {
    const { stores, edited, run, changed } = await followedTrip();
    expect(await switchThenDie(stores, edited, minutes(1))).toBe(2);
    expect(await alertsDue(stores, minutes(1))).toEqual([]);

    const again = await loadTrip(stores, edited, { now: minutes(2) });
    expect(again).toMatchObject({ changes: [], written: false, revision: 2, announced: true });
    expect(again.alerts).toEqual([
      {
        itemId: "race-start",
        title: "Race start (wave 1)",
        changes: ["time: Sun 2 Nov 2025, 09:10 → Sun 2 Nov 2025, 08:40 New York time"],
      },
    ]);
    expect(await alertsDue(stores, minutes(2))).toMatchObject([
      { itemId: "race-start", alertRevision: 2, change: { now: { title: "Race start (wave 1)" } } },
    ]);
    // Nothing is owed any more.
    expect((await stores.facts.draftRevision(edited)).owed).toEqual([]);

    await run(minutes(3));
    expect(changed("Changed: Race start (wave 1)")).toEqual([1, 1]);

    const third = await loadTrip(stores, edited, { now: minutes(4) });
    expect(third).toMatchObject({ changes: [], written: false, alerts: [], announced: false });
    await run(minutes(5));
    expect(changed("Changed: Race start (wave 1)")).toEqual([1, 1]);
  });

  it("posts an owed alert once when a re-run puts it again after it went out", async () => {
    const { stores, edited, run, changed } = await followedTrip();
    await switchThenDie(stores, edited, minutes(1));
    // The re-run puts the alert in the schedule, then dies before clearing what HEAD owes.
    const dying: Stores = {
      ...stores,
      facts: Object.assign(Object.create(stores.facts), {
        settleOwed: async () => {
          throw new Error("process killed");
        },
      }),
    };
    await expect(loadTrip(dying, edited, { now: minutes(2) })).rejects.toThrow("process killed");
    await run(minutes(3));
    expect(changed("Changed: Race start (wave 1)")).toEqual([1, 1]);

    // HEAD still owes it: the next load puts it in the schedule again, and the ledger knows
    // every channel already has it.
    const again = await loadTrip(stores, edited, { now: minutes(4) });
    expect(again.announced).toBe(true);
    expect(await alertsDue(stores, minutes(4))).toHaveLength(1);
    await run(minutes(5));
    expect(changed("Changed: Race start (wave 1)")).toEqual([1, 1]);
    expect(await alertsDue(stores, minutes(6))).toEqual([]);
    expect((await stores.facts.draftRevision(edited)).owed).toEqual([]);
  });

  it("leaves nothing owed by a load that died before switching over; its re-run is a first run", async () => {
    const { stores, file, edited, run, changed } = await followedTrip();
    // The load gets as far as committing, and the process dies before the switch.
    const dying: Stores = {
      ...stores,
      facts: Object.assign(Object.create(stores.facts), {
        draftRevision: async (f: TripFile) => ({
          ...(await stores.facts.draftRevision(f)),
          commit: async () => {
            throw new Error("process killed");
          },
        }),
      }),
    };
    await expect(loadTrip(dying, edited, { now: minutes(1) })).rejects.toThrow("process killed");
    expect(await stores.facts.draftRevision(edited)).toMatchObject({ revision: 1, owed: [] });
    expect(await stores.facts.exportTrip(file.id)).toEqual(file);
    expect(await alertsDue(stores, minutes(1))).toEqual([]);
    await run(minutes(1));
    expect(changed("Changed: Race start (wave 1)")).toEqual([0, 0]);

    const rerun = await loadTrip(stores, edited, { now: minutes(2) });
    expect(rerun).toMatchObject({ written: true, revision: 2, announced: true });
    expect(rerun.changes).toEqual([
      { kind: "change", fact: "itinerary race-start", fields: ["start"] },
    ]);
    expect(rerun.alerts.map((a) => a.itemId)).toEqual(["race-start"]);
    expect((await stores.facts.draftRevision(edited)).owed).toEqual([]);
    await run(minutes(3));
    expect(changed("Changed: Race start (wave 1)")).toEqual([1, 1]);
  });

  it("owes nothing for a quiet load, and a dry run writes nothing", async () => {
    const { stores, file, edited, run, changed } = await followedTrip();
    const dry = await loadTrip(stores, edited, { now: minutes(1), dryRun: true });
    expect(dry.alerts.map((a) => a.itemId)).toEqual(["race-start"]);
    expect(await stores.facts.draftRevision(file)).toMatchObject({ revision: 1, owed: [] });

    const quiet = await loadTrip(stores, edited, { now: minutes(2), quiet: true });
    expect(quiet).toMatchObject({ written: true, revision: 2, announced: false });
    expect((await stores.facts.draftRevision(edited)).owed).toEqual([]);
    expect(await loadTrip(stores, edited, { now: minutes(3) })).toMatchObject({ alerts: [] });
    await run(minutes(4));
    expect(changed("Changed: Race start (wave 1)")).toEqual([0, 0]);
  });
});
