import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  type DiscordMessageBody,
  discordText,
  type OutsideFixture,
  outsideFixture,
  type SlackBody,
  slackText,
} from "../helpers/outside-trips";

/**
 * Answers whose entries are very long (a 5,000-character FAQ answer, a topic of 120 rules, 40
 * contacts, 60 items on one day, long names everywhere) and whose trip text is full of
 * mentions: through both signed handlers, every reply keeps within the platform's documented
 * limits and nothing in it can notify anyone.
 */
const PINGS = "@everyone @here <!channel> <!here> <@U123> <@&123> <#C1> <@123> <!subteam^S1>";
const long = (words: number, seed: string) =>
  Array.from({ length: words }, (_, i) => `${seed}${i}`).join(" ");

const yaml = (value: string) => JSON.stringify(value);

function bigTrip(): string {
  const contacts = Array.from(
    { length: 40 },
    (_, i) =>
      `  - { name: ${yaml(`Guide ${i} ${PINGS}`)}, role: ${yaml(`Local guide for group ${i}, call if lost ${"x".repeat(80)}`)}, phone: "+55 11 9${String(i).padStart(4, "0")}-0000" }`,
  ).join("\n");
  const items = Array.from(
    { length: 60 },
    (_, i) =>
      `  - { id: item-${i}, start: "2027-02-13 ${String(6 + Math.floor(i / 4)).padStart(2, "0")}:${String((i % 4) * 15).padStart(2, "0")}", title: ${yaml(`Samba workshop ${i} ${PINGS} ${long(20, "w")}`)}, notes: ${yaml(`${PINGS} ${long(150, "note")}`)} }`,
  ).join("\n");
  const rules = Array.from(
    { length: 120 },
    (_, i) => `      - ${yaml(`Rule ${i}: no glitter cannons ${PINGS} ${long(30, "r")}`)}`,
  ).join("\n");
  const places = Array.from(
    { length: 30 },
    (_, i) =>
      `  - { id: place-${i}, name: ${yaml(`Sambadrome gate ${i} ${PINGS}`)}, description: ${yaml(long(200, "d"))} }`,
  ).join("\n");
  return `
id: rio-carnival
name: ${yaml(`Rio carnival ${PINGS}`)}
timeZone: America/Sao_Paulo
timeZoneLabel: Rio
organisers: { slack: [UORG1], discord: ["900"] }
contacts:
${contacts}
event:
  name: ${yaml(`Carnival parade ${PINGS}`)}
  start: 2027-02-13 21:00
  startPlace: { name: ${yaml(`Sambadrome ${PINGS}`)}, description: ${yaml(long(300, "s"))} }
  distances: [${yaml(`Parade ${PINGS}`)}]
  facts:
${Array.from({ length: 60 }, (_, i) => `    - { text: ${yaml(`Fact ${i} ${PINGS} ${long(60, "f")}`)} }`).join("\n")}
places:
${places}
itinerary:
${items}
  - { id: leave, start: "2027-02-14 12:00", title: Departure }
rules:
  - topic: conduct
    title: ${yaml(`Conduct at the parade ${PINGS}`)}
    rules:
${rules}
faq:
  - id: pack
    question: ${yaml(`What should I pack for the carnival? ${PINGS}`)}
    answer: ${yaml(`${PINGS} ${long(700, "pack")}`.slice(0, 5000))}
    keywords: [pack, packing, luggage, suitcase]
${Array.from({ length: 80 }, (_, i) => `  - { id: q${i}, question: ${yaml(`Question ${i} about costume ${i} ${PINGS}`)}, answer: ${yaml(long(100, `a${i}-`))} }`).join("\n")}
`;
}

