import { QueryCommand } from "@aws-sdk/lib-dynamodb";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { keys, TTL_ATTRIBUTE } from "../../bot/store/table";
import {
  discordText,
  type OutsideFixture,
  outsideFixture,
  slackText,
} from "../helpers/outside-trips";

/**
 * The organisers' `questions` list on a trip of our own, through both signed handlers: what a
 * traveller asks that the bot is not sure of is kept (its words, trip, platform, channel and
 * time, never who asked, for 90 days), grouped and counted for organisers, refused to anyone
 * else on either platform.
 */
const DIVE = `
id: red-sea-dive
name: Red Sea dive week
timeZone: Africa/Cairo
timeZoneLabel: Hurghada
organisers: { slack: [UORG1], discord: ["900"] }
event: { name: First dive, start: 2027-10-10 08:00, startPlace: { name: Hurghada marina } }
itinerary:
  - { id: boat, start: 2027-10-10 07:30, title: Boat leaves the marina, place: Hurghada marina }
  - { id: night, start: 2027-10-12 19:00, title: Night dive }
rules:
  - topic: reef
    title: On the reef
    rules: [Never touch or stand on the coral., No gloves on the reef.]
faq:
  - id: certificate
    question: Do I need a diving certificate?
    answer: Yes, bring your certification card (Open Water or higher) and your logbook.
`;

const MANAGE_SERVER = String(1 << 5);

describe("questions travellers asked, kept for the organisers", () => {
  let f: OutsideFixture;
  const now = new Date("2027-09-01T10:00:00Z");
  beforeAll(async () => {
    f = await outsideFixture([DIVE], now);
    // Travellers ask, on both platforms, in their own ways; some the trip answers.
    for (const typed of ["is there a pool", "Is there a pool?", "pool??"]) {
      await f.slack(typed, { user: "U0777", channel: "C0042" });
    }
    await f.discord("ask", "karaoke on the boat @everyone", { user: "4242", channel: "555" });
    // Discord sends a member mentioned in an option as <@id>: an id the list does not need.
    await f.discord("ask", "can <@31337000111> and <@&77700022> join the karaoke in <#88800033>", {
      user: "4242",
      channel: "555",
    });
    await f.discord("ask", "do I need a diving certificate", { user: "4242", channel: "555" });
    await f.slack("faq do I need a diving certificate", { user: "U0777", channel: "C0042" });
    await f.slack("???", { user: "U0777", channel: "C0042" });
  });
  afterAll(() => f.close());

  it("keeps the words, trip, platform, channel and time; no user; expiring after 90 days", async () => {
    const out = await f.table.doc.send(
      new QueryCommand({
        TableName: f.table.tableName,
        KeyConditionExpression: "pk = :pk",
        ExpressionAttributeValues: { ":pk": keys.questions("red-sea-dive") },
      }),
    );
    const items = out.Items ?? [];
    // Slack's first word arrives lower-cased (it is read as a possible command name first).
    expect(items.map((i) => String(i.text).toLowerCase()).sort()).toEqual([
      "can @someone and @someone join the karaoke in #channel",
      "is there a pool",
      "is there a pool?",
      "karaoke on the boat @everyone",
      "pool??",
    ]);
    for (const item of items) {
      expect(Object.keys(item).sort()).toEqual(
        ["askedAt", "channelId", TTL_ATTRIBUTE, "pk", "platform", "sk", "text", "tripId"].sort(),
      );
      // The sort key's random part aside, nothing names who asked or whom they mentioned.
      const { sk: _random, ...kept } = item;
      expect(JSON.stringify(kept)).not.toMatch(
        /U0777|4242|31337000111|77700022|88800033|ana|Runner/,
      );
      expect(item[TTL_ATTRIBUTE]).toBe(now.getTime() / 1000 + 90 * 86_400);
    }
    const where = items.map((i) => `${i.platform}:${i.channelId}`).sort();
    expect(where).toEqual([
      "discord:555",
      "discord:555",
      "slack:C0042",
      "slack:C0042",
      "slack:C0042",
    ]);
  });

  it("organisers see them grouped, with counts, most asked first, on both platforms", async () => {
    const s = await f.slack("questions", { user: "UORG1" });
    const shownSlack = slackText(s.body);
    const d = await f.discord("questions", undefined, { user: "900" });
    const shownDiscord = discordText(d);
    for (const shown of [shownSlack, shownDiscord]) {
      expect(shown).toMatch(/5 questions/);
      const lines = shown.split("\n").filter((l) => /\d×/.test(l));
      expect(lines).toHaveLength(3);
      expect(lines[0]).toMatch(/3×.*pool/i);
      expect(lines.slice(1).join("\n")).toMatch(/1×.*karaoke on the boat/);
      expect(lines.slice(1).join("\n")).toMatch(/1×.*can @someone and @someone join/);
    }
    expect(d.body.data?.allowed_mentions).toEqual({ parse: [] });
    expect(JSON.stringify(s.body)).not.toMatch(/(?<!\u2060)@everyone/);
  });

  it("anyone else is refused, on both platforms, by the one rule: listed for that platform", async () => {
    const refusals = [
      slackText((await f.slack("questions", { user: "U0777" })).body),
      // The Discord organiser's id means nothing on Slack, and the other way round.
      slackText((await f.slack("questions", { user: "900" })).body),
      discordText(await f.discord("questions", undefined, { user: "4242" })),
      discordText(await f.discord("questions", undefined, { user: "UORG1" })),
      // Managing the server makes nobody an organiser.
      discordText(
        await f.discord("questions", undefined, { user: "4243", permissions: MANAGE_SERVER }),
      ),
    ];
    for (const shown of refusals) {
      expect(shown).toMatch(/organisers/i);
      expect(shown).not.toMatch(/pool|karaoke/);
    }
  });

  it("questions older than 90 days are gone from the list", async () => {
    f.setNow(new Date(now.getTime() + 89 * 86_400_000));
    expect(slackText((await f.slack("questions", { user: "UORG1" })).body)).toMatch(/3×.*pool/i);
    f.setNow(new Date(now.getTime() + 91 * 86_400_000));
    const shown = slackText((await f.slack("questions", { user: "UORG1" })).body);
    expect(shown).toMatch(/No unanswered questions/);
    f.setNow(now);
  });
});
