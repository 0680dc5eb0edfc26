import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { DiscordChannelPoster } from "../../bot/discord/poster";
import { type FakeDiscordApi, startFakeDiscordApi } from "../../bot/discord/stand-in";
import { loadTrip } from "../../bot/loading/load-trip";
import { type ReminderRunOptions, runReminders } from "../../bot/reminders/run";
import { SlackPoster } from "../../bot/slack/poster";
import { type FakeSlackApi, startFakeSlackApi } from "../../bot/slack/stand-in";
import { memoryStores } from "../../bot/store/memory-stores";
import { reminderStoreOf, type Stores } from "../../bot/store/stores";
import type { TripFile } from "../../bot/trip/schema";
import { NEW_YORK, tripFile } from "../helpers/memory-trips";
import { syntheticTrip } from "../helpers/synthetic-trip";

// Saturday 1 November 2025, 08:00 in New York: the race starts tomorrow at 09:10.
const T = new Date("2025-11-01T12:00:00Z");
const ROLE = "123456789012345678";

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

const run = (now: Date, overrides: Partial<ReminderRunOptions> = {}) =>
  runReminders({
    reminders: reminderStoreOf(stores),
    posters: {
      slack: new SlackPoster({ token: "xoxb-test", apiUrl: slack.apiUrl }),
      discord: new DiscordChannelPoster({ baseUrl: discord.url, token: "bot-test" }),
    },
    now,
    budgetMs: 50_000,
    runId: `run-${Math.random()}`,
    ...overrides,
  });

function edited(file: TripFile, edit: (items: TripFile["itinerary"]) => void): TripFile {
  const copy = structuredClone(file);
  edit(copy.itinerary);
  return copy;
}

const slackTexts = (channel: string) =>
  slack
    .posts()
    .filter((p) => p.body.channel === channel)
    .map((p) => JSON.stringify(p.body));
const discordMessages = (channel: string) =>
  discord.posted(channel) as {
    content?: string;
    embeds: { title?: string; description?: string }[];
    allowed_mentions: { parse: string[]; roles?: string[] };
  }[];
