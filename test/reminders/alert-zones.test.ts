import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { DiscordChannelPoster } from "../../bot/discord/poster";
import { type FakeDiscordApi, startFakeDiscordApi } from "../../bot/discord/stand-in";
import { loadTrip } from "../../bot/loading/load-trip";
import { runReminders } from "../../bot/reminders/run";
import { SlackPoster } from "../../bot/slack/poster";
import { type FakeSlackApi, startFakeSlackApi } from "../../bot/slack/stand-in";
import { memoryStores } from "../../bot/store/memory-stores";
import { reminderStoreOf, type Stores } from "../../bot/store/stores";
import { PYONGYANG, tripFile } from "../helpers/memory-trips";

/**
 * An item with its own time zone (the Beijing briefing of a Pyongyang trip) is moved close to
 * its start: the change alert shows its times as its reminders do, in Beijing time, on both
 * platforms; never the destination's zone for a time that is Beijing's.
 */
// Wednesday 2 April 2025, 10:00 in Beijing: the briefing is tomorrow at 09:00 Beijing time.
const T = new Date("2025-04-02T02:00:00Z");

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

describe("a change alert for an item in another zone than the trip's", () => {
  it("names the item's own zone for the old and the new time", async () => {
    const file = tripFile(PYONGYANG);
    await loadTrip(stores, file, { now: T });
    await stores.channels.setSubscribed(file.id, "slack", "C-BJ", true, "test");
    await stores.channels.setSubscribed(file.id, "discord", "D-BJ", true, "test");
    const moved = structuredClone(file);
    const briefing = moved.itinerary.find((i) => i.id === "beijing-briefing");
    if (!briefing) throw new Error("the shipped trip has a Beijing briefing");
    briefing.start = "2025-04-03 10:30";
    await loadTrip(stores, moved, { now: T });
    await runReminders({
      reminders: reminderStoreOf(stores),
      posters: {
        slack: new SlackPoster({ token: "xoxb-test", apiUrl: slack.apiUrl }),
        discord: new DiscordChannelPoster({ baseUrl: discord.url, token: "bot-test" }),
      },
      now: new Date(T.getTime() + 60_000),
      budgetMs: 50_000,
      runId: "run-zones",
    });
    const slackText = JSON.stringify(
      slack
        .posts()
        .filter((p) => p.body.channel === "C-BJ")
        .map((p) => p.body.blocks),
    );
    const discordText = JSON.stringify(discord.posted("D-BJ"));
    for (const posted of [slackText, discordText]) {
      expect(posted).toContain("Changed: Group briefing before departure");
      expect(posted).toMatch(/09:00 Beijing time/);
      expect(posted).toMatch(/10:30 Beijing time/);
      expect(posted).not.toMatch(/Pyongyang time/);
    }
  });
});
