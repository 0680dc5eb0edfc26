import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { COMMANDS } from "../../bot/commands/registry";
import { EPHEMERAL } from "../../bot/discord/render";
import { NEW_YORK, PYONGYANG } from "../helpers/local-table";
import {
  autocomplete,
  type DiscordFixture,
  discordFixture,
  nowSeconds,
  ping,
  slash,
} from "./helpers";

const textOf = (json: {
  data?: {
    embeds?: { title?: string; description?: string; fields?: { name: string; value: string }[] }[];
  };
}) =>
  (json.data?.embeds ?? [])
    .map((e) =>
      [e.title, e.description, ...(e.fields ?? []).flatMap((f) => [f.name, f.value])].join("\n"),
    )
    .join("\n");

describe("Discord handler: requests Discord must be refused", () => {
  let f: DiscordFixture;
  beforeAll(async () => {
    f = await discordFixture(PYONGYANG);
  });
  afterAll(() => f.close());

  it("/marathon next what: bus names the coach, not the next of all items", async () => {
    const plain = textOf((await f.call(slash("next"))).json);
    const bus = textOf((await f.call(slash("next", { name: "what", value: "bus" }))).json);
    expect(bus).toContain("Coach to the stadium");
    expect(plain).not.toContain("Coach to the stadium");
  });

  it("takes a question of invisible characters as no question, and reads past them", async () => {
    const titleOf = async (sub: string, value: string) =>
      (await f.call(slash(sub, { name: sub === "itinerary" ? "day" : "question", value }))).json
        .data?.embeds?.[0]?.title;
    expect(await titleOf("ask", "\u200b\u200f")).toBe("Ask about the trip");
    expect(await titleOf("itinerary", "2\u200b")).toBe("Itinerary: Day 2 — Fri 4 Apr 2025");
  });

  it("answers PING with PONG", async () => {
    const r = await f.call(ping());
    expect(r.statusCode).toBe(200);
    expect(r.json).toEqual({ type: 1 });
  });

  it("accepts a base64-encoded body", async () => {
    const r = await f.send(JSON.stringify(ping()), { base64: true });
    expect(r.statusCode).toBe(200);
    expect(JSON.parse(r.body)).toEqual({ type: 1 });
  });

  it("refuses a bad signature with 401", async () => {
    const other = (await import("./helpers")).testKeys();
    const r = await f.send(ping(), { privateKey: other.privateKey });
    expect(r.statusCode).toBe(401);
  });

  it("refuses missing signature headers with 401", async () => {
    for (const headers of [
      { "x-signature-ed25519": undefined },
      { "x-signature-timestamp": undefined },
      { "x-signature-ed25519": undefined, "x-signature-timestamp": undefined },
      { "x-signature-ed25519": "not-hex" },
    ]) {
      const r = await f.send(ping(), { headers });
      expect(r.statusCode).toBe(401);
    }
  });

  it("refuses a signature older (or newer) than five minutes with 401", async () => {
    expect((await f.send(ping(), { timestamp: nowSeconds() - 301 })).statusCode).toBe(401);
    expect((await f.send(ping(), { timestamp: nowSeconds() + 301 })).statusCode).toBe(401);
    expect((await f.send(ping(), { timestamp: nowSeconds() - 299 })).statusCode).toBe(200);
  });

  it("refuses a body altered after signing with 401", async () => {
    const r = await f.send(slash("when"), {
      alterBody: (b) => b.replace('"when"', '"faq"'),
    });
    expect(r.statusCode).toBe(401);
    const spaced = await f.send(ping(), { alterBody: (b) => `${b} ` });
    expect(spaced.statusCode).toBe(401);
  });

  it("answers a signed body that is not JSON with 400, and never throws", async () => {
    for (const body of ["not json", "", "{", "42", "null", '{"no":"type"}']) {
      const r = await f.send(body);
      expect(r.statusCode).toBe(400);
    }
  });
});

