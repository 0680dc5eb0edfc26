import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { DiscordChannelPoster } from "../../bot/discord/poster";
import { type FakeDiscordApi, startFakeDiscordApi } from "../../bot/discord/stand-in";
import { loadTrip } from "../../bot/loading/load-trip";
import { type ReminderRunOptions, runReminders } from "../../bot/reminders/run";
import { SlackPoster } from "../../bot/slack/poster";
import { type FakeSlackApi, startFakeSlackApi } from "../../bot/slack/stand-in";
import { memoryStores } from "../../bot/store/memory-stores";
import { reminderStoreOf, type Stores } from "../../bot/store/stores";
import { type TripFile, TripFileSchema } from "../../bot/trip/schema";

/**
 * A trip re-uploaded while a reminder waits out a 429: the reminder follows the item's new
 * time and text, or, for a removed item, nothing more is posted but the one cancellation.
 */
// Sydney, the Sunday the clocks go back (6 April 2025, 03:00 → 02:00).
const ZONE = "Australia/Sydney";
const T = new Date("2025-04-05T20:45:00Z"); // Sun 6 Apr, 06:45 in Sydney (UTC+10 by then)

function trip(start: string | undefined, title = "Harbour swim"): TripFile {
  return TripFileSchema.parse({
    id: "syd",
    name: "Sydney trip",
    timeZone: ZONE,
    timeZoneLabel: "Sydney",
    organisers: {},
    defaultReminders: ["1h"],
    event: { name: "Swim", start: "2025-04-06 08:00", startPlace: { name: "Bondi" } },
    itinerary: start
      ? [
          { id: "swim", start, title, place: "Bondi" },
          { id: "lunch", start: "2025-04-06 13:00", title: "Lunch" },
        ]
      : [{ id: "lunch", start: "2025-04-06 13:00", title: "Lunch" }],
  });
}

let stores: Stores;
let slack: FakeSlackApi;
let discord: FakeDiscordApi;
beforeEach(async () => {
  stores = memoryStores();
  slack = await startFakeSlackApi();
  discord = await startFakeDiscordApi();
  await loadTrip(stores, trip("2025-04-06 07:30"), { now: new Date(T.getTime() - 86_400_000) });
  await stores.channels.setSubscribed("syd", "slack", "C1", true, "o");
  await stores.channels.setSubscribed("syd", "discord", "9001", true, "o");
  // The swim's 1-hour reminder (06:30) meets a long Retry-After on both platforms.
  slack.schedule({ kind: "rateLimit", retryAfterSeconds: 90, to: "chat.postMessage" });
  discord.fault({ kind: "rate-limit", retryAfter: 90 }, { method: "POST" });
  await runReminders(options(T));
});
afterEach(async () => {
  await Promise.all([slack.close(), discord.close()]);
});

function options(now: Date): ReminderRunOptions {
  return {
    reminders: reminderStoreOf(stores),
    posters: {
      slack: new SlackPoster({ token: "xoxb-test", apiUrl: slack.apiUrl }),
      discord: new DiscordChannelPoster({ baseUrl: discord.url, token: "bot-test" }),
    },
    now,
    budgetMs: 50_000,
    runId: `run-${Math.random()}`,
  };
}
const minutes = (n: number) => new Date(T.getTime() + n * 60_000);
const texts = () => [
  ...slack
    .posts()
    .filter((p) => p.body.channel === "C1")
    .map((p) => `slack ${JSON.stringify(p.body.blocks)}`),
  ...discord
    .posted("9001")
    .map((m) => `discord ${JSON.stringify((m as { embeds: unknown }).embeds)}`),
];

describe("a trip re-uploaded while a reminder is held back", () => {
  it("nothing went out while the platforms asked to wait", () => {
    expect(texts()).toEqual([]);
    expect(slack.calls.filter((c) => c.target === "chat.postMessage")).toHaveLength(1);
  });

  it("moved later: one Changed post now, and the reminder an hour before the new time, once", async () => {
    await loadTrip(stores, trip("2025-04-06 10:00", "Harbour swim (moved)"), { now: minutes(1) });
    await runReminders(options(minutes(2)));
    await runReminders(options(minutes(134)));
    // 09:00 in Sydney: the reminder of the 10:00 swim.
    await runReminders(options(minutes(135)));
    await runReminders(options(minutes(136)));
    const posts = texts();
    for (const platform of ["slack", "discord"]) {
      const mine = posts.filter((t) => t.startsWith(platform));
      expect(mine.filter((t) => t.includes("Changed: Harbour swim (moved)"))).toHaveLength(1);
      const reminders = mine.filter((t) => t.includes("Reminder: Harbour swim"));
      expect(reminders).toHaveLength(1);
      expect(reminders[0]).toContain("Harbour swim (moved)");
      expect(reminders[0]).toMatch(/10:00 Sydney time/);
      expect(reminders[0]).toContain("starts in 1 hour");
    }
  });

  it("removed: one Cancelled post, and its reminder never", async () => {
    await loadTrip(stores, trip(undefined), { now: minutes(1) });
    await runReminders(options(minutes(2)));
    await runReminders(options(minutes(30)));
    const posts = texts();
    expect(posts.filter((t) => t.includes("Reminder: Harbour swim"))).toEqual([]);
    expect(posts.filter((t) => t.includes("Cancelled: Harbour swim"))).toHaveLength(2);
  });
});
