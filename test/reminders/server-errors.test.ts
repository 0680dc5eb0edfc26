import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { DiscordChannelPoster } from "../../bot/discord/poster";
import { type FakeDiscordApi, startFakeDiscordApi } from "../../bot/discord/stand-in";
import { loadTrip } from "../../bot/loading/load-trip";
import { type ReminderRunOptions, runReminders } from "../../bot/reminders/run";
import { SlackPoster } from "../../bot/slack/poster";
import { type FakeSlackApi, startFakeSlackApi } from "../../bot/slack/stand-in";
import { memoryStores } from "../../bot/store/memory-stores";
import { reminderStoreOf, type Stores } from "../../bot/store/stores";
import { syntheticTrip } from "../helpers/synthetic-trip";

/**
 * A server error that comes after the platform did the work: Slack documents that after
 * `internal_error` or `fatal_error` "some aspect of the operation" may have succeeded, and a
 * gateway's 5xx can follow a post that landed. Each reminder must still be in each channel once.
 */
const NOW = new Date("2025-07-01T08:00:00Z");
const ITEMS = 3;

let stores: Stores;
let slack: FakeSlackApi;
let discord: FakeDiscordApi;

beforeEach(async () => {
  stores = memoryStores();
  slack = await startFakeSlackApi();
  discord = await startFakeDiscordApi();
  const trip = syntheticTrip({
    id: "trip",
    items: ITEMS,
    firstStart: new Date(NOW.getTime() + 30 * 60_000),
  });
  await loadTrip(stores, trip, { now: NOW });
  await stores.channels.setSubscribed("trip", "slack", "C1", true, "test");
  await stores.channels.setSubscribed("trip", "discord", "9001", true, "test");
});
afterEach(async () => {
  await Promise.all([slack.close(), discord.close()]);
});

const options = (overrides: Partial<ReminderRunOptions> = {}): ReminderRunOptions => ({
  reminders: reminderStoreOf(stores),
  posters: {
    slack: new SlackPoster({ token: "xoxb-test", apiUrl: slack.apiUrl, timeoutMs: 400 }),
    discord: new DiscordChannelPoster(
      { baseUrl: discord.url, token: "bot-test", timeoutMs: 400 },
      // Past Discord's nonce window by the retry: its nonce no longer covers it.
      { nonceWindowMs: 0 },
    ),
  },
  now: NOW,
  budgetMs: 50_000,
  attemptMs: 1_000,
  runId: `run-${Math.random()}`,
  ...overrides,
});

const slackCount = () => slack.postsByChannel().get("C1") ?? 0;

describe("a server error after the platform posted", () => {
  for (const error of ["internal_error", "fatal_error"]) {
    it(`Slack ${error}: checked with the channel, not posted again`, async () => {
      slack.schedule({ kind: "errorAfter", error, to: "chat.postMessage" });
      const summary = await runReminders(options());
      expect(slackCount()).toBe(ITEMS);
      expect(summary).toMatchObject({ sent: 2 * ITEMS });
    });
  }

  it("Slack HTTP 503 from a gateway after the post landed: not posted again", async () => {
    slack.schedule({ kind: "errorAfter", status: 503, to: "chat.postMessage" });
    await runReminders(options());
    expect(slackCount()).toBe(ITEMS);
  });

  it("Slack 500 before anything landed: checked, then posted once", async () => {
    slack.schedule({ kind: "serverError", to: "chat.postMessage" });
    await runReminders(options());
    expect(slackCount()).toBe(ITEMS);
  });

  it("Discord 502 after the message was created, and the next run past the nonce window: not posted again", async () => {
    discord.fault(
      { kind: "server-error", status: 502, after: true },
      { method: "POST", path: "/v10/channels/9001/messages" },
    );
    const first = await runReminders(options({ maxAttemptsPerRun: 1 }));
    expect(first).toMatchObject({ deferred: 1 });
    discord.expireNonces();
    await runReminders(options({ now: new Date(NOW.getTime() + 3 * 60_000) }));
    expect(discord.posted("9001")).toHaveLength(ITEMS);
  });
});
