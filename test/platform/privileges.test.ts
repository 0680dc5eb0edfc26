import { ScanCommand } from "@aws-sdk/lib-dynamodb";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { inProcessAfterResponse } from "../../bot/after-response";
import { ANNOUNCEMENT_MAX_UNITS } from "../../bot/commands/announce";
import { discordCommands } from "../../bot/discord/commands";
import { discord } from "../../bot/discord/platform";
import { type FakeDiscordApi, startFakeDiscordApi } from "../../bot/discord/stand-in";
import { lambdaHttp } from "../../bot/lambda/http";
import { type FakeSlackApi, startFakeSlackApi } from "../../bot/slack/stand-in";
import type { LocalEnvironment } from "../../dev/environment";
import { MANAGE_SERVER, replyOf, signedEvent, testKeys } from "../discord/helpers";
import { localTable } from "../helpers/local-table";
import { NEW_YORK, PYONGYANG, withOrganisers } from "../helpers/memory-trips";
import { slackHandler } from "../slack/setup";
import { commandBody, SECRET, slackEvent } from "../slack/signed";

/**
 * Who may do what, driven through both platforms' handlers with signed requests, against one
 * real local table: every refusal leaves the table exactly as it was.
 */

const A = "pyongyang-marathon-2025";
const B = "new-york-marathon-2025";
/** Each platform's people: A's organiser, B's organiser, a traveller. */
const PEOPLE = {
  slack: { alice: "UALICE", bob: "UBOB", traveller: "UTRAVELLER" },
  discord: { alice: "111111111111111111", bob: "222222222222222222", traveller: "333" },
} as const;
type PlatformName = keyof typeof PEOPLE;

let table: LocalEnvironment;
let slackApi: FakeSlackApi;
let discordApi: FakeDiscordApi;
let slack: ReturnType<typeof slackHandler>;
let discordHandler: ReturnType<typeof lambdaHttp>;
const discordLater: { idle(): Promise<void> }[] = [];
const keys = testKeys();

beforeAll(async () => {
  table = await localTable({
    trips: [
      withOrganisers(PYONGYANG, { slack: ["UALICE"], discord: [PEOPLE.discord.alice] }),
      withOrganisers(NEW_YORK, { slack: ["UBOB"], discord: [PEOPLE.discord.bob] }),
    ],
  });
  [slackApi, discordApi] = await Promise.all([startFakeSlackApi(), startFakeDiscordApi()]);
  const tableEnv = { TABLE_NAME: table.tableName, DYNAMODB_ENDPOINT: table.endpoint };
  slack = slackHandler({
    env: {
      ...tableEnv,
      SLACK_SIGNING_SECRET: SECRET,
      SLACK_BOT_TOKEN: "xoxb-test",
      SLACK_API_URL: slackApi.apiUrl,
    },
  });
  discordHandler = lambdaHttp(discord, {
    env: {
      ...tableEnv,
      DISCORD_PUBLIC_KEY: keys.publicKeyHex,
      DISCORD_BOT_TOKEN: "test-token",
      DISCORD_API_URL: discordApi.url,
    },
    later: (run) => {
      const later = inProcessAfterResponse(run, (e) => {
        throw e;
      });
      discordLater.push(later);
      return later;
    },
  });
});
afterAll(async () => {
  await Promise.all([table.close(), slackApi.close(), discordApi.close()]);
});

interface Said {
  /** Everything the person was shown, as the platform received it. */
  text: string;
}

let seq = 0;

/** `/marathon <text>` typed by `user` in `channel`, as Slack sends it; the answers they saw. */
async function viaSlack(user: string, channel: string, text: string): Promise<Said> {
  const ref = `r${++seq}`;
  const res = await slack(
    slackEvent(
      commandBody(text, {
        user_id: user,
        user_name: `name-of-${user}`,
        channel_id: channel,
        response_url: slackApi.responseUrl(ref),
      }),
    ),
  );
  expect(res.statusCode).toBe(200);
  await slack.idle();
  // An empty answer: a modal opened instead (trip upload, edit).
  const answer = res.body === "" ? { opened: "a modal" } : JSON.parse(res.body);
  return { text: JSON.stringify([answer, ...slackApi.responses(ref)]) };
}

