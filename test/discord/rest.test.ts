import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { DiscordChannelPoster } from "../../bot/discord/poster";
import { registerCommands } from "../../bot/discord/register";
import { type FakeDiscordApi, startFakeDiscordApi } from "../../bot/discord/stand-in";
import type { Reply } from "../../bot/reply";

const reply = (days: number): Reply => ({
  title: "Itinerary",
  visibility: "public",
  buttons: [{ action: "share", label: "Share in channel" }],
  blocks: Array.from({ length: days }, (_, d) => [
    { type: "heading" as const, text: `Day ${d + 1}` },
    {
      type: "paragraph" as const,
      spans: [{ type: "text" as const, text: `@everyone ${"a long day of sights. ".repeat(200)}` }],
    },
  ]).flat(),
});

describe("Discord channel poster against a fake Discord REST API", () => {
  let api: FakeDiscordApi;
  let poster: DiscordChannelPoster;
  /** Gives up after 300 ms, for the timeout case; the others allow for a busy test machine. */
  let impatient: DiscordChannelPoster;
  beforeAll(async () => {
    api = await startFakeDiscordApi();
    poster = new DiscordChannelPoster({ baseUrl: api.url, token: "bot-token", timeoutMs: 5_000 });
    impatient = new DiscordChannelPoster({ baseUrl: api.url, token: "bot-token", timeoutMs: 300 });
  });
  beforeEach(() => api.reset());
  afterAll(() => api.close());

  it("posts every part in order with the bot token and mentions off", async () => {
    const outcome = await poster.post("c1", reply(4));
    const posted = api.posted("c1") as { allowed_mentions: unknown; flags?: number }[];
    expect(outcome).toEqual({ ok: true, parts: posted.length });
    expect(posted.length).toBeGreaterThan(1);
    for (const message of posted) {
      expect(message.allowed_mentions).toEqual({ parse: [] });
      expect(message.flags).toBeUndefined();
    }
    expect(api.calls[0]?.headers.authorization).toBe("Bot bot-token");
  });

  it("sends one nonce per part, the same on every attempt, so Discord refuses duplicates", async () => {
    const key = "reminder-1234567890abcdef";
    // The first part is created, but the answer is lost on the way back.
    api.fault({ kind: "drop-after" }, { path: /messages$/ });
    const lost = await poster.post("c1", reply(4), { deliveryKey: key });
    expect(lost).toMatchObject({ ok: false, retryable: true, parts: 0 });
    const retry = await poster.post("c1", reply(4), { deliveryKey: key });
    expect(retry.ok).toBe(true);
    expect(api.posted("c1")).toHaveLength(retry.parts);
    expect(api.calls.filter((c) => c.duplicate)).toHaveLength(1);
    const sent = api.calls.map((c) => c.body as { nonce: string; enforce_nonce: boolean });
    expect(sent[0]?.nonce).toBe(key);
    expect(sent[1]?.nonce).toBe(key);
    expect(sent.every((b) => b.enforce_nonce && b.nonce.length <= 25)).toBe(true);
    const retried = sent.slice(1).map((b) => b.nonce);
    expect(new Set(retried).size).toBe(retried.length);
  });

  it("reports a 429 as retryable with the wait from Retry-After or retry_after", async () => {
    api.fault({ kind: "rate-limit", retryAfter: 2.5, via: "header" });
    expect(await poster.post("c1", reply(1))).toMatchObject({
      ok: false,
      parts: 0,
      retryable: true,
      retryAfterMs: 2500,
    });
    api.fault({ kind: "rate-limit", retryAfter: 0.25, via: "body" });
    expect(await poster.post("c1", reply(1))).toMatchObject({ retryable: true, retryAfterMs: 250 });
  });

  it("reports 5xx, timeouts and dropped connections as retryable; other 4xx not", async () => {
    api.fault({ kind: "server-error", status: 502 });
    expect(await poster.post("c1", reply(1))).toMatchObject({ ok: false, retryable: true });
    api.fault({ kind: "delay", ms: 1000 });
    expect(await impatient.post("c1", reply(1))).toMatchObject({ ok: false, retryable: true });
    api.fault({ kind: "drop" });
    expect(await poster.post("c1", reply(1))).toMatchObject({ ok: false, retryable: true });
    // An unknown route answers 404, as Discord does for a channel the bot cannot see.
    const lost = new DiscordChannelPoster({ baseUrl: `${api.url}/missing`, token: "x" });
    const missing = await lost.post("c1", reply(1));
    expect(missing).toMatchObject({ ok: false, retryable: false });
  });

  it("resumes after the parts already delivered, never posting one twice", async () => {
    const long = reply(4);
    const total = (await poster.post("c0", long)).parts;
    api.reset();
    api.fault({ kind: "server-error" }, { method: "POST" });
    // The first attempt fails on part 1; the next POSTs pass.
    const first = await poster.post("c1", long);
    expect(first).toMatchObject({ ok: false, parts: 0 });
    api.reset();
    api.fault({ kind: "rate-limit", retryAfter: 1 }, { path: /messages$/ });
    const partial = await poster.post("c1", long, { skipParts: 1 });
    expect(partial).toMatchObject({ ok: false, parts: 1, retryAfterMs: 1000 });
    const rest = await poster.post("c1", long, { skipParts: partial.parts });
    expect(rest).toEqual({ ok: true, parts: total });
    expect(api.posted("c1").length).toBe(total - 1);
  });
});

describe("npm run discord:register against a fake Discord REST API", () => {
  let api: FakeDiscordApi;
  beforeAll(async () => {
    api = await startFakeDiscordApi();
  });
  afterAll(() => api.close());

  for (const guildId of [undefined, "guild-7"]) {
    it(`registers /marathon once, then changes nothing (${guildId ?? "global"})`, async () => {
      api.reset();
      const options = {
        apiUrl: api.url,
        token: "t",
        applicationId: "app-1",
        ...(guildId ? { guildId } : {}),
      };
      const first = await registerCommands(options);
      expect(first).toEqual({ changed: true, names: ["marathon"] });
      const registered = api.commands("app-1", guildId) as {
        name: string;
        options: { name: string; options?: { name: string; autocomplete?: boolean }[] }[];
      }[];
      expect(registered.map((c) => c.name)).toEqual(["marathon"]);
      const subs = registered[0]?.options ?? [];
      expect(subs.map((s) => s.name)).toEqual(
        expect.arrayContaining(["when", "itinerary", "rules", "faq", "help"]),
      );
      const optionOf = (name: string) => subs.find((s) => s.name === name)?.options?.[0];
      expect(optionOf("itinerary")).toMatchObject({ name: "day", autocomplete: true });
      expect(optionOf("rules")).toMatchObject({ name: "topic", autocomplete: true });
      expect(optionOf("faq")).toMatchObject({ name: "question", autocomplete: true });

      const writes = () => api.calls.filter((c) => c.method !== "GET").length;
      expect(writes()).toBe(1);
      expect(await registerCommands(options)).toEqual({ changed: false });
      expect(writes()).toBe(1);
    });
  }
});
