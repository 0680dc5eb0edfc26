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
 * Failures after which nobody can tell whether the platform posted: the connection dropped
 * after the post landed, or the answer came after the client gave up. Every (item, lead,
 * channel) must still land once, counted at the fake platforms.
 */
const NOW = new Date("2025-04-05T12:00:00Z");
const ITEMS = 3;
const SLACK = ["C1", "C2"];
const DISCORD = ["9001", "9002"];

let stores: Stores;
let slack: FakeSlackApi;
let discord: FakeDiscordApi;
let lines: Record<string, unknown>[];

beforeEach(async () => {
  stores = memoryStores();
  slack = await startFakeSlackApi();
  discord = await startFakeDiscordApi();
  lines = [];
  const trip = syntheticTrip({
    id: "trip",
    items: ITEMS,
    firstStart: new Date(NOW.getTime() + 30 * 60_000),
  });
  await loadTrip(stores, trip, { now: NOW });
  for (const c of SLACK) await stores.channels.setSubscribed("trip", "slack", c, true, "test");
  for (const c of DISCORD) await stores.channels.setSubscribed("trip", "discord", c, true, "test");
});
afterEach(async () => {
  await Promise.all([slack.close(), discord.close()]);
});

function options(overrides: Partial<ReminderRunOptions> = {}, nonceWindowMs?: number) {
  return {
    reminders: reminderStoreOf(stores),
    posters: {
      slack: new SlackPoster({ token: "xoxb-test", apiUrl: slack.apiUrl, timeoutMs: 400 }),
      discord: new DiscordChannelPoster(
        { baseUrl: discord.url, token: "bot-test", timeoutMs: 400 },
        nonceWindowMs === undefined ? {} : { nonceWindowMs },
      ),
    },
    now: NOW,
    budgetMs: 50_000,
    attemptMs: 1_000,
    runId: `run-${Math.random()}`,
    log: (level, message, fields) => lines.push({ level, message, ...fields }),
    ...overrides,
  } satisfies ReminderRunOptions;
}

/** Messages each channel received, counted at the fakes. */
function counts() {
  const bySlack = slack.postsByChannel();
  return {
    slack: SLACK.map((c) => bySlack.get(c) ?? 0),
    discord: DISCORD.map((c) => discord.posted(c).length),
  };
}
const everyOnce = { slack: SLACK.map(() => ITEMS), discord: DISCORD.map(() => ITEMS) };
const historyReads = () => slack.calls.filter((c) => c.target === "conversations.history");
const channelReads = () =>
  discord.calls.filter((c) => c.method === "GET" && /\/channels\/[^/]+\/messages$/.test(c.path));
const summaryLines = () => lines.filter((l) => l.message === "reminders run");

describe("exactly once under ambiguous failures, in the same run", () => {
  it("Slack: a post that landed before the connection dropped is found in the history, not posted again", async () => {
    slack.schedule({ kind: "dropAfter", to: "chat.postMessage" });
    const summary = await runReminders(options());
    expect(counts()).toEqual(everyOnce);
    expect(historyReads()).toHaveLength(1);
    expect(summary).toMatchObject({ sent: 12, deferred: 0, uncertain: 0 });
  });

  it("Slack: a post answered after the client's timeout is found, not posted again", async () => {
    slack.schedule({ kind: "delay", ms: 1_000, to: "chat.postMessage" });
    const summary = await runReminders(options());
    expect(counts()).toEqual(everyOnce);
    expect(historyReads()).toHaveLength(1);
    expect(summary).toMatchObject({ sent: 12 });
  });

  it("Slack: a connection dropped before anything landed is checked, then posted once", async () => {
    slack.schedule({ kind: "drop", to: "chat.postMessage" });
    await runReminders(options());
    expect(counts()).toEqual(everyOnce);
    expect(historyReads()).toHaveLength(1);
  });

  it("Discord: within the nonce window the retry carries the same nonce, and Discord refuses the repeat", async () => {
    discord.fault({ kind: "drop-after" }, { method: "POST" });
    discord.fault({ kind: "delay", ms: 1_000 }, { method: "POST" });
    await runReminders(options());
    expect(counts()).toEqual(everyOnce);
    expect(discord.calls.filter((c) => c.duplicate)).toHaveLength(2);
    expect(channelReads()).toHaveLength(0);
  });

  it("Discord: past the nonce window the channel's messages are read for the delivery key first", async () => {
    discord.fault({ kind: "drop-after" }, { method: "POST" });
    // The window has passed by the retry: Discord would create the message again.
    discord.expireNonces();
    const summary = await runReminders(options({}, 0));
    expect(counts()).toEqual(everyOnce);
    expect(channelReads()).toHaveLength(1);
    expect(discord.calls.filter((c) => c.duplicate)).toHaveLength(0);
    expect(summary).toMatchObject({ sent: 12 });
  });
});

