import type { APIEmbed } from "discord-api-types/v10";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { COMMANDS } from "../../bot/commands/registry";
import { DISCORD_LIMITS as L } from "../../bot/discord/limits";
import { type DiscordMessage, embedLength } from "../../bot/discord/render";
import { type FakeDiscordApi, startFakeDiscordApi } from "../../bot/discord/stand-in";
import { NEW_YORK, PYONGYANG } from "../helpers/local-table";
import {
  buttonClick,
  type DiscordFixture,
  discordFixture,
  type InteractionReply,
  slash,
} from "./helpers";
import { writeLongTrip } from "./long-trip";

function expectWithinLimits(message: Partial<DiscordMessage>, where: string) {
  expect(message.allowed_mentions, where).toEqual({ parse: [] });
  expect((message.content ?? "").length, where).toBeLessThanOrEqual(L.content);
  const embeds: APIEmbed[] = message.embeds ?? [];
  expect(embeds.length, where).toBeLessThanOrEqual(L.embedsPerMessage);
  expect(
    embeds.reduce((n, e) => n + embedLength(e), 0),
    where,
  ).toBeLessThanOrEqual(L.embedsTotal);
  for (const e of embeds) {
    expect((e.title ?? "").length, where).toBeLessThanOrEqual(L.embedTitle);
    expect((e.description ?? "").length, where).toBeLessThanOrEqual(L.embedDescription);
    expect((e.fields ?? []).length, where).toBeLessThanOrEqual(L.embedFields);
    for (const field of e.fields ?? []) {
      expect(field.name.length, where).toBeGreaterThan(0);
      expect(field.name.length, where).toBeLessThanOrEqual(L.fieldName);
      expect(field.value.length, where).toBeGreaterThan(0);
      expect(field.value.length, where).toBeLessThanOrEqual(L.fieldValue);
    }
  }
  expect((message.components ?? []).length, where).toBeLessThanOrEqual(L.actionRows);
  for (const row of message.components ?? []) {
    expect(row.components.length, where).toBeLessThanOrEqual(L.componentsPerRow);
    for (const c of row.components)
      expect(c.custom_id.length, where).toBeLessThanOrEqual(L.customId);
  }
}

/** Every message a user could see for one request: the response, then follow-ups. */
async function everyMessage(
  f: DiscordFixture,
  api: FakeDiscordApi,
  body: unknown,
): Promise<{ response: InteractionReply; messages: Partial<DiscordMessage>[] }> {
  api.reset();
  const { json } = await f.call(body);
  await f.idle();
  const followUps = api.calls
    .filter((c) => c.path.startsWith("/v10/webhooks/") || c.path.includes("/messages"))
    .map((c) => c.body as Partial<DiscordMessage>);
  const own = json.type === 4 || json.type === 7 ? [json.data ?? {}] : [];
  return { response: json, messages: [...own, ...followUps] };
}

function requestsFor(f: DiscordFixture): [string, unknown][] {
  const t = f.trip;
  return [
    ...COMMANDS.map((c) => [`/marathon ${c.name}`, slash(c.name)] as [string, unknown]),
    ...t.days.map(
      (d) =>
        [`itinerary ${d.number}`, slash("itinerary", { name: "day", value: String(d.number) })] as [
          string,
          unknown,
        ],
    ),
    ...t.rules.map(
      (r) =>
        [`rules ${r.topic}`, slash("rules", { name: "topic", value: r.topic })] as [
          string,
          unknown,
        ],
    ),
    ...t.faq.map(
      (q) => [`faq ${q.id}`, slash("faq", { name: "question", value: q.id })] as [string, unknown],
    ),
    ...t.faq.map(
      (q) =>
        [`faq "${q.question}"`, slash("faq", { name: "question", value: q.question })] as [
          string,
          unknown,
        ],
    ),
    ["share itinerary", buttonClick("share:itinerary:")],
    ["share when", buttonClick("share:when:")],
  ];
}

const trips: [string, () => Promise<string>][] = [
  ["Pyongyang", async () => PYONGYANG],
  ["New York", async () => NEW_YORK],
  ["a synthetic long trip", writeLongTrip],
];

for (const [label, file] of trips) {
  describe(`Discord limits: every message for ${label}`, () => {
    let api: FakeDiscordApi;
    let f: DiscordFixture;
    beforeAll(async () => {
      api = await startFakeDiscordApi();
      f = await discordFixture(await file(), { DISCORD_API_URL: api.url });
    });
    afterAll(async () => {
      await f.close();
      await api.close();
    });

    it("keeps every command, day, topic and question within Discord's limits, mentions off", async () => {
      for (const [where, body] of requestsFor(f)) {
        const { response, messages } = await everyMessage(f, api, body);
        expect(messages.length, where).toBeGreaterThan(0);
        for (const m of messages) expectWithinLimits(m, where);
        if (response.type === 5) expect(response.data?.flags, where).toBe(64);
      }
    });

    if (label === "a synthetic long trip") {
      it("splits the long itinerary by days into several messages instead of failing", async () => {
        const { response, messages } = await everyMessage(f, api, slash("itinerary"));
        expect(response.type).toBe(5);
        expect(messages.length).toBeGreaterThan(1);
        const titles = messages.flatMap((m) => (m.embeds ?? []).map((e) => e.title ?? ""));
        for (const day of f.trip.days.slice(1)) {
          expect(titles.some((t) => t.startsWith(`Day ${day.number} `))).toBe(true);
        }
        const text = JSON.stringify(messages);
        expect(text.includes("@everyone"), "@everyone left as is").toBe(false);
        expect(/[^\\]<@123>/.test(text), "a user mention left as is").toBe(false);
        expect(text.includes("\\\\*\\\\*not bold\\\\*\\\\*"), "bold not escaped").toBe(true);
      });

      it("shares the long itinerary as several public posts, once each", async () => {
        const { response } = await everyMessage(f, api, buttonClick("share:itinerary:"));
        expect(response.type).toBe(6);
        const posted = api.posted("channel-1");
        expect(posted.length).toBeGreaterThan(1);
        expect(new Set(posted.map((p) => JSON.stringify(p))).size).toBe(posted.length);
      });
    }
  });
}
