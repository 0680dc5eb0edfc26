import type { APIEmbed } from "discord-api-types/v10";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { faqPostReply } from "../../bot/commands/faq";
import type { Mention } from "../../bot/delivery";
import { DISCORD_LIMITS as DL } from "../../bot/discord/limits";
import { DiscordChannelPoster } from "../../bot/discord/poster";
import { embedLength } from "../../bot/discord/render";
import { type FakeDiscordApi, startFakeDiscordApi } from "../../bot/discord/stand-in";
import { paragraph, type Reply } from "../../bot/reply";
import { SLACK_LIMITS as SL } from "../../bot/slack/limits";
import { SlackPoster } from "../../bot/slack/poster";
import { type FakeSlackApi, startFakeSlackApi } from "../../bot/slack/stand-in";
import { resolveTrip } from "../../bot/trip/model";
import { TripFileSchema } from "../../bot/trip/schema";
import { syntheticTrip } from "../helpers/synthetic-trip";

/**
 * What the posters really send (delivery tags and the organiser's ping included), checked
 * against the platforms' documented limits, for replies sized to land right at those limits.
 */
let slack: FakeSlackApi;
let discord: FakeDiscordApi;
beforeAll(async () => {
  slack = await startFakeSlackApi();
  discord = await startFakeDiscordApi();
});
afterAll(async () => {
  await Promise.all([slack.close(), discord.close()]);
});

const KEY = "k".repeat(25);
const TRAPS = "@everyone @here <!channel> <!here> <@U123> <@123456> <@&987> <#C1>";

/** One paragraph of `units` characters, made of words, with mention-like text in it. */
const words = (units: number) => `${TRAPS} ${"ü word ".repeat(units)}`.slice(0, units);

function replyOf(sizes: number[]): Reply {
  return {
    title: `Reminder: ${TRAPS}`,
    blocks: sizes.map((n) => paragraph(words(n))),
    buttons: [],
    visibility: "public",
  };
}

function expectDiscordWithin(body: Record<string, unknown>, mention: Mention | undefined) {
  const embeds = (body.embeds ?? []) as APIEmbed[];
  const where = JSON.stringify(embeds.map(embedLength));
  expect(embeds.length, where).toBeLessThanOrEqual(DL.embedsPerMessage);
  expect(
    embeds.reduce((n, e) => n + embedLength(e), 0),
    where,
  ).toBeLessThanOrEqual(DL.embedsTotal);
  for (const e of embeds) {
    expect((e.description ?? "").length).toBeLessThanOrEqual(DL.embedDescription);
    expect((e.footer?.text ?? "").length).toBeLessThanOrEqual(DL.footerText);
    expect((e.fields ?? []).length).toBeLessThanOrEqual(DL.embedFields);
    for (const f of e.fields ?? []) expect(f.value.length).toBeLessThanOrEqual(DL.fieldValue);
  }
  expect(String(body.content ?? "").length).toBeLessThanOrEqual(DL.content);
  // Only the organiser's own ping may be let through, never one from the text.
  const allowed = body.allowed_mentions as { parse: string[]; roles?: string[] };
  if (!mention) expect(allowed).toEqual({ parse: [] });
  const content = String(body.content ?? "");
  expect(content.replace(/^@here\n?|^<@&\d+>\n?/, "")).not.toMatch(/@everyone|@here|<@/);
}

describe("Discord: what the poster sends keeps within the limits, delivery tag included", () => {
  // Sizes around the 6,000 units a message's embeds may hold together.
  const cases = [5_940, 5_960, 5_975, 5_985, 5_995];
  for (const total of cases) {
    for (const mention of [undefined, { kind: "here" } as const]) {
      it(`a reply of about ${total} units${mention ? " with @here" : ""}`, async () => {
        discord.reset();
        const poster = new DiscordChannelPoster({ baseUrl: discord.url, token: "bot-test" });
        // Two paragraphs: one fills an embed's description, the other tops the message up.
        const reply = replyOf([4_000, total - 4_000 - 40]);
        const outcome = await poster.post("5001", reply, {
          deliveryKey: KEY,
          ...(mention ? { mention } : {}),
        });
        expect(outcome).toMatchObject({ ok: true });
        const posts = discord.posted("5001") as Record<string, unknown>[];
        expect(posts.length).toBeGreaterThan(0);
        for (const [i, body] of posts.entries())
          expectDiscordWithin(body, i === 0 ? mention : undefined);
      });
    }
  }
});

/** Every mrkdwn text in the blocks, wherever it sits (sections, fields, context). */
function mrkdwnTexts(value: unknown): string[] {
  if (Array.isArray(value)) return value.flatMap(mrkdwnTexts);
  if (!value || typeof value !== "object") return [];
  const o = value as Record<string, unknown>;
  const own = o.type === "mrkdwn" && typeof o.text === "string" ? [o.text] : [];
  return [...own, ...Object.values(o).flatMap(mrkdwnTexts)];
}