describe("across runs", () => {
  it("an ambiguous last attempt leaves the delivery uncertain; the next run checks and does not post it again (both platforms)", async () => {
    slack.schedule({ kind: "dropAfter", to: "chat.postMessage" });
    discord.fault({ kind: "drop-after" }, { method: "POST" });
    const first = await runReminders(options({ maxAttemptsPerRun: 1 }));
    expect(first).toMatchObject({ sent: 10, deferred: 2, uncertain: 2 });
    // Minutes later, past Discord's nonce window.
    discord.expireNonces();
    const later = new Date(NOW.getTime() + 5 * 60_000);
    const second = await runReminders(options({ now: later }));
    expect(second).toMatchObject({ due: 2, sent: 2 });
    expect(counts()).toEqual(everyOnce);
    expect(lines.filter((l) => l.message === "reminder found already posted")).toHaveLength(2);
  });

  it("a failed history read never fails the run: it returns with its summary line, and the next run finishes the delivery once", async () => {
    slack.schedule(
      { kind: "dropAfter", to: "chat.postMessage" },
      { kind: "serverError", status: 503, to: "conversations.history" },
    );
    discord.fault({ kind: "drop-after" }, { method: "POST" });
    discord.fault({ kind: "server-error" }, { method: "GET" });
    const first = await runReminders(options({}, 0));
    expect(first).toMatchObject({ sent: 10, uncertain: 2, errors: 0 });
    expect(summaryLines()).toEqual([expect.objectContaining({ level: "info", sent: 10 })]);
    expect(lines).toContainEqual(
      expect.objectContaining({
        message: "reminder deferred to the next run",
        uncertain: true,
        reason: expect.stringContaining("could not ask slack"),
      }),
    );
    const second = await runReminders(options({ now: new Date(NOW.getTime() + 60_000) }, 0));
    expect(second).toMatchObject({ due: 2, sent: 2 });
    expect(counts()).toEqual(everyOnce);
  });

  it("a history read that never answers is given up in time, and the delivery stays uncertain", async () => {
    slack.schedule(
      { kind: "dropAfter", to: "chat.postMessage" },
      { kind: "delay", ms: 3_000, to: "conversations.history" },
    );
    const first = await runReminders(options());
    expect(first).toMatchObject({ uncertain: 1 });
    const second = await runReminders(options({ now: new Date(NOW.getTime() + 60_000) }));
    expect(second).toMatchObject({ sent: 1 });
    expect(counts()).toEqual(everyOnce);
  });
});

describe("Retry-After per channel", () => {
  it("makes no call to a channel inside its Retry-After, in this run or the next; other channels are unaffected", async () => {
    slack.schedule({ kind: "rateLimit", retryAfterSeconds: 65, to: "chat.postMessage" });
    discord.fault({ kind: "rate-limit", retryAfter: 65 }, { path: "/v10/channels/9001/messages" });
    const first = await runReminders(options());
    const callsTo = () => ({
      slack: slack.calls.filter((c) => c.target === "chat.postMessage" && c.body.channel === "C1")
        .length,
      discord: discord.calls.filter((c) => c.path === "/v10/channels/9001/messages").length,
    });
    // One call each, the one answered 429: the channel's other reminders wait.
    expect(callsTo()).toEqual({ slack: 1, discord: 1 });
    expect(counts()).toEqual({ slack: [0, ITEMS], discord: [0, ITEMS] });
    expect(first).toMatchObject({ sent: 6, deferred: 6, waiting: 4 });

    // 30 s later the wait is not over: still no call.
    const soon = await runReminders(
      options({ now: new Date(NOW.getTime() + 30_000), budgetMs: 10_000 }),
    );
    expect(soon).toMatchObject({ sent: 0, waiting: 6 });
    expect(callsTo()).toEqual({ slack: 1, discord: 1 });

    // Once it is over, everything goes out once.
    const after = await runReminders(options({ now: new Date(NOW.getTime() + 66_000) }));
    expect(after).toMatchObject({ sent: 6 });
    expect(counts()).toEqual(everyOnce);
  });
});
