import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PYONGYANG } from "../helpers/local-table";
import {
  autocomplete,
  buttonClick,
  type DiscordFixture,
  discordFixture,
  ping,
  slash,
} from "./helpers";

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** Every path to a field of `value` ("data", "data.options.0.name"…). */
function paths(value: Json, prefix: string[] = []): string[][] {
  if (value === null || typeof value !== "object") return [];
  return Object.entries(value).flatMap(([key, child]) => [
    [...prefix, key],
    ...paths(child, [...prefix, key]),
  ]);
}

/** A copy of `value` with the field at `path` set to `wrong`. */
function withField(value: Json, path: string[], wrong: Json): Json {
  const copy = structuredClone(value) as { [key: string]: Json };
  let parent = copy;
  for (const key of path.slice(0, -1)) parent = parent[key] as { [key: string]: Json };
  parent[path[path.length - 1] as string] = wrong;
  return copy;
}

describe("Discord handler: signed input that is not what Discord sends", () => {
  let f: DiscordFixture;
  beforeAll(async () => {
    f = await discordFixture(PYONGYANG);
  });
  afterAll(() => f.close());

  it("refuses a 1 MB body (a subcommand named with a million characters) with 413", async () => {
    const huge = slash("x".repeat(1_000_000));
    expect((await f.send(huge)).statusCode).toBe(413);
    expect((await f.send(huge, { base64: true })).statusCode).toBe(413);
  });

  it("refuses a subcommand name longer than Discord allows with 400", async () => {
    const r = await f.call(slash("x".repeat(60_000)));
    expect(r.statusCode).toBe(400);
  });

  it('answers "options":"x" with 400, not a 200 "something went wrong"', async () => {
    const bad = slash("when") as { data: { [key: string]: Json } };
    bad.data.options = "x";
    const r = await f.call(bad);
    expect(r.statusCode).toBe(400);
  });

  it("answers 400 to every field it reads given another type than Discord's", async () => {
    const kind = (v: Json) => (v === null ? "null" : Array.isArray(v) ? "array" : typeof v);
    const values: Json[] = [null, "x", 7, true, [], {}, [null]];
    const samples = [
      slash("faq", { name: "question", value: "visa" }),
      autocomplete("itinerary", "day", "sat"),
      buttonClick("share:when:"),
    ] as unknown as Json[];
    // The fields the app reads, at every depth of a command's options.
    const read =
      /^(type|application_id|token|guild_id|channel_id|channel(\.id)?|locale|member(\.user(\.id)?|\.permissions)?|data(\.(name|options|custom_id|component_type)|(\.options\.\d+)+(\.(name|type|focused|options))?)?)$/;
    let count = 0;
    for (const sample of samples) {
      for (const path of paths(sample).filter((p) => read.test(p.join(".")))) {
        const original = path.reduce<Json>(
          (v, k) => (v as { [k: string]: Json })[k] as Json,
          sample,
        );
        for (const value of values.filter((v) => kind(v) !== kind(original))) {
          const r = await f.call(withField(sample, path, value));
          expect(r.statusCode, `${path.join(".")} = ${JSON.stringify(value)}`).toBe(400);
          count++;
        }
      }
    }
    expect(count).toBeGreaterThan(50);
  });

  it("still answers Discord's own shapes", async () => {
    expect((await f.call(ping())).statusCode).toBe(200);
    const when = await f.call(slash("when"));
    expect(when.statusCode).toBe(200);
    expect(when.json.data?.embeds?.[0]?.title).toBeTruthy();
    const typed = await f.call(autocomplete("itinerary", "day", "sat"));
    expect(typed.json.data?.choices?.length).toBeGreaterThan(0);
  });
});
