import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { CommandRequest } from "../../bot/commands/context";
import type { Bot } from "../../bot/core";
import { COULD_NOT_ANSWER, runDeferredJob } from "../../bot/discord/deferred";
import { DiscordChannelPoster } from "../../bot/discord/poster";
import { type FakeDiscordApi, startFakeDiscordApi } from "../../bot/discord/stand-in";

const request: CommandRequest = {
  command: "faq",
  input: "post",
  user: { id: "42" },
  channel: { id: "channel-1" },
  platform: "discord",
};

/** A bot whose every answer fails, as one does when its table cannot be reached. */
const failing = new Proxy({} as Bot, {
  get: () => () => Promise.reject(new Error("table unreachable")),
});

describe("Discord: a deferred job whose answer fails", () => {
  let api: FakeDiscordApi;
  beforeAll(async () => {
    api = await startFakeDiscordApi();
  });
  beforeEach(() => api.reset());
  afterAll(() => api.close());

  const run = (type: "command" | "share" | "press") => {
    const rest = { baseUrl: api.url, token: "test-token" };
    const base = { applicationId: "app-1", token: `tok-${type}`, request };
    const job =
      type === "press"
        ? { ...base, type, button: { action: "confirm" as const, value: "p1" } }
        : { ...base, type };
    return runDeferredJob(job, {
      bot: failing,
      poster: new DiscordChannelPoster(rest),
      rest,
      attachments: { maxBytes: 1, timeoutMs: 1 },
    });
  };

  for (const type of ["command", "share", "press"] as const) {
    it(`${type}: replaces "thinking…" with a short apology, posts nothing, and still fails`, async () => {
      await expect(run(type)).rejects.toThrow("table unreachable");
      const [edit, ...more] = api.webhookCalls(`tok-${type}`);
      expect(edit?.method).toBe("PATCH");
      expect(edit?.path).toMatch(/\/messages\/@original$/);
      const body = edit?.body as { content?: string; flags?: number } | undefined;
      expect(body?.content).toBe(COULD_NOT_ANSWER);
      expect(body?.flags).toBe(64);
      expect(more).toEqual([]);
      expect(api.posted("channel-1")).toEqual([]);
    });
  }
});
