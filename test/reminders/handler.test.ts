import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { type FakeDiscordApi, startFakeDiscordApi } from "../../bot/discord/stand-in";
import { loadTrip } from "../../bot/loading/load-trip";
import { type FakeSlackApi, startFakeSlackApi } from "../../bot/slack/stand-in";
import type { LocalEnvironment } from "../../dev/environment";
import { localTable } from "../helpers/local-table";
import { syntheticTrip } from "../helpers/synthetic-trip";

const NOW = "2025-04-05T12:00:00Z";

let env: LocalEnvironment;
let slack: FakeSlackApi;
let discord: FakeDiscordApi;

beforeAll(async () => {
  env = await localTable();
  slack = await startFakeSlackApi();
  discord = await startFakeDiscordApi();
  await loadTrip(
    env.stores,
    syntheticTrip({ id: "handler-trip", items: 3, firstStart: new Date("2025-04-05T12:30:00Z") }),
    { now: new Date(NOW) },
  );
  const { channels } = env.stores;
  await channels.setSubscribed("handler-trip", "slack", "C1", true, "test");
  await channels.setSubscribed("handler-trip", "discord", "D1", true, "test");
  vi.stubEnv("TABLE_NAME", env.tableName);
  vi.stubEnv("DYNAMODB_ENDPOINT", env.endpoint);
  vi.stubEnv("SLACK_BOT_TOKEN", "xoxb-test");
  vi.stubEnv("SLACK_API_URL", slack.apiUrl);
  vi.stubEnv("DISCORD_BOT_TOKEN", "bot-test");
  vi.stubEnv("DISCORD_API_URL", discord.url);
  vi.stubEnv("POWERTOOLS_LOG_LEVEL", "ERROR");
});
afterAll(async () => {
  vi.unstubAllEnvs();
  await Promise.all([env.close(), slack.close(), discord.close()]);
});

/** An EventBridge scheduled event, as the rule sends it every minute. */
const scheduledEvent = (time: string) => ({
  version: "0",
  id: `event-${time}`,
  "detail-type": "Scheduled Event",
  source: "aws.events",
  account: "123456789012",
  time,
  region: "eu-west-1",
  resources: ["arn:aws:events:eu-west-1:123456789012:rule/reminders"],
  detail: {},
});

describe("handlers/reminders.ts", () => {
  it("posts what fell due by the event's time to Slack and Discord, once, across retried events", async () => {
    const { handler } = await import("../../handlers/reminders");
    const first = await handler(scheduledEvent(NOW), {
      awsRequestId: "req-1",
      getRemainingTimeInMillis: () => 60_000,
    });
    expect(first).toMatchObject({ due: 6, sent: 6, missed: 0 });
    expect(slack.postsByChannel().get("C1")).toBe(3);
    expect(discord.posted("D1")).toHaveLength(3);
    const text = JSON.stringify(slack.posts()[0]?.body);
    expect(text).toContain("Reminder: Item 0");
    // EventBridge may deliver the same event twice: nothing is posted again.
    const retried = await handler(scheduledEvent(NOW), { awsRequestId: "req-2" });
    expect(retried).toMatchObject({ due: 0, sent: 0 });
    expect(slack.postsByChannel().get("C1")).toBe(3);
  });

  it("sends only the latest of an item's reminders that fall due together (a trip loaded late)", async () => {
    const later = "2025-04-05T13:00:00Z";
    await loadTrip(
      env.stores,
      syntheticTrip({
        id: "late-trip",
        items: 1,
        firstStart: new Date("2025-04-05T13:20:00Z"),
        leads: ["1d", "1h"],
      }),
      { now: new Date(later) },
    );
    await env.stores.channels.setSubscribed("late-trip", "slack", "C2", true, "test");
    const { handler } = await import("../../handlers/reminders");
    const summary = await handler(scheduledEvent(later), { awsRequestId: "req-3" });
    expect(summary).toMatchObject({ sent: 1, superseded: 1 });
    const posts = slack.posts().filter((p) => p.body.channel === "C2");
    expect(posts).toHaveLength(1);
    // Posted 20 minutes before the start, it says so, never its lead time ("1 hour before").
    expect(JSON.stringify(posts[0]?.body)).not.toContain("1 hour before");
    expect(JSON.stringify(posts[0]?.body)).toContain("starts in 20 minutes");
  });
});