/** `/marathon <sub> <option>` by `user` in `channel`, as Discord sends it, signed. */
async function viaDiscord(
  user: string,
  channel: string,
  text: string,
  permissions = "0",
): Promise<Said> {
  const [sub = "", ...rest] = text.split(" ");
  const option = discordCommands()[0]?.options?.find((o) => o.name === sub) as
    | { options?: { name: string }[] }
    | undefined;
  const optionName = option?.options?.[0]?.name;
  const token = `token-${++seq}`;
  const interaction = {
    id: String(seq),
    application_id: "app-1",
    type: 2,
    data: {
      id: "cmd",
      name: "marathon",
      type: 1,
      options: [
        {
          type: 1,
          name: sub,
          ...(optionName && rest.length
            ? { options: [{ type: 3, name: optionName, value: rest.join(" ") }] }
            : {}),
        },
      ],
    },
    guild_id: "guild-1",
    channel_id: channel,
    channel: { id: channel, type: 0 },
    member: {
      user: { id: user, username: `name-of-${user}`, global_name: `name-of-${user}` },
      nick: null,
      roles: [],
      permissions,
    },
    token,
    version: 1,
    locale: "en-GB",
  };
  const res = await discordHandler(
    signedEvent(JSON.stringify(interaction), {
      privateKey: keys.privateKey,
      timestamp: Math.floor(Date.now() / 1000),
    }),
  );
  expect(res.statusCode).toBe(200);
  for (const later of discordLater) await later.idle();
  const edits = discordApi.webhookCalls(token).map((c) => c.body);
  return { text: JSON.stringify([replyOf(res), ...edits]) };
}

const say = (platform: PlatformName, user: string, channel: string, text: string) =>
  platform === "slack" ? viaSlack(user, channel, text) : viaDiscord(user, channel, text);

/** Every item in the table, in a stable order: what "left untouched" is checked against. */
async function snapshot(): Promise<string> {
  const items: Record<string, unknown>[] = [];
  let start: Record<string, unknown> | undefined;
  do {
    const page = await table.doc.send(
      new ScanCommand({ TableName: table.tableName, ExclusiveStartKey: start }),
    );
    items.push(...((page.Items ?? []) as Record<string, unknown>[]));
    start = page.LastEvaluatedKey;
  } while (start);
  return JSON.stringify(
    items.map((i) => JSON.stringify(i)).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)),
  );
}

const channels = () => table.stores.channels;

/** The parts of a posted message these tests read, on either platform. */
interface PostedMessage {
  blocks?: { type: string; text?: { text: string } }[];
  embeds?: { description?: string }[];
}

/** Channel posts the platform received in `channel`, as JSON text. */
const postsIn = (platform: PlatformName, channel: string): unknown[] =>
  platform === "slack"
    ? slackApi
        .posts()
        .filter((p) => p.body.channel === channel)
        .map((p) => p.body)
    : discordApi.posted(channel);

