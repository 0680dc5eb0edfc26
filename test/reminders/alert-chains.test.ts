import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { DiscordChannelPoster } from "../../bot/discord/poster";
import { type FakeDiscordApi, startFakeDiscordApi } from "../../bot/discord/stand-in";
import { loadTrip } from "../../bot/loading/load-trip";
import { runReminders } from "../../bot/reminders/run";
import { SlackPoster } from "../../bot/slack/poster";
import { type FakeSlackApi, startFakeSlackApi } from "../../bot/slack/stand-in";
import { memoryStores } from "../../bot/store/memory-stores";
import { reminderStoreOf, type Stores } from "../../bot/store/stores";
import type { TripFile } from "../../bot/trip/schema";
import { NEW_YORK, tripFile } from "../helpers/memory-trips";

/**
 * An item changed twice before a reminders run could announce the first change (two quick
 * re-uploads): the channel is told once, from what it last knew to what is true now.
 */
// Saturday 1 November 2025, 08:00 in New York: the race starts tomorrow at 09:10.
const T = new Date("2025-11-01T12:00:00Z");
const minutes = (n: number) => new Date(T.getTime() + n * 60_000);

let stores: Stores;
let slack: FakeSlackApi;
let discord: FakeDiscordApi;
beforeEach(async () => {
  stores = memoryStores();
  slack = await startFakeSlackApi();
  discord = await startFakeDiscordApi();
  const file = tripFile(NEW_YORK);
  await loadTrip(stores, file, { now: T });
  await stores.channels.setSubscribed(file.id, "slack", "C1", true, "o");
  await stores.channels.setSubscribed(file.id, "discord", "9001", true, "o");
  await run(T);
});
afterEach(async () => {
  await Promise.all([slack.close(), discord.close()]);
});

const run = (now: Date) =>
  runReminders({
    reminders: reminderStoreOf(stores),
    posters: {
      slack: new SlackPoster({ token: "xoxb-test", apiUrl: slack.apiUrl }),
      discord: new DiscordChannelPoster({ baseUrl: discord.url, token: "bot-test" }),
    },
    now,
    budgetMs: 50_000,
    runId: `run-${Math.random()}`,
  });

function withRace(
  edit: (race: TripFile["itinerary"][number], items: TripFile["itinerary"]) => void,
) {
  const copy = structuredClone(tripFile(NEW_YORK));
  const race = copy.itinerary.find((i) => i.id === "race-start");
  if (!race) throw new Error("New York has a race start");
  edit(race, copy.itinerary);
  return copy;
}

const posted = () => ({
  slack: slack
    .posts()
    .filter((p) => p.body.channel === "C1")
    .map((p) => JSON.stringify(p.body.blocks))
    .filter((t) => /(Changed|Cancelled): /.test(t)),
  discord: (discord.posted("9001") as { embeds: { title?: string }[] }[])
    .map((m) => JSON.stringify(m.embeds))
    .filter((t) => /(Changed|Cancelled): /.test(t)),
});

describe("two changes to one item before a run", () => {
  it("one post, from the time the channel last saw to the time now", async () => {
    await loadTrip(
      stores,
      withRace((r) => {
        r.start = "2025-11-02 09:40";
      }),
      { now: minutes(1) },
    );
    await loadTrip(
      stores,
      withRace((r) => {
        r.start = "2025-11-02 10:10";
      }),
      { now: minutes(2) },
    );
    await run(minutes(3));
    const { slack: s, discord: d } = posted();
    for (const alerts of [s, d]) {
      expect(alerts).toHaveLength(1);
      expect(alerts[0]).toMatch(/09:10 New York time.*→.*10:10 New York time/);
      expect(alerts[0]).not.toMatch(/09:40/);
    }
  });

  it("moved and then moved back: nothing to announce, and nothing posted", async () => {
    await loadTrip(
      stores,
      withRace((r) => {
        r.start = "2025-11-02 09:40";
      }),
      { now: minutes(1) },
    );
    await loadTrip(stores, tripFile(NEW_YORK), { now: minutes(2) });
    await run(minutes(3));
    expect(posted()).toEqual({ slack: [], discord: [] });
  });

  it("moved and then removed: one Cancelled post naming the time the channel knew", async () => {
    await loadTrip(
      stores,
      withRace((r) => {
        r.start = "2025-11-02 09:40";
      }),
      { now: minutes(1) },
    );
    await loadTrip(
      stores,
      withRace((_, items) => {
        items.splice(
          items.findIndex((i) => i.id === "race-start"),
          1,
        );
      }),
      { now: minutes(2) },
    );
    await run(minutes(3));
    const { slack: s, discord: d } = posted();
    for (const alerts of [s, d]) {
      expect(alerts).toHaveLength(1);
      expect(alerts[0]).toMatch(/Cancelled: Race start.*09:10 New York time/);
    }
  });
});