/** What may notify someone in Slack mrkdwn: special mentions, users, groups, channels. */
const SLACK_PING = /<!(?!date\^)[^>]*>|<[@#][^>]*>|(?<![\u2060\w])@(here|channel|everyone)\b/;

function expectSlackWithin(body: SlackBody, label: string) {
  expect(body.blocks.length, label).toBeLessThanOrEqual(50);
  expect((body.text ?? "").length, label).toBeLessThanOrEqual(40_000);
  for (const b of body.blocks) {
    if (b.type === "header") expect(b.text?.text.length ?? 0, label).toBeLessThanOrEqual(150);
    if (b.type === "section") {
      expect(b.text?.text.length ?? 0, label).toBeLessThanOrEqual(3000);
      expect(b.fields?.length ?? 0, label).toBeLessThanOrEqual(10);
      for (const f of b.fields ?? []) expect(f.text.length, label).toBeLessThanOrEqual(2000);
    }
    if (b.type === "context") expect(b.elements?.length ?? 0, label).toBeLessThanOrEqual(10);
  }
  // Every piece of mrkdwn, the notification text included, is inert.
  for (const piece of [
    body.text ?? "",
    ...body.blocks.flatMap((b) => [
      b.text?.type === "mrkdwn" ? b.text.text : "",
      ...(b.fields ?? []).map((f) => f.text),
      ...(b.elements ?? []).map((e) => (typeof e.text === "string" ? e.text : "")),
    ]),
  ]) {
    expect(piece, label).not.toMatch(SLACK_PING);
  }
}

function expectDiscordWithin(d: DiscordMessageBody, label: string) {
  expect(d.allowed_mentions, label).toEqual({ parse: [] });
  expect((d.content ?? "").length, label).toBeLessThanOrEqual(2000);
  const embeds = d.embeds ?? [];
  expect(embeds.length, label).toBeLessThanOrEqual(10);
  let total = 0;
  for (const e of embeds) {
    expect((e.title ?? "").length, label).toBeLessThanOrEqual(256);
    expect((e.description ?? "").length, label).toBeLessThanOrEqual(4096);
    expect((e.fields ?? []).length, label).toBeLessThanOrEqual(25);
    for (const f of e.fields ?? []) {
      expect(f.name.length, label).toBeLessThanOrEqual(256);
      expect(f.value.length, label).toBeLessThanOrEqual(1024);
    }
    expect((e.footer?.text ?? "").length, label).toBeLessThanOrEqual(2048);
    total +=
      (e.title ?? "").length +
      (e.description ?? "").length +
      (e.footer?.text ?? "").length +
      (e.fields ?? []).reduce((n, f) => n + f.name.length + f.value.length, 0);
  }
  expect(total, label).toBeLessThanOrEqual(6000);
  // allowed_mentions keeps these silent; the text shows no live mention syntax either.
  expect(d.content ?? "", label).not.toMatch(/@(everyone|here)|<@[!&]?\d+>/);
}

describe("long entries and mentions in trip text, on both platforms", () => {
  let f: OutsideFixture;
  beforeAll(async () => {
    f = await outsideFixture([bigTrip()], new Date("2027-02-01T12:00:00Z"));
  });
  afterAll(() => f.close());

  const slackTyped = [
    "",
    "help",
    "when",
    "where",
    "facts",
    "itinerary",
    "itinerary 1",
    "itinerary samba",
    "next",
    "rules",
    "rules conduct",
    "rules glitter",
    "faq",
    "faq what should I pack",
    "what should I pack",
    "who do I call if I get lost",
    "guide phone number",
    "costume",
    "questions",
    // A question as long as a pasted email, and one long word.
    `can I ${long(500, "costume")} @everyone <@U123>`,
    "x".repeat(2900),
  ];

  it("Slack: every answer within Slack's limits, nothing that pings", async () => {
    for (const typed of slackTyped) {
      const r = await f.slack(typed);
      expect(r.statusCode, typed).toBe(200);
      expectSlackWithin(r.body, typed);
    }
  });

  it("Discord: every answer within Discord's limits, mentions off", async () => {
    for (const typed of slackTyped) {
      const [sub = "", ...rest] = typed.split(" ");
      const known = [
        "help",
        "when",
        "where",
        "facts",
        "itinerary",
        "next",
        "rules",
        "faq",
        "questions",
      ];
      const r = known.includes(sub)
        ? await f.discord(sub, rest.length > 0 ? rest.join(" ") : undefined)
        : await f.discord("ask", typed === "" ? undefined : typed);
      expect(r.statusCode, typed).toBe(200);
      expect(r.messages.length, typed).toBeGreaterThan(0);
      for (const m of r.messages) expectDiscordWithin(m, typed);
    }
    await f.idle();
  });

  it("the long FAQ answer reaches the reader, cut with a pointer rather than dropped", async () => {
    const s = slackText((await f.slack("faq what should I pack")).body);
    expect(s).toContain("pack0 pack1 pack2");
    const d = discordText(await f.discord("faq", "what should I pack"));
    expect(d).toContain("pack0 pack1 pack2");
  });

  it("public posts (faq post, Share in channel) keep within limits and ping nobody", async () => {
    const before = f.slackApi.posts().length;
    await f.slack("faq post", { user: "UORG1" });
    const share = (await f.slack("faq what should I pack")).body.blocks
      .flatMap((b) => (b as { elements?: { action_id?: string; value?: string }[] }).elements ?? [])
      .find((e) => e.action_id === "share");
    expect(share?.value).toBeDefined();
    expect(await f.slackShare(share?.value ?? "")).toBe(200);
    const slackPosts = f.slackApi.posts().slice(before);
    // The FAQ, over several messages, and the shared answer.
    expect(slackPosts.length).toBeGreaterThan(2);
    for (const post of slackPosts) {
      const body = post.body as unknown as SlackBody & { link_names?: unknown; parse?: unknown };
      expectSlackWithin(body, "a public Slack post");
      expect(body.link_names ?? false, "link_names").toBeFalsy();
      expect(body.parse ?? "none", "parse").toBe("none");
    }

    f.discordApi.reset();
    const post = await f.discord("faq", "post", { user: "900" });
    expect(post.statusCode).toBe(200);
    await f.idle();
    expect(await f.discordClick("share:faq:what should I pack")).toBe(200);
    const discordPosts = f.discordApi.calls
      .filter((c) => c.method === "POST" && /\/channels\/[^/]+\/messages$/.test(c.path))
      .map((c) => c.body as DiscordMessageBody);
    expect(discordPosts.length).toBeGreaterThan(2);
    for (const m of discordPosts) expectDiscordWithin(m, "a public Discord post");
  });

  it("the trip's mentions are shown as text, not dropped", async () => {
    const s = slackText((await f.slack("faq what should I pack")).body);
    expect(s).toMatch(/@\u2060everyone/);
    expect(s).toContain("&lt;@U123&gt;");
    const d = discordText(await f.discord("faq", "what should I pack"));
    expect(d).toMatch(/@.?everyone/u);
  });
});