describe.each(["slack", "discord"] as const)("who may do what on %s", (platform) => {
  const { alice, bob, traveller } = PEOPLE[platform];
  const ch = (name: string) => `${platform === "slack" ? "C" : "9"}${name}`;

  it("B's organiser cannot take over a channel linked to A, reminders and all", async () => {
    const channel = ch("TAKEOVER");
    expect(await say(platform, alice, channel, `link ${A}`)).toMatchObject({
      text: expect.stringContaining("Channel linked"),
    });
    expect((await say(platform, alice, channel, "reminders on")).text).toContain(
      "Reminders are on",
    );
    const before = await snapshot();
    const taken = await say(platform, bob, channel, `link ${B}`);
    expect(taken.text).toContain("This channel belongs to another trip");
    expect(await snapshot()).toBe(before);
    expect(await channels().linkedTrip(platform, channel)).toBe(A);
    expect(await channels().isSubscribed(A, platform, channel)).toBe(true);
    // Nor may B's organiser switch A's channel off.
    for (const text of ["unlink", "reminders off"]) {
      expect((await say(platform, bob, channel, text)).text).toContain(
        "Only organisers can do that",
      );
    }
    expect(await snapshot()).toBe(before);
  });

  it("a refusal reads the same for a trip that does not exist and one that is not yours", async () => {
    const channel = ch("PROBE");
    const before = await snapshot();
    const notYours = await say(platform, bob, channel, `link ${A}`);
    const missing = await say(platform, bob, channel, "link pyongyang-marathon-2030");
    expect(notYours.text).toContain("Not a trip you organise");
    const masked = (said: Said, id: string) => said.text.replaceAll(id, "<id>");
    expect(masked(missing, "pyongyang-marathon-2030")).toBe(masked(notYours, A));
    expect(await snapshot()).toBe(before);
  });

  it("a traveller is refused questions, announce, link, unlink and reminders, and nothing changes", async () => {
    const channel = ch("TRAVEL");
    await say(platform, alice, channel, `link ${A}`);
    const before = await snapshot();
    for (const text of [
      "questions",
      "announce Free drinks at the bar @here",
      `link ${A}`,
      "unlink",
      "reminders on",
      "reminders off",
      "faq post",
    ]) {
      const said = await say(platform, traveller, channel, text);
      expect(said.text, text).toMatch(/Only organisers can do that|Not a trip you organise/);
      expect(said.text, text).toContain(traveller);
    }
    expect(postsIn(platform, channel)).toEqual([]);
    expect(await snapshot()).toBe(before);
  });

  it("an announcement is posted publicly, attributed, and pings nobody unless it starts with @here", async () => {
    const channel = ch("NEWS");
    await say(platform, alice, channel, `link ${A}`);
    const quiet = await say(
      platform,
      alice,
      channel,
      "announce Bus moves to 06:05. @everyone <@123456789012345678> <!channel> @here",
    );
    expect(quiet.text).toContain("Announcement posted");
    const [post, ...more] = postsIn(platform, channel) as Record<string, unknown>[];
    expect(more).toEqual([]);
    const posted = JSON.stringify(post);
    expect(posted).toContain(`Announcement from name-of-${alice}`);
    expect(posted).toContain("Bus moves to 06:05.");
    if (platform === "slack") {
      // Slack pings only through its `<!…>` and `<@…>` syntax, which the text cannot form.
      expect(posted).not.toMatch(/<!(here|channel|everyone)|<@\d/);
    } else {
      expect(post?.allowed_mentions).toEqual({ parse: [] });
      expect(post?.content).toBeUndefined();
    }

    await say(platform, alice, channel, "announce @here Passports to the guide by 20:00");
    const [, pinged] = postsIn(platform, channel) as Record<string, unknown>[];
    const pingedText = JSON.stringify(pinged);
    expect(pingedText).toContain("Passports to the guide by 20:00");
    if (platform === "slack") {
      expect(String(pinged?.text)).toMatch(/^<!here> /);
      // One ping in the message's blocks, and no other mention syntax.
      expect(JSON.stringify(pinged?.blocks).match(/<!here>/g)).toHaveLength(1);
      expect(pingedText).not.toMatch(/<!(channel|everyone)|<@\d/);
    } else {
      expect(pinged?.content).toBe("@here");
      expect(pinged?.allowed_mentions).toEqual({ parse: ["everyone"] });
    }
  });

  it("a long announcement is cut at the limit, and the organiser is told", async () => {
    const channel = ch("LONG");
    await say(platform, alice, channel, `link ${A}`);
    const said = await say(platform, alice, channel, `announce ${"Bring water. ".repeat(200)}`);
    expect(said.text).toContain(`longer than ${ANNOUNCEMENT_MAX_UNITS.toLocaleString("en")}`);
    const [post, ...more] = postsIn(platform, channel) as PostedMessage[];
    expect(more).toEqual([]);
    const body =
      platform === "slack"
        ? (post?.blocks ?? []).flatMap((b) => (b.type === "section" ? [b.text?.text] : []))
        : (post?.embeds ?? []).map((e) => e.description);
    const [shown, ...others] = body;
    expect(others).toEqual([]);
    expect(shown?.startsWith("Bring water. Bring water.")).toBe(true);
    expect(shown?.endsWith("…")).toBe(true);
    expect(shown?.length).toBeLessThanOrEqual(ANNOUNCEMENT_MAX_UNITS);
  });
});

