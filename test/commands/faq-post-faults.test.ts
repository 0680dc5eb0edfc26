import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { type Bot, createBot } from "../../bot/core";
import { DiscordChannelPoster } from "../../bot/discord/poster";
import { type FakeDiscordApi, startFakeDiscordApi } from "../../bot/discord/stand-in";
import { loadTrip } from "../../bot/loading/load-trip";
import type { Reply } from "../../bot/reply";
import { SlackPoster } from "../../bot/slack/poster";
import { type FakeSlackApi, startFakeSlackApi } from "../../bot/slack/stand-in";
import { memoryStores } from "../../bot/store/memory-stores";
import { TripFileSchema } from "../../bot/trip/schema";
import { DISCORD_ORGANISER, SLACK_ORGANISER } from "../helpers/memory-trips";
import { syntheticTrip } from "../helpers/synthetic-trip";

/**
 * An organiser's `faq post` of a FAQ long enough for several messages on both platforms, while
 * the platform rate-limits, fails, or drops the connection after posting: every question lands
 * in the channel once, in order, and the organiser is told the truth.
 */
const NOW = new Date("2025-04-01T12:00:00Z");
const QUESTIONS = 60;
const question = (i: number) => `Question number ${i}: what about thing ${i}?`;

let slack: FakeSlackApi;
let discord: FakeDiscordApi;
let bot: Bot;

beforeEach(async () => {
  const stores = memoryStores();
  const base = syntheticTrip({
    id: "faq-trip",
    items: 1,
    firstStart: new Date("2025-04-05T09:00:00Z"),
    organisers: { slack: [SLACK_ORGANISER], discord: [DISCORD_ORGANISER] },
  });
  const trip = TripFileSchema.parse({
    ...base,
    faq: Array.from({ length: QUESTIONS }, (_, i) => ({
      id: `q${i}`,
      question: question(i),
      answer: `Answer ${i}. ${"All you need to know, explained at some length. ".repeat(20)}`,
    })),
  });
  await loadTrip(stores, trip, { now: NOW });
  slack = await startFakeSlackApi();
  discord = await startFakeDiscordApi();
  bot = createBot({
    store: stores.facts,
    channels: stores.channels,
    posters: {
      slack: new SlackPoster({ token: "xoxb-test", apiUrl: slack.apiUrl, timeoutMs: 400 }),
      discord: new DiscordChannelPoster({
        baseUrl: discord.url,
        token: "bot-test",
        timeoutMs: 400,
      }),
    },
    clock: () => NOW,
  });
});
afterEach(async () => {
  await Promise.all([slack.close(), discord.close()]);
});

const post = (platform: "slack" | "discord", channel: string): Promise<Reply> =>
  bot.answer({
    command: "faq",
    input: "post",
    user: { id: platform === "slack" ? SLACK_ORGANISER : DISCORD_ORGANISER },
    channel: { id: channel },
    platform,
  });

/** How many times each question reached the channel (blocks, embeds), in the order they arrived. */
function seen(messages: unknown[]) {
  const text = messages.map((m) => JSON.stringify(m)).join("\n");
  const counts = Array.from(
    { length: QUESTIONS },
    (_, i) => text.split(`Question number ${i}:`).length - 1,
  );
  const order = Array.from({ length: QUESTIONS }, (_, i) => text.indexOf(`Question number ${i}:`));
  return { counts, inOrder: order.every((p, i) => i === 0 || p > (order[i - 1] as number)) };
}
const once = Array.from({ length: QUESTIONS }, () => 1);
const slackMessages = (channel: string) =>
  slack
    .posts()
    .filter((p) => p.body.channel === channel)
    // Sections only: a "continued in the next message" note names the next questions too.
    .map((p) => (p.body.blocks as { type: string }[]).filter((b) => b.type === "section"));

