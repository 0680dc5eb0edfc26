import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { DiscordChannelPoster } from "../../bot/discord/poster";
import { type FakeDiscordApi, startFakeDiscordApi } from "../../bot/discord/stand-in";
import { loadTrip } from "../../bot/loading/load-trip";
import { runReminders } from "../../bot/reminders/run";
import { SlackPoster } from "../../bot/slack/poster";
import { type FakeSlackApi, startFakeSlackApi } from "../../bot/slack/stand-in";
import { memoryStores } from "../../bot/store/memory-stores";
import { reminderStoreOf, type Stores } from "../../bot/store/stores";
import { syntheticTrip } from "../helpers/synthetic-trip";

/**
 * Channels the bot can no longer post to (deleted, archived, the bot removed, its access taken
 * away) on both platforms: each is a clear failure, recorded and logged with what the platform
 * said, and every other channel still gets every reminder.
 */
const NOW = new Date("2025-12-31T22:00:00Z");
const ITEMS = 2;

let stores: Stores;
let slack: FakeSlackApi;
let discord: FakeDiscordApi;
let lines: Record<string, unknown>[];

beforeEach(async () => {
  stores = memoryStores();
  slack = await startFakeSlackApi();
  discord = await startFakeDiscordApi();
  lines = [];
  await loadTrip(
    stores,
    syntheticTrip({ id: "trip", items: ITEMS, firstStart: new Date(NOW.getTime() + 30 * 60_000) }),
    { now: NOW },
  );
  for (const c of ["C-ARCHIVED", "C-KICKED", "C-OK"])
    await stores.channels.setSubscribed("trip", "slack", c, true, "test");
  for (const c of ["404", "403", "200"])
    await stores.channels.setSubscribed("trip", "discord", c, true, "test");
});
afterEach(async () => {
  await Promise.all([slack.close(), discord.close()]);
});

describe("a channel gone or closed to the bot", () => {
  it("is recorded and logged with the platform's words; the other channels get everything", async () => {
    slack.schedule(
      { kind: "slackError", error: "is_archived", to: "chat.postMessage" },
      { kind: "slackError", error: "not_in_channel", to: "chat.postMessage" },
    );
    discord.fault(
      { kind: "server-error", status: 404 },
      { method: "POST", path: "/v10/channels/404/messages" },
    );
    discord.fault(
      { kind: "server-error", status: 403 },
      { method: "POST", path: "/v10/channels/403/messages" },
    );
    const summary = await runReminders({
      reminders: reminderStoreOf(stores),
      posters: {
        slack: new SlackPoster({ token: "xoxb-test", apiUrl: slack.apiUrl }),
        discord: new DiscordChannelPoster({ baseUrl: discord.url, token: "bot-test" }),
      },
      now: NOW,
      budgetMs: 50_000,
      runId: "run-gone",
      concurrency: 1,
      log: (level, message, fields) => lines.push({ level, message, ...fields }),
    });
    expect(slack.postsByChannel().get("C-OK")).toBe(ITEMS);
    expect(discord.posted("200")).toHaveLength(ITEMS);
    for (const c of ["C-ARCHIVED", "C-KICKED"])
      expect(slack.postsByChannel().get(c)).toBeUndefined();
    for (const c of ["404", "403"]) expect(discord.posted(c)).toEqual([]);
    expect(summary).toMatchObject({ sent: 2 * ITEMS, channelGone: 4 * ITEMS });

    const missed = lines.filter((l) => l.message === "reminder missed");
    const reasonFor = (channelId: string) =>
      missed.filter((l) => l.channelId === channelId).map((l) => l.reason);
    expect(reasonFor("C-ARCHIVED")[0]).toMatch(/channel gone: slack said .*is_archived/);
    expect(reasonFor("C-KICKED")[0]).toMatch(/not_in_channel/);
    expect(reasonFor("404")[0]).toMatch(/channel gone: discord said HTTP 404/);
    expect(reasonFor("403")[0]).toMatch(/HTTP 403/);
    for (const c of ["C-ARCHIVED", "C-KICKED", "404", "403"]) {
      expect(reasonFor(c)).toHaveLength(ITEMS);
    }
  });
});
