import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { COMMANDS, parseCommandText, takesLong } from "../../bot/commands/registry";
import { momentInDestination } from "../../bot/reply";
import { WORKING_ON_IT } from "../../bot/slack/jobs";
import { startFakeSlackApi } from "../../bot/slack/stand-in";
import { NEW_YORK, PYONGYANG } from "../helpers/local-table";
import { noChatChanges } from "../helpers/no-chat-changes";
import {
  type SlackAnswer,
  type SlackFixture,
  slackFixture,
  slackHandler,
  visibleText,
} from "./setup";
import { buttonClickBody, commandBody, SECRET, sign, slackEvent } from "./signed";

// Slack's own example from "Verifying requests from Slack".
const EXAMPLE = {
  secret: "8f742231b10e8888abcd99yyyzzz85a5",
  timestamp: 1531420618,
  body: "token=xyzz0WbapA4vBCDEFasx0q6G&team_id=T1DC2JH3J&team_domain=testteamnow&channel_id=G8PSS9T3V&channel_name=foobar&user_id=U2CERLKJA&user_name=roadrunner&command=%2Fwebhook-collect&text=&response_url=https%3A%2F%2Fhooks.slack.com%2Fcommands%2FT1DC2JH3J%2F397700885554%2F96rGlfmibIGlgcZRskXaIFfN&trigger_id=398738663015.47445629121.803a0bc887a14d10d2c447fce8b6703c",
  signature: "v0=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503",
};

const answerOf = (res: { statusCode: number; body: string }): SlackAnswer => {
  expect(res.statusCode).toBe(200);
  return JSON.parse(res.body) as SlackAnswer;
};

