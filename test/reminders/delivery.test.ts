import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { type ChannelPoster, NOTHING_FOUND } from "../../bot/delivery";
import { DiscordChannelPoster } from "../../bot/discord/poster";
import { type FakeDiscordApi, startFakeDiscordApi } from "../../bot/discord/stand-in";
import { loadTrip } from "../../bot/loading/load-trip";
import { type ReminderRunOptions, runReminders } from "../../bot/reminders/run";
import { SlackPoster } from "../../bot/slack/poster";
import { type FakeSlackApi, startFakeSlackApi } from "../../bot/slack/stand-in";
import { memoryStores } from "../../bot/store/memory-stores";
import { type ReminderStore, reminderStoreOf, type Stores } from "../../bot/store/stores";
import { localTable } from "../helpers/local-table";
import { syntheticTrip } from "../helpers/synthetic-trip";

/**
 * Every scenario at two scales, one on each ledger. 1,000 deliveries (20 items with a 1-hour
 * reminder on each of two trips, one followed by 25 Slack channels and the other by 25 Discord
 * channels) run on the in-memory ledger, which passes the same contract suite as DynamoDB's.
 * 120 (4 items, 15 channels each) run on DynamoDB's ledger on a real protocol server (dynalite):
 * more channels per platform than a run posts to at once, as at full scale, so its guarded
 * writes meet the same races and a killed run leaves both platforms' work half-done.
 */
const SCALES = [
  {
    name: "in memory",
    items: 20,
    channels: 25,
    open: async () => ({ stores: memoryStores() as Stores, close: async () => {} }),
  },
  { name: "on DynamoDB (dynalite)", items: 4, channels: 15, open: () => localTable() },
];

const NOW = new Date("2025-04-05T12:00:00Z");