for (const [label, file] of [
  ["Pyongyang", PYONGYANG],
  ["New York", NEW_YORK],
] as const) {
  describe(`Discord handler: every command, ${label} trip`, () => {
    let f: DiscordFixture;
    beforeAll(async () => {
      f = await discordFixture(file);
    });
    afterAll(() => f.close());

    it("answers every subcommand privately, with mentions off and a title", async () => {
      for (const command of COMMANDS) {
        const r = await f.call(slash(command.name));
        expect(r.statusCode, command.name).toBe(200);
        expect([4, 5], command.name).toContain(r.json.type);
        expect(r.json.data?.flags, command.name).toBe(EPHEMERAL);
        if (r.json.type === 4) {
          expect(r.json.data?.allowed_mentions).toEqual({ parse: [] });
          expect(r.json.data?.embeds?.[0]?.title, command.name).toBeTruthy();
        }
      }
      await f.idle();
    });

    it("/marathon when shows the start as a Discord timestamp beside the destination's time", async () => {
      const r = await f.call(slash("when"));
      const unix = Math.floor(f.trip.event.startAt.getTime() / 1000);
      const text = textOf(r.json);
      expect(text).toContain(`<t:${unix}:F>`);
      // One countdown, written out: no live "in 5 days" beside it to disagree with it.
      expect(text).toMatch(/Race day is|The race (was|started)/);
      expect(text).not.toContain(`<t:${unix}:R>`);
      expect(text).toContain(`${f.trip.zoneLabel} time`);
      expect(r.json.data?.components?.[0]?.components[0]).toMatchObject({
        type: 2,
        label: "Share in channel",
        custom_id: "share:when:",
      });
    });

    it("answers each itinerary day with that day's items", async () => {
      for (const day of f.trip.days) {
        const r = await f.call(slash("itinerary", { name: "day", value: String(day.number) }));
        const text = textOf(r.json);
        for (const item of day.items) {
          // With its date: the reader's day may not be the heading's.
          expect(text).toContain(`<t:${Math.floor(item.startAt.getTime() / 1000)}:f>`);
          expect(text).not.toContain(`<t:${Math.floor(item.startAt.getTime() / 1000)}:t>`);
        }
        expect(r.json.data?.components?.[0]?.components[0]?.custom_id).toBe(
          `share:itinerary:${day.number}`,
        );
      }
    });

    it("answers every rules topic and FAQ entry by its id", async () => {
      for (const topic of f.trip.rules) {
        const r = await f.call(slash("rules", { name: "topic", value: topic.topic }));
        expect(r.json.data?.embeds?.[0]?.title).toContain("Rules");
      }
      for (const entry of f.trip.faq) {
        const r = await f.call(slash("faq", { name: "question", value: entry.id }));
        expect(r.json.type).toBe(4);
        expect(r.json.data?.embeds?.[0]?.description?.length).toBeGreaterThan(0);
      }
    });

    it("suggests FAQ questions, rules topics and days from the trip, at most 25", async () => {
      const cases = [
        ["faq", "question", "", f.trip.faq.map((q) => q.id)],
        ["rules", "topic", "", f.trip.rules.map((r) => r.topic)],
        ["itinerary", "day", "", f.trip.days.map((d) => String(d.number))],
      ] as const;
      for (const [sub, option, typed, values] of cases) {
        const r = await f.call(autocomplete(sub, option, typed));
        expect(r.json.type).toBe(8);
        const choices = r.json.data?.choices ?? [];
        expect(choices.length).toBe(Math.min(25, values.length));
        for (const c of choices) {
          expect(values).toContain(c.value);
          expect(c.name.length).toBeLessThanOrEqual(100);
        }
      }
      const first = f.trip.faq[0];
      if (first) {
        const word = first.question.split(/\s+/).find((w) => w.length > 4) ?? first.id;
        const r = await f.call(autocomplete("faq", "question", word));
        expect(r.json.data?.choices?.map((c) => c.value)).toContain(first.id);
      }
    });
  });
}

describe("Discord handler: broken deployments and events", () => {
  it("answers 500 instead of throwing when misconfigured or given a malformed event", async () => {
    const { lambdaHttp } = await import("../../bot/lambda/http");
    const { discord } = await import("../../bot/discord/platform");
    const noKey = lambdaHttp(discord, { env: {}, bot: () => ({}) as never });
    const r = await noKey({ headers: {}, body: "{}" } as never);
    expect(r.statusCode).toBe(500);
    const f = await discordFixture(PYONGYANG);
    try {
      expect((await f.handler(null as never)).statusCode).toBe(500);
      expect((await f.handler({} as never)).statusCode).toBe(401);
    } finally {
      await f.close();
    }
  });
});
