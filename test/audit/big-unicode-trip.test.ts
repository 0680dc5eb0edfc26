import { mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { stringify } from "yaml";
import { DISCORD_LIMITS as L } from "../../bot/discord/limits";
import { type FakeDiscordApi, limitBroken, startFakeDiscordApi } from "../../bot/discord/stand-in";
import { autocomplete, type DiscordFixture, discordFixture, slash } from "../discord/helpers";

// A trip unlike the shipped one, read through the deployed Discord handler: 200 items over
// 40 days in a zone whose clocks change during the trip (Santiago, 5–6 April 2025), crossing a
// month's end, with 60 FAQ entries and 30 rules topics in long, non-Latin, emoji-laden text.

const LONG = "Ñandú 🏃🏽‍♀️ Ελληνικά 日本語テキスト 👨‍👩‍👧‍👦 ";
const day = (d: number) => new Date(Date.UTC(2025, 2, 20 + d)).toISOString().slice(0, 10);

const trip = {
  id: "santiago-big",
  name: `Santiago ${LONG}`,
  timeZone: "America/Santiago",
  event: {
    name: `Maratón ${LONG}`,
    start: `${day(17)} 07:30`,
    startPlace: { name: `Plaza ${LONG}` },
    distances: ["42.195 km"],
  },
  itinerary: Array.from({ length: 200 }, (_, i) => ({
    id: `item-${i}`,
    start: `${day(Math.floor(i / 5))} ${String(8 + 2 * (i % 5)).padStart(2, "0")}:00`,
    title: `${i} ${LONG.repeat(i % 7 === 0 ? 8 : 1)}`,
    notes: LONG.repeat(i % 11 === 0 ? 40 : 2),
  })),
  faq: Array.from({ length: 60 }, (_, i) => ({
    id: `q${i}`,
    question: `${i === 7 ? "¿Dónde está el guardarropa" : `Pregunta ${i}`} ${LONG.repeat(6)}?`,
    answer: LONG.repeat(i % 10 === 0 ? 150 : 3),
  })),
  rules: Array.from({ length: 30 }, (_, i) => ({
    topic: `tema-${i}`,
    title: `Regla ${LONG.repeat(5)}`,
    rules: [LONG.repeat(i % 5 === 0 ? 100 : 2)],
  })),
};

const loneSurrogate = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

describe("Discord on a 200-item unicode trip across a clock change", () => {
  let fx: DiscordFixture;
  let api: FakeDiscordApi;
  beforeAll(async () => {
    api = await startFakeDiscordApi();
    const dir = await mkdtemp(join(tmpdir(), "big-trip-"));
    const path = join(dir, "santiago.yaml");
    await writeFile(path, stringify(trip));
    fx = await discordFixture(path, { DISCORD_API_URL: api.url });
  });
  afterAll(async () => {
    await fx?.close();
    await api?.close();
  });

  it("autocomplete: at most 25 choices, names and values within 100 units, no half emoji", async () => {
    for (const [sub, option, typed] of [
      ["faq", "question", ""],
      ["faq", "question", "guardarropa"],
      ["rules", "topic", ""],
      ["rules", "topic", "regla"],
      ["itinerary", "day", ""],
      ["itinerary", "day", "3"],
    ] as const) {
      const { statusCode, json } = await fx.call(autocomplete(sub, option, typed));
      expect(statusCode, typed).toBe(200);
      const choices = (json.data as { choices: { name: string; value: string }[] }).choices;
      expect(choices.length, `${sub} ${typed}`).toBeGreaterThan(0);
      expect(choices.length).toBeLessThanOrEqual(L.autocompleteChoices);
      for (const c of choices) {
        expect(c.name.length).toBeGreaterThan(0);
        expect(c.name.length).toBeLessThanOrEqual(L.choiceName);
        expect(c.value.length).toBeLessThanOrEqual(L.choiceValue);
        expect(loneSurrogate.test(c.name), c.name).toBe(false);
      }
    }
    const found = await fx.call(autocomplete("faq", "question", "guardarropa"));
    const [first] = (found.json.data as { choices: { value: string }[] }).choices;
    expect(first?.value).toBe("q7");
  });

  it("every command's answer and every part of a long one keep Discord's limits", async () => {
    const asks: [string, { name: string; value: string }?][] = [
      ["when"],
      ["where"],
      ["itinerary"],
      ["itinerary", { name: "day", value: "18" }],
      ["itinerary", { name: "day", value: "2025-04-06" }],
      ["itinerary", { name: "day", value: "2025-03-31" }],
      ["next"],
      ["facts"],
      ["rules"],
      ["rules", { name: "topic", value: "tema-0" }],
      ["faq"],
      ["faq", { name: "question", value: "q0" }],
      ["ask", { name: "question", value: "¿Dónde está el guardarropa?" }],
      ["help"],
    ];
    for (const [sub, option] of asks) {
      const res = await fx.call(slash(sub, option));
      expect(res.statusCode, sub).toBe(200);
      await fx.idle();
      const data = res.json.type === 4 ? [res.json.data] : [];
      const parts = [...data, ...api.webhookCalls().map((c) => c.body)];
      api.reset();
      expect(parts.length, sub).toBeGreaterThan(0);
      for (const part of parts) {
        expect(limitBroken(part), `${sub} ${option?.value ?? ""}`).toBeUndefined();
        expect((part as { allowed_mentions?: unknown }).allowed_mentions).toEqual({ parse: [] });
        expect(loneSurrogate.test(JSON.stringify(part))).toBe(false);
      }
    }
  });
});
