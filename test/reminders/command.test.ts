import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Bot, createBot } from "../../bot/core";
import { loadTrip } from "../../bot/loading/load-trip";
import { runReminders } from "../../bot/reminders/run";
import { SlackPoster } from "../../bot/slack/poster";
import { type FakeSlackApi, startFakeSlackApi } from "../../bot/slack/stand-in";
import { memoryStores } from "../../bot/store/memory-stores";
import { reminderStoreOf, type Stores } from "../../bot/store/stores";
import {
  DISCORD_ORGANISER,
  NEW_YORK_ORGANISED,
  SLACK_ORGANISER,
  tripFile,
} from "../helpers/memory-trips";

const TRIP = "new-york-marathon-2025";
// Friday 31 October, 10:30 in New York: the expo (11:00) has its 1-hour reminder due.
const NOW = new Date("2025-10-31T14:30:00Z");

let stores: Stores;
let slack: FakeSlackApi;
let bot: Bot;

beforeAll(async () => {
  stores = memoryStores();
  await loadTrip(stores, tripFile(NEW_YORK_ORGANISED), { now: new Date("2025-10-25T00:00:00Z") });
  slack = await startFakeSlackApi();
  bot = createBot({ store: stores.facts, channels: stores.channels, clock: () => NOW });
});
afterAll(() => slack.close());

const ask = (platform: "slack" | "discord", channel: string, user: string, text: string) => {
  const [command = "", ...rest] = text.split(" ");
  return bot.answer({
    command,
    input: rest.join(" "),
    user: { id: user },
    channel: { id: channel },
    platform,
  });
};
const mentionOf = async (platform: string, channel: string) =>
  (await stores.channels.subscriptions(TRIP)).find(
    (s) => s.platform === platform && s.channelId === channel,
  )?.mention;

describe("reminders on mention=…", () => {
  it("is for organisers; here or a role id is kept, and mention=off clears it", async () => {
    const refused = await ask("slack", "C-M", "U-TRAVELLER", "reminders on mention=here");
    expect(refused.title).toBe("Only organisers can do that");
    expect(await mentionOf("slack", "C-M")).toBeUndefined();

    const here = await ask("slack", "C-M", SLACK_ORGANISER, "reminders on mention=here");
    expect(here.title).toBe("Reminders are on");
    expect(JSON.stringify(here)).toContain("ping @here");
    expect(await mentionOf("slack", "C-M")).toEqual({ kind: "here" });
    // "on" again keeps it.
    await ask("slack", "C-M", SLACK_ORGANISER, "reminders on");
    expect(await mentionOf("slack", "C-M")).toEqual({ kind: "here" });
    await ask("slack", "C-M", SLACK_ORGANISER, "reminders on mention=off");
    expect(await mentionOf("slack", "C-M")).toBeUndefined();

    await ask("discord", "D-M", DISCORD_ORGANISER, "reminders on mention=<@&222233334444555566>");
    expect(await mentionOf("discord", "D-M")).toEqual({ kind: "role", id: "222233334444555566" });
  });

  it("refuses a mention that is neither here, off nor a role id, changing nothing", async () => {
    const bad = await ask("slack", "C-BAD", SLACK_ORGANISER, "reminders on mention=@everyone!");
    expect(bad.title).toBe("That reminders setting is not one I know");
    expect(await stores.channels.isSubscribed(TRIP, "slack", "C-BAD")).toBe(false);
  });
});

describe("reminders status", () => {
  it("shows the last run's sent and missed for the channel", async () => {
    // Only this channel follows the trip, so the refusal below is its own.
    await ask("slack", "C-M", SLACK_ORGANISER, "reminders off");
    await ask("discord", "D-M", DISCORD_ORGANISER, "reminders off");
    await ask("slack", "C-S", SLACK_ORGANISER, "reminders on");
    slack.schedule({ kind: "slackError", error: "not_in_channel", to: "chat.postMessage" });
    await runReminders({
      reminders: reminderStoreOf(stores),
      posters: { slack: new SlackPoster({ token: "xoxb-test", apiUrl: slack.apiUrl }) },
      now: NOW,
      budgetMs: 50_000,
      runId: "status-run",
      maxAttemptsPerRun: 1,
    });
    const status = JSON.stringify(await ask("slack", "C-S", "U-TRAVELLER", "reminders status"));
    // The expo's 1-day reminder was superseded by its 1-hour one, which the channel refused;
    // the shakeout run's 1-day reminder was then recorded without a call.
    expect(status).toMatch(/Last run here .*: 0 sent, 3 missed/);
    expect(status).toContain("channel gone: slack said Slack error: not_in_channel");
  });
});
