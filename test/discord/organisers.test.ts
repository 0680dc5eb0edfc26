import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { findCommand } from "../../bot/commands/registry";
import { type FakeDiscordApi, startFakeDiscordApi } from "../../bot/discord/stand-in";
import { PYONGYANG } from "../helpers/local-table";
import { withOrganisers } from "../helpers/memory-trips";
import { type DiscordFixture, discordFixture, MANAGE_SERVER, slash } from "./helpers";

type Sent = {
  content?: string;
  embeds?: { title?: string; description?: string }[];
  flags?: number;
};
const said = (m: Sent | undefined) =>
  [m?.content, ...(m?.embeds ?? []).flatMap((e) => [e.title, e.description])].join("\n");

describe("Discord: organisers' commands", () => {
  let api: FakeDiscordApi;
  let f: DiscordFixture;
  beforeAll(async () => {
    api = await startFakeDiscordApi();
    // The fixture's member (id 42) is listed as an organiser; managing the server is not enough.
    f = await discordFixture(withOrganisers(PYONGYANG, { discord: ["42"] }), {
      DISCORD_API_URL: api.url,
    });
  });
  beforeEach(() => api.reset());
  afterAll(async () => {
    await f.close();
    await api.close();
  });

  it("`faq post` by an organiser is deferred, then posts the FAQ publicly", async () => {
    const r = await f.call(slash("faq", { name: "question", value: "post" }, { permissions: "0" }));
    expect(r.json).toEqual({ type: 5, data: { flags: 64 } });
    await f.idle();
    const posted = api.posted("channel-1") as Sent[];
    expect(posted.length).toBeGreaterThan(0);
    const everything = posted.map(said).join("\n");
    for (const entry of f.trip.faq)
      expect(everything).toContain(entry.question.slice(0, 20).replace(/[*_~`|<[\]\\]/g, ""));
    for (const m of posted) {
      expect((m as { allowed_mentions?: unknown }).allowed_mentions).toEqual({ parse: [] });
      expect(m.flags).toBeUndefined();
    }
    const [edit] = api.webhookCalls().filter((c) => c.method === "PATCH");
    expect(said(edit?.body as Sent)).toMatch(/FAQ posted/);
    expect((edit?.body as Sent | undefined)?.flags).toBe(64);
  });

  it("`faq post` by anyone else, a server manager included, posts nothing and says why, privately", async () => {
    const r = await f.call(
      slash("faq", { name: "question", value: "post" }, { permissions: MANAGE_SERVER, user: "43" }),
    );
    expect(r.json.type).toBe(5);
    await f.idle();
    expect(api.posted("channel-1")).toHaveLength(0);
    const [edit] = api.webhookCalls().filter((c) => c.method === "PATCH");
    expect(said(edit?.body as Sent)).toMatch(/Only organisers/);
  });

  // Active once the registry offers `link`.
  it.skipIf(!findCommand("link"))("links the channel for an organiser", async () => {
    const r = await f.call(slash("link", { name: "trip", value: f.trip.id }));
    expect(r.json.type).toBe(4);
    expect(said(r.json.data as Sent)).toMatch(/linked/i);
    const again = await f.call(slash("when"));
    expect(again.json.type).toBe(4);
    const refused = await f.call(slash("unlink", undefined, { permissions: "0", user: "43" }));
    expect(said(refused.json.data as Sent)).toMatch(/Only organisers/);
  });
});