describe("Slack handler: Pyongyang", () => {
  let f: SlackFixture;
  beforeAll(async () => {
    f = await slackFixture(PYONGYANG);
  });
  afterAll(() => f.close());

  it("accepts Slack's published signature example, and nothing else signed with it", async () => {
    expect(sign(EXAMPLE.secret, EXAMPLE.timestamp, EXAMPLE.body)).toBe(EXAMPLE.signature);
    const handler = slackHandler({
      env: { SLACK_SIGNING_SECRET: EXAMPLE.secret, TABLE_NAME: "unused" },
      bot: () => ({
        answer: async () => ({ title: "Hi", blocks: [], buttons: [], visibility: "private" }),
        suggest: async () => [],
        ...noChatChanges,
      }),
      clock: () => new Date(EXAMPLE.timestamp * 1000 + 10_000),
    });
    const event = slackEvent(EXAMPLE.body, {
      timestamp: EXAMPLE.timestamp,
      signature: EXAMPLE.signature,
    });
    expect((await handler(event)).statusCode).toBe(200);
    const tampered = slackEvent(EXAMPLE.body.replace("text=", "text=x"), {
      timestamp: EXAMPLE.timestamp,
      signature: EXAMPLE.signature,
    });
    expect((await handler(tampered)).statusCode).toBe(401);
  });

  it("answers every command and example privately, with a Share button", async () => {
    const api = await startFakeSlackApi();
    /** The answer as the reader sees it: at once, or (a slow command) through response_url. */
    const answerTo = async (example: string): Promise<SlackAnswer> => {
      const responseUrl = api.responseUrl(example);
      const res = await f.handler(slackEvent(commandBody(example, { response_url: responseUrl })));
      const { command: name, input } = parseCommandText(example);
      if (!takesLong({ command: name, input })) return answerOf(res);
      expect(answerOf(res).blocks[0]?.text?.text, example).toBe(WORKING_ON_IT.title);
      await f.handler.idle();
      return api.responses(example)[0] as unknown as SlackAnswer;
    };
    try {
      await everyExample(answerTo);
    } finally {
      await api.close();
    }
  });

  const everyExample = async (answerTo: (example: string) => Promise<SlackAnswer>) => {
    for (const command of COMMANDS) {
      for (const example of [command.name, ...command.examples]) {
        const answer = await answerTo(example);
        expect(answer.response_type, example).toBe("ephemeral");
        expect(answer.blocks[0]?.type, example).toBe("header");
        expect(answer.text.length, example).toBeGreaterThan(0);
        const buttons = answer.blocks.flatMap((b) =>
          b.type === "actions" ? (b.elements ?? []) : [],
        );
        const { command: name, input } = parseCommandText(example);
        const reply = await f.bot.answer({
          command: name,
          input,
          user: { id: "U0001" },
          channel: { id: "C0001" },
          platform: "slack",
        });
        expect(answer.blocks[0]?.text?.text, example).toBe(reply.title);
        const shareable = reply.buttons.some((b) => b.action === "share");
        expect(
          buttons.some((b) => b.action_id === "share"),
          example,
        ).toBe(shareable);
      }
    }
  };

  it("shows the start in each reader's time and in Pyongyang time", async () => {
    const answer = answerOf(await f.handler(slackEvent(commandBody("when"))));
    const start = f.trip.event.startAt;
    const unix = start.getTime() / 1000;
    const shown = visibleText(answer);
    expect(shown).toContain(`<!date^${unix}^`);
    expect(shown).toContain(
      momentInDestination({
        type: "moment",
        at: start,
        style: "datetime",
        zone: f.trip.zone,
        zoneLabel: f.trip.zoneLabel,
      }),
    );
    expect(shown).toContain(f.trip.event.startPlace.name);
  });

  it("answers a base64 body with non-ASCII text", async () => {
    const event = slackEvent(commandBody("faq Ünïcode café ☕"), { base64: true });
    const answer = answerOf(await f.handler(event));
    expect(answer.blocks.length).toBeGreaterThan(0);
  });

  it("reads a command through characters nobody sees: zero-width spaces, marks, controls", async () => {
    const titleOf = async (text: string) =>
      answerOf(await f.handler(slackEvent(commandBody(text)))).blocks[0]?.text?.text;
    const when = "When: Pyongyang International Marathon 2025";
    // A phone's zero-width space after the word, a right-to-left mark or override before it.
    for (const typed of ["when\u200b", "\u200fwhen", "\u202ewhen", "\ufeffwhen", "when\u0000"]) {
      expect(await titleOf(typed), JSON.stringify(typed)).toBe(when);
    }
    expect(await titleOf("itinerary\u200b2")).toBe("Itinerary: Day 2 — Fri 4 Apr 2025");
    // Nothing visible typed is the bare command.
    expect(await titleOf("\u200b \u200e")).toBe("Pyongyang Marathon tour 2025");
  });

  it("answers the bare command with the trip overview", async () => {
    const answer = answerOf(await f.handler(slackEvent(commandBody(""))));
    expect(visibleText(answer)).toContain(f.trip.name);
  });

  it("rejects a wrong signature, a stale or future timestamp, and missing headers with 401", async () => {
    const body = commandBody("when");
    const now = Math.floor(Date.now() / 1000);
    const cases = [
      slackEvent(body, { secret: "another-secret" }),
      slackEvent(body, { timestamp: now - 301 }),
      slackEvent(body, { timestamp: now + 301 }),
      slackEvent(body, { signature: "v0=" }),
      slackEvent(body, { signature: "nonsense" }),
      { ...slackEvent(body), headers: { "content-type": "application/x-www-form-urlencoded" } },
    ];
    for (const event of cases) expect((await f.handler(event)).statusCode).toBe(401);
  });

  it("rejects a body truncated after signing with 401", async () => {
    const event = slackEvent(commandBody("itinerary"));
    expect((await f.handler({ ...event, body: event.body?.slice(0, 40) })).statusCode).toBe(401);
  });

  it("answers 400 to signed bodies that are not Slack's", async () => {
    const cases = [
      slackEvent("payload=%7B%22type%22%3A%22block_act", {}),
      slackEvent("hello world", { contentType: "text/plain" }),
      slackEvent("{not json", { contentType: "application/json" }),
      slackEvent("[1,2]", { contentType: "application/json" }),
      slackEvent("a=1&b=2"),
      slackEvent(""),
    ];
    for (const event of cases) expect((await f.handler(event)).statusCode).toBe(400);
  });

  it("refuses a huge body without trouble", async () => {
    const huge = commandBody(`faq ${"visa ".repeat(400_000)}`);
    expect((await f.handler(slackEvent(huge))).statusCode).toBe(413);
    expect((await f.handler(slackEvent(huge, { base64: true }))).statusCode).toBe(413);
  });

  it("answers Slack's url_verification and ssl_check", async () => {
    const challenge = "3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P";
    const res = await f.handler(
      slackEvent(JSON.stringify({ token: "t", challenge, type: "url_verification" }), {
        contentType: "application/json",
      }),
    );
    expect(res.statusCode).toBe(200);
    expect(JSON.parse(res.body)).toEqual({ challenge });
    const ssl = await f.handler(slackEvent("ssl_check=1&token=t", { signature: "unsigned" }));
    expect(ssl.statusCode).toBe(200);
  });

  it("does not answer a retried request a second time", async () => {
    const event = slackEvent(commandBody("when"), {
      headers: { "x-slack-retry-num": "1", "x-slack-retry-reason": "http_timeout" },
    });
    const res = await f.handler(event);
    expect(res.statusCode).toBe(200);
    expect(res.body).toBe("");
  });

  it("answers a command it does not know with a short 'did you mean'", async () => {
    const answer = answerOf(await f.handler(slackEvent(commandBody("itinerery"))));
    expect(visibleText(answer)).toContain("Did you mean /marathon itinerary?");
    expect(visibleText(answer)).not.toContain("/marathon faq [question]");
  });
});

