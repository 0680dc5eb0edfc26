import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type DiscordFixture, discordFixture, slash } from "../discord/helpers";
import { PYONGYANG } from "../helpers/local-table";

// Interactions in shapes Discord sends outside a server channel: a DM (a top-level `user`, no
// `member`, no `guild_id`), and a user-installed app's context fields.

describe("Discord interactions outside a server channel", () => {
  let f: DiscordFixture;
  beforeAll(async () => {
    f = await discordFixture(PYONGYANG);
  });
  afterAll(() => f.close());

  it("answers /marathon when in a DM", async () => {
    const { member, guild_id, ...rest } = slash("when") as ReturnType<typeof slash> & {
      guild_id?: string;
    };
    const dm = {
      ...rest,
      user: member.user,
      channel_id: "dm-1",
      channel: { id: "dm-1", type: 1 },
      context: 1,
      authorizing_integration_owners: { "1": "42" },
    };
    expect(guild_id).toBe("guild-1");
    const res = await f.call(dm);
    expect(res.statusCode).toBe(200);
    const data = res.json.data as { embeds?: { description?: string }[] };
    expect(JSON.stringify(data)).toContain("08:00");
  });

  it("answers a question in a guild channel of a user-installed app", async () => {
    const res = await f.call({
      ...slash("ask", { name: "question", value: "do I need a visa?" }),
      context: 0,
      authorizing_integration_owners: { "0": "guild-1", "1": "42" },
      app_permissions: "0",
      entitlements: [],
    });
    expect(res.statusCode).toBe(200);
    expect(JSON.stringify(res.json.data)).toMatch(/visa/i);
  });
});
