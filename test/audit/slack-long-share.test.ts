import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { stringify } from "yaml";
import { blocksBroken } from "../../bot/slack/stand-in";
import { type OutsideFixture, outsideFixture } from "../helpers/outside-trips";

// Sharing a long answer on Slack: 120 items over 30 days, the whole itinerary shared into the
// channel, with Slack rate-limiting the second part.

const day = (d: number) => new Date(Date.UTC(2027, 6, 1 + d)).toISOString().slice(0, 10);
const TRIP = stringify({
  id: "tour-de-france",
  name: "Tour de France 2027 🚴",
  timeZone: "Europe/Paris",
  event: { name: "Stage 21", start: `${day(28)} 16:00`, startPlace: { name: "Champs-Élysées" } },
  itinerary: Array.from({ length: 120 }, (_, i) => ({
    id: `stage-${i}`,
    start: `${day(Math.floor(i / 4))} ${String(8 + 3 * (i % 4)).padStart(2, "0")}:00`,
    title: `Étape ${i} — ${"col et vallée ".repeat(8)}`,
    notes: "Départ du village, ravitaillement au km 80. ".repeat(6),
  })),
});

describe("Slack: sharing the whole itinerary of a long trip", () => {
  let fx: OutsideFixture;
  beforeAll(async () => {
    fx = await outsideFixture([TRIP], new Date("2027-06-25T08:00:00Z"));
  });
  afterAll(() => fx.close());

  it("posts every part once, within Block Kit's limits, waiting out a 429 on the second", async () => {
    const { body } = await fx.slack("itinerary");
    const buttons = body.blocks.flatMap(
      (b) => (b.elements ?? []) as { action_id?: string; value?: string }[],
    );
    const share = buttons.find((e) => e.action_id === "share")?.value;
    expect(share).toBeDefined();
    const before = fx.slackApi.posts().length;
    fx.slackApi.schedule(
      { kind: "ok", to: "chat.postMessage" },
      { kind: "rateLimit", retryAfterSeconds: 0.2, to: "chat.postMessage" },
    );
    expect(await fx.slackShare(share ?? "")).toBe(200);
    const posts = fx.slackApi.posts().slice(before);
    expect(posts.length).toBeGreaterThan(1);
    const outcomes = fx.slackApi.calls.filter((c) => c.target === "chat.postMessage");
    expect(outcomes.map((c) => c.outcome)).toContain("rateLimit");
    const texts = posts.map((p) => JSON.stringify(p.body.blocks));
    expect(new Set(texts).size).toBe(texts.length);
    for (const p of posts) expect(blocksBroken(p.body)).toBeUndefined();
    const shown = texts.join("\n");
    for (const i of [0, 59, 119]) expect(shown).toContain(`Étape ${i} —`);
  });
});
