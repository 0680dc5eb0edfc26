import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { EPHEMERAL } from "../../bot/discord/render";
import { type FakeDiscordApi, startFakeDiscordApi } from "../../bot/discord/stand-in";
import { PYONGYANG } from "../helpers/local-table";
import { buttonClick, type DiscordFixture, discordFixture, slash } from "./helpers";
import { writeLongTrip } from "./long-trip";

type Posted = {
  embeds: { title?: string; description?: string }[];
  allowed_mentions: unknown;
  flags?: number;
  components: unknown[];
};

describe("Discord: Share in channel", () => {
  let api: FakeDiscordApi;
  let f: DiscordFixture;
  beforeAll(async () => {
    api = await startFakeDiscordApi();
    f = await discordFixture(PYONGYANG, { DISCORD_API_URL: api.url });
  });
  beforeEach(() => api.reset());
  afterAll(async () => {
    await f.close();
    await api.close();
  });

  it("posts the same answer publicly in the channel and marks the private one shared", async () => {
    const asked = await f.call(slash("when"));
    const button = asked.json.data?.components?.[0]?.components[0];
    expect(button?.custom_id).toBeTruthy();

    const clicked = await f.call(buttonClick(button?.custom_id ?? ""));
    expect(clicked.json.type).toBe(7);
    expect(clicked.json.data?.components).toEqual([]);

    const posted = api.posted("channel-1") as Posted[];
    expect(posted).toHaveLength(1);
    const [message] = posted;
    expect(message?.flags).toBeUndefined();
    expect(message?.allowed_mentions).toEqual({ parse: [] });
    expect(message?.components).toEqual([]);
    expect(message?.embeds[0]?.title).toBe(asked.json.data?.embeds?.[0]?.title);
    expect(message?.embeds[0]?.description).toBe(asked.json.data?.embeds?.[0]?.description);
    expect(JSON.stringify(message?.embeds)).toContain("Shared by Runner Ri");
    expect(api.calls[0]?.headers.authorization).toBe("Bot test-token");
  });

  it("shares an itinerary day", async () => {
    const day = f.trip.days[1] ?? f.trip.days[0];
    const asked = await f.call(slash("itinerary", { name: "day", value: String(day?.number) }));
    const id = asked.json.data?.components?.[0]?.components[0]?.custom_id ?? "";
    await f.call(buttonClick(id));
    const [message] = api.posted("channel-1") as Posted[];
    expect(message?.embeds[0]?.title).toBe(asked.json.data?.embeds?.[0]?.title);
  });

  it("tells the person privately when the channel post fails, and posts nothing", async () => {
    // A 5xx is retried inside Discord's 3 seconds: this one lasts for every attempt.
    for (let i = 0; i < 3; i++) api.fault({ kind: "server-error", status: 503 });
    const clicked = await f.call(buttonClick("share:when:"));
    expect(clicked.json.type).toBe(4);
    expect(clicked.json.data?.flags).toBe(EPHEMERAL);
    expect(clicked.json.data?.content).toMatch(/Could not share/);
    expect(api.posted("channel-1")).toHaveLength(0);
  });

  it("says Discord did not answer when the connection drops, not how the socket failed", async () => {
    for (let i = 0; i < 3; i++) api.fault({ kind: "drop" });
    const clicked = await f.call(buttonClick("share:when:"));
    const content = clicked.json.data?.content ?? "";
    expect(content).toMatch(/Could not share this in the channel \(Discord did not answer\)/);
    expect(content).not.toMatch(/connection|socket|127\.0\.0\.1|ECONN/i);
  });
});

describe("Discord: sharing an answer too long for one message", () => {
  let api: FakeDiscordApi;
  let f: DiscordFixture;
  beforeAll(async () => {
    api = await startFakeDiscordApi();
    f = await discordFixture(await writeLongTrip(), { DISCORD_API_URL: api.url });
  });
  afterAll(async () => {
    await f.close();
    await api.close();
  });

  it("defers, posts every part once despite a rate limit, then marks the answer shared", async () => {
    api.fault({ kind: "rate-limit", retryAfter: 0.05 }, { path: /\/channels\// });
    api.fault({ kind: "drop" }, { path: /\/channels\// });
    const clicked = await f.call(buttonClick("share:itinerary:"));
    expect(clicked.json.type).toBe(6);
    await f.idle();
    const posted = api.posted("channel-1") as Posted[];
    expect(posted.length).toBeGreaterThan(1);
    expect(new Set(posted.map((p) => JSON.stringify(p))).size).toBe(posted.length);
    for (const message of posted) expect(message.allowed_mentions).toEqual({ parse: [] });
    const titles = posted.flatMap((m) => m.embeds.map((e) => e.title ?? ""));
    for (const day of f.trip.days.slice(1)) {
      expect(titles.filter((t) => t.startsWith(`Day ${day.number} `))).toHaveLength(1);
    }
    const edits = api.webhookCalls().filter((c) => c.method === "PATCH");
    expect(edits).toHaveLength(1);
    expect(edits[0]?.body).toMatchObject({ content: "Shared in the channel.", components: [] });
  });
});
