import type { APIEmbed } from "discord-api-types/v10";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DISCORD_LIMITS as D } from "../../bot/discord/limits";
import { renderReply as discordReply, embedLength, noticeMessage } from "../../bot/discord/render";
import { paragraph, type Reply, text } from "../../bot/reply";
import type { SlackMessage } from "../../bot/slack/blocks";
import { privateMessages } from "../../bot/slack/interaction";
import { SLACK_LIMITS as S } from "../../bot/slack/limits";
import { renderReply as slackReply } from "../../bot/slack/render";
import { truncateUnits } from "../../bot/text/units";
import { PYONGYANG } from "../helpers/local-table";
import { type SlackAnswer, type SlackFixture, slackFixture } from "../slack/setup";
import { commandBody, slackEvent } from "../slack/signed";

/** Half a surrogate pair: what a cut by units alone leaves, and what both platforms refuse. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Astral characters of every kind: emoji, a flag, a family (one grapheme of 8 units), maths. */
const ASTRAL = ["😀", "🇰🇵", "👨‍👩‍👧", "𝔸", "🏃🏽‍♀️"];
/** `n` astral graphemes, with a space now and then (or never) to break at. */
const astral = (n: number, every = 0) =>
  Array.from(
    { length: n },
    (_, i) => `${ASTRAL[i % ASTRAL.length]}${every && i % every === every - 1 ? " " : ""}`,
  ).join("");

const graphemes = (value: string) =>
  [...new Intl.Segmenter(undefined, { granularity: "grapheme" }).segment(value)].map(
    (s) => s.segment,
  );

function slackTexts(
  message: SlackMessage | SlackAnswer,
): { text: string; limit: number; where: string }[] {
  const out: { text: string; limit: number; where: string }[] = [
    { text: message.text, limit: S.messageText, where: "text" },
  ];
  for (const b of (message as SlackMessage).blocks) {
    if (b.type === "header") out.push({ text: b.text.text, limit: S.headerText, where: "header" });
    if (b.type === "section" && "text" in b)
      out.push({ text: b.text.text, limit: S.sectionText, where: "section" });
    if (b.type === "section" && "fields" in b)
      for (const f of b.fields) out.push({ text: f.text, limit: S.fieldText, where: "field" });
    if (b.type === "context")
      for (const e of b.elements)
        out.push({ text: e.text, limit: S.contextText, where: "context" });
    if (b.type === "actions")
      for (const e of b.elements)
        out.push({ text: e.text.text, limit: S.buttonText, where: "button" });
  }
  return out;
}

function expectSlackWithin(message: SlackMessage | SlackAnswer) {
  for (const { text, limit, where } of slackTexts(message)) {
    expect(text.length, where).toBeLessThanOrEqual(limit);
    expect(LONE_SURROGATE.test(text), `${where} holds half a surrogate pair`).toBe(false);
  }
}

function discordTexts(embed: APIEmbed) {
  return [
    { text: embed.title ?? "", limit: D.embedTitle, where: "title" },
    { text: embed.description ?? "", limit: D.embedDescription, where: "description" },
    ...(embed.fields ?? []).flatMap((f) => [
      { text: f.name, limit: D.fieldName, where: "field name" },
      { text: f.value, limit: D.fieldValue, where: "field value" },
    ]),
  ];
}

function expectDiscordWithin(message: {
  content?: string;
  embeds: APIEmbed[];
  components?: { components: { label?: string }[] }[];
}) {
  expect((message.content ?? "").length).toBeLessThanOrEqual(D.content);
  expect(LONE_SURROGATE.test(message.content ?? "")).toBe(false);
  expect(message.embeds.reduce((n, e) => n + embedLength(e), 0)).toBeLessThanOrEqual(D.embedsTotal);
  for (const { text, limit, where } of message.embeds.flatMap(discordTexts)) {
    expect(text.length, where).toBeLessThanOrEqual(limit);
    expect(LONE_SURROGATE.test(text), `${where} holds half a surrogate pair`).toBe(false);
  }
  for (const row of message.components ?? [])
    for (const c of row.components) {
      expect((c.label ?? "").length).toBeLessThanOrEqual(D.buttonLabel);
      expect(LONE_SURROGATE.test(c.label ?? "")).toBe(false);
    }
}