describe("faq post on Slack, through faults", () => {
  it("the FAQ needs several messages (the premise of the rest)", async () => {
    expect((await post("slack", "C-PLAIN")).title).toBe("FAQ posted");
    expect(slackMessages("C-PLAIN").length).toBeGreaterThan(2);
    expect(seen(slackMessages("C-PLAIN"))).toEqual({ counts: once, inOrder: true });
  });

  it("a 429 on the second message: waits out Retry-After, then posts the rest once", async () => {
    slack.schedule(
      { kind: "ok", to: "chat.postMessage" },
      { kind: "rateLimit", retryAfterSeconds: 1, to: "chat.postMessage" },
    );
    const started = performance.now();
    const reply = await post("slack", "C-429");
    // A lower bound, not a speed check: the retry came only after the second Slack asked for.
    expect(performance.now() - started).toBeGreaterThanOrEqual(1_000);
    expect(reply.title).toBe("FAQ posted");
    expect(seen(slackMessages("C-429"))).toEqual({ counts: once, inOrder: true });
  });

  it("a Retry-After longer than the command can wait: one call, no hammering, and the organiser is told", async () => {
    slack.schedule({ kind: "rateLimit", retryAfterSeconds: 120, to: "chat.postMessage" });
    const reply = await post("slack", "C-WAIT");
    expect(reply.title).toBe("The FAQ could not be posted");
    expect(JSON.stringify(reply)).toMatch(/rate limited/);
    const calls = slack.calls.filter(
      (c) => c.target === "chat.postMessage" && c.body.channel === "C-WAIT",
    );
    expect(calls).toHaveLength(1);
  });

  it("a 500 on the first message: retried, and the FAQ is posted once", async () => {
    slack.schedule({ kind: "serverError", to: "chat.postMessage" });
    expect((await post("slack", "C-500")).title).toBe("FAQ posted");
    expect(seen(slackMessages("C-500"))).toEqual({ counts: once, inOrder: true });
  });

  it("the connection dropped after Slack posted the second message: nothing twice, nothing lost", async () => {
    slack.schedule(
      { kind: "ok", to: "chat.postMessage" },
      { kind: "dropAfter", to: "chat.postMessage" },
    );
    expect((await post("slack", "C-DROP")).title).toBe("FAQ posted");
    expect(seen(slackMessages("C-DROP"))).toEqual({ counts: once, inOrder: true });
  });

  it("the answer came after the client gave up: nothing twice", async () => {
    slack.schedule({ kind: "delay", ms: 1_000, to: "chat.postMessage" });
    expect((await post("slack", "C-SLOW")).title).toBe("FAQ posted");
    expect(seen(slackMessages("C-SLOW"))).toEqual({ counts: once, inOrder: true });
  });

  it("a channel the bot is not in: a clear failure, nothing posted", async () => {
    slack.schedule({ kind: "slackError", error: "not_in_channel", to: "chat.postMessage" });
    const reply = await post("slack", "C-GONE");
    expect(reply.title).toBe("The FAQ could not be posted");
    expect(JSON.stringify(reply)).toContain("not_in_channel");
    expect(slackMessages("C-GONE")).toEqual([]);
  });
});

const embedsOf = (channel: string) =>
  discord.posted(channel).map((m) => (m as { embeds: unknown }).embeds);

describe("faq post on Discord, through faults", () => {
  const path = (channel: string) => `/v10/channels/${channel}/messages`;

  it("a 429 on the second message: waits out Retry-After, then posts the rest once", async () => {
    discord.fault({ kind: "delay", ms: 0 }, { method: "POST", path: path("D-429") });
    discord.fault({ kind: "rate-limit", retryAfter: 1 }, { method: "POST", path: path("D-429") });
    expect((await post("discord", "D-429")).title).toBe("FAQ posted");
    expect(discord.posted("D-429").length).toBeGreaterThan(2);
    expect(seen(embedsOf("D-429"))).toEqual({ counts: once, inOrder: true });
  });

  it("a 503 on the first message: retried, and the FAQ is posted once", async () => {
    discord.fault({ kind: "server-error", status: 503 }, { method: "POST", path: path("D-503") });
    expect((await post("discord", "D-503")).title).toBe("FAQ posted");
    expect(seen(embedsOf("D-503"))).toEqual({ counts: once, inOrder: true });
  });

  it("the connection dropped after Discord posted the second message: nothing twice, nothing lost", async () => {
    discord.fault({ kind: "delay", ms: 0 }, { method: "POST", path: path("D-DROP") });
    discord.fault({ kind: "drop-after" }, { method: "POST", path: path("D-DROP") });
    expect((await post("discord", "D-DROP")).title).toBe("FAQ posted");
    expect(seen(embedsOf("D-DROP"))).toEqual({ counts: once, inOrder: true });
  });
});

describe("announce, through faults", () => {
  it("Slack drops the connection after posting: the announcement is in the channel once, and the organiser is told it was posted", async () => {
    slack.schedule({ kind: "dropAfter", to: "chat.postMessage" });
    const reply = await bot.answer({
      command: "announce",
      input: "The bus leaves at 06:05 <!channel>",
      user: { id: SLACK_ORGANISER },
      channel: { id: "C-ANN" },
      platform: "slack",
    });
    expect(reply.title).toBe("Announcement posted");
    const posted = slackMessages("C-ANN");
    expect(posted).toHaveLength(1);
    expect(JSON.stringify(posted)).toContain("06:05");
    expect(JSON.stringify(posted)).not.toContain("<!channel>");
  });
});
