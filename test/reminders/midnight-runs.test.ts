import { afterAll, afterEach, beforeEach, describe, expect, it } from "vitest";
import { DiscordChannelPoster } from "../../bot/discord/poster";
import { type FakeDiscordApi, startFakeDiscordApi } from "../../bot/discord/stand-in";
import { loadTrip } from "../../bot/loading/load-trip";
import { type ReminderRunOptions, runReminders } from "../../bot/reminders/run";
import { SlackPoster } from "../../bot/slack/poster";
import { type FakeSlackApi, startFakeSlackApi } from "../../bot/slack/stand-in";
import { reminderStoreOf, type Stores } from "../../bot/store/stores";
import { TripFileSchema } from "../../bot/trip/schema";
import { storeKinds } from "../helpers/store-kinds";
import { syntheticTrip } from "../helpers/synthetic-trip";

/**
 * Runs around midnight UTC at a year end (where the due index changes its day), and two runs
 * at once whose posts land but whose answers are lost, on the in-memory stores and on DynamoDB.
 */
const kinds = storeKinds();
afterAll(async () => {
  for (const k of kinds) await k.close();
});

// New Year's Eve: an item at 00:20 UTC whose 1-hour reminder is due at 23:20 the day before,
// and one at 00:50 whose 1-hour reminder is due at 23:50.
const FIRST = new Date("2026-01-01T00:20:00Z");

describe.each(kinds)("runs over midnight and at once ($name)", (kind) => {
  let stores: Stores;
  let slack: FakeSlackApi;
  let discord: FakeDiscordApi;

  beforeEach(async () => {
    stores = await kind.fresh();
    slack = await startFakeSlackApi();
    discord = await startFakeDiscordApi();
    const base = syntheticTrip({ id: "nye", items: 2, firstStart: FIRST, spacingMinutes: 30 });
    await loadTrip(stores, TripFileSchema.parse(base), { now: new Date("2025-12-31T20:00:00Z") });
    await stores.channels.setSubscribed("nye", "slack", "C1", true, "test");
    await stores.channels.setSubscribed("nye", "discord", "9001", true, "test");
  });
  afterEach(async () => {
    await Promise.all([slack.close(), discord.close()]);
  });

  const options = (now: string, overrides: Partial<ReminderRunOptions> = {}) => ({
    reminders: reminderStoreOf(stores),
    posters: {
      slack: new SlackPoster({ token: "xoxb-test", apiUrl: slack.apiUrl, timeoutMs: 400 }),
      discord: new DiscordChannelPoster({
        baseUrl: discord.url,
        token: "bot-test",
        timeoutMs: 400,
      }),
    },
    now: new Date(now),
    budgetMs: 50_000,
    attemptMs: 1_000,
    runId: `run-${Math.random()}`,
    ...overrides,
  });
  const counts = () => ({
    slack: slack.postsByChannel().get("C1") ?? 0,
    discord: discord.posted("9001").length,
  });

  it("a run just after midnight posts what fell due just before it, once", async () => {
    // The runs at 23:20 and 23:50 were lost; the next one comes after midnight.
    const summary = await runReminders(options("2026-01-01T00:00:30Z"));
    expect(summary).toMatchObject({ sent: 4, missed: 0 });
    expect(counts()).toEqual({ slack: 2, discord: 2 });
    await runReminders(options("2026-01-01T00:01:30Z"));
    expect(counts()).toEqual({ slack: 2, discord: 2 });
  });

  it("two runs at once, each post answered by a dropped connection: each reminder once", async () => {
    for (let i = 0; i < 4; i++) slack.schedule({ kind: "dropAfter", to: "chat.postMessage" });
    for (let i = 0; i < 4; i++) discord.fault({ kind: "drop-after" }, { method: "POST" });
    await Promise.all([
      runReminders(options("2025-12-31T23:59:00Z")),
      runReminders(options("2025-12-31T23:59:00Z")),
    ]);
    await runReminders(options("2026-01-01T00:00:00Z"));
    expect(counts()).toEqual({ slack: 2, discord: 2 });
  });
});
