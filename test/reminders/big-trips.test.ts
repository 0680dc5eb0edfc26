import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { DiscordChannelPoster } from "../../bot/discord/poster";
import { type FakeDiscordApi, startFakeDiscordApi } from "../../bot/discord/stand-in";
import { loadTrip } from "../../bot/loading/load-trip";
import { type ReminderRunOptions, runReminders } from "../../bot/reminders/run";
import { SlackPoster } from "../../bot/slack/poster";
import { type FakeSlackApi, startFakeSlackApi } from "../../bot/slack/stand-in";
import { memoryStores } from "../../bot/store/memory-stores";
import { reminderStoreOf, type Stores } from "../../bot/store/stores";
import { TripFileSchema } from "../../bot/trip/schema";
import { syntheticTrip } from "../helpers/synthetic-trip";

/**
 * Trips unlike the shipped one: none at all on the itinerary, and 200 items due in one run
 * with long titles in many scripts (emoji, combining marks, right-to-left), mention-like text
 * in them. Each reminder lands once, well-formed, within limits, and pings nobody.
 */
const NOW = new Date("2026-03-29T00:30:00Z");
const TITLE = `🏃‍♀️ Étape ñ̃ — مرحلة — 第一阶段 @everyone <!channel> <@U1> ${"🇰🇵".repeat(80)}`;

let stores: Stores;
let slack: FakeSlackApi;
let discord: FakeDiscordApi;
beforeEach(async () => {
  stores = memoryStores();
  slack = await startFakeSlackApi();
  discord = await startFakeDiscordApi();
});
afterEach(async () => {
  await Promise.all([slack.close(), discord.close()]);
});

const options = (): ReminderRunOptions => ({
  reminders: reminderStoreOf(stores),
  posters: {
    slack: new SlackPoster({ token: "xoxb-test", apiUrl: slack.apiUrl }),
    discord: new DiscordChannelPoster({ baseUrl: discord.url, token: "bot-test" }),
  },
  now: NOW,
  budgetMs: 55_000,
  runId: `run-${Math.random()}`,
});

async function subscribe(tripId: string) {
  await stores.channels.setSubscribed(tripId, "slack", "C-BIG", true, "test");
  await stores.channels.setSubscribed(tripId, "discord", "4242", true, "test");
}

/** Half of an emoji cut off: what a cut between UTF-16 units instead of characters leaves. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Every string in a value, wherever it sits. */
function strings(value: unknown): string[] {
  if (typeof value === "string") return [value];
  if (Array.isArray(value)) return value.flatMap(strings);
  if (value && typeof value === "object") return Object.values(value).flatMap(strings);
  return [];
}

describe("trips of other sizes", () => {
  it("an empty itinerary: a run posts nothing and says so", async () => {
    const base = syntheticTrip({ id: "empty", items: 1, firstStart: NOW });
    await loadTrip(stores, TripFileSchema.parse({ ...base, itinerary: [] }), { now: NOW });
    await subscribe("empty");
    const summary = await runReminders(options());
    expect(summary).toMatchObject({ due: 0, sent: 0 });
    expect(slack.calls).toEqual([]);
    expect(discord.calls).toEqual([]);
  });

  it("200 items due in one run, long unicode titles: each once, well-formed, within limits, no pings", async () => {
    const base = syntheticTrip({
      id: "big",
      items: 200,
      firstStart: new Date(NOW.getTime() + 30 * 60_000),
      spacingMinutes: 1,
      // Four hours ahead: every item's reminder has fallen due by NOW, none has started.
      leads: ["4h"],
    });
    const itinerary = base.itinerary.map((item, i) => ({ ...item, title: `${i} ${TITLE}` }));
    await loadTrip(stores, TripFileSchema.parse({ ...base, itinerary }), { now: NOW });
    await subscribe("big");
    const summary = await runReminders(options());
    expect(summary).toMatchObject({ due: 400, sent: 400, missed: 0 });

    const slackPosts = slack.posts().map((p) => p.body);
    const discordPosts = discord.posted("4242") as Record<string, unknown>[];
    for (const posts of [slackPosts, discordPosts]) {
      expect(posts).toHaveLength(200);
      const firstWords = posts.map(
        (p) => /"(?:text|title)":"Reminder: (\d+) /.exec(JSON.stringify(p))?.[1],
      );
      expect(new Set(firstWords).size).toBe(200);
      for (const text of strings(posts)) expect(text).not.toMatch(LONE_SURROGATE);
    }
    for (const p of slackPosts) {
      const [header] = p.blocks as { text: { text: string } }[];
      expect(header?.text.text.length).toBeLessThanOrEqual(150);
      expect(String(p.text)).not.toMatch(/<!channel>|<@U1>|@everyone/);
    }
    for (const p of discordPosts) {
      expect(p.allowed_mentions).toEqual({ parse: [] });
      for (const e of p.embeds as { title?: string }[]) {
        expect(e.title?.length ?? 0).toBeLessThanOrEqual(256);
      }
    }
  });
});