describe("Slack handler: New York", () => {
  let f: SlackFixture;
  beforeAll(async () => {
    f = await slackFixture(NEW_YORK);
  });
  afterAll(() => f.close());

  it("answers every command from the New York trip", async () => {
    for (const command of COMMANDS) {
      const answer = answerOf(await f.handler(slackEvent(commandBody(command.name))));
      expect(answer.blocks.length, command.name).toBeGreaterThan(1);
    }
    const when = answerOf(await f.handler(slackEvent(commandBody("when"))));
    expect(visibleText(when)).toContain(`${f.trip.zoneLabel} time`);
  });
});

describe("Slack handler: failures", () => {
  const failing = (answer: () => Promise<never>) =>
    slackHandler({
      env: { SLACK_SIGNING_SECRET: SECRET, TABLE_NAME: "unused" },
      bot: () => ({ answer, suggest: async () => [], ...noChatChanges }),
    });

  it("answers privately that something went wrong when the facts cannot be read", async () => {
    const handler = failing(() => Promise.reject(new Error("DynamoDB is down")));
    const res = await handler(slackEvent(commandBody("when")));
    const answer = answerOf(res);
    expect(answer.response_type).toBe("ephemeral");
    expect(visibleText(answer)).toMatch(/try again/i);
  });

  it("apologises privately when a Share click cannot be answered", async () => {
    const slack = await startFakeSlackApi();
    try {
      const handler = failing(() => Promise.reject(new Error("DynamoDB is down")));
      const value = JSON.stringify({ c: "/marathon", t: "when" });
      const click = buttonClickBody({
        actionId: "share",
        value,
        responseUrl: slack.responseUrl("x"),
      });
      expect((await handler(slackEvent(click))).statusCode).toBe(200);
      expect(slack.posts()).toHaveLength(0);
      expect(String(slack.responses("x")[0]?.text)).toMatch(/try again/i);
    } finally {
      await slack.close();
    }
  });

  it("passes what the reader typed to the core unescaped", async () => {
    let seen = "";
    const handler = slackHandler({
      env: { SLACK_SIGNING_SECRET: SECRET, TABLE_NAME: "unused" },
      bot: () => ({
        answer: async (r) => {
          seen = r.input;
          return { title: "ok", blocks: [], buttons: [], visibility: "private" };
        },
        suggest: async () => [],
        ...noChatChanges,
      }),
    });
    // Slack sends "faq Q&A <b>" as "faq Q&amp;A &lt;b&gt;".
    await handler(slackEvent(commandBody("faq Q&amp;A &lt;b&gt;")));
    expect(seen).toBe("Q&A <b>");
  });
});

describe("Slack handler: configuration", () => {
  const bot = {
    answer: async () => ({ title: "Hi", blocks: [], buttons: [], visibility: "private" as const }),
    suggest: async () => [],
    ...noChatChanges,
  };

  it("reads the signing secret and token from the secret named by SLACK_SECRET_ARN", async () => {
    const asked: string[] = [];
    const handler = slackHandler({
      env: { SLACK_SECRET_ARN: "arn:aws:secretsmanager:eu-west-1:1:secret:slack", TABLE_NAME: "t" },
      bot: () => bot,
      fetchSecret: async (id) => {
        asked.push(id);
        return JSON.stringify({ SLACK_SIGNING_SECRET: SECRET, SLACK_BOT_TOKEN: "xoxb-1" });
      },
    });
    expect((await handler(slackEvent(commandBody("when")))).statusCode).toBe(200);
    expect(asked).toEqual(["arn:aws:secretsmanager:eu-west-1:1:secret:slack"]);
    const forged = slackEvent(commandBody("when"), { secret: "other" });
    expect((await handler(forged)).statusCode).toBe(401);
  });

  it("answers 500 while the secret holds no signing secret yet", async () => {
    const handler = slackHandler({
      env: { SLACK_SECRET_ARN: "arn:slack", TABLE_NAME: "t" },
      bot: () => bot,
      fetchSecret: async () => JSON.stringify({ SLACK_SIGNING_SECRET: "", SLACK_BOT_TOKEN: "" }),
    });
    expect((await handler(slackEvent(commandBody("when")))).statusCode).toBe(500);
  });

  it("answers 500, and does not throw, when the signing secret is missing", async () => {
    const handler = slackHandler({ env: {} });
    const res = await handler(slackEvent(commandBody("when"), { secret: SECRET }));
    expect(res.statusCode).toBe(500);
  });
});
