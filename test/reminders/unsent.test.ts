import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { loadTrip } from "../../bot/loading/load-trip";
import { type ReminderRunOptions, runReminders } from "../../bot/reminders/run";
import { SlackPoster } from "../../bot/slack/poster";
import { type FakeSlackApi, startFakeSlackApi } from "../../bot/slack/stand-in";
import { memoryStores } from "../../bot/store/memory-stores";
import { type ReminderStore, reminderStoreOf, type Stores } from "../../bot/store/stores";
import { syntheticTrip } from "../helpers/synthetic-trip";

// Every reminder that is not sent has a record naming why, and a log line; the summary counts
// them, and the channel's status shows the last run.

const NOW = new Date("2025-04-05T12:00:00Z");

let stores: Stores;
let slack: FakeSlackApi;
let lines: Record<string, unknown>[];

beforeEach(async () => {
  stores = memoryStores();
  slack = await startFakeSlackApi();
  lines = [];
});
afterEach(() => slack.close());

const options = (overrides: Partial<ReminderRunOptions> = {}): ReminderRunOptions => ({
  reminders: reminderStoreOf(stores),
  posters: { slack: new SlackPoster({ token: "xoxb-test", apiUrl: slack.apiUrl, timeoutMs: 500 }) },
  now: NOW,
  budgetMs: 50_000,
  attemptMs: 1_000,
  runId: `run-${Math.random()}`,
  log: (level, message, fields) => lines.push({ level, message, ...fields }),
  ...overrides,
});
const key = (itemId: string, leadMinutes: number, channelId = "C1") => ({
  tripId: "trip",
  itemId,
  leadMinutes,
  platform: "slack",
  channelId,
});
const missedLines = () => lines.filter((l) => l.message === "reminder missed");

describe("reminders not sent", () => {
  it("records a superseded reminder per channel with its reason, logs it, and counts it", async () => {
    // Loaded 40 minutes before the item: its 1-day and 1-hour reminders fall due together.
    await loadTrip(
      stores,
      syntheticTrip({
        id: "trip",
        items: 1,
        firstStart: new Date(NOW.getTime() + 40 * 60_000),
        leads: ["1d", "1h"],
      }),
      { now: NOW },
    );
    await stores.channels.setSubscribed("trip", "slack", "C1", true, "test");
    const summary = await runReminders(options());
    expect(summary).toMatchObject({ sent: 1, superseded: 1, missed: 1, notSent: 1 });
    expect(await stores.ledger.record(key("item-0", 1440))).toMatchObject({
      state: "missed",
      reason: expect.stringContaining("superseded: the 1 hour reminder"),
    });
    expect(missedLines()).toEqual([
      expect.objectContaining({
        level: "warn",
        cause: "superseded",
        itemId: "item-0",
        leadMinutes: 1440,
      }),
    ]);
    expect(slack.postsByChannel().get("C1")).toBe(1);
    const state = await stores.channels.deliveryState("slack", "C1");
    expect(state.lastRun).toMatchObject({ sent: 1, missed: 1 });
  });

  it("records a reminder too late to be useful, and logs it", async () => {
    await loadTrip(
      stores,
      syntheticTrip({ id: "trip", items: 1, firstStart: new Date(NOW.getTime() + 30 * 60_000) }),
      { now: NOW },
    );
    await stores.channels.setSubscribed("trip", "slack", "C1", true, "test");
    // The run that should have posted it never came; the next one is after the start.
    const late = new Date(NOW.getTime() + 31 * 60_000);
    const summary = await runReminders(options({ now: late }));
    expect(summary).toMatchObject({ sent: 0, missed: 1, notSent: 1 });
    expect(await stores.ledger.record(key("item-0", 60))).toMatchObject({
      state: "missed",
      reason: expect.stringContaining("too late"),
    });
    expect(missedLines()).toEqual([expect.objectContaining({ cause: "too late" })]);
    expect(slack.calls).toEqual([]);
  });

  it("logs and counts reminders of a trip no channel follows (reminders off)", async () => {
    await loadTrip(
      stores,
      syntheticTrip({ id: "trip", items: 2, firstStart: new Date(NOW.getTime() + 30 * 60_000) }),
      { now: NOW },
    );
    const summary = await runReminders(options());
    expect(summary).toMatchObject({ remindersOff: 2, notSent: 2, sent: 0 });
    expect(missedLines().map((l) => l.cause)).toEqual(["reminders off", "reminders off"]);
  });

  it("records the rest of a gone channel's reminders without calling it again; other channels carry on", async () => {
    await loadTrip(
      stores,
      syntheticTrip({ id: "trip", items: 3, firstStart: new Date(NOW.getTime() + 30 * 60_000) }),
      { now: NOW },
    );
    await stores.channels.setSubscribed("trip", "slack", "C1", true, "test");
    await stores.channels.setSubscribed("trip", "slack", "C2", true, "test");
    slack.schedule({ kind: "slackError", error: "channel_not_found", to: "chat.postMessage" });
    const summary = await runReminders(options({ concurrency: 1 }));
    expect(summary).toMatchObject({ sent: 3, missed: 3, channelGone: 3, notSent: 3 });
    const calls = slack.calls.filter((c) => c.target === "chat.postMessage");
    expect(calls.filter((c) => c.body.channel === "C1")).toHaveLength(1);
    expect(slack.postsByChannel().get("C2")).toBe(3);
    for (const item of ["item-0", "item-1", "item-2"]) {
      expect((await stores.ledger.record(key(item, 60)))?.reason).toMatch(/^channel gone/);
    }
    expect(missedLines().filter((l) => l.cause === "channel gone")).toHaveLength(3);
    // Nothing is left due: the next run makes no call.
    await runReminders(options({ now: new Date(NOW.getTime() + 60_000) }));
    expect(slack.calls.filter((c) => c.target === "chat.postMessage")).toHaveLength(4);
  });
});

