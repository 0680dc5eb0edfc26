import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { DiscordChannelPoster } from "../../bot/discord/poster";
import { type FakeDiscordApi, startFakeDiscordApi } from "../../bot/discord/stand-in";
import { loadTrip } from "../../bot/loading/load-trip";
import { type ReminderRunOptions, runReminders } from "../../bot/reminders/run";
import { memoryStores } from "../../bot/store/memory-stores";
import { reminderStoreOf, type Stores } from "../../bot/store/stores";
import { TripFileSchema } from "../../bot/trip/schema";
import { syntheticTrip } from "../helpers/synthetic-trip";

/**
 * A reminder long enough for several Discord messages (an item with long notes), whose second
 * message lands but whose answer is lost, and whose run ends before it can retry. The next run,
 * past Discord's nonce window, must post the rest and nothing twice.
 */
const NOW = new Date("2025-04-05T12:00:00Z");
const CHANNEL = "7001";
const PARAGRAPHS = 12;

let stores: Stores;
let discord: FakeDiscordApi;

beforeEach(async () => {
  stores = memoryStores();
  discord = await startFakeDiscordApi();
  const base = syntheticTrip({
    id: "long-notes",
    items: 1,
    firstStart: new Date(NOW.getTime() + 30 * 60_000),
  });
  const notes = Array.from(
    { length: PARAGRAPHS },
    (_, i) => `Paragraph ${i}. ${"Bring water and keep your passport with you. ".repeat(40)}`,
  ).join("\n\n");
  const [item] = base.itinerary;
  await loadTrip(stores, TripFileSchema.parse({ ...base, itinerary: [{ ...item, notes }] }), {
    now: NOW,
  });
  await stores.channels.setSubscribed("long-notes", "discord", CHANNEL, true, "test");
});
afterEach(() => discord.close());

const options = (overrides: Partial<ReminderRunOptions> = {}): ReminderRunOptions => ({
  reminders: reminderStoreOf(stores),
  posters: {
    discord: new DiscordChannelPoster(
      { baseUrl: discord.url, token: "bot-test", timeoutMs: 400 },
      { nonceWindowMs: 0 },
    ),
  },
  now: NOW,
  budgetMs: 50_000,
  attemptMs: 1_000,
  runId: `run-${Math.random()}`,
  ...overrides,
});

/** How many times each paragraph of the notes is in the channel. */
function paragraphCounts() {
  const text = JSON.stringify(discord.posted(CHANNEL));
  return Array.from({ length: PARAGRAPHS }, (_, i) => text.split(`Paragraph ${i}.`).length - 1);
}

describe("a multi-message reminder cut off mid-way by an ambiguous failure", () => {
  it("the next run resumes after the last message the channel shows", async () => {
    const path = `/v10/channels/${CHANNEL}/messages`;
    discord.fault({ kind: "delay", ms: 0 }, { method: "POST", path });
    discord.fault({ kind: "drop-after" }, { method: "POST", path });
    const first = await runReminders(options({ maxAttemptsPerRun: 1 }));
    expect(first).toMatchObject({ sent: 0, deferred: 1, uncertain: 1 });
    expect(discord.posted(CHANNEL)).toHaveLength(2);

    discord.expireNonces();
    const second = await runReminders(options({ now: new Date(NOW.getTime() + 3 * 60_000) }));
    expect(second).toMatchObject({ sent: 1 });
    const posted = discord.posted(CHANNEL).length;
    expect(posted).toBeGreaterThan(2);
    expect(paragraphCounts()).toEqual(Array.from({ length: PARAGRAPHS }, () => 1));
  });
});
