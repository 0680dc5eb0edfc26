import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { Bot } from "../../bot/core";
import { runDeferredJob } from "../../bot/discord/deferred";
import { DiscordChannelPoster } from "../../bot/discord/poster";
import type { DiscordMessage } from "../../bot/discord/render";
import {
  type FakeDiscordApi,
  type RecordedCall,
  startFakeDiscordApi,
} from "../../bot/discord/stand-in";

// A long answer's follow-ups, sent once the interaction's response has left, when Discord's
// interaction webhook answers 429, 5xx, or drops the connection after it created the message.
// The reader must end up with every part, each once.

const PARTS = 4;
const messages: DiscordMessage[] = Array.from({ length: PARTS }, (_, i) => ({
  content: `part ${i + 1} of ${PARTS}`,
  embeds: [],
  components: [],
  allowed_mentions: { parse: [] },
}));

/** What Discord holds: created messages and @original edits, in order, faulted calls apart. */
function delivered(calls: RecordedCall[]): string[] {
  return (
    calls
      // A late answer or a dropped one still follows the work: the message exists.
      .filter(
        (c) =>
          (c.status !== undefined && c.status < 300) ||
          c.fault === "drop-after" ||
          c.fault === "delay",
      )
      .map((c) => (c.body as { content: string }).content)
  );
}

describe("Discord follow-ups under faults on the interaction webhook", () => {
  let api: FakeDiscordApi;
  beforeAll(async () => {
    api = await startFakeDiscordApi();
  });
  beforeEach(() => api.reset());
  afterAll(() => api.close());

  const run = (token: string) => {
    const rest = { baseUrl: api.url, token: "test-token", timeoutMs: 300 };
    return runDeferredJob(
      { type: "follow-ups", applicationId: "app-1", token, messages },
      {
        bot: {} as Bot,
        poster: new DiscordChannelPoster(rest),
        rest,
        attachments: { maxBytes: 1, timeoutMs: 1 },
      },
    );
  };
  const all = messages.map((m) => m.content);
  const followUp = { method: "POST" as const, path: /\/webhooks\/app-1\/[^/]+$/ };

  it("429 with Retry-After: waits, then every part arrives once, in order", async () => {
    api.fault({ kind: "rate-limit", retryAfter: 0.05 }, followUp);
    await run("tok-429");
    expect(delivered(api.webhookCalls("tok-429"))).toEqual(all);
  });

  it("a 503 before the work: the part is sent again and arrives once", async () => {
    api.fault({ kind: "server-error", status: 503 }, followUp);
    await run("tok-503");
    expect(delivered(api.webhookCalls("tok-503"))).toEqual(all);
  });

  it("a connection dropped after Discord created a part: that part is not sent twice, the later ones still arrive, and the job reports it", async () => {
    api.fault({ kind: "drop-after" }, followUp);
    await expect(run("tok-drop")).rejects.toThrow(/follow-up 1 of 3/);
    expect(delivered(api.webhookCalls("tok-drop"))).toEqual(all);
  });

  it("a connection dropped before Discord did anything: the later parts still arrive", async () => {
    api.fault({ kind: "drop" }, followUp);
    await expect(run("tok-lost")).rejects.toThrow(/follow-up 1 of 3/);
    expect(delivered(api.webhookCalls("tok-lost"))).toEqual(all.filter((_, i) => i !== 1));
  });

  it("an answer that comes after the timeout (Discord created the part): not sent twice, the rest arrive", async () => {
    api.fault({ kind: "delay", ms: 600 }, followUp);
    await expect(run("tok-slow")).rejects.toThrow(/follow-up 1 of 3/);
    expect(delivered(api.webhookCalls("tok-slow")).sort()).toEqual([...all].sort());
    expect(api.webhookCalls("tok-slow")).toHaveLength(PARTS);
  });
});
