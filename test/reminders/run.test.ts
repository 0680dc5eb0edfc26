import { describe, expect, it, vi } from "vitest";
import { type ChannelPoster, NOTHING_FOUND, type PostOutcome } from "../../bot/delivery";
import { loadTrip } from "../../bot/loading/load-trip";
import { type ReminderRunOptions, runReminders } from "../../bot/reminders/run";
import { memoryStores } from "../../bot/store/memory-stores";
import { reminderStoreOf, type Stores } from "../../bot/store/stores";
import { syntheticTrip } from "../helpers/synthetic-trip";

// The run's orchestration on the in-memory stores; delivery.test.ts drives the same run
// against DynamoDB and the platforms' fake APIs.

const NOW = new Date("2025-04-05T12:00:00Z");

/** A platform in the test's hands: what it received, and what it answers. */
function platform(name: string, answer: () => PostOutcome = () => ({ ok: true, parts: 1 })) {
  const posts: { channel: string; title?: string }[] = [];
  const poster: ChannelPoster & { posts: typeof posts; delivered: Set<string> } = {
    platform: name,
    posts,
    delivered: new Set(),
    async post(channel, reply, options) {
      const outcome = answer();
      if (outcome.ok) {
        posts.push({ channel, title: reply.title });
        if (options?.deliveryKey) poster.delivered.add(options.deliveryKey);
      }
      return outcome;
    },
    async findDelivered(_channel, key) {
      return poster.delivered.has(key) ? { parts: 1, complete: true } : NOTHING_FOUND;
    },
  };
  return poster;
}

/** Two items starting 30 and 40 minutes after NOW, 1-hour reminders, followed by C1 and D1. */
async function tripWithChannels(): Promise<Stores> {
  const stores = memoryStores();
  const trip = syntheticTrip({
    id: "trip",
    items: 2,
    firstStart: new Date(NOW.getTime() + 30 * 60_000),
  });
  await loadTrip(stores, trip, { now: NOW });
  await stores.channels.setSubscribed("trip", "slack", "C1", true, "test");
  await stores.channels.setSubscribed("trip", "other", "D1", true, "test");
  return stores;
}

const options = (stores: Stores, overrides: Partial<ReminderRunOptions>): ReminderRunOptions => ({
  reminders: reminderStoreOf(stores),
  posters: {},
  now: NOW,
  budgetMs: 50_000,
  runId: `run-${Math.random()}`,
  maxAttemptsPerRun: 1,
  ...overrides,
});

describe("a reminders run on in-memory stores", () => {
  it("posts each due reminder to each channel once, and closes it", async () => {
    const stores = await tripWithChannels();
    const slack = platform("slack");
    const other = platform("other");
    const posters = { slack, other };
    const summary = await runReminders(options(stores, { posters }));
    expect(summary).toEqual({
      due: 4,
      sent: 4,
      retried: 0,
      deferred: 0,
      missed: 0,
      busy: 0,
      superseded: 0,
      channelGone: 0,
      remindersOff: 0,
      waiting: 0,
      uncertain: 0,
      errors: 0,
      alerts: 0,
      notSent: 0,
    });
    expect(slack.posts).toEqual([
      { channel: "C1", title: "Reminder: Item 0" },
      { channel: "C1", title: "Reminder: Item 1" },
    ]);
    expect(other.posts.map((p) => p.channel)).toEqual(["D1", "D1"]);
    expect(await stores.schedule.dueReminders(NOW)).toEqual([]);
    expect(await runReminders(options(stores, { posters }))).toMatchObject({ due: 0, sent: 0 });
  });

  it("keeps a reminder due for the channel whose platform has no credentials, and says why", async () => {
    const stores = await tripWithChannels();
    const slack = platform("slack");
    const lines: Record<string, unknown>[] = [];
    const first = await runReminders(
      options(stores, {
        posters: { slack },
        log: (level, message, fields) => lines.push({ level, message, ...fields }),
      }),
    );
    expect(first).toMatchObject({ due: 4, sent: 2, deferred: 2 });
    expect(lines).toContainEqual(
      expect.objectContaining({
        level: "warn",
        message: "reminder deferred to the next run",
        channelId: "D1",
        reason: "no other credentials configured",
      }),
    );
    expect(await stores.schedule.dueReminders(NOW)).toHaveLength(2);
    const other = platform("other");
    const second = await runReminders(options(stores, { posters: { slack, other } }));
    expect(second).toMatchObject({ due: 2, sent: 2 });
    expect(slack.posts).toHaveLength(2);
    expect(other.posts).toHaveLength(2);
  });

  it("does not post again what a run that died had posted, once its lease runs out", async () => {
    const stores = await tripWithChannels();
    const slack = platform("slack");
    const other = platform("other");
    // The run posts its first reminder to each channel, then dies before recording it.
    const reminders = reminderStoreOf(stores);
    const dying = { ...reminders, finish: () => new Promise<boolean>(() => {}) };
    void runReminders(options(stores, { reminders: dying, posters: { slack, other } }));
    await vi.waitUntil(() => slack.posts.length === 1 && other.posts.length === 1);

    // While its lease lasts, its deliveries are nobody else's.
    const soon = new Date(NOW.getTime() + 10_000);
    const meanwhile = await runReminders(options(stores, { posters: { slack, other }, now: soon }));
    expect(meanwhile).toMatchObject({ busy: 2, sent: 2 });
    // After it, the next run asks the platform, which has them: nothing is posted twice.
    const later = new Date(NOW.getTime() + 2 * 60_000);
    const after = await runReminders(options(stores, { posters: { slack, other }, now: later }));
    expect(after).toMatchObject({ due: 2, sent: 2 });
    expect(slack.posts.map((p) => p.title)).toEqual(["Reminder: Item 0", "Reminder: Item 1"]);
    expect(other.posts).toHaveLength(2);
    expect(await stores.schedule.dueReminders(later)).toEqual([]);
  });

  it("leaves everything to the next run when its time is up before it starts", async () => {
    const stores = await tripWithChannels();
    const slack = platform("slack");
    const other = platform("other");
    const out = await runReminders(options(stores, { posters: { slack, other }, budgetMs: 0 }));
    expect(out).toMatchObject({ due: 4, deferred: 4, sent: 0 });
    expect(slack.posts).toEqual([]);
    const next = await runReminders(options(stores, { posters: { slack, other } }));
    expect(next).toMatchObject({ due: 4, sent: 4 });
  });

  it("records a refusal for good as missed, and posts nothing twice after it", async () => {
    const stores = await tripWithChannels();
    const refused = platform("slack", () => ({
      ok: false,
      parts: 0,
      retryable: false,
      reason: "channel_not_found",
    }));
    const other = platform("other");
    const lines: string[] = [];
    const out = await runReminders(
      options(stores, {
        posters: { slack: refused, other },
        log: (_l, message, fields) => lines.push(`${message}: ${fields.reason}`),
      }),
    );
    expect(out).toMatchObject({ sent: 2, missed: 2 });
    expect(lines.filter((l) => l.startsWith("reminder missed"))).toEqual([
      "reminder missed: refused by slack: channel_not_found",
      "reminder missed: refused by slack: channel_not_found",
    ]);
    expect(await stores.schedule.dueReminders(NOW)).toEqual([]);
  });
});
