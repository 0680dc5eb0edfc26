import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { CommandRequest } from "../../bot/commands/context";
import { type Bot, createBot } from "../../bot/core";
import { DiscordChannelPoster } from "../../bot/discord/poster";
import { type FakeDiscordApi, startFakeDiscordApi } from "../../bot/discord/stand-in";
import { SlackPoster } from "../../bot/slack/poster";
import { type FakeSlackApi, startFakeSlackApi } from "../../bot/slack/stand-in";
import type { ChannelStore } from "../../bot/store/channel-store";
import {
  DISCORD_ORGANISER,
  NEW_YORK,
  PYONGYANG,
  SLACK_ORGANISER,
  storesWith,
  withOrganisers,
} from "../helpers/memory-trips";

// New York lists the test organisers, Pyongyang its own; one person organises both.
const PYONGYANG_SLACK = "U0PYONGYANG";
const ORGANISES_BOTH = "U0BOTH";
const NOW = new Date("2025-10-30T12:00:00Z");

let slack: FakeSlackApi;
let discord: FakeDiscordApi;
let channels: ChannelStore;
let bot: Bot;

beforeAll(async () => {
  const stores = await storesWith([
    withOrganisers(PYONGYANG, { slack: [PYONGYANG_SLACK, ORGANISES_BOTH], discord: [] }),
    withOrganisers(NEW_YORK, {
      slack: [SLACK_ORGANISER, ORGANISES_BOTH],
      discord: [DISCORD_ORGANISER],
    }),
  ]);
  slack = await startFakeSlackApi();
  discord = await startFakeDiscordApi();
  channels = stores.channels;
  bot = createBot({
    store: stores.facts,
    channels,
    posters: {
      slack: new SlackPoster({ token: "xoxb-test", apiUrl: slack.apiUrl }),
      discord: new DiscordChannelPoster({ baseUrl: discord.url, token: "bot-test" }),
    },
    clock: () => NOW,
  });
});
afterAll(async () => {
  await Promise.all([slack.close(), discord.close()]);
});

function ask(
  platform: "slack" | "discord",
  channel: string,
  user: string,
  text: string,
  extra: Partial<CommandRequest["user"]> = {},
  workspace?: string,
) {
  const [command = "", ...rest] = text.split(" ");
  return bot.answer({
    command,
    input: rest.join(" "),
    user: { id: user, ...extra },
    channel: { id: channel },
    ...(workspace ? { workspace: { id: workspace } } : {}),
    platform,
  });
}