describe("a Discord member who manages the server", () => {
  const manager = "444444444444444444";
  const alice = PEOPLE.discord.alice;

  it("cannot link a channel to a trip that does not list them", async () => {
    const before = await snapshot();
    const said = await viaDiscord(manager, "9MANAGE", `link ${A}`, MANAGE_SERVER);
    expect(said.text).toContain("Not a trip you organise");
    expect(await snapshot()).toBe(before);
    expect(await channels().linkedTrip("discord", "9MANAGE")).toBeUndefined();
  });

  it("may turn reminders off and unlink in their server, but not turn reminders on", async () => {
    await viaDiscord(alice, "9OFF", `link ${A}`);
    await viaDiscord(alice, "9OFF", "reminders on");
    await viaDiscord(alice, "9ON", `link ${A}`);
    const before = await snapshot();
    const on = await viaDiscord(manager, "9ON", "reminders on", MANAGE_SERVER);
    expect(on.text).toContain("Only organisers can do that");
    expect(await snapshot()).toBe(before);
    expect(await channels().isSubscribed(A, "discord", "9ON")).toBe(false);

    const off = await viaDiscord(manager, "9OFF", "reminders off", MANAGE_SERVER);
    expect(off.text).toContain("Reminders are off");
    expect(await channels().isSubscribed(A, "discord", "9OFF")).toBe(false);
    const unlinked = await viaDiscord(manager, "9OFF", "unlink", MANAGE_SERVER);
    expect(unlinked.text).toContain("Channel unlinked");
    expect(await channels().linkedTrip("discord", "9OFF")).toBeUndefined();
  });
});

/** Every organisers' command, as typed; none may do anything for someone who is not one. */
const ORGANISERS_ONLY = [
  "announce Free drinks at the bar",
  "edit race-start",
  "trip upload",
  "trip download",
  "calendar reset",
  "questions",
  "faq post",
];
const REFUSED = /Only organisers can|Only an organiser|Not a trip you organise/;

/** What the platform was asked to do beyond answering: modals, files, posts. */
function sideEffects(platform: PlatformName, channel: string) {
  return platform === "slack"
    ? {
        views: slackApi.views().length,
        files: slackApi.sharedFiles().length,
        posts: postsIn(platform, channel).length,
      }
    : { posts: postsIn(platform, channel).length };
}

describe.each(["slack", "discord"] as const)("organisers' commands on %s", (platform) => {
  const { alice, bob, traveller } = PEOPLE[platform];
  const ch = (name: string) => `${platform === "slack" ? "C" : "9"}${name}`;

  it.each([
    ["a traveller", traveller],
    ["the organiser of another trip", bob],
  ])("are all refused to %s, and nothing changes", async (_who, user) => {
    const channel = ch(`ONLY${user.slice(-3)}`);
    await say(platform, alice, channel, `link ${A}`);
    const before = await snapshot();
    const effects = sideEffects(platform, channel);
    for (const text of ORGANISERS_ONLY) {
      const said = await say(platform, user, channel, text);
      expect(said.text, text).toMatch(REFUSED);
      expect(said.text, text).not.toMatch(/"opened":"a modal"|"type":9|attachments/);
    }
    expect(sideEffects(platform, channel)).toEqual(effects);
    expect(await snapshot()).toBe(before);
    // The same commands work for the trip's organiser: the refusals above were the rule's.
    for (const text of ["edit race-start", "trip download", "trip upload"]) {
      expect((await say(platform, alice, channel, text)).text, text).not.toMatch(REFUSED);
    }
  });
});