describe("a run whose store fails under it", () => {
  async function withTrip() {
    await loadTrip(
      stores,
      syntheticTrip({ id: "trip", items: 2, firstStart: new Date(NOW.getTime() + 30 * 60_000) }),
      { now: NOW },
    );
    await stores.channels.setSubscribed("trip", "slack", "C1", true, "test");
  }

  it("returns with its summary line when a trip's channels or a ledger write fail, and the next run delivers", async () => {
    await withTrip();
    const base = reminderStoreOf(stores);
    let failures = 1;
    const flaky: ReminderStore = {
      ...base,
      subscriptions: async (id) => {
        if (failures-- > 0) throw new Error("ProvisionedThroughputExceeded");
        return base.subscriptions(id);
      },
    };
    const first = await runReminders(options({ reminders: flaky }));
    expect(first).toMatchObject({ sent: 0, errors: 2 });
    expect(lines.filter((l) => l.message === "reminders run")).toHaveLength(1);

    const claimFails: ReminderStore = {
      ...base,
      claim: async () => {
        throw new Error("InternalServerError");
      },
    };
    const second = await runReminders(options({ reminders: claimFails }));
    expect(second).toMatchObject({ sent: 0, deferred: 2, errors: 2 });
    expect(lines.filter((l) => l.message === "reminders run")).toHaveLength(2);

    const third = await runReminders(options());
    expect(third).toMatchObject({ sent: 2 });
    expect(slack.postsByChannel().get("C1")).toBe(2);
  });

  it("logs its summary line even when what is due cannot be read, then fails", async () => {
    const broken: ReminderStore = {
      ...reminderStoreOf(stores),
      dueReminders: async () => {
        throw new Error("table unavailable");
      },
    };
    await expect(runReminders(options({ reminders: broken }))).rejects.toThrow("table unavailable");
    expect(lines).toContainEqual(
      expect.objectContaining({
        level: "error",
        message: "reminders run",
        error: "table unavailable",
      }),
    );
  });

  it("makes no call when too little time is left for one", async () => {
    await withTrip();
    const summary = await runReminders(options({ budgetMs: 2_500, attemptMs: 1_000 }));
    expect(summary).toMatchObject({ sent: 0, deferred: 2 });
    expect(slack.calls).toEqual([]);
  });
});