describe("organiser commands", () => {
  it("link: refused to others, nothing changes; an organiser links, and the channel answers from that trip", async () => {
    const refused = await ask("slack", "C-LINK", "U-TRAVELLER", "link new-york-marathon-2025");
    expect(refused.title).toBe("Not a trip you organise");
    expect(await channels.linkedTrip("slack", "C-LINK")).toBeUndefined();
    expect((await ask("slack", "C-LINK", "U-TRAVELLER", "when")).title).toBe("Which trip?");

    const linked = await ask("slack", "C-LINK", SLACK_ORGANISER, "link new-york-marathon-2025");
    expect(linked.title).toBe("Channel linked");
    expect((await ask("slack", "C-LINK", "U-TRAVELLER", "when")).title).toBe(
      "When: New York City Marathon 2025",
    );
    // The same user id means nothing on the other platform.
    expect(
      (await ask("discord", "D-LINK", SLACK_ORGANISER, "link new-york-marathon-2025")).title,
    ).toBe("Not a trip you organise");
  });

  it("link: managing the server is not organising a trip; a missing id and another's read alike", async () => {
    const manager = { canManage: true };
    const notTheirs = await ask(
      "discord",
      "D-ADMIN",
      "42",
      "link pyongyang-marathon-2025",
      manager,
    );
    const missing = await ask("discord", "D-ADMIN", "42", "link pyongyang-marathon-2030", manager);
    expect(notTheirs.title).toBe("Not a trip you organise");
    const without = (r: unknown, id: string) => JSON.stringify(r).replaceAll(id, "<id>");
    expect(without(missing, "pyongyang-marathon-2030")).toBe(
      without(notTheirs, "pyongyang-marathon-2025"),
    );
    expect(await channels.linkedTrip("discord", "D-ADMIN")).toBeUndefined();
  });

  it("link: another trip's organiser cannot take a linked channel; its own organisers can move it", async () => {
    await ask("slack", "C-TAKE", PYONGYANG_SLACK, "link pyongyang-marathon-2025");
    await ask("slack", "C-TAKE", PYONGYANG_SLACK, "reminders on");
    const taken = await ask("slack", "C-TAKE", SLACK_ORGANISER, "link new-york-marathon-2025");
    expect(taken.title).toBe("This channel belongs to another trip");
    expect(await channels.linkedTrip("slack", "C-TAKE")).toBe("pyongyang-marathon-2025");
    expect(await channels.isSubscribed("pyongyang-marathon-2025", "slack", "C-TAKE")).toBe(true);
    // Once its organiser unlinks it, the channel is free for another trip.
    expect((await ask("slack", "C-TAKE", PYONGYANG_SLACK, "unlink")).title).toBe(
      "Channel unlinked",
    );
    expect(
      (await ask("slack", "C-TAKE", SLACK_ORGANISER, "link new-york-marathon-2025")).title,
    ).toBe("Channel linked");
  });

  it("a channel sees only its own trip, in answers and in autocomplete", async () => {
    await ask("slack", "C-ISO", SLACK_ORGANISER, "link new-york-marathon-2025");
    const suggestions = await bot.suggest({
      command: "faq",
      input: "",
      user: { id: "U-TRAVELLER" },
      channel: { id: "C-ISO" },
      platform: "slack",
    });
    expect(suggestions.map((s) => s.value).sort()).toEqual(["bag", "time-change", "visa"]);
    const visa = await ask("slack", "C-ISO", "U-TRAVELLER", "faq visa");
    expect(visa.title).toBe("Do I need a visa or ESTA?");
  });

  it("unlink: refused to others; an organiser unlinks, which also stops reminders", async () => {
    await ask("slack", "C-UN", SLACK_ORGANISER, "link new-york-marathon-2025");
    await ask("slack", "C-UN", SLACK_ORGANISER, "reminders on");
    expect((await ask("slack", "C-UN", "U-TRAVELLER", "unlink")).title).toBe(
      "Only organisers can do that",
    );
    expect(await channels.linkedTrip("slack", "C-UN")).toBe("new-york-marathon-2025");
    expect((await ask("slack", "C-UN", SLACK_ORGANISER, "unlink")).title).toBe("Channel unlinked");
    expect(await channels.linkedTrip("slack", "C-UN")).toBeUndefined();
    expect(await channels.isSubscribed("new-york-marathon-2025", "slack", "C-UN")).toBe(false);
    expect((await ask("slack", "C-UN", SLACK_ORGANISER, "unlink")).title).toBe("Not linked");
  });

  it("reminders on/off: refused to others on both platforms; status shows what comes next", async () => {
    await ask("discord", "D-REM", DISCORD_ORGANISER, "link new-york-marathon-2025");
    for (const [platform, channel] of [
      ["discord", "D-REM"],
      ["slack", "C-LINK"],
    ] as const) {
      const refused = await ask(platform, channel, "U-TRAVELLER", "reminders on");
      expect(refused.title).toBe("Only organisers can do that");
      expect(await channels.isSubscribed("new-york-marathon-2025", platform, channel)).toBe(false);
    }
    expect((await ask("discord", "D-REM", "someone", "reminders status")).title).toBe(
      "Reminders are off here",
    );
    const on = await ask("discord", "D-REM", DISCORD_ORGANISER, "reminders on");
    expect(on.title).toBe("Reminders are on");
    expect(JSON.stringify(on)).toContain("Expo and bib pick-up, 1 day before");
    expect(await channels.isSubscribed("new-york-marathon-2025", "discord", "D-REM")).toBe(true);
    expect((await ask("discord", "D-REM", "someone", "reminders status")).title).toBe(
      "Reminders are on here",
    );
    expect((await ask("discord", "D-REM", DISCORD_ORGANISER, "reminders off")).title).toBe(
      "Reminders are off",
    );
    expect(await channels.isSubscribed("new-york-marathon-2025", "discord", "D-REM")).toBe(false);
  });

  it("faq post: refused to others with nothing posted; an organiser's posts every question in order", async () => {
    await ask("slack", "C-FAQ", SLACK_ORGANISER, "link new-york-marathon-2025");
    const refused = await ask("slack", "C-FAQ", "U-TRAVELLER", "faq post");
    expect(refused.title).toBe("Only organisers can do that");
    expect(slack.postsByChannel().get("C-FAQ")).toBeUndefined();

    const posted = await ask("slack", "C-FAQ", SLACK_ORGANISER, "faq post");
    expect(posted.title).toBe("FAQ posted");
    const text = JSON.stringify(
      slack
        .posts()
        .filter((p) => p.body.channel === "C-FAQ")
        .map((p) => p.body),
    );
    const order = [
      "Can I check a bag at the start?",
      "Does the time change on race weekend?",
      "Do I need a visa or ESTA?",
    ];
    const positions = order.map((q) => text.indexOf(q));
    expect(positions.every((p) => p >= 0)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);

    await ask("discord", "D-FAQ", DISCORD_ORGANISER, "link new-york-marathon-2025");
    expect((await ask("discord", "D-FAQ", DISCORD_ORGANISER, "faq post")).title).toBe("FAQ posted");
    const discordText = JSON.stringify(discord.posted("D-FAQ"));
    for (const q of order) expect(discordText).toContain(q);
    expect(discordText).toContain('"allowed_mentions":{"parse":[]}');
  });

  it("a workspace whose channels use one trip answers from it in its other channels too", async () => {
    await ask("slack", "C-W1-A", SLACK_ORGANISER, "link new-york-marathon-2025", {}, "T-ONE");
    const elsewhere = await ask("slack", "C-W1-B", "U-TRAVELLER", "when", {}, "T-ONE");
    expect(elsewhere.title).toBe("When: New York City Marathon 2025");
    // Another workspace learns nothing from it.
    expect((await ask("slack", "C-W2", "U-TRAVELLER", "when", {}, "T-TWO")).title).toBe(
      "Which trip?",
    );
    // Once the workspace uses two trips, an unlinked channel must be linked.
    await ask("slack", "C-W1-C", PYONGYANG_SLACK, "link pyongyang-marathon-2025", {}, "T-ONE");
    expect((await ask("slack", "C-W1-B", "U-TRAVELLER", "when", {}, "T-ONE")).title).toBe(
      "Which trip?",
    );
    // Once the channel is linked back (by someone who organises both), the workspace uses
    // one trip again.
    await ask("slack", "C-W1-C", ORGANISES_BOTH, "link new-york-marathon-2025", {}, "T-ONE");
    expect((await ask("slack", "C-W1-B", "U-TRAVELLER", "when", {}, "T-ONE")).title).toBe(
      "When: New York City Marathon 2025",
    );
  });
});