/** A reply with astral text in every place that has a limit, each longer than its limit. */
function astralReply(size: number, every: number): Reply {
  return {
    title: astral(size, every),
    blocks: [
      paragraph(text(astral(size * 8, every))),
      { type: "heading", text: astral(size, every) },
      paragraph(text(astral(size, every), true)),
      { type: "list", items: [[text(astral(size * 2, every))], [text("short")]] },
      {
        type: "fields",
        fields: [
          { label: astral(size / 4, every), value: [text(astral(size / 2, every))] },
          { label: "Short", value: [text(astral(40))] },
        ],
      },
      { type: "context", spans: [text(astral(size * 2, every))] },
    ],
    buttons: [{ action: "share", label: astral(100) }],
    visibility: "private",
  };
}

describe("one unit for limits: UTF-16 code units, cut between graphemes", () => {
  it("truncates to at most N units, never inside a surrogate pair or a grapheme", () => {
    for (const every of [0, 7]) {
      const value = astral(3000, every);
      const whole = graphemes(value);
      for (const max of [1, 2, 3, 74, 75, 149, 150, 256, 1024, 2000, 2999, 3000, 4096, 6000]) {
        const cut = truncateUnits(value, max);
        expect(cut.length).toBeLessThanOrEqual(max);
        expect(LONE_SURROGATE.test(cut)).toBe(false);
        expect(value.startsWith(cut)).toBe(true);
        // Whole graphemes only, and no more than one grapheme short of the limit.
        const kept = graphemes(cut);
        expect(kept).toEqual(whole.slice(0, kept.length));
        if (max >= 8) expect(cut.length).toBeGreaterThan(max - 8);
      }
    }
    expect(truncateUnits("short", 75)).toBe("short");
  });

  it("keeps every Slack text within its limit however many emoji it holds", () => {
    for (const size of [75, 150, 1000, 3000]) {
      for (const every of [0, 9]) {
        const reply = astralReply(size, every);
        for (const message of [
          ...slackReply(reply),
          ...privateMessages(reply, { c: "/marathon", t: "x" }),
        ])
          expectSlackWithin(message);
      }
    }
  });

  it("keeps every Discord text within its limit however many emoji it holds", () => {
    for (const size of [256, 1024, 2000, 4096]) {
      for (const every of [0, 9]) {
        for (const message of discordReply(astralReply(size, every), { shareId: "share:x:" }))
          expectDiscordWithin(message);
      }
    }
    expectDiscordWithin(noticeMessage(astral(3000)));
  });

  it("splits a long run of emoji across sections without losing one", () => {
    const value = astral(4000);
    const messages = slackReply({
      title: "t",
      blocks: [paragraph(text(value))],
      buttons: [],
      visibility: "private",
    });
    const sections = messages.flatMap((m) =>
      m.blocks.flatMap((b) => (b.type === "section" && "text" in b ? [b.text.text] : [])),
    );
    expect(sections.join("")).toBe(value);
  });
});

describe("Slack: /marathon faq followed by 1,600 emoji", () => {
  let f: SlackFixture;
  beforeAll(async () => {
    f = await slackFixture(PYONGYANG);
  });
  afterAll(() => f.close());

  it("answers within Slack's limits, counted in UTF-16 units", async () => {
    const res = await f.handler(slackEvent(commandBody(`faq ${"😀".repeat(1600)}`)));
    expect(res.statusCode).toBe(200);
    // Lengths only: the core's own title ("No answer in the trip for …") is shortened in
    // bot/answer, outside the adapters; the adapters' cuts are checked above.
    for (const { text, limit, where } of slackTexts(JSON.parse(res.body) as SlackAnswer)) {
      expect(text.length, where).toBeLessThanOrEqual(limit);
    }
  });
});