const alertsIn = (texts: string[]) => texts.filter((t) => /"(Changed|Cancelled): /.test(t));

describe("change alerts", () => {
  beforeEach(async () => {
    const file = tripFile(NEW_YORK);
    await loadTrip(stores, file, { now: T });
    const { channels } = stores;
    await channels.setSubscribed(file.id, "slack", "C1", true, "o", { mention: { kind: "here" } });
    await channels.setSubscribed(file.id, "slack", "C2", true, "o");
    await channels.setSubscribed(file.id, "discord", "9001", true, "o", {
      mention: { kind: "role", id: ROLE },
    });
    await channels.setSubscribed(file.id, "discord", "9002", true, "o");
    // What was due by now goes out first.
    await run(T);
  });

  it("posts one Changed post per channel per change to items that are close, with old → new, once", async () => {
    const file = tripFile(NEW_YORK);
    const changed = edited(file, (items) => {
      const race = items.find((i) => i.id === "race-start");
      if (race) race.start = "2025-11-02 09:40";
      const departure = items.find((i) => i.id === "departure");
      // Three days out and not reminded yet: not announced.
      if (departure) departure.place = "Front door";
      const dinner = items.findIndex((i) => i.id === "celebration");
      items.splice(dinner, 1);
    });
    const loaded = await loadTrip(stores, changed, { now: new Date(T.getTime() + 60_000) });
    expect(loaded.announced).toBe(true);
    expect(loaded.alerts.map((a) => a.itemId).sort()).toEqual(["celebration", "race-start"]);

    const summary = await run(new Date(T.getTime() + 2 * 60_000));
    expect(summary).toMatchObject({ alerts: 8, missed: 0 });
    for (const c of ["C1", "C2"]) {
      const alerts = alertsIn(slackTexts(c));
      expect(alerts).toHaveLength(2);
      const race = alerts.find((a) => a.includes("Changed: Race start"));
      // Both zones: each reader's own time, and New York's beside it.
      expect(race).toMatch(/<!date\^\d+\^.*09:10 New York time/);
      expect(race).toMatch(/→.*<!date\^\d+\^.*09:40 New York time/);
      expect(alerts.some((a) => a.includes("Cancelled: Finishers' dinner"))).toBe(true);
    }
    for (const c of ["9001", "9002"]) {
      const titles = discordMessages(c).map((m) => m.embeds[0]?.title);
      expect(titles.filter((t) => /^(Changed|Cancelled):/.test(t ?? ""))).toHaveLength(2);
    }

    // Another run, and the same file loaded again: nothing more.
    expect(await run(new Date(T.getTime() + 3 * 60_000))).toMatchObject({ sent: 0 });
    const again = await loadTrip(stores, changed, { now: new Date(T.getTime() + 4 * 60_000) });
    expect(again.alerts).toEqual([]);
    await run(new Date(T.getTime() + 5 * 60_000));
    expect(alertsIn(slackTexts("C1"))).toHaveLength(2);
    expect(
      discordMessages("9002").filter((m) => m.embeds[0]?.title?.startsWith("Changed")),
    ).toHaveLength(1);
  });

  it("pings only where an organiser turned a mention on, and trip text never pings", async () => {
    const changed = edited(tripFile(NEW_YORK), (items) => {
      const race = items.find((i) => i.id === "race-start");
      if (race) race.title = "Race start @everyone <!channel> <@&999>";
    });
    await loadTrip(stores, changed, { now: new Date(T.getTime() + 60_000) });
    await run(new Date(T.getTime() + 2 * 60_000));

    const [c1] = alertsIn(slackTexts("C1"));
    const [c2] = alertsIn(slackTexts("C2"));
    expect(c1).toContain("<!here>");
    expect(c2).not.toContain("<!here>");
    // Slack parses mentions in the notification text and mrkdwn (plain_text headers are inert).
    for (const posted of [c1, c2]) {
      const body = JSON.parse(posted ?? "{}") as { text: string; blocks: unknown[] };
      const mrkdwn = [
        body.text,
        ...(JSON.stringify(body.blocks).match(/"type":"mrkdwn","text":"[^"]*"/g) ?? []),
      ];
      expect(mrkdwn.join("\n")).not.toMatch(/<!channel>|<!everyone>|<@&999>/);
      expect(mrkdwn.join("\n")).toContain("&lt;!channel&gt;");
    }
    const [role] = discordMessages("9001").filter((m) => m.embeds[0]?.title?.startsWith("Changed"));
    const [plain] = discordMessages("9002").filter((m) =>
      m.embeds[0]?.title?.startsWith("Changed"),
    );
    expect(role?.content).toBe(`<@&${ROLE}>`);
    expect(role?.allowed_mentions).toEqual({ parse: [], roles: [ROLE] });
    expect(plain?.content).toBeUndefined();
    expect(plain?.allowed_mentions).toEqual({ parse: [] });
  });

  it("posts nothing for a quiet load, and a dry run lists the alerts it would post and writes nothing", async () => {
    const changed = edited(tripFile(NEW_YORK), (items) => {
      const race = items.find((i) => i.id === "race-start");
      if (race) race.place = "Verrazzano Bridge";
    });
    const dry = await loadTrip(stores, changed, { now: T, dryRun: true });
    expect(dry.alerts).toEqual([
      {
        itemId: "race-start",
        title: "Race start (wave 1)",
        changes: ["place: Fort Wadsworth, Staten Island → Verrazzano Bridge"],
      },
    ]);
    expect(dry.announced).toBe(false);
    const quiet = await loadTrip(stores, changed, { now: T, quiet: true });
    expect(quiet).toMatchObject({ written: true, announced: false });
    expect(quiet.alerts).toHaveLength(1);
    const before = slack.posts().length + discord.calls.length;
    await run(new Date(T.getTime() + 60_000));
    expect(slack.posts().length + discord.calls.length).toBe(before);
  });
});

describe("change alerts for items already reminded", () => {
  it("announces a move of an item days away once its reminder has gone out", async () => {
    const now = new Date("2025-04-01T12:00:00Z");
    const file = syntheticTrip({
      id: "far",
      items: 1,
      firstStart: new Date("2025-04-05T12:00:00Z"),
      leads: ["5d"],
    });
    await loadTrip(stores, file, { now: new Date("2025-03-30T00:00:00Z") });
    await stores.channels.setSubscribed("far", "slack", "C1", true, "o");
    expect(await run(now)).toMatchObject({ sent: 1 });
    const moved = edited(file, (items) => {
      const item = items[0];
      if (item) item.start = "2025-04-05 14:00";
    });
    const loaded = await loadTrip(stores, moved, { now });
    expect(loaded.alerts.map((a) => a.changes)).toEqual([
      ["time: Sat 5 Apr 2025, 12:00 → Sat 5 Apr 2025, 14:00 UTC time"],
    ]);
    await run(new Date(now.getTime() + 60_000));
    expect(alertsIn(slackTexts("C1"))).toHaveLength(1);
  });

  it("does not announce a change to an item far ahead and not yet reminded", async () => {
    const file = syntheticTrip({
      id: "far",
      items: 1,
      firstStart: new Date("2025-04-05T12:00:00Z"),
      leads: ["1h"],
    });
    const now = new Date("2025-04-01T12:00:00Z");
    await loadTrip(stores, file, { now });
    const moved = edited(file, (items) => {
      const item = items[0];
      if (item) item.title = "Renamed";
    });
    expect((await loadTrip(stores, moved, { now })).alerts).toEqual([]);
  });
});