/** One failure of the platform's channel post, as its stand-in plays it. */
function failNextPost(platform: PlatformName, fault: "429" | "503" | "dropped after posting") {
  if (platform === "slack") {
    slackApi.schedule(
      fault === "429"
        ? { kind: "rateLimit", retryAfterSeconds: 1, to: "chat.postMessage" }
        : fault === "503"
          ? { kind: "serverError", status: 503, to: "chat.postMessage" }
          : { kind: "dropAfter", to: "chat.postMessage" },
    );
  } else {
    discordApi.fault(
      fault === "429"
        ? { kind: "rate-limit", retryAfter: 1 }
        : fault === "503"
          ? { kind: "server-error", status: 503 }
          : { kind: "drop-after" },
      { method: "POST", path: /^\/v10\/channels\/[^/]+\/messages$/ },
    );
  }
}

describe.each(["slack", "discord"] as const)(
  "an announcement on %s when the platform fails",
  (platform) => {
    const { alice } = PEOPLE[platform];
    const ch = (name: string) => `${platform === "slack" ? "C" : "9"}${name}`;

    it.each(["429", "503"] as const)(
      "after a %s is posted once, waiting as asked, and the organiser told so",
      async (fault) => {
        const channel = ch(`FAIL${fault}`);
        await say(platform, alice, channel, `link ${A}`);
        failNextPost(platform, fault);
        const said = await say(platform, alice, channel, `announce Bus moves to 06:05 (${fault})`);
        expect(said.text).toContain("Announcement posted");
        expect(postsIn(platform, channel)).toHaveLength(1);
      },
    );

    it("after a connection dropped once the platform had posted, is in the channel once, and the organiser told it is", async () => {
      const channel = ch("DROPPED");
      await say(platform, alice, channel, `link ${A}`);
      failNextPost(platform, "dropped after posting");
      const said = await say(platform, alice, channel, "announce Passports to the guide");
      // Discord refuses the repeat (its nonce); Slack is asked first (the post's metadata).
      expect(said.text).toContain("Announcement posted");
      expect(postsIn(platform, channel)).toHaveLength(1);
    });
  },
);

describe("an announcement on Slack whose post went unanswered and cannot be checked", () => {
  it("is not posted again, and the organiser is told to look in the channel", async () => {
    const alice = PEOPLE.slack.alice;
    await viaSlack(alice, "CUNSURE", `link ${A}`);
    slackApi.schedule(
      { kind: "dropAfter", to: "chat.postMessage" },
      { kind: "serverError", status: 503, to: "conversations.history" },
    );
    const said = await viaSlack(alice, "CUNSURE", "announce Passports to the guide");
    expect(said.text).toMatch(/may have been posted.*look in the channel/s);
    expect(postsIn("slack", "CUNSURE")).toHaveLength(1);
  });
});

describe("a Discord server manager who organises nothing", () => {
  it("is refused every organisers' command in their server, and nothing changes", async () => {
    const manager = "555555555555555555";
    await viaDiscord(PEOPLE.discord.alice, "9ADMIN", `link ${A}`);
    const before = await snapshot();
    for (const text of ORGANISERS_ONLY) {
      const said = await viaDiscord(manager, "9ADMIN", text, MANAGE_SERVER);
      expect(said.text, text).toMatch(REFUSED);
      expect(said.text, text).not.toMatch(/"type":9|attachments/);
    }
    expect(postsIn("discord", "9ADMIN")).toEqual([]);
    expect(await snapshot()).toBe(before);
  });
});

describe("the announce subcommand on Discord", () => {
  it("takes its text option from the registry", () => {
    const sub = discordCommands()[0]?.options?.find((o) => o.name === "announce") as
      | { options?: { name: string; type: number }[] }
      | undefined;
    expect(sub?.options).toEqual([expect.objectContaining({ name: "text", type: 3 })]);
  });
});