describe.each(SCALES)("$name", ({ items: ITEMS, channels: CHANNELS, open }) => {
  /** Every delivery of a run: each item to each channel on both platforms. */
  const TOTAL = 2 * ITEMS * CHANNELS;
  let env: { stores: Stores; close(): Promise<void> };
  let slack: FakeSlackApi;
  let discord: FakeDiscordApi;
  let reminders: ReminderStore;
  let slackChannels: string[];
  let discordChannels: string[];

  beforeEach(async () => {
    env = await open();
    slack = await startFakeSlackApi();
    discord = await startFakeDiscordApi();
    reminders = reminderStoreOf(env.stores);
    // Items start 30 to 59 minutes after NOW, so every 1-hour reminder is due and still useful.
    const firstStart = new Date(NOW.getTime() + 30 * 60_000);
    // Loaded at NOW, when every item is still ahead.
    for (const id of ["slack-trip", "discord-trip"]) {
      const trip = syntheticTrip({ id, items: ITEMS, firstStart, spacingMinutes: 1 });
      await loadTrip(env.stores, trip, { now: NOW });
    }
    slackChannels = Array.from({ length: CHANNELS }, (_, i) => `C${String(i).padStart(4, "0")}`);
    discordChannels = Array.from({ length: CHANNELS }, (_, i) => `${9000 + i}`);
    for (const c of slackChannels)
      await env.stores.channels.setSubscribed("slack-trip", "slack", c, true, "test");
    for (const c of discordChannels)
      await env.stores.channels.setSubscribed("discord-trip", "discord", c, true, "test");
  });

  afterEach(async () => {
    await Promise.all([env.close(), slack.close(), discord.close()]);
  });

  function options(overrides: Partial<ReminderRunOptions> = {}): ReminderRunOptions {
    return {
      reminders,
      posters: {
        slack: new SlackPoster({ token: "xoxb-test", apiUrl: slack.apiUrl, timeoutMs: 2_000 }),
        discord: new DiscordChannelPoster({
          baseUrl: discord.url,
          token: "bot-test",
          timeoutMs: 2_000,
        }),
      },
      now: NOW,
      budgetMs: 50_000,
      runId: `run-${Math.random()}`,
      ...overrides,
    };
  }

  /** What each channel received, counted at the fake platforms. */
  function deliveredCounts() {
    const slackCounts = slack.postsByChannel();
    return {
      slack: slackChannels.map((c) => slackCounts.get(c) ?? 0),
      discord: discordChannels.map((c) => discord.posted(c).length),
    };
  }

  function injectFaults() {
    for (let i = 0; i < 4; i++) {
      slack.schedule(
        { kind: "rateLimit", retryAfterSeconds: 1, to: "chat.postMessage" },
        { kind: "serverError", to: "chat.postMessage" },
        { kind: "delay", ms: 300, to: "chat.postMessage" },
        { kind: "drop", to: "chat.postMessage" },
        { kind: "serverError", status: 503, to: "chat.postMessage" },
      );
      discord.fault({ kind: "rate-limit", retryAfter: 0.3, via: i % 2 ? "body" : "header" });
      discord.fault({ kind: "server-error" });
      discord.fault({ kind: "delay", ms: 300 });
      discord.fault({ kind: "drop" });
      discord.fault({ kind: "server-error", status: 502 });
    }
  }

  describe("reminders delivered exactly once", () => {
    it(`delivers ${TOTAL} reminders to ${2 * CHANNELS} channels on both platforms once each, through 429s, 5xx, slow answers and dropped connections`, async () => {
      injectFaults();
      const lines: Record<string, unknown>[] = [];
      // Watch the Slack poster's attempts, to see that a 429's Retry-After is waited out.
      const slackPoster = new SlackPoster({
        token: "xoxb-test",
        apiUrl: slack.apiUrl,
        timeoutMs: 2_000,
      });
      const attempts: { channel: string; at: number; retryAfterMs?: number }[] = [];
      const watched: ChannelPoster = {
        platform: "slack",
        async post(channel, reply, opts) {
          const at = performance.now();
          const outcome = await slackPoster.post(channel, reply, opts);
          attempts.push({
            channel,
            at,
            retryAfterMs: outcome.ok ? undefined : outcome.retryAfterMs,
          });
          return outcome;
        },
      };
      const base = options();
      const summary = await runReminders({
        ...base,
        posters: { ...base.posters, slack: watched },
        log: (_level, message, fields) => lines.push({ message, ...fields }),
      });
      // Each injected failure (4 rounds of 429, 500, drop and 503 on each platform) cost one retry.
      expect(summary).toMatchObject({
        due: TOTAL,
        sent: TOTAL,
        missed: 0,
        deferred: 0,
        retried: 32,
      });
      expect(deliveredCounts()).toEqual({
        slack: slackChannels.map(() => ITEMS),
        discord: discordChannels.map(() => ITEMS),
      });
      const limited = attempts.filter((a) => a.retryAfterMs !== undefined);
      expect(limited).toHaveLength(4);
      for (const l of limited) {
        const nextTry = attempts.find((a) => a.channel === l.channel && a.at > l.at);
        expect(nextTry && nextTry.at - l.at).toBeGreaterThanOrEqual(950);
      }
      // One summary line per run.
      expect(lines.filter((l) => l.message === "reminders run")).toEqual([
        expect.objectContaining({ due: TOTAL, sent: TOTAL, retried: summary.retried, missed: 0 }),
      ]);
      // Each channel got its reminders in the order they fall due.
      const first = discord.posted(discordChannels[0] as string) as {
        embeds?: { title?: string }[];
      }[];
      expect(first.map((m) => m.embeds?.[0]?.title)).toEqual(
        Array.from({ length: ITEMS }, (_, i) => `Reminder: Item ${i}`),
      );
      // A later run finds nothing left to do.
      const again = await runReminders(options({ now: new Date(NOW.getTime() + 60_000) }));
      expect(again).toMatchObject({ due: 0, sent: 0 });
      expect(deliveredCounts().slack.every((n) => n === ITEMS)).toBe(true);
    });

    it("delivers nothing twice when two runs start at the same minute", async () => {
      injectFaults();
      const [a, b] = await Promise.all([runReminders(options()), runReminders(options())]);
      expect(a.sent + b.sent).toBe(TOTAL);
      expect(deliveredCounts()).toEqual({
        slack: slackChannels.map(() => ITEMS),
        discord: discordChannels.map(() => ITEMS),
      });
    });

    it("retries a failed post on the next run, which delivers it once", async () => {
      slack.schedule({ kind: "serverError", to: "chat.postMessage" });
      discord.fault({ kind: "drop" });
      const first = await runReminders(options({ maxAttemptsPerRun: 1 }));
      expect(first).toMatchObject({ sent: TOTAL - 2, deferred: 2, missed: 0 });
      const second = await runReminders(options({ now: new Date(NOW.getTime() + 60_000) }));
      expect(second).toMatchObject({ due: 2, sent: 2, missed: 0 });
      expect(deliveredCounts()).toEqual({
        slack: slackChannels.map(() => ITEMS),
        discord: discordChannels.map(() => ITEMS),
      });
    });

    it("records a reminder the platform refuses for good as missed, and one too late as missed", async () => {
      // A refusal of this one message (a gone channel is unsent.test.ts's: its whole queue stops).
      slack.schedule({ kind: "slackError", error: "invalid_blocks", to: "chat.postMessage" });
      const lines: Record<string, unknown>[] = [];
      const summary = await runReminders(
        options({ log: (level, message, fields) => lines.push({ level, message, ...fields }) }),
      );
      expect(summary).toMatchObject({ sent: TOTAL - 1, missed: 1 });
      expect(lines).toContainEqual(
        expect.objectContaining({
          level: "warn",
          message: "reminder missed",
          reason: expect.stringContaining("invalid_blocks"),
        }),
      );
      // An hour later every item has started: a fresh channel's reminders would be too late.
      await env.stores.channels.setSubscribed("slack-trip", "slack", "CLATE", true, "test");
      const late = await runReminders(options({ now: new Date(NOW.getTime() + 60 * 60_000) }));
      expect(late.sent).toBe(0);
      expect(slack.postsByChannel().get("CLATE")).toBeUndefined();
    });
  });

  describe("a run killed half-way", () => {
    /**
     * Starts a run that dies the moment one of its posts to `platform` has landed, after at least
     * `after` posts: that post is in the channel but never recorded, and the run does nothing more,
     * as a Lambda killed at that instant. Resolves once it is dead.
     */
    async function runThatDies(platform: "slack" | "discord", after: number, now: Date) {
      let posts = 0;
      let dead = false;
      const hang = () => new Promise<never>(() => {});
      const base = options({ now });
      const dying = (poster: ChannelPoster): ChannelPoster => ({
        platform: poster.platform,
        async post(channel, reply, opts) {
          if (dead) return hang();
          const outcome = await poster.post(channel, reply, opts);
          if (outcome.ok && ++posts >= after && poster.platform === platform) {
            dead = true;
            return hang();
          }
          return outcome;
        },
        ...(poster.findDelivered
          ? {
              findDelivered: (channel: string, key: string, since: Date) =>
                dead
                  ? hang()
                  : (poster.findDelivered?.(channel, key, since) ?? Promise.resolve(NOTHING_FOUND)),
            }
          : {}),
      });
      const dyingStore = new Proxy(reminders, {
        get(target, name, receiver) {
          const value = Reflect.get(target, name, receiver);
          if (typeof value !== "function") return value;
          return (...args: unknown[]) => (dead ? hang() : value.apply(target, args));
        },
      });
      void runReminders({
        ...base,
        reminders: dyingStore,
        posters: {
          slack: dying(base.posters.slack as ChannelPoster),
          discord: dying(base.posters.discord as ChannelPoster),
        },
      });
      await vi.waitUntil(() => dead, { timeout: 60_000, interval: 20 });
    }

    const total = () => {
      const counts = deliveredCounts();
      return [...counts.slack, ...counts.discord].reduce((a, b) => a + b, 0);
    };

    it("is finished by the next runs, which deliver the rest once, including posts the dead run made but never recorded", {
      timeout: 120_000,
    }, async () => {
      // Dies just after a Slack post lands; the next run dies just after a Discord post lands.
      await runThatDies("slack", TOTAL / 10, NOW);
      const afterFirst = total();
      expect(afterFirst).toBeGreaterThanOrEqual(TOTAL / 10);
      // Claims last 90 s: the next runs, minutes later, take the dead runs' deliveries over.
      await runThatDies("discord", TOTAL / 10, new Date(NOW.getTime() + 2 * 60_000));
      expect(total()).toBeGreaterThan(afterFirst);
      expect(total()).toBeLessThan(TOTAL);

      const last = await runReminders(options({ now: new Date(NOW.getTime() + 4 * 60_000) }));
      expect(last.missed).toBe(0);
      expect(deliveredCounts()).toEqual({
        slack: slackChannels.map(() => ITEMS),
        discord: discordChannels.map(() => ITEMS),
      });
      const nothingLeft = await runReminders(
        options({ now: new Date(NOW.getTime() + 5 * 60_000) }),
      );
      expect(nothingLeft).toMatchObject({ due: 0, sent: 0 });
    });
  });
});