describe("Slack: what the poster sends keeps within the limits, the organiser's ping included", () => {
  for (const mention of [{ kind: "here" } as const, { kind: "role", id: "S0614TZR7" } as const]) {
    it(`a notification text at its 4,000 limit keeps to it with the ${mention.kind} ping`, async () => {
      const channel = `C-TEXT-${mention.kind}`;
      const poster = new SlackPoster({ token: "xoxb-test", apiUrl: slack.apiUrl });
      const reply: Reply = {
        title: "Reminder",
        blocks: [paragraph("x".repeat(5_000))],
        buttons: [],
        visibility: "public",
      };
      expect(await poster.post(channel, reply, { deliveryKey: KEY, mention })).toMatchObject({
        ok: true,
      });
      const [body] = slack
        .posts()
        .map((p) => p.body)
        .filter((b) => b.channel === channel);
      expect(String(body?.text)).toMatch(/^<!(here|subteam\^S0614TZR7)> Reminder/);
      expect(String(body?.text).length).toBeLessThanOrEqual(SL.messageText);
    });
  }

  for (const mention of [
    undefined,
    { kind: "here" } as const,
    { kind: "role", id: "S0614TZR7" } as const,
  ]) {
    it(`120 long paragraphs${mention ? ` with ${mention.kind}` : ""}`, async () => {
      const channel = `C-${mention?.kind ?? "none"}`;
      const poster = new SlackPoster({ token: "xoxb-test", apiUrl: slack.apiUrl });
      const reply = replyOf(Array.from({ length: 120 }, () => 2_990));
      const outcome = await poster.post(channel, reply, {
        deliveryKey: KEY,
        ...(mention ? { mention } : {}),
      });
      expect(outcome).toMatchObject({ ok: true });
      const posts = slack
        .posts()
        .map((p) => p.body)
        .filter((b) => b.channel === channel);
      expect(posts.length).toBeGreaterThan(1);
      for (const [i, body] of posts.entries()) {
        const blocks = (body.blocks ?? []) as { type: string; text?: { text: string } }[];
        expect(blocks.length).toBeLessThanOrEqual(SL.blocksPerMessage);
        for (const b of blocks)
          expect(b.text?.text.length ?? 0).toBeLessThanOrEqual(SL.sectionText);
        expect(String(body.text ?? "").length).toBeLessThanOrEqual(SL.messageText);
        const own =
          i === 0 && mention
            ? mention.kind === "here"
              ? "<!here>"
              : `<!subteam^${mention.id}>`
            : "";
        // Nothing from the text pings: no raw <!…> or <@…> beyond the organiser's one, in any
        // text Slack parses (the notification text and mrkdwn; a header's plain_text is inert).
        for (const parsed of [String(body.text ?? ""), ...mrkdwnTexts(blocks)]) {
          expect(parsed.split(own).join("")).not.toMatch(/<!|<@|<#|@everyone|@here|@channel/);
        }
      }
    });
  }
});

describe("a long FAQ post, as both posters send it", () => {
  const trip = resolveTrip(
    TripFileSchema.parse({
      ...syntheticTrip({ id: "faq", items: 1, firstStart: new Date("2026-01-01T00:00:00Z") }),
      faq: Array.from({ length: 120 }, (_, i) => ({
        id: `q${i}`,
        question: `${i}: ${TRAPS} ${"why ".repeat(80)}?`,
        answer: `${TRAPS}\n${"Because. ".repeat(i % 3 === 0 ? 900 : 40)}`,
      })),
    }),
  );
  const reply = faqPostReply(trip);

  it("Discord: every message within the limits, nothing pings", async () => {
    const poster = new DiscordChannelPoster({ baseUrl: discord.url, token: "bot-test" });
    expect(await poster.post("6001", reply, { deliveryKey: KEY })).toMatchObject({ ok: true });
    const posts = discord.posted("6001") as Record<string, unknown>[];
    expect(posts.length).toBeGreaterThan(5);
    for (const body of posts) expectDiscordWithin(body, undefined);
  });

  it("Slack: every message within the limits, nothing pings", async () => {
    const poster = new SlackPoster({ token: "xoxb-test", apiUrl: slack.apiUrl });
    expect(await poster.post("C-FAQ", reply, { deliveryKey: KEY })).toMatchObject({ ok: true });
    const posts = slack
      .posts()
      .map((p) => p.body)
      .filter((b) => b.channel === "C-FAQ");
    expect(posts.length).toBeGreaterThan(2);
    for (const body of posts) {
      const blocks = (body.blocks ?? []) as { type: string; text?: { text: string } }[];
      expect(blocks.length).toBeLessThanOrEqual(SL.blocksPerMessage);
      for (const b of blocks) expect(b.text?.text.length ?? 0).toBeLessThanOrEqual(SL.sectionText);
      expect(String(body.text ?? "").length).toBeLessThanOrEqual(SL.messageText);
      for (const parsed of [String(body.text ?? ""), ...mrkdwnTexts(blocks)]) {
        expect(parsed).not.toMatch(/<!|<@|<#|@everyone|@here|@channel/);
      }
    }
  });
});

describe("the stand-ins refuse what the platforms refuse", () => {
  it("Discord: 400 for embeds over 6,000 together; Slack: invalid_blocks for 51 blocks", async () => {
    const embeds = [{ description: "x".repeat(4_000) }, { description: "y".repeat(2_001) }];
    const refused = await fetch(`${discord.url}/v10/channels/8001/messages`, {
      method: "POST",
      headers: { authorization: "Bot bot-test", "content-type": "application/json" },
      body: JSON.stringify({ embeds }),
    });
    expect(refused.status).toBe(400);
    expect(discord.posted("8001")).toEqual([]);

    const blocks = Array.from({ length: 51 }, () => ({
      type: "section",
      text: { type: "mrkdwn", text: "x" },
    }));
    const poster = new SlackPoster({ token: "xoxb-test", apiUrl: slack.apiUrl });
    const outcome = await poster.call("chat.postMessage", { channel: "C-51", blocks });
    expect(outcome).toMatchObject({ ok: false, error: "invalid_blocks" });
    expect(slack.postsByChannel().get("C-51")).toBeUndefined();
  });
});
