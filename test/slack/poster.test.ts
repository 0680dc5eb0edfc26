import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { NOTHING_FOUND } from "../../bot/delivery";
import { paragraph, type Reply } from "../../bot/reply";
import { SlackPoster } from "../../bot/slack/poster";
import { type FakeSlackApi, startFakeSlackApi } from "../../bot/slack/stand-in";

const reply: Reply = {
  title: "Reminder: bus to the stadium",
  blocks: [paragraph("The bus leaves from the hotel lobby.")],
  buttons: [],
  visibility: "public",
};

/** Enough days that the reply needs more than one Slack message. */
const longReply: Reply = {
  title: "Long itinerary",
  blocks: Array.from({ length: 60 }, (_, d) => [
    { type: "heading" as const, text: `Day ${d + 1}` },
    paragraph(`Breakfast, a run and dinner on day ${d + 1}.`),
  ]).flat(),
  buttons: [],
  visibility: "public",
};

describe("SlackPoster (chat.postMessage)", () => {
  let slack: FakeSlackApi;
  let poster: SlackPoster;
  /** Gives up after 300 ms, for the timeout case; the others allow for a busy test machine. */
  let impatient: SlackPoster;
  beforeAll(async () => {
    slack = await startFakeSlackApi();
    poster = new SlackPoster({ token: "xoxb-test", apiUrl: slack.apiUrl, timeoutMs: 5_000 });
    impatient = new SlackPoster({ token: "xoxb-test", apiUrl: slack.apiUrl, timeoutMs: 300 });
  });
  afterAll(() => slack.close());

  it("posts a reply with the bot token, without pinging or unfurling", async () => {
    expect(await poster.post("C1", reply)).toEqual({ ok: true, parts: 1 });
    const call = slack.posts().at(-1);
    expect(call?.headers.authorization).toBe("Bearer xoxb-test");
    expect(call?.body).toMatchObject({ channel: "C1", link_names: false, unfurl_links: false });
  });

  it("reports 429 as retryable, with Slack's Retry-After", async () => {
    slack.schedule({ kind: "rateLimit", retryAfterSeconds: 7 });
    const outcome = await poster.post("C2", reply);
    expect(outcome).toMatchObject({ ok: false, parts: 0, retryable: true, retryAfterMs: 7000 });
  });

  it("reports 5xx, timeouts and dropped connections as retryable", async () => {
    slack.schedule(
      { kind: "serverError", status: 503 },
      { kind: "delay", ms: 1500 },
      { kind: "drop" },
    );
    for (let i = 0; i < 3; i++) {
      expect(await impatient.post("C3", reply)).toMatchObject({
        ok: false,
        retryable: true,
        parts: 0,
      });
    }
  });

  it("reports Slack's permanent errors as not retryable", async () => {
    slack.schedule({ kind: "slackError", error: "channel_not_found" });
    const outcome = await poster.post("C404", reply);
    expect(outcome).toMatchObject({ ok: false, retryable: false });
    if (!outcome.ok) expect(outcome.reason).toContain("channel_not_found");
  });

  it("splits a long reply, and resumes after the parts already delivered", async () => {
    slack.schedule({ kind: "ok" }, { kind: "rateLimit", retryAfterSeconds: 1 });
    const first = await poster.post("C5", longReply);
    expect(first).toMatchObject({ ok: false, parts: 1, retryable: true });
    const second = await poster.post("C5", longReply, { skipParts: first.parts });
    expect(second.ok).toBe(true);
    const delivered = slack.postsByChannel().get("C5") ?? 0;
    expect(delivered).toBe(second.parts);
    expect(delivered).toBeGreaterThan(1);
    const headings = slack
      .posts()
      .filter((p) => p.body.channel === "C5")
      .map((p) => JSON.stringify(p.body.blocks));
    for (let d = 1; d <= 60; d++) {
      expect(headings.filter((h) => h.includes(`*Day ${d}*`))).toHaveLength(1);
    }
  });

  it("tells whether a whole delivery is already in the channel", async () => {
    const since = new Date(Date.now() - 60_000);
    expect(await poster.post("C6", longReply, { deliveryKey: "whole" })).toMatchObject({
      ok: true,
    });
    slack.schedule(
      { kind: "ok", to: "chat.postMessage" },
      { kind: "serverError", to: "chat.postMessage" },
    );
    expect(await poster.post("C6", longReply, { deliveryKey: "half" })).toMatchObject({
      ok: false,
      parts: 1,
    });
    const parts = (await poster.post("C8", longReply)).parts;
    expect(await poster.findDelivered("C6", "whole", since)).toEqual({ parts, complete: true });
    // Half a delivery is not the whole of it, and says how far it got.
    expect(await poster.findDelivered("C6", "half", since)).toEqual({ parts: 1, complete: false });
    expect(await poster.findDelivered("C6", "never", since)).toEqual(NOTHING_FOUND);
    expect(await poster.findDelivered("C7", "whole", since)).toEqual(NOTHING_FOUND);
  });

  it("throws rather than guess when Slack cannot list the channel", async () => {
    slack.schedule({ kind: "slackError", error: "missing_scope", to: "conversations.history" });
    await expect(poster.findDelivered("C6", "whole", new Date(0))).rejects.toThrow(/missing_scope/);
  });
});
