import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { blocksBroken } from "../../bot/slack/stand-in";
import { type OutsideFixture, outsideFixture } from "../helpers/outside-trips";

// Both platforms from outside on a small trip in a far zone that crosses the year's end, one
// item a day: Discord's Share in channel under a 429 and a connection dropped after Discord
// posted; Slack's answers within Block Kit's limits, with emoji and long text.

const TRIP = `
id: auckland-new-year
name: "Auckland New Year 🎆 ${"Ōtautahi ".repeat(20)}"
timeZone: Pacific/Auckland
event: { name: "Sky Tower fireworks 🎇", start: 2026-12-31 23:50, startPlace: { name: Sky Tower } }
itinerary:
  - { id: arrive, start: 2026-12-30 15:00, title: "Arrival 🛬 ${"kia ora ".repeat(60)}" }
  - { id: fireworks, start: 2026-12-31 23:50, title: Fireworks }
  - { id: brunch, start: 2027-01-01 11:00, title: "New Year brunch 🥞", notes: "${"Pancakes and coffee. ".repeat(200)}" }
faq:
  - { id: wifi, question: "Is there wifi? 📶", answer: "${"Yes, in the hotel lobby. ".repeat(150)}" }
`;

describe("from outside: shares under faults, answers within limits", () => {
  let fx: OutsideFixture;
  beforeAll(async () => {
    fx = await outsideFixture([TRIP], new Date("2026-12-29T00:00:00Z"));
  });
  afterAll(() => fx.close());

  const shareId = async () => {
    const { body } = await fx.discord("when");
    const rows = (body.data?.components ?? []) as { components: { custom_id?: string }[] }[];
    const id = rows.flatMap((r) => r.components).find((c) => c.custom_id?.startsWith("share:"));
    expect(id?.custom_id).toBeDefined();
    return id?.custom_id ?? "";
  };

  it("Discord: a 429 on the shared post is waited out and the answer is in the channel once", async () => {
    const id = await shareId();
    const before = fx.discordApi.posted("channel-1").length;
    fx.discordApi.fault({ kind: "rate-limit", retryAfter: 0.2 }, { method: "POST" });
    expect(await fx.discordClick(id)).toBe(200);
    expect(fx.discordApi.posted("channel-1").length - before).toBe(1);
  });

  it("Discord: a connection dropped after Discord posted never makes a second copy", async () => {
    const id = await shareId();
    const before = fx.discordApi.posted("channel-1").length;
    fx.discordApi.fault({ kind: "drop-after" }, { method: "POST" });
    expect(await fx.discordClick(id)).toBe(200);
    expect(await fx.discordClick(id)).toBe(200);
    expect(fx.discordApi.posted("channel-1").length - before).toBe(1);
  });

  it("Slack: every answer within Block Kit's limits, no half emoji", async () => {
    for (const text of [
      "when",
      "where",
      "itinerary",
      "itinerary 2027-01-01",
      "itinerary tomorrow",
      "next",
      "facts",
      "faq",
      "faq wifi",
      "is there wifi",
      "help",
    ]) {
      const { statusCode, body } = await fx.slack(text);
      expect(statusCode, text).toBe(200);
      expect(blocksBroken(body as never), text).toBeUndefined();
      expect(JSON.stringify(body)).not.toMatch(/\\ud[89ab][0-9a-f]{2}(?!\\ud[c-f])/i);
    }
  });
});
